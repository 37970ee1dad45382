import { useContext, useId, useState } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { EntryHistory } from './EntryHistory';
import { errorMessage } from './entry-values';
import { TeamGlossaryContext } from './team-context';
import { shortDate } from './team-values';

interface EntryTeamDetailsProps {
  entry: GlossaryEntry;
  /** The entry's roving tab stop: its buttons are reached with Tab only when it is the active one. */
  tabIndex: number;
}

/**
 * An entry's team side: a conflict mark, "Verified by X on date" with its toggle, and its history
 * (who changed what, when, and the source) on demand.
 */
export function EntryTeamDetails({ entry, tabIndex }: EntryTeamDetailsProps) {
  const team = useContext(TeamGlossaryContext);
  const historyId = useId();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!team) return null;
  const { api, onEntryChanged } = team;
  const verified = entry.verified ?? null;

  const toggleVerified = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.setGlossaryVerified({ entryId: entry.id, verified: verified === null });
      onEntryChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="team-entry">
      {(entry.conflicted || verified) && (
        <p className="team-entry-marks">
          {entry.conflicted && (
            <span className="team-entry-conflicted" data-testid="glossary-entry-conflicted">
              Conflict: see above
            </span>
          )}
          {verified && (
            <span className="team-entry-verified" data-testid="glossary-entry-verified">
              Verified by {verified.by} on {shortDate(verified.at)}
            </span>
          )}
        </p>
      )}
      <div className="team-entry-actions">
        <button
          type="button"
          className="button button-quiet glossary-panel-small-button"
          tabIndex={tabIndex}
          aria-pressed={verified !== null}
          disabled={busy}
          onClick={() => void toggleVerified()}
          aria-label={verified ? `Verified ${entry.term}: remove the mark` : `Mark ${entry.term} verified`}
          data-testid="glossary-entry-verify"
        >
          {verified ? '✓ Verified' : 'Mark verified'}
        </button>
        <button
          type="button"
          className="button button-quiet glossary-panel-small-button"
          tabIndex={tabIndex}
          aria-expanded={historyOpen}
          aria-controls={historyOpen ? historyId : undefined}
          onClick={() => setHistoryOpen((open) => !open)}
          aria-label={`History of ${entry.term}`}
          data-testid="glossary-entry-history"
        >
          History
        </button>
      </div>
      {error && (
        <p className="team-entry-error" role="alert">
          {error}
        </p>
      )}
      {historyOpen && (
        <EntryHistory api={api} entryId={entry.id} updatedAt={entry.updatedAt} id={historyId} />
      )}
    </div>
  );
}
