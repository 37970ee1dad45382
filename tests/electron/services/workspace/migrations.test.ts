/**
 * The workspace's schema steps on real files. Migration 2 moves each document's current state from
 * one JSON text (schema 1) into a metadata row and one row per segment: a workspace written by the
 * old store opens with every document, original, flag, view state and count as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../electron/services/database/open-database';
import { workspaceMigrations } from '../../../../electron/services/workspace/migrations';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import type { TranscriptDocument } from '../../../../shared/document/model';
import { countWords } from '../../../../shared/document/plain-text';
import type { DocumentFlag, ViewState } from '../../../../shared/workspace/types';
import { makeDocument, makeFlag } from './documents';

let folder: string;
let file: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-workspace-migrations-'));
  file = path.join(folder, 'workspace.db');
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

interface OldDocument {
  id: string;
  original: TranscriptDocument;
  current: TranscriptDocument;
  flags: DocumentFlag[];
  viewState: ViewState | null;
  openSuggestionCount: number;
}

/** Writes a document as the store of schema 1 did: the current state as one JSON text. */
function writeAtSchema1(db: Database, document: OldDocument, changeOrder: number): void {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO documents (id, title, source_file, source_format, created_at, updated_at, change_order,
         open_suggestion_count, word_count, segment_count, view_state)
       VALUES (?, ?, ?, ?, '2024-10-22T10:00:00.000Z', '2024-10-23T10:00:00.000Z', ?, ?, ?, ?, ?)`,
    )
    .run(
      document.id,
      document.current.metadata.title ?? 'Untitled transcript',
      document.current.metadata.sourceFile ?? '',
      document.current.metadata.sourceFormat,
      changeOrder,
      document.openSuggestionCount,
      countWords(document.current),
      document.current.segments.length,
      document.viewState === null ? null : JSON.stringify(document.viewState),
    );
  const seq = Number(lastInsertRowid);
  db.prepare(`INSERT INTO document_originals (document_seq, json) VALUES (?, ?)`).run(
    seq,
    JSON.stringify(document.original),
  );
  db.prepare(`INSERT INTO document_states (document_seq, json) VALUES (?, ?)`).run(
    seq,
    JSON.stringify(document.current),
  );
  document.flags.forEach((flag, position) =>
    db
      .prepare(
        `INSERT INTO flags (document_seq, position, id, segment_id, start_offset, end_offset, quote, comment,
           created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        seq,
        position,
        flag.id,
        flag.segmentId,
        flag.start,
        flag.end,
        flag.quote,
        flag.comment,
        flag.createdAt,
        flag.resolvedAt,
      ),
  );
}

/** A workspace file at schema 1 holding `documents`, made with schema 1's own migration. */
function makeSchema1Workspace(documents: OldDocument[]): void {
  const db = openDatabase(file, { migrations: workspaceMigrations.slice(0, 1) });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.transaction(() => documents.forEach((document, index) => writeAtSchema1(db, document, index + 1)))();
  } finally {
    db.close();
  }
}

function originalsAsStored(): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT json FROM document_originals ORDER BY document_seq').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('migration 2: the current state as one row per segment', () => {
  it('moves every document into segment rows, keeping originals, flags, view states and counts', () => {
    const original = makeDocument({ segments: 300, wordsPerSegment: 10 });
    const current = structuredClone(original);
    current.metadata.title = 'Edited title';
    current.segments[7]!.text = 'the troops crossed into Kursk';
    delete current.segments[7]!.words;
    current.segments.splice(20, 2);
    current.segments.push({ id: 'added', text: 'a pasted paragraph' });
    const edited: OldDocument = {
      id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
      original,
      current,
      flags: [makeFlag(), makeFlag({ id: '9a7f3c2e-1b4d-4e5f-9a6b-7c8d9e0f1a2b', segmentId: 'added' })],
      viewState: { segmentId: 's8', offset: 4, scrollTop: 900 },
      openSuggestionCount: 6,
    };
    const emptied: OldDocument = {
      id: '2f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
      original: makeDocument({ segments: 2, wordsPerSegment: 3 }),
      current: { ...makeDocument({ segments: 2, wordsPerSegment: 3 }), segments: [] },
      flags: [],
      viewState: null,
      openSuggestionCount: 0,
    };
    makeSchema1Workspace([edited, emptied]);
    const originalsBefore = originalsAsStored();

    const store = WorkspaceStore.open(file);
    try {
      expect(store.listDocuments()).toEqual([
        expect.objectContaining({ id: emptied.id, wordCount: 0, segmentCount: 0 }),
        {
          id: edited.id,
          title: 'Edited title',
          sourceFile: 'episode.json',
          sourceFormat: 'whisperx-json',
          createdAt: '2024-10-22T10:00:00.000Z',
          updatedAt: '2024-10-23T10:00:00.000Z',
          openSuggestionCount: 6,
          wordCount: countWords(current),
          segmentCount: 299,
        },
      ]);
      for (const old of [edited, emptied]) {
        expect(store.getDocument(old.id)).toMatchObject({
          document: old.current,
          original: old.original,
          flags: old.flags,
          viewState: old.viewState,
        });
      }

      // The migrated rows take saves of changes like any others.
      const s9 = { id: 's9', text: 'officials said so' };
      store.saveChanges(edited.id, {
        segments: [s9],
        order: null,
        flags: [],
        viewState: null,
        openSuggestionCount: 5,
      });
      const after = { ...current, segments: current.segments.map((s) => (s.id === 's9' ? s9 : s)) };
      expect(store.getDocument(edited.id)).toMatchObject({
        document: after,
        original,
        summary: { wordCount: countWords(after), segmentCount: 299 },
      });
    } finally {
      store.close();
    }

    // The originals are the very same text, and still protected by the trigger.
    expect(originalsAsStored()).toEqual(originalsBefore);
    const db = new BetterSqlite3(file);
    try {
      // Every later step ran too (3 added media links).
      expect(db.pragma('user_version', { simple: true })).toBe(workspaceMigrations.length);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
      expect(tables).not.toContain('document_states');
      expect(() => db.prepare(`UPDATE document_originals SET json = '{}'`).run()).toThrow(
        /the imported original of a document is never changed/,
      );
    } finally {
      db.close();
    }
  });

  it('gives a segment id that repeats in an old document a new one instead of failing to open', () => {
    const current = makeDocument({ segments: 3, wordsPerSegment: 2 });
    current.segments[2]!.id = 's1';
    makeSchema1Workspace([
      {
        id: '3f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
        original: current,
        current,
        flags: [],
        viewState: null,
        openSuggestionCount: 0,
      },
    ]);
    const store = WorkspaceStore.open(file);
    try {
      const stored = store.getDocument('3f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b');
      expect(stored.document.segments.map((segment) => segment.id)).toEqual(['s1', 's2', 's1~2']);
      expect(stored.document.segments.map((segment) => segment.text)).toEqual(
        current.segments.map((segment) => segment.text),
      );
      expect(stored.original).toEqual(current);
    } finally {
      store.close();
    }
  });
});
