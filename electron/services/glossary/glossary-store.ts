/**
 * The glossary: a SQLite file of terms, their other correct forms, their known mishearings and
 * the mishearings people rejected. This class is the glossary's only writer and the only glossary
 * module with SQL; the rules live in glossary-validation (what an entry may hold), glossary-import
 * (how imports merge) and the CSV/JSON codecs (file formats).
 *
 * Learning from decisions (see migrations.ts, step 2):
 * - Accepting "heard X → entry" adds X as a variant (or counts it up); undoing takes the count
 *   back. A variant that exists only because of acceptances disappears with its last undo; one
 *   that was imported or typed in goes back to its earlier count and stays.
 * - Rejecting "heard X → entry" means "stop suggesting it": the rejection is stored, and the
 *   entry's variants that read as X (same phrase key) are removed, so a rejected text is never
 *   a variant of the entry it was rejected for. Undoing the rejection puts them back as they were.
 * - Accepting a pair that was rejected withdraws the rejection (its removed variants come back)
 *   before counting the acceptance; undoing that acceptance does not reinstate the rejection.
 * - Imports and edits do not consult rejections: a variant they (re)add is kept, and the
 *   rejection still stops the engine from suggesting it until the rejection is undone.
 * - Exports (CSV, JSON) carry entries only, not rejections or undo bookkeeping.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Rejection } from '../../../shared/engine/engine';
import { phraseKey } from '../../../shared/engine/tokenize';
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
import { GlossaryImportError, GlossaryNotFoundError, GlossaryValidationError } from './glossary-errors';
import { mergeImportedEntry, sameEntryFields, type ImportedEntry } from './glossary-import';
import { formatGlossaryJson, parseGlossaryJson } from './glossary-json';
import { buildSearchExpression } from './glossary-search-query';
import { textKey, tidyLine } from './glossary-text';
import {
  checkEntryFields,
  checkHeardText,
  checkVariantText,
  quote,
  type EntryFields,
} from './glossary-validation';
import { glossaryMigrations } from './migrations';

export type { ImportSummary } from '../../../shared/glossary/types';
export { GlossaryImportError, GlossaryNotFoundError, GlossaryValidationError } from './glossary-errors';

export interface GlossaryStoreOptions {
  /** better_sqlite3.node built for Electron's ABI; plain Node passes nothing. */
  nativeBinding?: string;
  /** Name stamped on every write; defaults to the operating-system user name. */
  author?: string;
}

export interface GlossaryListOptions {
  category?: TermCategory;
  limit?: number;
  offset?: number;
}

/** A rejection as stored: who rejected which heard text for which entry, and when. */
export interface StoredRejection extends Rejection {
  createdAt: string;
  createdBy: string;
}

/** A variant row with its undo bookkeeping (migrations.ts, step 2). */
interface VariantRow {
  text: string;
  key: string;
  position: number;
  acceptedCount: number;
  undoableCount: number;
  learnedOnly: number;
}

/** A variant a rejection removed, kept in the rejection so undoing it restores the variant exactly. */
interface RemovedVariant {
  text: string;
  acceptedCount: number;
  undoableCount: number;
  learnedOnly: number;
  position: number;
}

interface RejectionRow {
  term_id: string;
  heard: string;
  created_at: string;
  created_by: string;
}

const DEFAULT_SEARCH_LIMIT = 50;
const MAX_SEARCH_LIMIT = 500;

/** Column weights for bm25, in the search table's column order: term, forms, variants, notes. */
const SEARCH_WEIGHTS = { term: 10, forms: 5, variants: 3, notes: 1 } as const;

/** An entry as read from SQL: lists arrive as JSON arrays built by SQLite. */
interface EntryRow {
  seq: number;
  id: string;
  term: string;
  category: TermCategory;
  notes: string;
  source: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  forms_json: string;
  variants_json: string;
}

/** Everything about an entry in one row; lists in their stored order (SQLite 3.44+ ORDER BY in aggregates). */
const ENTRY_COLUMNS = `
  e.seq, e.id, e.term, e.category, e.notes, e.source,
  e.created_at, e.updated_at, e.created_by, e.updated_by,
  (SELECT json_group_array(f.text ORDER BY f.position) FROM forms f WHERE f.entry_id = e.id) AS forms_json,
  (SELECT json_group_array(json_object('text', v.text, 'acceptedCount', v.accepted_count) ORDER BY v.position)
     FROM variants v WHERE v.entry_id = e.id) AS variants_json`;

function prepareStatements(db: Database) {
  return {
    entryById: db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = ?`),
    entryByKey: db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.term_key = ?`),
    idByKey: db.prepare<[string], string>(`SELECT id FROM entries WHERE term_key = ?`).pluck(),
    // A negative LIMIT means no limit in SQLite. term_key order = case-insensitive term order.
    list: db.prepare<[number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e ORDER BY e.term_key LIMIT ? OFFSET ?`,
    ),
    listByCategory: db.prepare<[string, number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.category = ? ORDER BY e.term_key LIMIT ? OFFSET ?`,
    ),
    count: db.prepare<[], number>(`SELECT count(*) FROM entries`).pluck(),
    insertEntry: db.prepare(
      `INSERT INTO entries (id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by)
       VALUES (@id, @term, @termKey, @category, @notes, @source, @now, @now, @author, @author)`,
    ),
    // Putting back a deleted entry: its own id, dates and authors, not this write's.
    restoreEntry: db.prepare(
      `INSERT INTO entries (id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by)
       VALUES (@id, @term, @termKey, @category, @notes, @source, @createdAt, @updatedAt, @createdBy, @updatedBy)`,
    ),
    updateEntry: db.prepare(
      `UPDATE entries SET term = @term, term_key = @termKey, category = @category, notes = @notes,
         source = @source, updated_at = @now, updated_by = @author
       WHERE seq = @seq`,
    ),
    touchEntry: db.prepare<[string, string, number]>(
      `UPDATE entries SET updated_at = ?, updated_by = ? WHERE seq = ?`,
    ),
    deleteEntry: db.prepare<[string], number>(`DELETE FROM entries WHERE id = ? RETURNING seq`).pluck(),
    insertForm: db.prepare<[string, number, string, string]>(
      `INSERT INTO forms (entry_id, position, text, text_key) VALUES (?, ?, ?, ?)`,
    ),
    deleteForms: db.prepare<[string]>(`DELETE FROM forms WHERE entry_id = ?`),
    insertVariant: db.prepare<[string, number, string, string, number, number, number]>(
      `INSERT INTO variants (entry_id, position, text, text_key, accepted_count, undoable_count, learned_only)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A variant that exists only because a person accepted it: one undoable acceptance.
    appendVariant: db.prepare<[string, string, string, string]>(
      `INSERT INTO variants (entry_id, position, text, text_key, accepted_count, undoable_count, learned_only)
       VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM variants WHERE entry_id = ?), ?, ?, 1, 1, 1)`,
    ),
    incrementVariant: db.prepare<[string, string], { text: string; acceptedCount: number }>(
      `UPDATE variants SET accepted_count = accepted_count + 1, undoable_count = undoable_count + 1
       WHERE entry_id = ? AND text_key = ?
       RETURNING text, accepted_count AS acceptedCount`,
    ),
    decrementVariant: db.prepare<[string, string], { undoableCount: number; learnedOnly: number }>(
      `UPDATE variants SET accepted_count = accepted_count - 1, undoable_count = undoable_count - 1
       WHERE entry_id = ? AND text_key = ? AND undoable_count > 0
       RETURNING undoable_count AS undoableCount, learned_only AS learnedOnly`,
    ),
    variantRows: db.prepare<[string], VariantRow>(
      `SELECT text, text_key AS key, position, accepted_count AS acceptedCount,
         undoable_count AS undoableCount, learned_only AS learnedOnly
       FROM variants WHERE entry_id = ? ORDER BY position`,
    ),
    variantPositionTaken: db
      .prepare<[string, number], number>(`SELECT 1 FROM variants WHERE entry_id = ? AND position = ?`)
      .pluck(),
    nextVariantPosition: db
      .prepare<[string], number>(`SELECT coalesce(max(position) + 1, 0) FROM variants WHERE entry_id = ?`)
      .pluck(),
    deleteVariant: db.prepare<[string, string]>(`DELETE FROM variants WHERE entry_id = ? AND text_key = ?`),
    deleteVariants: db.prepare<[string]>(`DELETE FROM variants WHERE entry_id = ?`),
    insertRejection: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO rejections (entry_id, heard_text, heard_key, removed_variants, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    rejectionByKey: db.prepare<[string, string], RejectionRow>(
      `SELECT entry_id AS term_id, heard_text AS heard, created_at, created_by
       FROM rejections WHERE entry_id = ? AND heard_key = ?`,
    ),
    deleteRejection: db
      .prepare<[string, string], string>(
        `DELETE FROM rejections WHERE entry_id = ? AND heard_key = ? RETURNING removed_variants`,
      )
      .pluck(),
    listRejections: db.prepare<[], RejectionRow>(
      `SELECT entry_id AS term_id, heard_text AS heard, created_at, created_by FROM rejections ORDER BY seq`,
    ),
    insertSearchRow: db.prepare<[number, string, string, string, string]>(
      `INSERT INTO entries_search (rowid, term, forms, variants, notes) VALUES (?, ?, ?, ?, ?)`,
    ),
    deleteSearchRow: db.prepare<[number]>(`DELETE FROM entries_search WHERE rowid = ?`),
    // Exact matches of the whole query first (the term, then a form or variant), then bm25, then
    // alphabetical. The hits are ranked on cheap columns and limited before the lists are built.
    search: db.prepare<[{ expression: string; key: string; limit: number }], EntryRow>(
      `WITH hits AS MATERIALIZED (
         SELECT e.seq AS seq,
           CASE
             WHEN e.term_key = @key THEN 0
             WHEN EXISTS (SELECT 1 FROM forms f WHERE f.entry_id = e.id AND f.text_key = @key)
               OR EXISTS (SELECT 1 FROM variants v WHERE v.entry_id = e.id AND v.text_key = @key) THEN 1
             ELSE 2
           END AS tier,
           bm25(entries_search, ${SEARCH_WEIGHTS.term}, ${SEARCH_WEIGHTS.forms}, ${SEARCH_WEIGHTS.variants}, ${SEARCH_WEIGHTS.notes}) AS score,
           e.term_key AS term_key
         FROM entries_search JOIN entries e ON e.seq = entries_search.rowid
         WHERE entries_search MATCH @expression
         ORDER BY tier, score, term_key
         LIMIT @limit
       )
       SELECT ${ENTRY_COLUMNS} FROM hits JOIN entries e ON e.seq = hits.seq
       ORDER BY hits.tier, hits.score, hits.term_key`,
    ),
  };
}

export class GlossaryStore {
  readonly path: string;
  private readonly db: Database;
  private readonly author: string;
  private readonly sql: ReturnType<typeof prepareStatements>;

  static open(path: string, options: GlossaryStoreOptions = {}): GlossaryStore {
    const db = openDatabase(path, {
      migrations: glossaryMigrations,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
    return new GlossaryStore(db, path, options.author ?? currentUserName());
  }

  private constructor(db: Database, path: string, author: string) {
    this.db = db;
    this.path = path;
    this.author = author;
    this.sql = prepareStatements(db);
  }

  close(): void {
    this.db.close();
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
      const id = randomUUID();
      this.insertEntry(id, fields, timestamp());
      return this.getOrThrow(id);
    });
  }

  get(id: string): GlossaryEntry | undefined {
    const row = this.sql.entryById.get(id);
    return row && toEntry(row);
  }

  findByTerm(term: string): GlossaryEntry | undefined {
    const row = this.sql.entryByKey.get(textKey(term));
    return row && toEntry(row);
  }

  /** Changes the fields the patch names; lists given in the patch replace the stored lists. */
  update(id: string, patch: GlossaryEntryPatch): GlossaryEntry {
    return this.writeTransaction(() => {
      const row = this.sql.entryById.get(id);
      if (!row) throw new GlossaryNotFoundError(id);
      const stored = toEntry(row);
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
      this.rewriteEntry(row.seq, id, fields, timestamp());
      return this.getOrThrow(id);
    });
  }

  /** Deletes the entry with its forms and variants; false when there was no such entry. */
  remove(id: string): boolean {
    return this.writeTransaction(() => {
      const seq = this.sql.deleteEntry.get(id);
      if (seq === undefined) return false;
      this.sql.deleteSearchRow.run(seq);
      return true;
    });
  }

  /**
   * Puts back an entry exactly as `get` returned it before it was removed: the same id, term,
   * forms, variants with their counts, notes, source, dates and authors (the editor's undo of a
   * delete). Refuses when the id or the term is in the glossary now. Undo bookkeeping of
   * acceptances and the entry's rejections went with the delete and do not come back.
   */
  restore(entry: GlossaryEntry): GlossaryEntry {
    const fields = checkEntryFields(entry);
    const { term, category, notes, source } = fields;
    const row = {
      id: entry.id,
      term,
      termKey: textKey(term),
      category,
      notes,
      source,
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
      this.refuseDuplicateTerm(term);
      const { lastInsertRowid } = this.sql.restoreEntry.run(row);
      this.insertLists(entry.id, fields);
      this.addToSearchIndex(Number(lastInsertRowid), fields);
      return this.getOrThrow(entry.id);
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
    const ownChanges = this.db.prepare('SELECT total_changes() AS n').pluck().get() as number;
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
    const key = textKey(text);
    return this.writeTransaction(() => {
      const row = this.sql.entryById.get(entryId);
      if (!row) throw new GlossaryNotFoundError(entryId);
      const entry = toEntry(row);
      if (textKey(entry.term) === key || entry.forms.some((form) => textKey(form) === key)) return undefined;
      this.withdrawRejection(row.seq, entry, phraseKey(text));
      let variant = this.sql.incrementVariant.get(entryId, key);
      if (!variant) {
        this.sql.appendVariant.run(entryId, entryId, text, key);
        variant = { text, acceptedCount: 1 };
      }
      this.sql.touchEntry.run(timestamp(), this.author, row.seq);
      this.replaceInSearchIndex(row.seq, this.getOrThrow(entryId));
      return variant;
    });
  }

  /**
   * Takes back one acceptance recorded by recordAcceptedVariant. A variant that exists only
   * because of acceptances is removed with its last one; an imported or typed variant goes back to
   * its earlier count. False (nothing changed) when the heard text has no acceptance left to undo.
   */
  undoAcceptedVariant(entryId: string, heardText: string): boolean {
    const key = textKey(tidyLine(heardText));
    return this.writeTransaction(() => {
      const row = this.sql.entryById.get(entryId);
      if (!row) throw new GlossaryNotFoundError(entryId);
      const left = this.sql.decrementVariant.get(entryId, key);
      if (!left) return false;
      if (left.learnedOnly === 1 && left.undoableCount === 0) this.sql.deleteVariant.run(entryId, key);
      this.sql.touchEntry.run(timestamp(), this.author, row.seq);
      this.replaceInSearchIndex(row.seq, this.getOrThrow(entryId));
      return true;
    });
  }

  /**
   * Records "heard X is not this entry": the engine will not suggest the entry for X again (X is
   * compared by the engine's phrase key: case, accents and punctuation do not count). The entry's
   * variants that read as X are removed and kept with the rejection, so undoRejection can restore
   * them. Rejecting a pair again changes nothing and returns the first rejection. Refuses a heard
   * text that is the entry's own term or one of its forms.
   */
  recordRejection(entryId: string, heardText: string): StoredRejection {
    const text = checkHeardText(heardText);
    const key = phraseKey(text);
    if (key === '') {
      throw new GlossaryValidationError(`The heard text ${quote(text)} has no letters or digits`, 'heard');
    }
    return this.writeTransaction(() => {
      const row = this.sql.entryById.get(entryId);
      if (!row) throw new GlossaryNotFoundError(entryId);
      const entry = toEntry(row);
      const correct = [entry.term, ...entry.forms].find((spelling) => phraseKey(spelling) === key);
      if (correct !== undefined) {
        throw new GlossaryValidationError(
          `${quote(text)} is how ${quote(entry.term)} is spelled (${correct === entry.term ? 'its term' : 'one of its forms'}); it cannot be rejected as a mishearing of it`,
          'heard',
        );
      }
      const earlier = this.sql.rejectionByKey.get(entryId, key);
      if (earlier) return toRejection(earlier);

      const removed = this.sql.variantRows.all(entryId).filter((variant) => phraseKey(variant.text) === key);
      for (const variant of removed) this.sql.deleteVariant.run(entryId, variant.key);
      const now = timestamp();
      if (removed.length > 0) {
        this.sql.touchEntry.run(now, this.author, row.seq);
        this.replaceInSearchIndex(row.seq, this.getOrThrow(entryId));
      }
      const kept: RemovedVariant[] = removed.map(({ key: _key, ...variant }) => variant);
      this.sql.insertRejection.run(entryId, text, key, JSON.stringify(kept), now, this.author);
      return { termId: entryId, heard: text, createdAt: now, createdBy: this.author };
    });
  }

  /**
   * Withdraws a rejection and restores the variants it removed (each at its old place when that is
   * free; one that has meanwhile become a variant, the term or a form again is left as it is).
   * False when the pair was not rejected.
   */
  undoRejection(entryId: string, heardText: string): boolean {
    const key = phraseKey(tidyLine(heardText));
    return this.writeTransaction(() => {
      const row = this.sql.entryById.get(entryId);
      if (!row) throw new GlossaryNotFoundError(entryId);
      return this.withdrawRejection(row.seq, toEntry(row), key);
    });
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

  /**
   * One transaction for the whole file, statements prepared once: a bad entry anywhere leaves the
   * glossary untouched. A term that appears twice in the file is merged like any re-import, and
   * counted once.
   */
  private importEntries(entries: readonly ImportedEntry[]): ImportSummary {
    const now = timestamp();
    const outcomes = new Map<string, keyof ImportSummary>();
    this.writeTransaction(() => {
      for (const entry of entries) {
        try {
          this.importEntry(entry, now, outcomes);
        } catch (error) {
          if (!(error instanceof GlossaryValidationError)) throw error;
          const field = error.field === undefined ? {} : { field: error.field };
          throw new GlossaryImportError({ ...entry.location, ...field }, error.message);
        }
      }
    });
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    for (const outcome of outcomes.values()) summary[outcome]++;
    return summary;
  }

  private importEntry(entry: ImportedEntry, now: string, outcomes: Map<string, keyof ImportSummary>): void {
    // Checked alone first, so a bad value is reported as the file's, not as the merge's.
    const incoming = checkEntryFields(entry.fields);
    const key = textKey(incoming.term);
    const row = this.sql.entryByKey.get(key);
    if (!row) {
      this.insertEntry(randomUUID(), incoming, now);
      outcomes.set(key, 'created');
      return;
    }
    const stored = toEntry(row);
    const merged = checkEntryFields(mergeImportedEntry(stored, entry.fields));
    const changed = !sameEntryFields(merged, stored);
    if (changed) this.rewriteEntry(row.seq, row.id, merged, now);
    // An entry created or updated earlier in this file stays counted as such.
    const earlier = outcomes.get(key);
    if (earlier === undefined) outcomes.set(key, changed ? 'updated' : 'unchanged');
    else if (earlier === 'unchanged' && changed) outcomes.set(key, 'updated');
  }

  private insertEntry(id: string, fields: EntryFields, now: string): void {
    const { lastInsertRowid } = this.sql.insertEntry.run(this.entryParameters(id, fields, now));
    this.insertLists(id, fields);
    this.addToSearchIndex(Number(lastInsertRowid), fields);
  }

  private rewriteEntry(seq: number, id: string, fields: EntryFields, now: string): void {
    const before = new Map(this.sql.variantRows.all(id).map((variant) => [variant.key, variant]));
    this.sql.updateEntry.run({ ...this.entryParameters(id, fields, now), seq });
    this.sql.deleteForms.run(id);
    this.sql.deleteVariants.run(id);
    this.insertLists(id, fields, before);
    this.replaceInSearchIndex(seq, fields);
  }

  /**
   * Deletes a rejection (in a write transaction) and puts back the variants it removed; true when
   * there was one. Touches the entry when a variant came back.
   */
  private withdrawRejection(seq: number, entry: GlossaryEntry, key: string): boolean {
    if (key === '') return false;
    const removedJson = this.sql.deleteRejection.get(entry.id, key);
    if (removedJson === undefined) return false;
    const removed = JSON.parse(removedJson) as RemovedVariant[];
    const taken = new Set([entry.term, ...entry.forms, ...entry.variants.map((v) => v.text)].map(textKey));
    let restored = 0;
    for (const variant of removed) {
      const variantKey = textKey(variant.text);
      if (taken.has(variantKey)) continue;
      taken.add(variantKey);
      const position = this.sql.variantPositionTaken.get(entry.id, variant.position)
        ? (this.sql.nextVariantPosition.get(entry.id) ?? 0)
        : variant.position;
      this.sql.insertVariant.run(
        entry.id,
        position,
        variant.text,
        variantKey,
        variant.acceptedCount,
        variant.undoableCount,
        variant.learnedOnly,
      );
      restored++;
    }
    if (restored > 0) {
      this.sql.touchEntry.run(timestamp(), this.author, seq);
      this.replaceInSearchIndex(seq, this.getOrThrow(entry.id));
    }
    return true;
  }

  private entryParameters(id: string, fields: EntryFields, now: string) {
    const { term, category, notes, source } = fields;
    return { id, term, termKey: textKey(term), category, notes, source, now, author: this.author };
  }

  /**
   * Writes the forms and variants. `before` holds the variants as stored before a rewrite: a
   * variant that stays keeps its undoable acceptances (at most its new count), and stays
   * learned-only only if the rewrite left its count alone (an import or edit that sets a count
   * states the variant, so undoing acceptances no longer removes it). New variants have nothing to undo.
   */
  private insertLists(id: string, fields: EntryFields, before?: ReadonlyMap<string, VariantRow>): void {
    fields.forms.forEach((form, position) => this.sql.insertForm.run(id, position, form, textKey(form)));
    fields.variants.forEach((variant, position) => {
      const key = textKey(variant.text);
      const old = before?.get(key);
      const undoable = old ? Math.min(old.undoableCount, variant.acceptedCount) : 0;
      const learnedOnly = old?.learnedOnly === 1 && old.acceptedCount === variant.acceptedCount ? 1 : 0;
      this.sql.insertVariant.run(
        id,
        position,
        variant.text,
        key,
        variant.acceptedCount,
        undoable,
        learnedOnly,
      );
    });
  }

  /** The search index has no triggers (see migrations.ts): every write of an entry ends here. */
  private addToSearchIndex(seq: number, fields: EntryFields): void {
    const variants = fields.variants.map((variant) => variant.text).join(' ');
    this.sql.insertSearchRow.run(seq, fields.term, fields.forms.join(' '), variants, fields.notes);
  }

  private replaceInSearchIndex(seq: number, fields: EntryFields): void {
    this.sql.deleteSearchRow.run(seq);
    this.addToSearchIndex(seq, fields);
  }

  private refuseDuplicateTerm(term: string): void {
    if (this.sql.idByKey.get(textKey(term)) !== undefined) {
      throw new GlossaryValidationError(`The term ${quote(term)} is already in the glossary`, 'term');
    }
  }

  private getOrThrow(id: string): GlossaryEntry {
    const entry = this.get(id);
    if (!entry) throw new GlossaryNotFoundError(id);
    return entry;
  }

  /** IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing mid-way. */
  private writeTransaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function toEntry(row: EntryRow): GlossaryEntry {
  return {
    id: row.id,
    term: row.term,
    category: row.category,
    forms: JSON.parse(row.forms_json) as string[],
    variants: JSON.parse(row.variants_json) as Variant[],
    notes: row.notes,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function toRejection(row: RejectionRow): StoredRejection {
  return { termId: row.term_id, heard: row.heard, createdAt: row.created_at, createdBy: row.created_by };
}

function checkWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new GlossaryValidationError(`The ${name} must be a whole number of 0 or more`);
  }
}

/** A stored date must read as one, or sorting and display of the entry go wrong later. */
function checkDate(value: string, name: string): string {
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GlossaryValidationError(`The ${name} ${quote(value)} is not an ISO 8601 date and time`, name);
  }
  return value;
}

function timestamp(): string {
  return new Date().toISOString();
}

function currentUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    // No passwd entry (some containers): still stamp something.
    return 'unknown';
  }
}
