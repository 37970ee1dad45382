/**
 * The glossary: a SQLite file of terms, their other correct forms, their known mishearings and
 * the mishearings people rejected. This class is the glossary's only writer; the rules live in
 * glossary-validation (what an entry may hold), glossary-import (how imports merge), the CSV/JSON
 * codecs (file formats) and, for the team glossary, sync/ (the change log and its fold).
 *
 * Team glossary (issue 7, docs/team-glossary.md): every write records field-level changes in the
 * change log (sync/change-log.ts), in the same transaction, and the entry's rows are then
 * rewritten as the fold of all its changes (shared/glossary/merge.ts, sync/materialize.ts). Changes
 * from other members go through the same fold, so the tables always read the same on every member
 * holding the same changes.
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
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Rejection } from '../../../shared/engine/engine';
import { phraseKey } from '../../../shared/engine/tokenize';
import { allHeadIds, entryHistory, type FoldedEntry } from '../../../shared/glossary/merge';
import type {
  ConflictResolution,
  EntryHistoryItem,
  GlossaryChange,
  GlossaryChangeField,
  GlossaryConflict,
  JsonValue,
  SyncReport,
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
import { ChangeLog, type ChangeDraft } from './sync/change-log';
import { ConflictReader, mergedEntryFields } from './sync/conflicts';
import { newEntryId } from './sync/entry-id';
import { createDraft, editDrafts, fieldDraft, countDraft, headIds } from './sync/local-changes';
import {
  EntryWriter,
  foldChanges,
  type BookkeepingRule,
  type VariantBookkeeping,
  type WriteOptions,
} from './sync/materialize';
import { reportChanges, type ReportState } from './sync/report';
import { checkFieldValue, checkRemoteChange } from './sync/validate-change';

export type { ImportSummary } from '../../../shared/glossary/types';
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

/** A rejection as stored: who rejected which heard text for which entry, and when. */
export interface StoredRejection extends Rejection {
  createdAt: string;
  createdBy: string;
}

/** What applyRemoteChanges did (the rest of a SyncReport is the transport's). */
export interface AppliedChanges {
  received: number;
  changedEntries: SyncReport['changedEntries'];
  skipped: SyncReport['skipped'];
}

/** A variant row with its undo bookkeeping (migrations.ts, step 2). */
interface VariantRow extends VariantBookkeeping {
  text: string;
  key: string;
  position: number;
  acceptedCount: number;
}

/** A variant a rejection removed, kept in the rejection so undoing it restores the variant exactly. */
interface RemovedVariant extends VariantBookkeeping {
  text: string;
  acceptedCount: number;
  position: number;
}

interface RejectionRow {
  term_id: string;
  heard: string;
  created_at: string;
  created_by: string;
}

/** An entry's changes and their fold, read for a write. */
interface LoadedEntry {
  changes: GlossaryChange[];
  folded: FoldedEntry;
}

const DEFAULT_SEARCH_LIMIT = 50;
const MAX_SEARCH_LIMIT = 500;
const MAX_AUTHOR_LENGTH = 200;

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
  verified_by: string | null;
  verified_at: string | null;
  conflicted: number;
  forms_json: string;
  variants_json: string;
}

/** Everything about an entry in one row; lists in their stored order (SQLite 3.44+ ORDER BY in aggregates). */
const ENTRY_COLUMNS = `
  e.seq, e.id, e.term, e.category, e.notes, e.source,
  e.created_at, e.updated_at, e.created_by, e.updated_by, e.verified_by, e.verified_at,
  (EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = e.id)
    OR EXISTS (SELECT 1 FROM entries d WHERE d.term_key = e.term_key AND d.id <> e.id)) AS conflicted,
  (SELECT json_group_array(f.text ORDER BY f.position) FROM forms f WHERE f.entry_id = e.id) AS forms_json,
  (SELECT json_group_array(json_object('text', v.text, 'acceptedCount', v.accepted_count) ORDER BY v.position)
     FROM variants v WHERE v.entry_id = e.id) AS variants_json`;

function prepareStatements(db: Database) {
  return {
    entryById: db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = ?`),
    // Two members may have created the same term apart: the first created reads as "the" entry.
    entryByKey: db.prepare<[string], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.term_key = ? ORDER BY e.created_at, e.id LIMIT 1`,
    ),
    idByKey: db.prepare<[string], string>(`SELECT id FROM entries WHERE term_key = ? LIMIT 1`).pluck(),
    // A negative LIMIT means no limit in SQLite. term_key order = case-insensitive term order.
    list: db.prepare<[number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e ORDER BY e.term_key, e.id LIMIT ? OFFSET ?`,
    ),
    listByCategory: db.prepare<[string, number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.category = ? ORDER BY e.term_key, e.id LIMIT ? OFFSET ?`,
    ),
    count: db.prepare<[], number>(`SELECT count(*) FROM entries`).pluck(),
    variantRow: db.prepare<[string, string], VariantRow>(
      `SELECT text, text_key AS key, position, accepted_count AS acceptedCount,
         undoable_count AS undoableCount, learned_only AS learnedOnly
       FROM variants WHERE entry_id = ? AND text_key = ?`,
    ),
    variantRows: db.prepare<[string], VariantRow>(
      `SELECT text, text_key AS key, position, accepted_count AS acceptedCount,
         undoable_count AS undoableCount, learned_only AS learnedOnly
       FROM variants WHERE entry_id = ? ORDER BY position`,
    ),
    rejectionByKey: db.prepare<[string, string], RejectionRow>(
      `SELECT entry_id AS term_id, heard_text AS heard, created_at, created_by
       FROM rejections WHERE entry_id = ? AND heard_key = ?`,
    ),
    removedVariants: db
      .prepare<[string, string], string>(
        `SELECT removed_variants FROM rejections WHERE entry_id = ? AND heard_key = ?`,
      )
      .pluck(),
    rejectionsOf: db.prepare<[string], { key: string; text: string }>(
      `SELECT heard_key AS key, heard_text AS text FROM rejections WHERE entry_id = ?`,
    ),
    listRejections: db.prepare<[], RejectionRow>(
      `SELECT entry_id AS term_id, heard_text AS heard, created_at, created_by FROM rejections ORDER BY seq`,
    ),
    unlogged: db.prepare<[], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e
       WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.entry_id = e.id AND c.field = 'create') ORDER BY e.seq`,
    ),
    digestEntries: db.prepare<[], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries e ORDER BY e.id`),
    digestRejections: db.prepare<[], Record<string, string>>(
      `SELECT entry_id, heard_key, heard_text, created_at, created_by FROM rejections ORDER BY entry_id, heard_key`,
    ),
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

/**
 * How an edit or import that states the variants treats undo bookkeeping: a variant that stays
 * keeps its undoable acceptances (at most its new count) and stays learned-only only if its count
 * was left alone (a stated count makes the variant stated, not learned).
 */
const restateBookkeeping: BookkeepingRule = (_key, old, acceptedCount) =>
  old
    ? {
        undoableCount: Math.min(old.undoableCount, acceptedCount),
        learnedOnly: old.learnedOnly === 1 && old.acceptedCount === acceptedCount ? 1 : 0,
      }
    : { undoableCount: 0, learnedOnly: 0 };

export class GlossaryStore {
  readonly path: string;
  private readonly db: Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly log: ChangeLog;
  private readonly writer: EntryWriter;
  private readonly conflictReader: ConflictReader;

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
    this.sql = prepareStatements(db);
    this.writer = new EntryWriter(db);
    this.conflictReader = new ConflictReader(db);
    // Not writeTransaction: that needs the log this makes (its device may be stored now).
    this.log = db
      .transaction(
        () => new ChangeLog(db, { device: options.device, author: options.author }, currentUserName()),
      )
      .immediate();
    if (this.log.meta('backfill') !== undefined) this.writeTransaction(() => this.backfill());
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
    const author = tidyLine(name);
    if (author === '' || author.length > MAX_AUTHOR_LENGTH || hasControlCharacter(author)) {
      throw new GlossaryValidationError(
        `The name ${quote(name)} must be one line of 1 to ${MAX_AUTHOR_LENGTH} characters`,
        'author',
      );
    }
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
      this.commit(id, [], [createDraft(id, fields)], {}, true);
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
      const stored = this.getOrThrow(id);
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
      this.rewrite(this.load(id), fields);
      return this.getOrThrow(id);
    });
  }

  /** Deletes the entry with its forms and variants; false when there was no such entry. */
  remove(id: string): boolean {
    return this.writeTransaction(() => {
      if (!this.sql.entryById.get(id)) return false;
      const loaded = this.load(id);
      this.commit(id, loaded.changes, [deleteDraft(loaded.folded, true)]);
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
      this.commit(entry.id, changes, drafts, { bookkeeping: restateBookkeeping });
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
      const entry = this.getOrThrow(entryId);
      if (textKey(entry.term) === key || entry.forms.some((form) => textKey(form) === key)) return undefined;
      const loaded = this.load(entryId);
      const withdrawn = this.withdrawDrafts(loaded.folded, entry, phraseKey(text));
      // Fold the withdrawal first, so the counter below starts from the restored variant.
      const after = withdrawn
        ? this.commit(entryId, loaded.changes, withdrawn.drafts, withdrawn.options)
        : loaded;
      const variant = after.folded.variants.find((item) => item.key === key);
      const drafts: ChangeDraft[] = [];
      if (!variant) drafts.push(fieldDraft(after.folded, `variant:${key}`, null, { text }));
      drafts.push(countDraft(after.folded, this.log.device, key, (variant?.acceptedCount ?? 0) + 1));
      const old = this.sql.variantRow.get(entryId, key);
      const counted: VariantBookkeeping = old
        ? { undoableCount: old.undoableCount + 1, learnedOnly: old.learnedOnly }
        : { undoableCount: 1, learnedOnly: 1 };
      const done = this.commit(entryId, after.changes, drafts, { bookkeeping: only(key, counted) });
      const result = done.folded.variants.find((item) => item.key === key);
      return result && { text: result.text, acceptedCount: result.acceptedCount };
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
      this.getOrThrow(entryId);
      const row = this.sql.variantRow.get(entryId, key);
      if (!row || row.undoableCount === 0) return false;
      const { changes, folded } = this.load(entryId);
      const left: VariantBookkeeping = { undoableCount: row.undoableCount - 1, learnedOnly: row.learnedOnly };
      const drafts = [countDraft(folded, this.log.device, key, row.acceptedCount - 1)];
      // Counts other members accepted keep the variant even when this one's were all undone.
      if (row.learnedOnly === 1 && left.undoableCount === 0 && row.acceptedCount - 1 <= 0) {
        drafts.push(fieldDraft(folded, `variant:${key}`, { text: row.text }, null));
      }
      this.commit(entryId, changes, drafts, { bookkeeping: only(key, left) });
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
      const entry = this.getOrThrow(entryId);
      const correct = [entry.term, ...entry.forms].find((spelling) => phraseKey(spelling) === key);
      if (correct !== undefined) {
        throw new GlossaryValidationError(
          `${quote(text)} is how ${quote(entry.term)} is spelled (${correct === entry.term ? 'its term' : 'one of its forms'}); it cannot be rejected as a mishearing of it`,
          'heard',
        );
      }
      const earlier = this.sql.rejectionByKey.get(entryId, key);
      if (earlier) return toRejection(earlier);

      const { changes, folded } = this.load(entryId);
      const removed = this.sql.variantRows.all(entryId).filter((variant) => phraseKey(variant.text) === key);
      const drafts = removed.map((variant) =>
        fieldDraft(folded, `variant:${variant.key}`, { text: variant.text }, null),
      );
      drafts.push(fieldDraft(folded, `rejection:${key}`, null, { heardText: text }));
      const kept: RemovedVariant[] = removed.map(({ key: _key, ...variant }) => variant);
      this.commit(entryId, changes, drafts, { removedVariants: new Map([[key, JSON.stringify(kept)]]) });
      const stored = this.sql.rejectionByKey.get(entryId, key);
      if (!stored) throw new GlossaryNotFoundError(entryId);
      return toRejection(stored);
    });
  }

  /**
   * Withdraws a rejection and restores the variants it removed (each at its old place; one that
   * has meanwhile become a variant, the term or a form again is left as it is). False when the
   * pair was not rejected.
   */
  undoRejection(entryId: string, heardText: string): boolean {
    const key = phraseKey(tidyLine(heardText));
    return this.writeTransaction(() => {
      const entry = this.getOrThrow(entryId);
      const loaded = this.load(entryId);
      const withdrawn = this.withdrawDrafts(loaded.folded, entry, key);
      if (!withdrawn) return false;
      this.commit(entryId, loaded.changes, withdrawn.drafts, withdrawn.options);
      return true;
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

  /** Marks the entry verified by this glossary's author now, or takes the mark away. */
  setVerified(entryId: string, verified: boolean): GlossaryEntry {
    return this.writeTransaction(() => {
      const entry = this.getOrThrow(entryId);
      if (!verified && entry.verified === undefined) return entry;
      const { changes, folded } = this.load(entryId);
      const mark = verified ? { by: this.log.author, at: new Date(this.log.peekWall()).toISOString() } : null;
      this.commit(entryId, changes, [fieldDraft(folded, 'verified', folded.verified as JsonValue, mark)]);
      return this.getOrThrow(entryId);
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
    return this.writeTransaction(() => {
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
        if (!this.log.receive(checked.change)) return;
        received++;
        affected.add(checked.change.entryId);
        if (checked.change.id > latest) latest = checked.change.id;
      });
      if (latest !== '') this.log.observe(latest);
      const changedEntries: SyncReport['changedEntries'] = [];
      for (const id of [...affected].sort()) {
        const before = this.reportState(id);
        this.writer.write(foldChanges(id, this.log.changesOf(id)));
        const after = this.reportState(id);
        const fields = reportChanges(before, after);
        const term = after?.entry.term ?? before?.entry.term;
        if (fields.length > 0 && term !== undefined) changedEntries.push({ id, term, fields });
      }
      return { received, changedEntries, skipped };
    });
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
    return this.writeTransaction(() => {
      const conflict = this.conflictReader.find(conflictId);
      if (!conflict)
        throw new GlossaryValidationError(`No open conflict has the id ${JSON.stringify(conflictId)}`);
      if (conflict.kind === 'duplicate-term') return this.mergeDuplicate(conflict, resolution);
      const { changes, folded } = this.load(conflict.entryId, true);
      let value: JsonValue;
      if ('keep' in resolution) {
        const kept = conflict.values.find((item) => item.changeId === resolution.keep);
        if (!kept)
          throw new GlossaryValidationError(
            `The change ${JSON.stringify(resolution.keep)} is not part of this conflict`,
          );
        value = conflict.kind === 'delete-edit' ? kept.value === true : kept.value;
      } else if ('deleteEntry' in resolution && conflict.field === 'deleted') {
        value = resolution.deleteEntry;
      } else if ('value' in resolution && conflict.kind === 'field') {
        checkFieldValue(conflict.field, resolution.value);
        value = resolution.value;
      } else {
        throw new GlossaryValidationError(`A ${conflict.kind} conflict cannot be resolved that way`);
      }
      const draft =
        conflict.field === 'deleted'
          ? deleteDraft(folded, value === true)
          : { ...fieldDraft(folded, conflict.field, winnerValue(folded, conflict.field), value) };
      this.commit(conflict.entryId, changes, [draft]);
      return this.get(conflict.entryId) ?? null;
    });
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

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  /**
   * One transaction for the whole file, statements prepared once: a bad entry anywhere leaves the
   * glossary untouched. A term that appears twice in the file is merged like any re-import, and
   * counted once. Public for the other file formats (glossary-exchange).
   */
  importEntries(entries: readonly ImportedEntry[]): ImportSummary {
    const outcomes = new Map<string, keyof ImportSummary>();
    this.writeTransaction(() => {
      for (const entry of entries) {
        try {
          this.importEntry(entry, outcomes);
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

  private importEntry(entry: ImportedEntry, outcomes: Map<string, keyof ImportSummary>): void {
    // Checked alone first, so a bad value is reported as the file's, not as the merge's.
    const incoming = checkEntryFields(entry.fields);
    const key = textKey(incoming.term);
    const row = this.sql.entryByKey.get(key);
    if (!row) {
      const id = newEntryId();
      this.commit(id, [], [createDraft(id, incoming)], {}, true);
      outcomes.set(key, 'created');
      return;
    }
    const stored = toEntry(row);
    const merged = checkEntryFields(mergeImportedEntry(stored, entry.fields));
    const changed = !sameEntryFields(merged, stored);
    if (changed) this.rewrite(this.load(row.id), merged);
    // An entry created or updated earlier in this file stays counted as such.
    const earlier = outcomes.get(key);
    if (earlier === undefined) outcomes.set(key, changed ? 'updated' : 'unchanged');
    else if (earlier === 'unchanged' && changed) outcomes.set(key, 'updated');
  }

  /** Records what makes the entry read as `fields` (an edit or import). */
  private rewrite(loaded: LoadedEntry, fields: EntryFields): void {
    const drafts = editDrafts(loaded.folded, fields, this.log.device);
    this.commit(loaded.folded.id, loaded.changes, drafts, { bookkeeping: restateBookkeeping });
  }

  /** Stamps and stores the drafts, folds the entry's changes and writes the result. */
  private commit(
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
  private load(entryId: string, anyState = false): LoadedEntry {
    const changes = this.log.changesOf(entryId);
    const folded = foldChanges(entryId, changes);
    if (!anyState && (!folded.exists || folded.deleted)) throw new GlossaryNotFoundError(entryId);
    return { changes, folded };
  }

  /**
   * The changes that withdraw a rejection and bring back the variants it removed here, with their
   * undo bookkeeping; undefined when the pair is not rejected.
   */
  private withdrawDrafts(
    folded: FoldedEntry,
    entry: GlossaryEntry,
    key: string,
  ): { drafts: ChangeDraft[]; options: WriteOptions } | undefined {
    if (key === '') return undefined;
    const removedJson = this.sql.removedVariants.get(entry.id, key);
    if (removedJson === undefined) return undefined;
    const rejection = this.sql.rejectionByKey.get(entry.id, key);
    const drafts = [fieldDraft(folded, `rejection:${key}`, { heardText: rejection?.heard ?? '' }, null)];
    const taken = new Set([entry.term, ...entry.forms, ...entry.variants.map((v) => v.text)].map(textKey));
    const restored = new Map<string, VariantBookkeeping>();
    for (const variant of JSON.parse(removedJson) as RemovedVariant[]) {
      const variantKey = textKey(variant.text);
      if (taken.has(variantKey)) continue;
      taken.add(variantKey);
      drafts.push(fieldDraft(folded, `variant:${variantKey}`, null, { text: variant.text }));
      restored.set(variantKey, { undoableCount: variant.undoableCount, learnedOnly: variant.learnedOnly });
    }
    const bookkeeping: BookkeepingRule = (variantKey, old, count) =>
      restored.get(variantKey) ?? restateOrCarry(old, count);
    return { drafts, options: { bookkeeping } };
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
    const target = this.getOrThrow(targetId);
    const other = this.getOrThrow(otherId);
    const fields = checkEntryFields(mergedEntryFields(target, other));
    const loaded = this.load(targetId);
    const drafts = editDrafts(loaded.folded, fields, this.log.device);
    const rejected = new Set(loaded.folded.rejections.map((rejection) => rejection.key));
    for (const row of this.sql.rejectionsOf.all(otherId)) {
      if (!rejected.has(row.key))
        drafts.push(fieldDraft(loaded.folded, `rejection:${row.key}`, null, { heardText: row.text }));
    }
    this.commit(targetId, loaded.changes, drafts);
    const doomed = this.load(otherId);
    this.commit(otherId, doomed.changes, [deleteDraft(doomed.folded, true)]);
    return this.get(targetId) ?? null;
  }

  /**
   * Entries from before the change log get a create change (with their own dates) and their
   * rejections, recorded by this device, so they can be shared. Runs once, after migration 3.
   */
  private backfill(): void {
    for (const row of this.sql.unlogged.all()) {
      const entry = toEntry(row);
      const fields: EntryFields = { ...entry, forms: entry.forms, variants: entry.variants };
      const provenance = {
        createdAt: entry.createdAt,
        createdBy: entry.createdBy,
        updatedAt: entry.updatedAt,
        updatedBy: entry.updatedBy,
      };
      const drafts = [createDraft(entry.id, fields, provenance)];
      for (const rejection of this.sql.rejectionsOf.all(entry.id)) {
        drafts.push({
          entryId: entry.id,
          field: `rejection:${rejection.key}`,
          oldValue: null,
          newValue: { heardText: rejection.text },
          bases: [],
        });
      }
      const recorded = this.log.record(drafts);
      // Rejections now date from their change; rows without any rejection already read as the fold.
      if (drafts.length > 1) this.writer.write(foldChanges(entry.id, recorded));
    }
    this.log.deleteMeta('backfill');
  }

  private reportState(id: string): ReportState | undefined {
    const entry = this.get(id);
    return entry && { entry, rejections: this.sql.rejectionsOf.all(id) };
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
    return this.db
      .transaction(() => {
        this.log.catchUp();
        return work();
      })
      .immediate();
  }
}

/** A delete (every head seen) or a restore (the deletes seen). */
function deleteDraft(folded: FoldedEntry, deleted: boolean): ChangeDraft {
  const bases = deleted ? allHeadIds(folded) : headIds(folded, 'deleted');
  return { entryId: folded.id, field: 'deleted', oldValue: !deleted, newValue: deleted, bases };
}

function winnerValue(folded: FoldedEntry, field: GlossaryChangeField): JsonValue {
  return folded.heads.get(field)?.[0]?.newValue ?? null;
}

/** Bookkeeping for one variant; the others keep theirs. */
function only(key: string, bookkeeping: VariantBookkeeping): BookkeepingRule {
  return (variantKey, old, count) => (variantKey === key ? bookkeeping : restateOrCarry(old, count));
}

function restateOrCarry(old: VariantRow | VariantBookkeeping | undefined, count: number): VariantBookkeeping {
  return old
    ? { undoableCount: Math.min(old.undoableCount, count), learnedOnly: old.learnedOnly }
    : { undoableCount: 0, learnedOnly: 0 };
}

function describeChange(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 200 ? `change ${id}` : `change #${index + 1}`;
}

function toEntry(row: EntryRow): GlossaryEntry {
  const entry: GlossaryEntry = {
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
  // Optional fields only when set, so entries without them read exactly as before sync existed.
  if (row.verified_by !== null && row.verified_at !== null) {
    entry.verified = { by: row.verified_by, at: row.verified_at };
  }
  if (row.conflicted) entry.conflicted = true;
  return entry;
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

function currentUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    // No passwd entry (some containers): still stamp something.
    return 'unknown';
  }
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f');
}
