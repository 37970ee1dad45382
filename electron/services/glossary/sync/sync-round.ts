/**
 * One sync round (issue 7): send this device's unpublished changes, then fold in everyone else's.
 * The store's "unpublished" mark is the queue: changes are marked only after the transport took
 * them, so a round that fails (a dropped connection, an unreachable folder) loses nothing and the
 * next round sends them. Pulling starts from the cursor the store keeps per transport.
 */
import type { GlossaryChange, GlossaryConflict, SyncReport } from '../../../../shared/glossary/sync-types';
import { SyncError, type SyncTransport } from './transport';

/** The part of GlossaryStore a round needs (GlossaryStore implements it). */
export interface SyncableGlossary {
  unpublishedChanges(limit?: number): GlossaryChange[];
  markPublished(ids: readonly string[]): void;
  applyRemoteChanges(changes: GlossaryChange[]): {
    received: number;
    changedEntries: SyncReport['changedEntries'];
    skipped: SyncReport['skipped'];
  };
  syncCursor(key: string): string | null;
  setSyncCursor(key: string, cursor: string): void;
  conflicts(): GlossaryConflict[];
}

export interface SyncRoundOptions {
  /** Changes per publish call: one append (folder) or one INSERT batch (server). */
  batchSize?: number;
}

export async function syncGlossary(
  store: SyncableGlossary,
  transport: SyncTransport,
  { batchSize = 1000 }: SyncRoundOptions = {},
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
  const applied = store.applyRemoteChanges(pulled.changes);
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
