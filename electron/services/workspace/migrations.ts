/**
 * The workspace database's schema, one numbered step at a time (DESIGN.md, convention 9).
 * A step that has landed is never edited: add the next number instead. The SQL is written out
 * literally (no constants spliced in) so that later code changes cannot change an old step; a step
 * that moves data is a function that imports nothing from the rest of the code, for the same reason.
 */
import type { Database, Migration } from '../database/open-database';

const initialSchema = `
-- One row per transcript in the workspace: what the start screen lists, without the document
-- bodies (they live in their own tables, so listing never reads megabytes of JSON).
-- id is the public identity (a UUID); seq is the local integer key the other tables point at,
-- an explicit INTEGER PRIMARY KEY so VACUUM keeps its values.
-- view_state is the editor's place as JSON ({segmentId, offset, scrollTop}), NULL until saved.
-- change_order counts writes across the workspace (1 + the highest so far on every create and
-- save), so "most recently changed first" holds even for two saves in the same millisecond.
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  change_order INTEGER NOT NULL,
  open_suggestion_count INTEGER NOT NULL CHECK (open_suggestion_count >= 0),
  word_count INTEGER NOT NULL CHECK (word_count >= 0),
  segment_count INTEGER NOT NULL CHECK (segment_count >= 0),
  view_state TEXT CHECK (view_state IS NULL OR json_valid(view_state))
) STRICT;

CREATE INDEX documents_by_change ON documents (change_order);

-- The document as imported, kept for the corrections report and "compare with original". It is
-- written once; the trigger below makes that a rule of the file, not only of the code.
CREATE TABLE document_originals (
  document_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  json TEXT NOT NULL
) STRICT;

CREATE TRIGGER document_originals_are_never_changed
BEFORE UPDATE ON document_originals
BEGIN
  SELECT RAISE(ABORT, 'the imported original of a document is never changed');
END;

-- The document as the person left it: rewritten by every autosave, so it has a table of its own
-- and a save never rewrites the original's pages.
CREATE TABLE document_states (
  document_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  json TEXT NOT NULL
) STRICT;

-- Passages flagged for fact-checking, in the order the editor gave them. Offsets are into the
-- segment's text. A save replaces a document's flags as a whole.
CREATE TABLE flags (
  document_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  segment_id TEXT NOT NULL,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
  quote TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  PRIMARY KEY (document_seq, position),
  UNIQUE (document_seq, id)
) STRICT, WITHOUT ROWID;
`;

const segmentRowsSchema = `
-- The document as the person left it, one row per segment, so an autosave writes only the
-- segments that changed (saveChanges) instead of the whole document. Replaces document_states.
-- The document's version and metadata (everything but the segments), one row per document.
CREATE TABLE current_metadata (
  document_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  json TEXT NOT NULL
) STRICT;

-- One row per segment of the current state. json is the whole Segment (id included); words is
-- the word count of its text, so a document's count is a SUM. position orders the segments: 0, 1,
-- 2, … (a save that moves segments renumbers them). The index holds words too, so the SUM and the
-- count read only the index, not the segments' JSON.
CREATE TABLE current_segments (
  document_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  segment_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  words INTEGER NOT NULL CHECK (words >= 0),
  json TEXT NOT NULL,
  PRIMARY KEY (document_seq, segment_id)
) STRICT;

CREATE INDEX current_segments_in_order ON current_segments (document_seq, position, words);
`;

/**
 * Moves every document's current state from its one JSON text into current_metadata and
 * current_segments rows, then drops document_states. Self-contained (its own word count, its
 * own SQL) so later code changes cannot change this step.
 */
function splitCurrentStatesIntoSegmentRows(db: Database): void {
  db.exec(segmentRowsSchema);
  const insertMetadata = db.prepare<[number, number, string]>(
    `INSERT INTO current_metadata (document_seq, version, json) VALUES (?, ?, ?)`,
  );
  const insertSegment = db.prepare<[number, string, number, number, string]>(
    `INSERT INTO current_segments (document_seq, segment_id, position, words, json) VALUES (?, ?, ?, ?, ?)`,
  );
  const stateOf = db
    .prepare<[number], string>(`SELECT json FROM document_states WHERE document_seq = ?`)
    .pluck();
  // One document in memory at a time.
  const seqs = db
    .prepare<[], number>(`SELECT document_seq FROM document_states ORDER BY document_seq`)
    .pluck()
    .all();
  for (const seq of seqs) {
    const json = stateOf.get(seq);
    if (json === undefined) continue;
    const { version, metadata, segments } = JSON.parse(json) as {
      version: number;
      metadata: unknown;
      segments?: { id: string; text?: string }[];
    };
    insertMetadata.run(seq, version, JSON.stringify(metadata));
    // Segment ids were unique in every document the app saved; should one repeat all the same,
    // its later segments get a new id rather than being lost or stopping the workspace opening.
    const used = new Set<string>();
    (segments ?? []).forEach((segment, position) => {
      let id = segment.id;
      for (let n = 2; used.has(id); n++) id = `${segment.id}~${n}`;
      used.add(id);
      const row = id === segment.id ? segment : { ...segment, id };
      const words = (row.text ?? '').match(/\S+/g)?.length ?? 0;
      insertSegment.run(seq, id, position, words, JSON.stringify(row));
    });
  }
  db.exec(`DROP TABLE document_states`);
}

const mediaLinks = `
-- The recording a document was made from: a file on this computer, by absolute path. size and
-- mtime_ms are the file's when it was linked, so a replaced file can be told from the same one.
CREATE TABLE media_links (
  document_seq INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
  path TEXT NOT NULL CHECK (path <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  size INTEGER NOT NULL CHECK (size >= 0),
  mtime_ms REAL NOT NULL,
  attached_at TEXT NOT NULL
) STRICT;
`;

export const workspaceMigrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: initialSchema },
  { version: 2, name: 'current state as one row per segment', up: splitCurrentStatesIntoSegmentRows },
  { version: 3, name: 'media links', up: mediaLinks },
];
