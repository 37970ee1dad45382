/**
 * How every local write reaches the tables: the drafts are stamped and stored in the change log,
 * the entry's changes are folded again (shared/glossary/merge.ts) and the fold is written
 * (materialize.ts). Runs inside the store's write transactions.
 */
import { allHeadIds, type FoldedEntry } from '../../../../shared/glossary/merge';
import type { GlossaryChange } from '../../../../shared/glossary/sync-types';
import { GlossaryNotFoundError } from '../glossary-errors';
import type { EntryFields } from '../glossary-validation';
import type { ChangeDraft, ChangeLog } from './change-log';
import { editDrafts, headIds } from './local-changes';
import { foldChanges, type BookkeepingRule, type EntryWriter, type WriteOptions } from './materialize';

/** An entry's changes and their fold, read for a write. */
export interface LoadedEntry {
  changes: GlossaryChange[];
  folded: FoldedEntry;
}

/**
 * How an edit or import that states the variants treats undo bookkeeping: a variant that stays
 * keeps its undoable acceptances (at most its new count) and stays learned-only only if its count
 * was left alone (a stated count makes the variant stated, not learned).
 */
export const restateBookkeeping: BookkeepingRule = (_key, old, acceptedCount) =>
  old
    ? {
        undoableCount: Math.min(old.undoableCount, acceptedCount),
        learnedOnly: old.learnedOnly === 1 && old.acceptedCount === acceptedCount ? 1 : 0,
      }
    : { undoableCount: 0, learnedOnly: 0 };

export class EntryCommits {
  constructor(
    private readonly log: ChangeLog,
    private readonly writer: EntryWriter,
  ) {}

  /** The device this glossary's changes are recorded by. */
  get device(): string {
    return this.log.device;
  }

  /** Stamps and stores the drafts, folds the entry's changes and writes the result. */
  commit(
    entryId: string,
    changes: readonly GlossaryChange[],
    drafts: readonly ChangeDraft[],
    options: WriteOptions = {},
    isNew = false,
  ): LoadedEntry {
    const all = [...changes, ...this.log.record(drafts)];
    const folded = foldChanges(entryId, all);
    this.writer.write(folded, options, isNew);
    return { changes: all, folded };
  }

  /** The entry's changes and fold; a visible entry unless `anyState`. */
  load(entryId: string, anyState = false): LoadedEntry {
    const changes = this.log.changesOf(entryId);
    const folded = foldChanges(entryId, changes);
    if (!anyState && (!folded.exists || folded.deleted)) throw new GlossaryNotFoundError(entryId);
    return { changes, folded };
  }

  /** Records what makes the entry read as `fields` (an edit or import). */
  rewrite(loaded: LoadedEntry, fields: EntryFields): void {
    const drafts = editDrafts(loaded.folded, fields, this.log.device);
    this.commit(loaded.folded.id, loaded.changes, drafts, { bookkeeping: restateBookkeeping });
  }
}

/** A delete (every head seen) or a restore (the deletes seen). */
export function deleteDraft(folded: FoldedEntry, deleted: boolean): ChangeDraft {
  const bases = deleted ? allHeadIds(folded) : headIds(folded, 'deleted');
  return { entryId: folded.id, field: 'deleted', oldValue: !deleted, newValue: deleted, bases };
}
