/**
 * Entries from before the change log (migration 3) get a create change (with their own dates) and
 * their rejections, recorded by this device, so they can be shared. The migration leaves a
 * `backfill` mark in the meta table; the store runs this once, in a write transaction, and the
 * mark goes.
 */
import { toEntry, type GlossaryQueries } from '../glossary-queries';
import type { EntryFields } from '../glossary-validation';
import type { ChangeLog } from './change-log';
import { createDraft } from './local-changes';
import { foldChanges, type EntryWriter } from './materialize';

export function needsBackfill(log: ChangeLog): boolean {
  return log.meta('backfill') !== undefined;
}

export function backfillChangeLog(sql: GlossaryQueries, log: ChangeLog, writer: EntryWriter): void {
  for (const row of sql.unlogged.all()) {
    const entry = toEntry(row);
    const fields: EntryFields = { ...entry, forms: entry.forms, variants: entry.variants };
    const provenance = {
      createdAt: entry.createdAt,
      createdBy: entry.createdBy,
      updatedAt: entry.updatedAt,
      updatedBy: entry.updatedBy,
    };
    const drafts = [createDraft(entry.id, fields, provenance)];
    for (const rejection of sql.rejectionsOf.all(entry.id)) {
      drafts.push({
        entryId: entry.id,
        field: `rejection:${rejection.key}`,
        oldValue: null,
        newValue: { heardText: rejection.text },
        bases: [],
      });
    }
    const recorded = log.record(drafts);
    // Rejections now date from their change; rows without any rejection already read as the fold.
    if (drafts.length > 1) writer.write(foldChanges(entry.id, recorded));
  }
  log.deleteMeta('backfill');
}
