/**
 * The glossary: a SQLite file of terms, their other correct forms, their known mishearings and
 * the mishearings people rejected. GlossaryStore is its only writer: it owns the database handle
 * and the write transactions and hands the work to modules with one job each: glossary-queries
 * (reads), glossary-validation, glossary-importer, glossary-learning (learning from decisions)
 * and, for the team glossary (issue 7, docs/team-glossary.md), sync/. Every write records
 * field-level changes in the change log in the same transaction, and the entry's rows are then
 * rewritten as the fold of all its changes (sync/entry-commits.ts); changes from other members go
 * through the same fold, so the tables read the same on every member holding the same changes.
 */
import { createHash } from 'node:crypto';
import { phraseKey } from '../../../shared/engine/tokenize';
import { entryHistory } from '../../../shared/glossary/merge';
import type {
  ConflictResolution,
  EntryHistoryItem,
  GlossaryChange,
  GlossaryConflict,
  JsonValue,
} from '../../../shared/glossary/sync-types';
import type {
  GlossaryEntry,
  GlossaryEntryInput,
  GlossaryEntryPatch,
  ImportSummary,
  TermCategory,
  Variant,
} from '../../../shared/glossary/types';
import { openDatabase, type Database } from '../database/open-database';
import { formatGlossaryCsv, parseGlossaryCsv } from './glossary-csv';
import { GlossaryValidationError } from './glossary-errors';
import { sameEntryFields, type ImportedEntry } from './glossary-import';
import { EntryImporter } from './glossary-importer';
import { formatGlossaryJson, parseGlossaryJson } from './glossary-json';
import { checkRejectedText, DecisionLearning } from './glossary-learning';
import {
  prepareGlossaryQueries,
  readEntry,
  readEntryOrThrow,
  toEntry,
  toRejection,
  type GlossaryQueries,
  type StoredRejection,
} from './glossary-queries';
import { buildSearchExpression } from './glossary-search-query';
import { textKey, tidyLine } from './glossary-text';
import {
  checkDate,
  checkEntryFields,
  checkVariantText,
  checkWholeNumber,
  quote,
} from './glossary-validation';
import { glossaryMigrations } from './migrations';
import { applyRemoteChanges, type AppliedChanges } from './sync/apply-remote';
import { backfillChangeLog, needsBackfill } from './sync/backfill';
import type { ChangeLog } from './sync/change-log';
import { ConflictReader } from './sync/conflicts';
import { deleteDraft, EntryCommits, restateBookkeeping } from './sync/entry-commits';
import { newEntryId } from './sync/entry-id';
import { checkAuthorName, openChangeLog } from './sync/identity';
import { createDraft, editDrafts, fieldDraft } from './sync/local-changes';
import { EntryWriter, foldChanges } from './sync/materialize';
import { ConflictResolver } from './sync/resolve-conflict';

export type { ImportSummary } from '../../../shared/glossary/types';
export type { StoredRejection } from './glossary-queries';
export type { AppliedChanges } from './sync/apply-remote';
export { GlossaryImportError, GlossaryNotFoundError, GlossaryValidationError } from './glossary-errors';

export interface GlossaryStoreOptions {
  /** better_sqlite3.node built for Electron's ABI; plain Node passes nothing. */
  nativeBinding?: string;
  /** Name stamped on every write; defaults to the name set with setAuthor, then the OS user name. */
  author?: string;
  /** This installation's id in the change log; defaults to a UUID made once and kept in the file. */
  device?: string;
}

export interface GlossaryListOptions {
  category?: TermCategory;
  limit?: number;
  offset?: number;
}

const DEFAULT_SEARCH_LIMIT = 50;
const MAX_SEARCH_LIMIT = 500;

export class GlossaryStore {
  readonly path: string;
  private readonly db: Database;
  private readonly sql: GlossaryQueries;
  private readonly log: ChangeLog;
  private readonly writer: EntryWriter;
  private readonly commits: EntryCommits;
  private readonly conflictReader: ConflictReader;
  private readonly resolver: ConflictResolver;
  private readonly learning: DecisionLearning;
  private readonly importer: EntryImporter;

  static open(path: string, options: GlossaryStoreOptions = {}): GlossaryStore {
    const db = openDatabase(path, {
      migrations: glossaryMigrations,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
    try {
      return new GlossaryStore(db, path, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(db: Database, path: string, options: GlossaryStoreOptions) {
    this.db = db;
    this.path = path;
    this.sql = prepareGlossaryQueries(db);
    this.writer = new EntryWriter(db);
    this.conflictReader = new ConflictReader(db);
    this.log = openChangeLog(db, options);
    this.commits = new EntryCommits(this.log, this.writer);
    this.resolver = new ConflictResolver(this.sql, this.conflictReader, this.commits);
    this.learning = new DecisionLearning(this.sql, this.commits);
    this.importer = new EntryImporter(this.sql, this.commits);
    if (needsBackfill(this.log)) {
      this.writeTransaction(() => backfillChangeLog(this.sql, this.log, this.writer));
    }
  }

  close(): void {
    this.db.close();
  }

  /** Who this glossary's changes are recorded as. */
  identity(): { author: string; device: string } {
    return { author: this.log.author, device: this.log.device };
  }

  /** Sets (and keeps) the name later changes are recorded under. */
  setAuthor(name: string): void {
    const author = checkAuthorName(name);
    this.writeTransaction(() => this.log.setAuthor(author));
  }

  add(input: GlossaryEntryInput): GlossaryEntry {
    const fields = checkEntryFields({
      term: input.term,
      category: input.category ?? '',
      forms: input.forms ?? [],
      variants: (input.variants ?? []).map((text) => ({ text, acceptedCount: 0 })),
      notes: input.notes ?? '',
      source: input.source ?? '',
    });
    return this.writeTransaction(() => {
      this.refuseDuplicateTerm(fields.term);
      const id = newEntryId();
      this.commits.commit(id, [], [createDraft(id, fields)], {}, true);
      return readEntryOrThrow(this.sql, id);
    });
  }

  get(id: string): GlossaryEntry | undefined {
    return readEntry(this.sql, id);
  }

  findByTerm(term: string): GlossaryEntry | undefined {
    const row = this.sql.entryByKey.get(textKey(term));
    return row && toEntry(row);
  }

  /** Changes the fields the patch names; lists given in the patch replace the stored lists. */
  update(id: string, patch: GlossaryEntryPatch): GlossaryEntry {
    return this.writeTransaction(() => {
      const stored = readEntryOrThrow(this.sql, id);
      const fields = checkEntryFields({
        term: patch.term ?? stored.term,
        category: patch.category ?? stored.category,
        forms: patch.forms ?? stored.forms,
        variants: patch.variants ?? stored.variants,
        notes: patch.notes ?? stored.notes,
        source: patch.source ?? stored.source,
      });
      if (sameEntryFields(fields, stored)) return stored;
      if (textKey(fields.term) !== textKey(stored.term)) this.refuseDuplicateTerm(fields.term);
      this.commits.rewrite(this.commits.load(id), fields);
      return readEntryOrThrow(this.sql, id);
    });
  }

  /** Deletes the entry with its forms and variants; false when there was no such entry. */
  remove(id: string): boolean {
    return this.writeTransaction(() => {
      if (!this.sql.entryById.get(id)) return false;
      const loaded = this.commits.load(id);
      this.commits.commit(id, loaded.changes, [deleteDraft(loaded.folded, true)]);
      return true;
    });
  }

  /**
   * Puts back an entry exactly as `get` returned it before it was removed: the same id, term,
   * forms, variants with their counts, notes, source, dates and authors (the editor's undo of a
   * delete). Refuses when the id or the term is in the glossary now. Undo bookkeeping of
   * acceptances and the entry's rejections come back as they were when the entry's history is
   * here; an entry from elsewhere starts a new history with its own dates.
   */
  restore(entry: GlossaryEntry): GlossaryEntry {
    const fields = checkEntryFields(entry);
    const provenance = {
      createdAt: checkDate(entry.createdAt, 'createdAt'),
      updatedAt: checkDate(entry.updatedAt, 'updatedAt'),
      createdBy: entry.createdBy,
      updatedBy: entry.updatedBy,
    };
    return this.writeTransaction(() => {
      if (this.sql.entryById.get(entry.id)) {
        throw new GlossaryValidationError(
          `An entry with the id ${JSON.stringify(entry.id)} is already in the glossary`,
          'id',
        );
      }
      this.refuseDuplicateTerm(fields.term);
      const changes = this.log.changesOf(entry.id);
      const folded = foldChanges(entry.id, changes);
      const drafts = folded.exists
        ? [deleteDraft(folded, false), ...editDrafts(folded, fields, this.log.device)]
        : [createDraft(entry.id, fields, provenance)];
      this.commits.commit(entry.id, changes, drafts, { bookkeeping: restateBookkeeping });
      return readEntryOrThrow(this.sql, entry.id);
    });
  }

  /** Entries in case-insensitive term order. */
  list(options: GlossaryListOptions = {}): GlossaryEntry[] {
    const limit = options.limit ?? -1;
    const offset = options.offset ?? 0;
    if (options.limit !== undefined) checkWholeNumber(limit, 'limit');
    checkWholeNumber(offset, 'offset');
    const rows =
      options.category === undefined
        ? this.sql.list.all(limit, offset)
        : this.sql.listByCategory.all(options.category, limit, offset);
    return rows.map(toEntry);
  }

  count(): number {
    return this.sql.count.get() ?? 0;
  }

  /**
   * Changes whenever the glossary may have changed: SQLite's data_version moves when another
   * connection (the CLI, a second window) commits, total_changes() when this one writes. Lets
   * callers keep things built from the glossary (the correction engine) until it really changes.
   */
  changeStamp(): string {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    const ownChanges = this.sql.totalChanges.get() ?? 0;
    return `${dataVersion}:${ownChanges}`;
  }

  /**
   * Full-text search over terms, forms, variants and notes; every word of the query matches as a
   * prefix, diacritics are ignored. Any text is a safe query; one without letters or digits finds nothing.
   */
  search(query: string, limit = DEFAULT_SEARCH_LIMIT): GlossaryEntry[] {
    const expression = buildSearchExpression(query);
    if (expression === undefined) return [];
    const wholeLimit = Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_SEARCH_LIMIT;
    const safeLimit = Math.min(Math.max(wholeLimit, 1), MAX_SEARCH_LIMIT);
    return this.sql.search.all({ expression, key: textKey(query), limit: safeLimit }).map(toEntry);
  }

  /**
   * Counts a correction a person accepted: "heard X, meant this entry". Adds the heard text as a
   * variant or increments its count; an earlier rejection of the same pair is withdrawn first (the
   * variants it removed come back). Returns undefined (and records nothing) when the heard text is
   * already a correct spelling of the entry: its term or one of its forms.
   */
  recordAcceptedVariant(entryId: string, heardText: string): Variant | undefined {
    const text = checkVariantText(heardText);
    return this.writeTransaction(() => this.learning.accept(entryId, text));
  }

  /**
   * Takes back one acceptance recorded by recordAcceptedVariant. A variant that exists only
   * because of acceptances is removed with its last one; an imported or typed variant goes back to
   * its earlier count. False (nothing changed) when the heard text has no acceptance left to undo.
   */
  undoAcceptedVariant(entryId: string, heardText: string): boolean {
    const key = textKey(tidyLine(heardText));
    return this.writeTransaction(() => this.learning.undoAcceptance(entryId, key));
  }

  /**
   * Records "heard X is not this entry": the engine will not suggest the entry for X again (X is
   * compared by the engine's phrase key: case, accents and punctuation do not count). The entry's
   * variants that read as X are removed and kept with the rejection, so undoRejection can restore
   * them. Rejecting a pair again changes nothing and returns the first rejection. Refuses a heard
   * text that is the entry's own term or one of its forms.
   */
  recordRejection(entryId: string, heardText: string): StoredRejection {
    const heard = checkRejectedText(heardText);
    return this.writeTransaction(() => this.learning.reject(entryId, heard));
  }

  /**
   * Withdraws a rejection and restores the variants it removed (each at its old place; one that
   * has meanwhile become a variant, the term or a form again is left as it is). False when the
   * pair was not rejected.
   */
  undoRejection(entryId: string, heardText: string): boolean {
    const key = phraseKey(tidyLine(heardText));
    return this.writeTransaction(() => this.learning.undoRejection(entryId, key));
  }

  /** The rejection of this heard text for this entry, if there is one. */
  findRejection(entryId: string, heardText: string): StoredRejection | undefined {
    const row = this.sql.rejectionByKey.get(entryId, phraseKey(tidyLine(heardText)));
    return row && toRejection(row);
  }

  /** Every rejection, oldest first: what createEngine needs besides the entries. */
  listRejections(): StoredRejection[] {
    return this.sql.listRejections.all().map(toRejection);
  }

  /** Marks the entry verified by this glossary's author now, or takes the mark away. */
  setVerified(entryId: string, verified: boolean): GlossaryEntry {
    return this.writeTransaction(() => {
      const entry = readEntryOrThrow(this.sql, entryId);
      if (!verified && entry.verified === undefined) return entry;
      const { changes, folded } = this.commits.load(entryId);
      const mark = verified ? { by: this.log.author, at: new Date(this.log.peekWall()).toISOString() } : null;
      const draft = fieldDraft(folded, 'verified', folded.verified as JsonValue, mark);
      this.commits.commit(entryId, changes, [draft]);
      return readEntryOrThrow(this.sql, entryId);
    });
  }

  /** Imports a CSV file's text; all or nothing. Throws GlossaryImportError naming the bad line. */
  importCsv(text: string, fileName: string): ImportSummary {
    return this.importEntries(parseGlossaryCsv(text, fileName));
  }

  /** Imports a JSON file's text (see glossary-json); all or nothing. */
  importJson(text: string, fileName: string): ImportSummary {
    return this.importEntries(parseGlossaryJson(text, fileName));
  }

  /** term,category,variants,forms,notes,source — sorted by term. Accepted counts are not kept. */
  exportCsv(): string {
    return formatGlossaryCsv(this.list());
  }

  exportJson(): string {
    return formatGlossaryJson(this.list());
  }

  // ── Team glossary: the change log, merging, conflicts, history ──────────────────────────────

  /** Changes made here that no transport has sent yet, oldest first. */
  unpublishedChanges(limit?: number): GlossaryChange[] {
    if (limit !== undefined) checkWholeNumber(limit, 'limit');
    return this.log.unpublished(limit ?? -1);
  }

  /** Notes that a transport has sent these changes (unknown or remote ids are ignored). */
  markPublished(ids: readonly string[]): void {
    this.writeTransaction(() => this.log.markPublished(ids));
  }

  /**
   * Stores changes from other members and folds every entry they touch again, in one
   * transaction. Known changes are ignored; a change that breaks the rules is skipped with the
   * reason and nothing else happens to it. The local clock moves past every clock received.
   */
  applyRemoteChanges(changes: readonly GlossaryChange[]): AppliedChanges {
    return this.writeTransaction(() => applyRemoteChanges(changes, this.sql, this.log, this.writer));
  }

  /** A transport's opaque position (how far it has read), or null before its first round. */
  syncCursor(key: string): string | null {
    return this.log.cursor(key);
  }

  setSyncCursor(key: string, cursor: string): void {
    this.writeTransaction(() => this.log.setCursor(key, cursor));
  }

  /** Open conflicts, by id. */
  conflicts(): GlossaryConflict[] {
    return this.conflictReader.list();
  }

  /**
   * Settles a conflict by recording changes whose bases include every value in conflict, so the
   * conflict closes on every member once they have them. Returns the entry as it reads now (the
   * kept one, for a merge), or null when it was deleted.
   */
  resolveConflict(conflictId: string, resolution: ConflictResolution): GlossaryEntry | null {
    return this.writeTransaction(() => this.resolver.resolve(conflictId, resolution));
  }

  /** Who changed what and when, oldest first; deleted entries keep their history. */
  history(entryId: string): EntryHistoryItem[] {
    return entryHistory(this.log.changesOf(entryId));
  }

  changeCount(): number {
    return this.log.count();
  }

  /** A hash of every entry and rejection as they read, in id order: equal on converged members. */
  glossaryDigest(): string {
    const hash = createHash('sha256');
    for (const row of this.sql.digestEntries.iterate()) {
      const { seq: _seq, ...visible } = row;
      hash.update(`${JSON.stringify(visible)}\n`);
    }
    for (const row of this.sql.digestRejections.iterate()) hash.update(`${JSON.stringify(row)}\n`);
    return hash.digest('hex');
  }

  /**
   * One transaction for the whole file, statements prepared once: a bad entry anywhere leaves the
   * glossary untouched (see glossary-importer). Public for the other file formats (glossary-exchange).
   */
  importEntries(entries: readonly ImportedEntry[]): ImportSummary {
    return this.writeTransaction(() => this.importer.importAll(entries));
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private refuseDuplicateTerm(term: string): void {
    if (this.sql.idByKey.get(textKey(term)) !== undefined) {
      throw new GlossaryValidationError(`The term ${quote(term)} is already in the glossary`, 'term');
    }
  }

  /** IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing mid-way. */
  private writeTransaction<T>(work: () => T): T {
    return this.db
      .transaction(() => {
        this.log.catchUp();
        return work();
      })
      .immediate();
  }
}
