/**
 * Folding in changes from other members (GlossaryStore.applyRemoteChanges), inside the store's
 * write transaction: each change is checked (validate-change.ts), stored unless known, and every
 * entry a new change touches is folded and written again; the report says which fields visibly
 * changed.
 */
import type { GlossaryChange, SyncReport } from '../../../../shared/glossary/sync-types';
import { readEntry, type GlossaryQueries } from '../glossary-queries';
import type { ChangeLog } from './change-log';
import { foldChanges, type EntryWriter } from './materialize';
import { reportChanges, type ReportState } from './report';
import { checkRemoteChange } from './validate-change';

/** What applyRemoteChanges did (the rest of a SyncReport is the transport's). */
export interface AppliedChanges {
  received: number;
  changedEntries: SyncReport['changedEntries'];
  skipped: SyncReport['skipped'];
}

export function applyRemoteChanges(
  changes: readonly GlossaryChange[],
  sql: GlossaryQueries,
  log: ChangeLog,
  writer: EntryWriter,
): AppliedChanges {
  const skipped: SyncReport['skipped'] = [];
  const affected = new Set<string>();
  let received = 0;
  let latest = '';
  changes.forEach((raw: unknown, index) => {
    const checked = checkRemoteChange(raw);
    if (!checked.ok) {
      skipped.push({ where: describeChange(raw, index), reason: checked.reason });
      return;
    }
    if (!log.receive(checked.change)) return;
    received++;
    affected.add(checked.change.entryId);
    if (checked.change.id > latest) latest = checked.change.id;
  });
  if (latest !== '') log.observe(latest);
  const changedEntries: SyncReport['changedEntries'] = [];
  for (const id of [...affected].sort()) {
    const before = reportState(sql, id);
    writer.write(foldChanges(id, log.changesOf(id)));
    const after = reportState(sql, id);
    const fields = reportChanges(before, after);
    const term = after?.entry.term ?? before?.entry.term;
    if (fields.length > 0 && term !== undefined) changedEntries.push({ id, term, fields });
  }
  return { received, changedEntries, skipped };
}

function reportState(sql: GlossaryQueries, id: string): ReportState | undefined {
  const entry = readEntry(sql, id);
  return entry && { entry, rejections: sql.rejectionsOf.all(id) };
}

function describeChange(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 200 ? `change ${id}` : `change #${index + 1}`;
}
