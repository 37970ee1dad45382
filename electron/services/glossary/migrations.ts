/**
 * The glossary database's schema, one numbered step at a time (DESIGN.md, convention 9).
 * A step that has landed is never edited: add the next number instead. The SQL is written out
 * literally (no constants spliced in) so that later code changes cannot change an old step.
 */
import type { Migration } from '../database/open-database';

const initialSchema = `
-- id is the entry's public identity (a UUID, the same on every device once sync exists).
-- seq is the local integer key the search index points at; an explicit INTEGER PRIMARY KEY
-- keeps its values through VACUUM, which a bare rowid would not.
-- term_key is the term NFKC-normalised, case-folded and whitespace-collapsed: two terms with
-- the same key are the same term (imports merge on it).
CREATE TABLE entries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  term TEXT NOT NULL CHECK (term <> ''),
  term_key TEXT NOT NULL UNIQUE CHECK (term_key <> ''),
  category TEXT NOT NULL DEFAULT 'other'
    CHECK (category IN ('person', 'organization', 'place', 'publication', 'term', 'other')),
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE INDEX entries_by_category ON entries (category, term_key);

-- Other correct spellings of a term ("Yoon" for "Yoon Suk Yeol"), in the order given.
CREATE TABLE forms (
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  text_key TEXT NOT NULL,
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, text_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX forms_by_key ON forms (text_key);

-- Known mishearings of a term ("Donbass" for "Donbas") and how often a person accepted the
-- correction; the matching engine looks them up by key.
CREATE TABLE variants (
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  text_key TEXT NOT NULL,
  accepted_count INTEGER NOT NULL DEFAULT 0 CHECK (accepted_count >= 0),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, text_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX variants_by_key ON variants (text_key);

-- Full-text search for the glossary panel: rowid = entries.seq; forms and variants are each
-- one space-joined column. The store rewrites an entry's row here whenever it writes the entry,
-- which is cheaper during a 100k-row import than triggers firing once per form and variant.
-- remove_diacritics 2: "Zurich" finds "Zürich".
-- The prefix indexes make the search box's word-prefix queries ("zwe" → Zwetsloot) cheap.
CREATE VIRTUAL TABLE entries_search USING fts5(
  term,
  forms,
  variants,
  notes,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
`;

const learningFromDecisions = `
-- Undo bookkeeping for accepted corrections. undoable_count: how many of accepted_count were
-- recorded by accepting a suggestion in this glossary and can still be undone. learned_only: 1
-- when the variant exists only because of those acceptances (nobody typed or imported it), so it
-- disappears when its last acceptance is undone; an imported or typed variant just counts down.
-- Rows from before this step were imported, typed or accepted without this bookkeeping: 0 and 0
-- (kept, nothing to undo).
ALTER TABLE variants ADD COLUMN undoable_count INTEGER NOT NULL DEFAULT 0
  CHECK (undoable_count >= 0 AND undoable_count <= accepted_count);
ALTER TABLE variants ADD COLUMN learned_only INTEGER NOT NULL DEFAULT 0 CHECK (learned_only IN (0, 1));

-- "Heard X is not this entry": a person rejected the suggestion, and the engine must not make it
-- again. heard_key is the engine's phrase key of the heard text (shared/engine/tokenize.ts,
-- phraseKey: case, accents and punctuation ignored), so the store and the engine agree on
-- "the same heard text". Rejecting removes the entry's variants with that key; removed_variants
-- keeps them (a JSON array of {text, acceptedCount, undoableCount, learnedOnly, position}) so
-- that undoing the rejection puts them back exactly.
CREATE TABLE rejections (
  seq INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  heard_text TEXT NOT NULL CHECK (heard_text <> ''),
  heard_key TEXT NOT NULL CHECK (heard_key <> ''),
  removed_variants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed_variants)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (entry_id, heard_key)
) STRICT;
`;

const teamGlossary = `
-- Team glossary (issue 7). Two members may create the same term while apart, so term_key is no
-- longer UNIQUE (the store still refuses a local duplicate and reports a duplicate-term conflict).
-- SQLite cannot drop a constraint, so the tables are rebuilt; children are copied out and dropped
-- first so that dropping entries cascades into nothing. The definitions below restate steps 1
-- and 2 with that one difference and three new entries columns.
CREATE TABLE entries_copy AS SELECT * FROM entries;
CREATE TABLE forms_copy AS SELECT * FROM forms;
CREATE TABLE variants_copy AS SELECT * FROM variants;
CREATE TABLE rejections_copy AS SELECT * FROM rejections;
DROP TABLE rejections;
DROP TABLE variants;
DROP TABLE forms;
DROP TABLE entries;

-- verified_by/verified_at: who marked the entry verified, and when (both NULL when not verified).
CREATE TABLE entries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  term TEXT NOT NULL CHECK (term <> ''),
  term_key TEXT NOT NULL CHECK (term_key <> ''),
  category TEXT NOT NULL DEFAULT 'other'
    CHECK (category IN ('person', 'organization', 'place', 'publication', 'term', 'other')),
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  verified_by TEXT,
  verified_at TEXT,
  CHECK ((verified_by IS NULL) = (verified_at IS NULL))
) STRICT;

CREATE INDEX entries_by_term_key ON entries (term_key);
CREATE INDEX entries_by_category ON entries (category, term_key);

CREATE TABLE forms (
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  text_key TEXT NOT NULL,
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, text_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX forms_by_key ON forms (text_key);

CREATE TABLE variants (
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  text_key TEXT NOT NULL,
  accepted_count INTEGER NOT NULL DEFAULT 0 CHECK (accepted_count >= 0),
  undoable_count INTEGER NOT NULL DEFAULT 0 CHECK (undoable_count >= 0 AND undoable_count <= accepted_count),
  learned_only INTEGER NOT NULL DEFAULT 0 CHECK (learned_only IN (0, 1)),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, text_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX variants_by_key ON variants (text_key);

CREATE TABLE rejections (
  seq INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  heard_text TEXT NOT NULL CHECK (heard_text <> ''),
  heard_key TEXT NOT NULL CHECK (heard_key <> ''),
  removed_variants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed_variants)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (entry_id, heard_key)
) STRICT;

INSERT INTO entries (seq, id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by)
  SELECT seq, id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by
  FROM entries_copy;
INSERT INTO forms (entry_id, position, text, text_key)
  SELECT entry_id, position, text, text_key FROM forms_copy;
INSERT INTO variants (entry_id, position, text, text_key, accepted_count, undoable_count, learned_only)
  SELECT entry_id, position, text, text_key, accepted_count, undoable_count, learned_only FROM variants_copy;
INSERT INTO rejections (seq, entry_id, heard_text, heard_key, removed_variants, created_at, created_by)
  SELECT seq, entry_id, heard_text, heard_key, removed_variants, created_at, created_by FROM rejections_copy;
DROP TABLE entries_copy;
DROP TABLE forms_copy;
DROP TABLE variants_copy;
DROP TABLE rejections_copy;

-- The change log: every change made here or received from another member (shared/glossary/
-- sync-types.ts, GlossaryChange). id is the change's HLC stamp; values and bases are JSON.
-- published: NULL for a change received from another member, 0 for one made here and not yet
-- sent, 1 once a transport has sent it. Rows are never updated otherwise, nor deleted.
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  entry_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT NOT NULL CHECK (json_valid(old_value)),
  new_value TEXT NOT NULL CHECK (json_valid(new_value)),
  bases TEXT NOT NULL CHECK (json_valid(bases)),
  author TEXT NOT NULL,
  device TEXT NOT NULL,
  published INTEGER CHECK (published IN (0, 1))
) STRICT;

CREATE INDEX changes_by_entry ON changes (entry_id);
CREATE INDEX changes_unpublished ON changes (seq) WHERE published = 0;

-- Open field and delete-edit conflicts, one row each, rewritten with their entry when it is
-- folded again (duplicate terms are found from entries.term_key instead). body is the
-- GlossaryConflict without the term, as JSON.
CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
) STRICT, WITHOUT ROWID;

CREATE INDEX conflicts_by_entry ON conflicts (entry_id);

-- Small settings of this installation: its device id, the author name a person set.
-- 'backfill' = 'pending' until the store has logged a create change for every older entry.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('backfill', 'pending');

-- Where each transport (a shared folder, a server) has read up to; opaque to the store.
CREATE TABLE sync_cursors (
  key TEXT PRIMARY KEY,
  cursor TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

export const glossaryMigrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: initialSchema },
  { version: 2, name: 'learning from decisions', up: learningFromDecisions },
  { version: 3, name: 'team glossary', up: teamGlossary },
];
