import type { TeamSyncStatus } from '../../../shared/api/contract-team';
import { syncLine } from './team-values';

interface TeamSyncStatusLineProps {
  status: TeamSyncStatus | null;
  now: number;
  syncing: boolean;
  onSyncNow: () => void;
  onSettings: () => void;
}

/**
 * Under the glossary's title: where the glossary syncs, how long ago, or why it failed, with
 * "Sync now" and the settings. Nothing where this window cannot sync (no team sync service).
 */
export function TeamSyncStatusLine({ status, now, syncing, onSyncNow, onSettings }: TeamSyncStatusLineProps) {
  if (!status?.available) return null;
  const failed = status.lastError !== null && !status.syncing && !syncing;
  const busy = syncing || status.syncing;
  return (
    <div className="team-sync-line" data-testid="team-sync-line">
      <p
        className={failed ? 'team-sync-text team-sync-failed' : 'team-sync-text'}
        role="status"
        aria-live="polite"
        data-testid="team-sync-status"
        title={status.connectedTo ?? undefined}
      >
        {syncLine(busy ? { ...status, syncing: true } : status, now)}
      </p>
      <div className="team-sync-actions">
        {status.mode !== 'off' && (
          <button
            type="button"
            className="button button-quiet glossary-panel-small-button"
            onClick={onSyncNow}
            disabled={busy}
            data-testid="team-sync-now"
          >
            Sync now
          </button>
        )}
        <button
          type="button"
          className="button button-quiet glossary-panel-small-button"
          onClick={onSettings}
          aria-haspopup="dialog"
          data-testid="team-sync-settings"
        >
          Team sync…
        </button>
      </div>
    </div>
  );
}
