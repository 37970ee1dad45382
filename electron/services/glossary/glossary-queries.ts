/**
 * The glossary store's read side: its statements (prepared once per store), an entry read as one
 * row with its lists, and how rows read as entries and rejections. Part of the store: the writes
 * are sync/materialize.ts's, the change log is sync/change-log.ts's.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Rejection } from '../../../shared/engine/engine';
import type { GlossaryEntry, TermCategory, Variant } from '../../../shared/glossary/types';
import type { Database } from '../database/open-database';
import { GlossaryNotFoundError } from './glossary-errors';
import type { VariantBookkeeping } from './sync/materialize';

/** A rejection as stored: who rejected which heard text for which entry, and when. */
export interface StoredRejection extends Rejection {
  createdAt: string;
  createdBy: string;
}

/** A variant row with its undo bookkeeping (migrations.ts, step 2). */
export interface VariantRow extends VariantBookkeeping {
  text: string;
  key: string;
  position: number;
  acceptedCount: number;
}

interface RejectionRow {
  term_id: string;
  heard: string;
  created_at: string;
  created_by: string;
}

/** An entry as read from SQL: lists arrive as JSON arrays built by SQLite. */
export interface EntryRow {
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

/** Column weights for bm25, in the search table's column order: term, forms, variants, notes. */
const SEARCH_WEIGHTS = { term: 10, forms: 5, variants: 3, notes: 1 } as const;

/** Everything about an entry in one row; lists in their stored order (SQLite 3.44+ ORDER BY in aggregates). */
const ENTRY_COLUMNS = `
  e.seq, e.id, e.term, e.category, e.notes, e.source,
  e.created_at, e.updated_at, e.created_by, e.updated_by, e.verified_by, e.verified_at,
  (EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = e.id)
    OR EXISTS (SELECT 1 FROM entries d WHERE d.term_key = e.term_key AND d.id <> e.id)) AS conflicted,
  (SELECT json_group_array(f.text ORDER BY f.position) FROM forms f WHERE f.entry_id = e.id) AS forms_json,
  (SELECT json_group_array(json_object('text', v.text, 'acceptedCount', v.accepted_count) ORDER BY v.position)
     FROM variants v WHERE v.entry_id = e.id) AS variants_json`;

type Statement<Parameters extends unknown[], Result = unknown> = BetterSqlite3.Statement<Parameters, Result>;

/** The store's read statements (named here because better-sqlite3's statement type cannot be inferred across modules). */
export interface GlossaryQueries {
  entryById: Statement<[string], EntryRow>;
  entryByKey: Statement<[string], EntryRow>;
  idByKey: Statement<[string], string>;
  list: Statement<[number, number], EntryRow>;
  listByCategory: Statement<[string, number, number], EntryRow>;
  count: Statement<[], number>;
  totalChanges: Statement<[], number>;
  variantRow: Statement<[string, string], VariantRow>;
  variantRows: Statement<[string], VariantRow>;
  rejectionByKey: Statement<[string, string], RejectionRow>;
  removedVariants: Statement<[string, string], string>;
  rejectionsOf: Statement<[string], { key: string; text: string }>;
  listRejections: Statement<[], RejectionRow>;
  unlogged: Statement<[], EntryRow>;
  digestEntries: Statement<[], EntryRow>;
  digestRejections: Statement<[], Record<string, string>>;
  search: Statement<[{ expression: string; key: string; limit: number }], EntryRow>;
}

/** Prepared once per store. */
export function prepareGlossaryQueries(db: Database): GlossaryQueries {
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
    totalChanges: db.prepare<[], number>(`SELECT total_changes() AS n`).pluck(),
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

export function readEntry(sql: GlossaryQueries, id: string): GlossaryEntry | undefined {
  const row = sql.entryById.get(id);
  return row && toEntry(row);
}

export function readEntryOrThrow(sql: GlossaryQueries, id: string): GlossaryEntry {
  const entry = readEntry(sql, id);
  if (!entry) throw new GlossaryNotFoundError(id);
  return entry;
}

export function toEntry(row: EntryRow): GlossaryEntry {
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

export function toRejection(row: RejectionRow): StoredRejection {
  return { termId: row.term_id, heard: row.heard, createdAt: row.created_at, createdBy: row.created_by };
}
