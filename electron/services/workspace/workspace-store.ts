/**
 * The workspace: a SQLite file of the transcripts a person works on. For each document it keeps
 * the imported original (written once, never changed), the current state (changed by every
 * autosave), the flags, where the person was (view state) and the counts the start screen shows.
 * This class is the workspace's only writer and the only workspace module with SQL.
 *
 * The original is one JSON text. The current state is one row per segment (plus the metadata),
 * because the editor's autosave sends only the segments that changed (saveChanges): typing in a
 * 3-hour transcript writes one row, not megabytes.
 */
import { randomUUID } from 'node:crypto';
import type {
  Segment,
  TranscriptDocument,
  TranscriptFormat,
  TranscriptMetadata,
} from '../../../shared/document/model';
import type {
  DocumentFlag,
  DocumentSummary,
  MediaLink,
  SaveResult,
  ViewState,
} from '../../../shared/workspace/types';
import { openDatabase, type Database } from '../database/open-database';
import { documentFacts, segmentWordCount } from './document-facts';
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

/**
 * What an autosave of only the changes sends: the segments added or changed since the last save
 * (whole), and every segment id in document order when segments were added, removed or moved
 * (null when none were). Flags, view state and the count are replaced as in a DocumentSave.
 */
export interface DocumentChanges {
  segments: readonly Segment[];
  order: readonly string[] | null;
  flags: readonly DocumentFlag[];
  viewState: ViewState | null;
  openSuggestionCount: number;
}

interface MediaLinkRow {
  path: string;
  name: string;
  size: number;
  mtime_ms: number;
  attached_at: string;
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

interface CurrentRow {
  seq: number;
  version: number;
  metadata_json: string;
}

interface DocumentRow extends SummaryRow, CurrentRow {
  view_state: string | null;
  original_json: string;
}

/** A segment ready for its row: serialised and counted before the write lock is taken. */
interface SegmentRow {
  id: string;
  words: number;
  json: string;
}

/** A segment as saved: its place, and its JSON when a save compares it with what it brings. */
interface SavedSegment {
  position: number;
  json?: string;
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
    insertMetadata: db.prepare<[number, number, string]>(
      `INSERT INTO current_metadata (document_seq, version, json) VALUES (?, ?, ?)`,
    ),
    updateMetadata: db.prepare<[number, string, number]>(
      `UPDATE current_metadata SET version = ?, json = ? WHERE document_seq = ?`,
    ),
    insertSegment: db.prepare<[number, string, number, number, string]>(
      `INSERT INTO current_segments (document_seq, segment_id, position, words, json) VALUES (?, ?, ?, ?, ?)`,
    ),
    upsertSegment: db.prepare<[number, string, number, number, string]>(
      `INSERT INTO current_segments (document_seq, segment_id, position, words, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_seq, segment_id)
         DO UPDATE SET position = excluded.position, words = excluded.words, json = excluded.json`,
    ),
    updateSegment: db.prepare<[number, string, number, string]>(
      `UPDATE current_segments SET words = ?, json = ? WHERE document_seq = ? AND segment_id = ?`,
    ),
    moveSegment: db.prepare<[number, number, string]>(
      `UPDATE current_segments SET position = ? WHERE document_seq = ? AND segment_id = ?`,
    ),
    deleteSegment: db.prepare<[number, string]>(
      `DELETE FROM current_segments WHERE document_seq = ? AND segment_id = ?`,
    ),
    segmentPositions: db
      .prepare<[number], [string, number]>(
        `SELECT segment_id, position FROM current_segments WHERE document_seq = ?`,
      )
      .raw(),
    segmentPositionsAndJson: db
      .prepare<[number], [string, number, string]>(
        `SELECT segment_id, position, json FROM current_segments WHERE document_seq = ?`,
      )
      .raw(),
    segmentJson: db
      .prepare<[number], string>(`SELECT json FROM current_segments WHERE document_seq = ? ORDER BY position`)
      .pluck(),
    seqById: db.prepare<[string], number>(`SELECT seq FROM documents WHERE id = ?`).pluck(),
    // After the segment rows have changed: the counts are read off the rows (the index covers them).
    touchDocument: db.prepare<
      [{ seq: number; now: string; openSuggestionCount: number; viewState: string | null }]
    >(
      `UPDATE documents SET updated_at = @now, change_order = ${NEXT_CHANGE},
         open_suggestion_count = @openSuggestionCount, view_state = @viewState,
         word_count = (SELECT coalesce(sum(words), 0) FROM current_segments WHERE document_seq = @seq),
         segment_count = (SELECT count(*) FROM current_segments WHERE document_seq = @seq)
       WHERE seq = @seq`,
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
      `SELECT ${SUMMARY_COLUMNS}, d.view_state, m.version, m.json AS metadata_json, o.json AS original_json
       FROM documents d
         JOIN current_metadata m ON m.document_seq = d.seq
         JOIN document_originals o ON o.document_seq = d.seq
       WHERE d.id = ?`,
    ),
    currentById: db.prepare<[string], CurrentRow>(
      `SELECT d.seq, m.version, m.json AS metadata_json
       FROM documents d JOIN current_metadata m ON m.document_seq = d.seq
       WHERE d.id = ?`,
    ),
    deleteDocument: db.prepare<[string]>(`DELETE FROM documents WHERE id = ?`),
    mediaLinkById: db.prepare<[string], MediaLinkRow>(
      `SELECT l.path, l.name, l.size, l.mtime_ms, l.attached_at
       FROM media_links l JOIN documents d ON d.seq = l.document_seq WHERE d.id = ?`,
    ),
    allMediaPaths: db.prepare<[], string>(`SELECT path FROM media_links`).pluck(),
    upsertMediaLink: db.prepare<{
      seq: number;
      path: string;
      name: string;
      size: number;
      mtimeMs: number;
      attachedAt: string;
    }>(
      `INSERT INTO media_links (document_seq, path, name, size, mtime_ms, attached_at)
       VALUES (@seq, @path, @name, @size, @mtimeMs, @attachedAt)
       ON CONFLICT (document_seq) DO UPDATE SET path = excluded.path, name = excluded.name,
         size = excluded.size, mtime_ms = excluded.mtime_ms, attached_at = excluded.attached_at`,
    ),
    deleteMediaLink: db.prepare<[string]>(
      `DELETE FROM media_links WHERE document_seq = (SELECT seq FROM documents WHERE id = ?)`,
    ),
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
    checkSegmentIds(document.segments);
    const json = JSON.stringify(document);
    const metadata = JSON.stringify(document.metadata);
    const segments = document.segments.map(toSegmentRow);
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
      this.sql.insertMetadata.run(seq, document.version, metadata);
      this.insertSegments(seq, segments);
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
        document: this.currentDocument(row),
        original: JSON.parse(row.original_json) as TranscriptDocument,
        flags: this.sql.flags.all(row.seq).map(toFlag),
        viewState: row.view_state === null ? null : (JSON.parse(row.view_state) as ViewState),
      };
    })();
  }

  /**
   * Only the document as it is now, without the original, flags and view state (half the reading
   * of getDocument). Throws WorkspaceNotFoundError when there is no such document.
   */
  getCurrentDocument(id: string): TranscriptDocument {
    return this.db.transaction(() => {
      const row = this.sql.currentById.get(id);
      if (!row) throw new WorkspaceNotFoundError(id);
      return this.currentDocument(row);
    })();
  }

  /** Only the current metadata (title, media file…), without reading any segment. */
  getCurrentMetadata(id: string): TranscriptMetadata {
    const row = this.sql.currentById.get(id);
    if (!row) throw new WorkspaceNotFoundError(id);
    return JSON.parse(row.metadata_json) as TranscriptMetadata;
  }

  /** Assembles the current state; run inside a read transaction. */
  private currentDocument(row: CurrentRow): TranscriptDocument {
    // One JSON.parse of the whole document, each segment's stored JSON spliced in as it is.
    const segments = this.sql.segmentJson.all(row.seq).join(',');
    return JSON.parse(
      `{"version":${row.version},"metadata":${row.metadata_json},"segments":[${segments}]}`,
    ) as TranscriptDocument;
  }

  /**
   * Autosave of the whole document: replaces the current state (metadata and every segment), the
   * flags, the view state and the counts in one transaction (all or nothing). The original is
   * never touched. Throws WorkspaceNotFoundError for an unknown id.
   */
  saveDocument(id: string, save: DocumentSave): SaveResult {
    checkCount(save.openSuggestionCount);
    checkFlags(save.flags);
    checkSegmentIds(save.document.segments);
    // Serialised before the write lock is taken, so other connections wait as little as possible.
    const metadata = JSON.stringify(save.document.metadata);
    const segments = save.document.segments.map(toSegmentRow);
    const order = segments.map((segment) => segment.id);
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
      this.sql.updateMetadata.run(save.document.version, metadata, seq);
      // Rows whose JSON is unchanged are kept (or only moved): an undo touching one paragraph of
      // a 3-hour transcript rewrites one row, not all of them.
      const saved = new Map<string, SavedSegment>();
      for (const [segmentId, position, json] of this.sql.segmentPositionsAndJson.all(seq)) {
        saved.set(segmentId, { position, json });
      }
      this.placeSegments(seq, new Map(segments.map((segment) => [segment.id, segment])), order, saved);
      this.replaceFlags(seq, save.flags);
    });
    return { savedAt: now };
  }

  /**
   * Autosave of only what changed: writes the given segments (added or changed), and when `order`
   * is given, deletes the segments it leaves out and puts the rest in its order; then replaces the
   * flags, the view state and the count, and recounts the words — one transaction, all or nothing.
   * The metadata and the original are not touched. Throws WorkspaceNotFoundError for an unknown id
   * and WorkspaceValidationError when the changes do not fit together or with what is saved (a
   * changed segment missing from the order, an order naming a segment twice or one that is
   * neither saved nor given, a new segment without an order).
   */
  saveChanges(id: string, changes: DocumentChanges): SaveResult {
    checkCount(changes.openSuggestionCount);
    checkFlags(changes.flags);
    checkChanges(changes.segments, changes.order);
    const segments = changes.segments.map(toSegmentRow);
    const viewState = changes.viewState === null ? null : JSON.stringify(viewStateFields(changes.viewState));
    const now = timestamp();
    this.writeTransaction(() => {
      const seq = this.sql.seqById.get(id);
      if (seq === undefined) throw new WorkspaceNotFoundError(id);
      if (changes.order === null) this.updateSegments(seq, segments);
      else this.reorderSegments(seq, segments, changes.order);
      this.replaceFlags(seq, changes.flags);
      this.sql.touchDocument.run({ seq, now, openSuggestionCount: changes.openSuggestionCount, viewState });
    });
    return { savedAt: now };
  }

  /** The recording linked to a document, or null; throws WorkspaceNotFoundError for an unknown id. */
  getMediaLink(id: string): MediaLink | null {
    const row = this.sql.mediaLinkById.get(id);
    if (!row) {
      this.summaryOrThrow(id);
      return null;
    }
    return {
      documentId: id,
      path: row.path,
      name: row.name,
      size: row.size,
      mtimeMs: row.mtime_ms,
      attachedAt: row.attached_at,
    };
  }

  /** Links (or relinks) a document's recording; the caller has checked the file. */
  setMediaLink(id: string, file: Pick<MediaLink, 'path' | 'name' | 'size' | 'mtimeMs'>): MediaLink {
    if (file.path === '' || file.name === '' || !(file.size >= 0) || !Number.isFinite(file.mtimeMs)) {
      throw new WorkspaceValidationError('a media link needs a path, a name, a size and a time');
    }
    const attachedAt = timestamp();
    this.writeTransaction(() => {
      const seq = this.sql.seqById.get(id);
      if (seq === undefined) throw new WorkspaceNotFoundError(id);
      this.sql.upsertMediaLink.run({ seq, ...file, attachedAt });
    });
    return { documentId: id, ...file, attachedAt };
  }

  /** Forgets a document's recording (the file itself is not touched); false when none was linked. */
  removeMediaLink(id: string): boolean {
    return this.writeTransaction(() => this.sql.deleteMediaLink.run(id).changes > 0);
  }

  /** Every linked path (to tell which stored copies are still in use). */
  mediaPaths(): string[] {
    return this.sql.allMediaPaths.all();
  }

  /** Removes the document with its original, current state and flags; false when there was none. */
  deleteDocument(id: string): boolean {
    return this.writeTransaction(() => this.sql.deleteDocument.run(id).changes > 0);
  }

  private insertSegments(seq: number, segments: readonly SegmentRow[]): void {
    segments.forEach((segment, position) =>
      this.sql.insertSegment.run(seq, segment.id, position, segment.words, segment.json),
    );
  }

  /** Changed segments without an order: each must be saved already, and keeps its place. */
  private updateSegments(seq: number, segments: readonly SegmentRow[]): void {
    for (const segment of segments) {
      if (this.sql.updateSegment.run(segment.words, segment.json, seq, segment.id).changes === 0) {
        throw new WorkspaceValidationError(
          `The segment ${JSON.stringify(segment.id)} is new, so the save must give the segment order`,
        );
      }
    }
  }

  /** Changed segments with the whole order: the order must name only segments saved or given. */
  private reorderSegments(seq: number, segments: readonly SegmentRow[], order: readonly string[]): void {
    const saved = new Map<string, SavedSegment>();
    for (const [segmentId, position] of this.sql.segmentPositions.all(seq)) {
      saved.set(segmentId, { position });
    }
    const given = new Map(segments.map((segment) => [segment.id, segment]));
    for (const segmentId of order) {
      if (!saved.has(segmentId) && !given.has(segmentId)) {
        throw new WorkspaceValidationError(
          `The segment order names ${JSON.stringify(segmentId)}, which is neither saved nor among the changed segments`,
        );
      }
    }
    this.placeSegments(seq, given, order, saved);
  }

  /**
   * Makes the rows the segments of `order`, in that order: deletes the saved ones it leaves out,
   * writes the given ones (unless their saved JSON is the same) and moves the others only where
   * their place changed — typing a new paragraph moves the rows after it, deleting the last moves
   * none. Every id in `order` is saved or given (the callers make sure).
   */
  private placeSegments(
    seq: number,
    given: ReadonlyMap<string, SegmentRow>,
    order: readonly string[],
    saved: ReadonlyMap<string, SavedSegment>,
  ): void {
    const kept = new Set(order);
    for (const segmentId of saved.keys()) {
      if (!kept.has(segmentId)) this.sql.deleteSegment.run(seq, segmentId);
    }
    order.forEach((segmentId, position) => {
      const segment = given.get(segmentId);
      const before = saved.get(segmentId);
      if (segment && segment.json !== before?.json) {
        this.sql.upsertSegment.run(seq, segmentId, position, segment.words, segment.json);
      } else if (before && before.position !== position) {
        this.sql.moveSegment.run(position, seq, segmentId);
      }
    });
  }

  private replaceFlags(seq: number, flags: readonly DocumentFlag[]): void {
    this.sql.deleteFlags.run(seq);
    flags.forEach((flag, position) => this.sql.insertFlag.run({ seq, position, ...flagFields(flag) }));
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

function toSegmentRow(segment: Segment): SegmentRow {
  return { id: segment.id, words: segmentWordCount(segment), json: JSON.stringify(segment) };
}

/** Segment ids are the rows' keys, so one id twice in a document cannot be stored. */
function checkSegmentIds(segments: readonly Segment[]): void {
  const ids = new Set<string>();
  for (const segment of segments) {
    if (ids.has(segment.id)) {
      throw new WorkspaceValidationError(`Two segments have the id ${JSON.stringify(segment.id)}`);
    }
    ids.add(segment.id);
  }
}

/** What saveChanges can check without the database: the changes must agree with their order. */
function checkChanges(segments: readonly Segment[], order: readonly string[] | null): void {
  const ids = new Set<string>();
  for (const segment of segments) {
    if (ids.has(segment.id)) {
      throw new WorkspaceValidationError(
        `Two of the changed segments have the id ${JSON.stringify(segment.id)}`,
      );
    }
    ids.add(segment.id);
  }
  if (order === null) return;
  const ordered = new Set<string>();
  for (const segmentId of order) {
    if (ordered.has(segmentId)) {
      throw new WorkspaceValidationError(`The segment order names ${JSON.stringify(segmentId)} twice`);
    }
    ordered.add(segmentId);
  }
  for (const segment of segments) {
    if (!ordered.has(segment.id)) {
      throw new WorkspaceValidationError(
        `The changed segment ${JSON.stringify(segment.id)} is not in the segment order`,
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
