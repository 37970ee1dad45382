import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { TeamSyncStatus } from '../../../shared/api/contract-team';
import type { GlossaryConflict } from '../../../shared/glossary/sync-types';
import { errorMessage } from './entry-values';

/** How often the panel asks how sync is doing (a cheap call: no network; answers kept until they change). */
export const TEAM_POLL_MS = 3_000;

export interface TeamSync {
  status: TeamSyncStatus | null;
  conflicts: GlossaryConflict[];
  /** The clock the "synced 12 s ago" line is measured against, advanced with every poll. */
  now: number;
  /** A "Sync now" is running. */
  syncing: boolean;
  syncNow(): Promise<void>;
  /** Asks again now, e.g. after the settings were saved or a conflict was resolved. */
  poll(): Promise<void>;
}

/**
 * Polls team sync's status. When the glossary changed (a merged round, another window) the panel's
 * list and the conflicts reload; when a sync round changed entries, `onMerged` runs so the open
 * document is checked again, as after a glossary edit in this window.
 */
export function useTeamSync(api: GlossaApi, onStampChanged: () => void, onMerged: () => void): TeamSync {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  const [conflicts, setConflicts] = useState<GlossaryConflict[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [syncing, setSyncing] = useState(false);
  const seen = useRef<{ stamp: string; merges: number } | null>(null);
  const callbacks = useRef({ onStampChanged, onMerged });
  useEffect(() => {
    callbacks.current = { onStampChanged, onMerged };
  }, [onStampChanged, onMerged]);

  const poll = useCallback(async () => {
    let next: TeamSyncStatus;
    try {
      next = await api.getTeamSync({});
    } catch {
      return; // The app shows a lost connection elsewhere; the next poll tries again.
    }
    setStatus(next);
    setNow(Date.now());
    const before = seen.current;
    seen.current = { stamp: next.glossaryStamp, merges: next.merges };
    const first = before === null;
    if (first || before.stamp !== next.glossaryStamp) {
      api.listGlossaryConflicts({}).then(setConflicts, () => undefined);
    }
    if (first) return;
    if (before.stamp !== next.glossaryStamp) callbacks.current.onStampChanged();
    if (before.merges !== next.merges) callbacks.current.onMerged();
  }, [api]);

  useEffect(() => {
    void poll();
    const timer = window.setInterval(() => void poll(), TEAM_POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll]);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      await api.syncGlossaryNow({});
    } catch (caught) {
      // The status line shows the round's reason; a refusal before any round is shown the same way.
      setStatus((current) => (current ? { ...current, lastError: errorMessage(caught) } : current));
    } finally {
      setSyncing(false);
      await poll();
    }
  }, [api, poll]);

  return { status, conflicts, now, syncing, syncNow, poll };
}
