/**
 * The workspace: a SQLite file of the transcripts a person works on. For each document it keeps
 * the imported original (written once, never changed), the current state (replaced by every
 * autosave), the flags, where the person was (view state) and the counts the start screen shows.
 * This class is the workspace's only writer and the only workspace module with SQL.
 *
 * Documents are stored as JSON text: the editor always loads and saves a whole document, so
 * splitting it into rows would only make the once-a-second autosave slower.
 */
import { randomUUID } from 'node:crypto';
import type { TranscriptDocument, TranscriptFormat } from '../../../shared/document/model';
import type { DocumentFlag, DocumentSummary, SaveResult, ViewState } from '../../../shared/workspace/types';
import { openDatabase, type Database } from '../database/open-database';
import { documentFacts } from './document-facts';
import { workspaceMigrations } from './migrations';
import { WorkspaceNotFoundError, WorkspaceValidationError } from './workspace-errors';

export { WorkspaceNotFoundError, WorkspaceValidationError } from './workspace-errors';

export interface WorkspaceStoreOptions {
  /** better_sqlite3.node built for Electron's ABI; plain Node passes nothing. */
  nativeBinding?: string;
}

/** A document as stored: its list line, its current state, its original, flags and view state. */
export interface StoredDocument {
  summary: DocumentSummary;
  document: TranscriptDocument;
  original: TranscriptDocument;
  flags: DocumentFlag[];
  viewState: ViewState | null;
}

/** What an autosave replaces. */
export interface DocumentSave {
  document: TranscriptDocument;
  flags: readonly DocumentFlag[];
  viewState: ViewState | null;
  openSuggestionCount: number;
}

interface SummaryRow {
  seq: number;
  id: string;
  title: string;
  source_file: string;
  source_format: TranscriptFormat;
  created_at: string;
  updated_at: string;
  open_suggestion_count: number;
  word_count: number;
  segment_count: number;
}

interface DocumentRow extends SummaryRow {
  view_state: string | null;
  current_json: string;
  original_json: string;
}

interface FlagRow {
  id: string;
  segment_id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  comment: string;
  created_at: string;
  resolved_at: string | null;
}

const SUMMARY_COLUMNS = `d.seq, d.id, d.title, d.source_file, d.source_format, d.created_at, d.updated_at,
  d.open_suggestion_count, d.word_count, d.segment_count`;

/** Orders writes (see migrations.ts); the index on change_order makes max() one lookup. */
const NEXT_CHANGE = `(SELECT coalesce(max(change_order), 0) + 1 FROM documents)`;

function prepareStatements(db: Database) {
  return {
    insertDocument: db.prepare(
      `INSERT INTO documents (id, title, source_file, source_format, created_at, updated_at, change_order,
         open_suggestion_count, word_count, segment_count, view_state)
       VALUES (@id, @title, @sourceFile, @sourceFormat, @now, @now, ${NEXT_CHANGE},
         @openSuggestionCount, @wordCount, @segmentCount, NULL)`,
    ),
    insertOriginal: db.prepare<[number, string]>(
      `INSERT INTO document_originals (document_seq, json) VALUES (?, ?)`,
    ),
    insertState: db.prepare<[number, string]>(
      `INSERT INTO document_states (document_seq, json) VALUES (?, ?)`,
    ),
    // The source file and format describe the import, so a save leaves them as they were.
    updateDocument: db
      .prepare<
        [
          {
            id: string;
            title: string;
            now: string;
            openSuggestionCount: number;
            wordCount: number;
            segmentCount: number;
            viewState: string | null;
          },
        ],
        number
      >(
        `UPDATE documents SET title = @title, updated_at = @now, change_order = ${NEXT_CHANGE},
           open_suggestion_count = @openSuggestionCount,
           word_count = @wordCount, segment_count = @segmentCount, view_state = @viewState
         WHERE id = @id RETURNING seq`,
      )
      .pluck(),
    updateState: db.prepare<[string, number]>(`UPDATE document_states SET json = ? WHERE document_seq = ?`),
    deleteFlags: db.prepare<[number]>(`DELETE FROM flags WHERE document_seq = ?`),
    insertFlag: db.prepare(
      `INSERT INTO flags (document_seq, position, id, segment_id, start_offset, end_offset, quote, comment,
         created_at, resolved_at)
       VALUES (@seq, @position, @id, @segmentId, @start, @end, @quote, @comment, @createdAt, @resolvedAt)`,
    ),
    flags: db.prepare<[number], FlagRow>(
      `SELECT id, segment_id, start_offset, end_offset, quote, comment, created_at, resolved_at
       FROM flags WHERE document_seq = ? ORDER BY position`,
    ),
    summaryById: db.prepare<[string], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`,
    ),
    list: db.prepare<[], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.change_order DESC`,
    ),
    documentById: db.prepare<[string], DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS}, d.view_state, s.json AS current_json, o.json AS original_json
       FROM documents d
         JOIN document_states s ON s.document_seq = d.seq
         JOIN document_originals o ON o.document_seq = d.seq
       WHERE d.id = ?`,
    ),
    deleteDocument: db.prepare<[string]>(`DELETE FROM documents WHERE id = ?`),
  };
}

export class WorkspaceStore {
  readonly path: string;
  private readonly db: Database;
  private readonly sql: ReturnType<typeof prepareStatements>;

  static open(path: string, options: WorkspaceStoreOptions = {}): WorkspaceStore {
    const db = openDatabase(path, {
      migrations: workspaceMigrations,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
    return new WorkspaceStore(db, path);
  }

  private constructor(db: Database, path: string) {
    this.db = db;
    this.path = path;
    this.sql = prepareStatements(db);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Adds an imported document: it becomes both the original (kept as it is for good) and the
   * current state. `openSuggestionCount` is what the engine found in it on import.
   */
  createDocument(document: TranscriptDocument, openSuggestionCount = 0): DocumentSummary {
    checkCount(openSuggestionCount);
    const json = JSON.stringify(document);
    const facts = documentFacts(document);
    return this.writeTransaction(() => {
      const id = randomUUID();
      const { lastInsertRowid } = this.sql.insertDocument.run({
        id,
        ...facts,
        openSuggestionCount,
        now: timestamp(),
      });
      const seq = Number(lastInsertRowid);
      this.sql.insertOriginal.run(seq, json);
      this.sql.insertState.run(seq, json);
      return this.summaryOrThrow(id);
    });
  }

  /** Every document, most recently changed first. */
  listDocuments(): DocumentSummary[] {
    return this.sql.list.all().map(toSummary);
  }

  /** Throws WorkspaceNotFoundError when there is no such document. */
  getDocument(id: string): StoredDocument {
    // One read transaction, so the flags belong to the same save as the document.
    return this.db.transaction(() => {
      const row = this.sql.documentById.get(id);
      if (!row) throw new WorkspaceNotFoundError(id);
      return {
        summary: toSummary(row),
        document: JSON.parse(row.current_json) as TranscriptDocument,
        original: JSON.parse(row.original_json) as TranscriptDocument,
        flags: this.sql.flags.all(row.seq).map(toFlag),
        viewState: row.view_state === null ? null : (JSON.parse(row.view_state) as ViewState),
      };
    })();
  }

  /**
   * Autosave: replaces the current state, the flags, the view state and the counts in one
   * transaction (all or nothing). The original is never touched. Throws WorkspaceNotFoundError
   * for an unknown id.
   */
  saveDocument(id: string, save: DocumentSave): SaveResult {
    checkCount(save.openSuggestionCount);
    checkFlags(save.flags);
    // Serialised before the write lock is taken, so other connections wait as little as possible.
    const json = JSON.stringify(save.document);
    const viewState = save.viewState === null ? null : JSON.stringify(viewStateFields(save.viewState));
    const facts = documentFacts(save.document);
    const now = timestamp();
    this.writeTransaction(() => {
      const seq = this.sql.updateDocument.get({
        id,
        title: facts.title,
        now,
        openSuggestionCount: save.openSuggestionCount,
        wordCount: facts.wordCount,
        segmentCount: facts.segmentCount,
        viewState,
      });
      if (seq === undefined) throw new WorkspaceNotFoundError(id);
      this.sql.updateState.run(json, seq);
      this.sql.deleteFlags.run(seq);
      save.flags.forEach((flag, position) => this.sql.insertFlag.run({ seq, position, ...flagFields(flag) }));
    });
    return { savedAt: now };
  }

  /** Removes the document with its original, current state and flags; false when there was none. */
  deleteDocument(id: string): boolean {
    return this.writeTransaction(() => this.sql.deleteDocument.run(id).changes > 0);
  }

  private summaryOrThrow(id: string): DocumentSummary {
    const row = this.sql.summaryById.get(id);
    if (!row) throw new WorkspaceNotFoundError(id);
    return toSummary(row);
  }

  /** IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing mid-way. */
  private writeTransaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceFile: row.source_file,
    sourceFormat: row.source_format,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    openSuggestionCount: row.open_suggestion_count,
    wordCount: row.word_count,
    segmentCount: row.segment_count,
  };
}

function toFlag(row: FlagRow): DocumentFlag {
  return {
    id: row.id,
    segmentId: row.segment_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    comment: row.comment,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

/** Exactly the flag's fields, so a caller's extra properties never reach the file. */
function flagFields(flag: DocumentFlag): DocumentFlag {
  const { id, segmentId, start, end, quote, comment, createdAt, resolvedAt } = flag;
  return { id, segmentId, start, end, quote, comment, createdAt, resolvedAt };
}

function viewStateFields({ segmentId, offset, scrollTop }: ViewState): ViewState {
  return { segmentId, offset, scrollTop };
}

function checkFlags(flags: readonly DocumentFlag[]): void {
  const ids = new Set<string>();
  for (const flag of flags) {
    if (ids.has(flag.id))
      throw new WorkspaceValidationError(`Two flags have the id ${JSON.stringify(flag.id)}`);
    ids.add(flag.id);
    if (!Number.isSafeInteger(flag.start) || !Number.isSafeInteger(flag.end) || flag.start < 0) {
      throw new WorkspaceValidationError(
        `The flag ${JSON.stringify(flag.id)} has offsets that are not whole numbers`,
      );
    }
    if (flag.start >= flag.end) {
      throw new WorkspaceValidationError(
        `The flag ${JSON.stringify(flag.id)} covers no text (start ${flag.start}, end ${flag.end})`,
      );
    }
  }
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new WorkspaceValidationError(
      `The open suggestion count must be a whole number of 0 or more, not ${count}`,
    );
  }
}

function timestamp(): string {
  return new Date().toISOString();
}
