/**
 * Settling an open conflict (GlossaryStore.resolveConflict), inside the store's write transaction:
 * the changes recorded have bases that include every value in conflict, so the conflict closes on
 * every member once they have them. A duplicate term is settled by folding one entry into the
 * other and deleting it.
 */
import type { FoldedEntry } from '../../../../shared/glossary/merge';
import type {
  ConflictResolution,
  GlossaryChangeField,
  GlossaryConflict,
  JsonValue,
} from '../../../../shared/glossary/sync-types';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import { GlossaryValidationError } from '../glossary-errors';
import { readEntry, readEntryOrThrow, type GlossaryQueries } from '../glossary-queries';
import { checkEntryFields } from '../glossary-validation';
import { mergedEntryFields, type ConflictReader } from './conflicts';
import { deleteDraft, type EntryCommits } from './entry-commits';
import { editDrafts, fieldDraft } from './local-changes';
import { checkFieldValue } from './validate-change';

export class ConflictResolver {
  constructor(
    private readonly sql: GlossaryQueries,
    private readonly reader: ConflictReader,
    private readonly commits: EntryCommits,
  ) {}

  /** The entry as it reads now (the kept one, for a merge), or null when it was deleted. */
  resolve(conflictId: string, resolution: ConflictResolution): GlossaryEntry | null {
    const conflict = this.reader.find(conflictId);
    if (!conflict)
      throw new GlossaryValidationError(`No open conflict has the id ${JSON.stringify(conflictId)}`);
    if (conflict.kind === 'duplicate-term') return this.mergeDuplicate(conflict, resolution);
    const { changes, folded } = this.commits.load(conflict.entryId, true);
    const value = chosenValue(conflict, resolution);
    const draft =
      conflict.field === 'deleted'
        ? deleteDraft(folded, value === true)
        : { ...fieldDraft(folded, conflict.field, winnerValue(folded, conflict.field), value) };
    this.commits.commit(conflict.entryId, changes, [draft]);
    return readEntry(this.sql, conflict.entryId) ?? null;
  }

  /** duplicate-term: folds one entry into the other and deletes it. */
  private mergeDuplicate(conflict: GlossaryConflict, resolution: ConflictResolution): GlossaryEntry | null {
    const pair = [conflict.entryId, conflict.otherEntryId ?? ''];
    if (!('mergeInto' in resolution) || !pair.includes(resolution.mergeInto)) {
      throw new GlossaryValidationError(
        'A duplicate-term conflict is resolved by merging into one of its two entries (mergeInto)',
      );
    }
    const targetId = resolution.mergeInto;
    const otherId = pair.find((id) => id !== targetId) ?? '';
    const target = readEntryOrThrow(this.sql, targetId);
    const other = readEntryOrThrow(this.sql, otherId);
    const fields = checkEntryFields(mergedEntryFields(target, other));
    const loaded = this.commits.load(targetId);
    const drafts = editDrafts(loaded.folded, fields, this.commits.device);
    const rejected = new Set(loaded.folded.rejections.map((rejection) => rejection.key));
    for (const row of this.sql.rejectionsOf.all(otherId)) {
      if (!rejected.has(row.key))
        drafts.push(fieldDraft(loaded.folded, `rejection:${row.key}`, null, { heardText: row.text }));
    }
    this.commits.commit(targetId, loaded.changes, drafts);
    const doomed = this.commits.load(otherId);
    this.commits.commit(otherId, doomed.changes, [deleteDraft(doomed.folded, true)]);
    return readEntry(this.sql, targetId) ?? null;
  }
}

/** The value a field or delete-edit conflict is settled on; throws when the resolution does not fit. */
function chosenValue(conflict: GlossaryConflict, resolution: ConflictResolution): JsonValue {
  if ('keep' in resolution) {
    const kept = conflict.values.find((item) => item.changeId === resolution.keep);
    if (!kept)
      throw new GlossaryValidationError(
        `The change ${JSON.stringify(resolution.keep)} is not part of this conflict`,
      );
    return conflict.kind === 'delete-edit' ? kept.value === true : kept.value;
  }
  if ('deleteEntry' in resolution && conflict.field === 'deleted') return resolution.deleteEntry;
  if ('value' in resolution && conflict.kind === 'field') {
    checkFieldValue(conflict.field, resolution.value);
    return resolution.value;
  }
  throw new GlossaryValidationError(`A ${conflict.kind} conflict cannot be resolved that way`);
}

function winnerValue(folded: FoldedEntry, field: GlossaryChangeField): JsonValue {
  return folded.heads.get(field)?.[0]?.newValue ?? null;
}
