/**
 * One sync round (issue 7): send this device's unpublished changes, then fold in everyone else's.
 * The store's "unpublished" mark is the queue: changes are marked only after the transport took
 * them, so a round that fails (a dropped connection, an unreachable folder) loses nothing and the
 * next round sends them. Pulling starts from the cursor the store keeps per transport.
 */
import type { GlossaryChange, GlossaryConflict, SyncReport } from '../../../../shared/glossary/sync-types';
import type { AppliedChanges } from './apply-remote';
import { SyncError, type SyncTransport } from './transport';

/** The part of GlossaryStore a round needs (GlossaryStore implements it). */
export interface SyncableGlossary {
  unpublishedChanges(limit?: number): GlossaryChange[];
  markPublished(ids: readonly string[]): void;
  applyRemoteChanges(changes: GlossaryChange[]): AppliedChanges;
  syncCursor(key: string): string | null;
  setSyncCursor(key: string, cursor: string): void;
  conflicts(): GlossaryConflict[];
}

export interface SyncRoundOptions {
  /** Changes per publish call: one append (folder) or one INSERT batch (server). */
  batchSize?: number;
  /**
   * About how many received changes are folded in per step (whole entries at a time); the round
   * yields to the event loop between steps, so a first sync of a big team glossary never holds the
   * app's main process for seconds.
   */
  applySliceSize?: number;
}

export async function syncGlossary(
  store: SyncableGlossary,
  transport: SyncTransport,
  { batchSize = 1000, applySliceSize = 500 }: SyncRoundOptions = {},
): Promise<SyncReport> {
  let published = 0;
  let previousFirst: string | undefined;
  for (;;) {
    const batch = store.unpublishedChanges(batchSize);
    if (batch.length === 0) break;
    // Guards against a store that does not mark: never loop forever on the same batch.
    if (batch[0]!.id === previousFirst) throw new SyncError('the glossary did not record what was published');
    previousFirst = batch[0]!.id;
    await transport.publish(batch);
    store.markPublished(batch.map((change) => change.id));
    published += batch.length;
  }

  const pulled = await transport.pull(store.syncCursor(transport.key));
  const applied = await applyInSlices(store, pulled.changes, applySliceSize);
  // Saved after applying: a crash in between re-reads changes that are then ignored (idempotent).
  store.setSyncCursor(transport.key, pulled.cursor);
  return {
    published,
    received: applied.received,
    changedEntries: applied.changedEntries,
    conflicts: store.conflicts(),
    skipped: [...pulled.skipped, ...applied.skipped],
  };
}

type Applied = ReturnType<SyncableGlossary['applyRemoteChanges']>;

/**
 * Folds changes in one slice of whole entries at a time (an entry's changes stay together, so it
 * is rebuilt once), yielding between slices. The result is the same as one call: folding is
 * deterministic whatever the order and grouping of the changes.
 */
async function applyInSlices(
  store: SyncableGlossary,
  changes: readonly GlossaryChange[],
  sliceSize: number,
): Promise<Applied> {
  const byEntry = new Map<string, GlossaryChange[]>();
  for (const change of changes) {
    const group = byEntry.get(change.entryId);
    if (group) group.push(change);
    else byEntry.set(change.entryId, [change]);
  }
  const total: Applied = { received: 0, changedEntries: [], skipped: [] };
  const changed = new Map<string, Applied['changedEntries'][number]>();
  let slice: GlossaryChange[] = [];
  const flush = async () => {
    if (slice.length === 0) return;
    const applied = store.applyRemoteChanges(slice);
    slice = [];
    total.received += applied.received;
    total.skipped.push(...applied.skipped);
    for (const entry of applied.changedEntries) {
      const earlier = changed.get(entry.id);
      changed.set(
        entry.id,
        earlier ? { ...entry, fields: [...new Set([...earlier.fields, ...entry.fields])] } : entry,
      );
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for (const group of byEntry.values()) {
    slice.push(...group);
    if (slice.length >= sliceSize) await flush();
  }
  await flush();
  total.changedEntries = [...changed.values()];
  return total;
}
