/**
 * How a file's entries go into the glossary store (inside its one write transaction per file): a
 * new term is created, a known one merged by glossary-import's rules, and each term counted once
 * as created, updated or unchanged. A bad entry throws GlossaryImportError naming its place in the
 * file, so the transaction leaves the glossary untouched.
 */
import type { ImportSummary } from '../../../shared/glossary/types';
import { GlossaryImportError, GlossaryValidationError } from './glossary-errors';
import { mergeImportedEntry, sameEntryFields, type ImportedEntry } from './glossary-import';
import { toEntry, type GlossaryQueries } from './glossary-queries';
import { textKey } from './glossary-text';
import { checkEntryFields } from './glossary-validation';
import type { EntryCommits } from './sync/entry-commits';
import { newEntryId } from './sync/entry-id';
import { createDraft } from './sync/local-changes';

export class EntryImporter {
  constructor(
    private readonly sql: GlossaryQueries,
    private readonly commits: EntryCommits,
  ) {}

  /** A term that appears twice in the file is merged like any re-import, and counted once. */
  importAll(entries: readonly ImportedEntry[]): ImportSummary {
    const outcomes = new Map<string, keyof ImportSummary>();
    for (const entry of entries) {
      try {
        this.importEntry(entry, outcomes);
      } catch (error) {
        if (!(error instanceof GlossaryValidationError)) throw error;
        const field = error.field === undefined ? {} : { field: error.field };
        throw new GlossaryImportError({ ...entry.location, ...field }, error.message);
      }
    }
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    for (const outcome of outcomes.values()) summary[outcome]++;
    return summary;
  }

  private importEntry(entry: ImportedEntry, outcomes: Map<string, keyof ImportSummary>): void {
    // Checked alone first, so a bad value is reported as the file's, not as the merge's.
    const incoming = checkEntryFields(entry.fields);
    const key = textKey(incoming.term);
    const row = this.sql.entryByKey.get(key);
    if (!row) {
      const id = newEntryId();
      this.commits.commit(id, [], [createDraft(id, incoming)], {}, true);
      outcomes.set(key, 'created');
      return;
    }
    const stored = toEntry(row);
    const merged = checkEntryFields(mergeImportedEntry(stored, entry.fields));
    const changed = !sameEntryFields(merged, stored);
    if (changed) this.commits.rewrite(this.commits.load(row.id), merged);
    // An entry created or updated earlier in this file stays counted as such.
    const earlier = outcomes.get(key);
    if (earlier === undefined) outcomes.set(key, changed ? 'updated' : 'unchanged');
    else if (earlier === 'unchanged' && changed) outcomes.set(key, 'updated');
  }
}
