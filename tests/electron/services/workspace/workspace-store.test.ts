/**
 * The workspace store on a real SQLite file: documents in and out, autosaves that never touch the
 * original, flags and view state, and everything still there after the file is closed and reopened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/database/open-database';
import { workspaceMigrations } from '../../../../electron/services/workspace/migrations';
import {
  WorkspaceNotFoundError,
  WorkspaceStore,
  WorkspaceValidationError,
} from '../../../../electron/services/workspace/workspace-store';
import type { TranscriptDocument } from '../../../../shared/document/model';
import type { ViewState } from '../../../../shared/workspace/types';
import { makeDocument, makeFlag } from './documents';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let folder: string;
let file: string;
let store: WorkspaceStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-workspace-store-'));
  file = path.join(folder, 'workspace.db');
  store = WorkspaceStore.open(file);
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const small = (revision = 0) => makeDocument({ segments: 3, wordsPerSegment: 4, revision });

/** The document after an edit of its second segment (as the editor would send it). */
function edited(document: TranscriptDocument, text: string): TranscriptDocument {
  const copy = structuredClone(document);
  copy.segments[1]!.text = text;
  delete copy.segments[1]!.words;
  return copy;
}

const VIEW: ViewState = { segmentId: 's2', offset: 5, scrollTop: 480.5 };

describe('WorkspaceStore: create, list, get', () => {
  it('creates a document with its counts and dates, and gives it back as original and current state', () => {
    const document = small();
    const summary = store.createDocument(document, 7);
    expect(summary).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      title: 'Revision 0',
      sourceFile: 'episode.json',
      sourceFormat: 'whisperx-json',
      createdAt: expect.any(String),
      updatedAt: summary.createdAt,
      openSuggestionCount: 7,
      wordCount: 12,
      segmentCount: 3,
    });
    expect(new Date(summary.createdAt).toISOString()).toBe(summary.createdAt);

    expect(store.getDocument(summary.id)).toEqual({
      summary,
      document,
      original: document,
      flags: [],
      viewState: null,
    });
  });

  it('titles a document by its title, else its file name, else "Untitled transcript"', () => {
    const titled = store.createDocument(small());
    const document = small();
    delete document.metadata.title;
    const named = store.createDocument(document);
    delete document.metadata.sourceFile;
    const nameless = store.createDocument({ ...document, metadata: { ...document.metadata, title: '  ' } });
    expect([titled, named, nameless].map((summary) => [summary.title, summary.sourceFile])).toEqual([
      ['Revision 0', 'episode.json'],
      ['episode.json', 'episode.json'],
      ['Untitled transcript', ''],
    ]);
  });

  it('lists the most recently changed document first', () => {
    const first = store.createDocument(small(1));
    const second = store.createDocument(small(2));
    const third = store.createDocument(small(3));
    expect(store.listDocuments().map((summary) => summary.id)).toEqual([third.id, second.id, first.id]);

    store.saveDocument(first.id, { document: small(4), flags: [], viewState: null, openSuggestionCount: 0 });
    const listed = store.listDocuments();
    expect(listed.map((summary) => summary.id)).toEqual([first.id, third.id, second.id]);
    expect(listed[0]).toMatchObject({ title: 'Revision 4', openSuggestionCount: 0 });
  });

  it('says clearly that a document is missing', () => {
    expect(() => store.getDocument(MISSING_ID)).toThrow(WorkspaceNotFoundError);
    expect(() => store.getDocument(MISSING_ID)).toThrow(/^No document in the workspace has the id "0{8}-/);
    expect(store.listDocuments()).toEqual([]);
  });

  it('refuses a suggestion count that is not a whole number of 0 or more', () => {
    expect(() => store.createDocument(small(), -1)).toThrow(WorkspaceValidationError);
    expect(() => store.createDocument(small(), 1.5)).toThrow(/whole number/);
    expect(store.listDocuments()).toEqual([]);
  });
});

describe('WorkspaceStore: saving', () => {
  it('replaces the current state, flags, view state and counts, and leaves the original alone', () => {
    const original = small();
    const { id, createdAt } = store.createDocument(original, 3);
    const changed = edited(original, 'the troops crossed into Kursk');
    const flags = [
      makeFlag(),
      makeFlag({
        id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
        segmentId: 's2',
        start: 4,
        end: 10,
        quote: 'troops',
        comment: '',
        resolvedAt: '2024-10-23T08:00:00.000Z',
      }),
    ];

    const { savedAt } = store.saveDocument(id, {
      document: changed,
      flags,
      viewState: VIEW,
      openSuggestionCount: 1,
    });

    expect(new Date(savedAt).toISOString()).toBe(savedAt);
    const stored = store.getDocument(id);
    expect(stored.document).toEqual(changed);
    expect(stored.original).toEqual(original);
    expect(stored.flags).toEqual(flags);
    expect(stored.viewState).toEqual(VIEW);
    expect(stored.summary).toMatchObject({
      createdAt,
      updatedAt: savedAt,
      openSuggestionCount: 1,
      wordCount: 13,
      segmentCount: 3,
    });
  });

  it('keeps the original through many saves, and the last save wins', () => {
    const original = small();
    const { id } = store.createDocument(original);
    for (let revision = 1; revision <= 20; revision++) {
      store.saveDocument(id, {
        document: small(revision),
        flags: revision % 2 === 0 ? [makeFlag({ comment: `save ${revision}` })] : [],
        viewState: { segmentId: null, offset: 0, scrollTop: revision },
        openSuggestionCount: revision,
      });
    }
    const stored = store.getDocument(id);
    expect(stored.original).toEqual(original);
    expect(stored.document).toEqual(small(20));
    expect(stored.flags).toEqual([makeFlag({ comment: 'save 20' })]);
    expect(stored.viewState).toEqual({ segmentId: null, offset: 0, scrollTop: 20 });
    expect(stored.summary.openSuggestionCount).toBe(20);
  });

  it('saves a view state of null and no flags over earlier ones', () => {
    const { id } = store.createDocument(small());
    store.saveDocument(id, {
      document: small(),
      flags: [makeFlag()],
      viewState: VIEW,
      openSuggestionCount: 0,
    });
    store.saveDocument(id, { document: small(), flags: [], viewState: null, openSuggestionCount: 0 });
    expect(store.getDocument(id)).toMatchObject({ flags: [], viewState: null });
  });

  it('stores only the fields of a flag and a view state', () => {
    const { id } = store.createDocument(small());
    const flag = { ...makeFlag(), extra: 'not stored' };
    const viewState = { ...VIEW, selection: 'not stored' };
    store.saveDocument(id, { document: small(), flags: [flag], viewState, openSuggestionCount: 0 });
    expect(store.getDocument(id)).toMatchObject({ flags: [makeFlag()], viewState: VIEW });
  });

  it('refuses to save an unknown document, and creates nothing', () => {
    const save = () =>
      store.saveDocument(MISSING_ID, {
        document: small(),
        flags: [],
        viewState: null,
        openSuggestionCount: 0,
      });
    expect(save).toThrow(WorkspaceNotFoundError);
    expect(store.listDocuments()).toEqual([]);
  });

  it('refuses flags with one id twice or covering no text, and leaves the last save as it was', () => {
    const { id } = store.createDocument(small());
    store.saveDocument(id, {
      document: small(1),
      flags: [makeFlag()],
      viewState: VIEW,
      openSuggestionCount: 2,
    });
    const attempt = (flags: ReturnType<typeof makeFlag>[]) => () =>
      store.saveDocument(id, { document: small(2), flags, viewState: null, openSuggestionCount: 0 });

    expect(attempt([makeFlag(), makeFlag({ comment: 'again' })])).toThrow(/^Two flags have the id /);
    expect(attempt([makeFlag({ start: 4, end: 4 })])).toThrow(WorkspaceValidationError);
    expect(attempt([makeFlag({ start: 1.5 })])).toThrow(/whole numbers/);

    expect(store.getDocument(id)).toMatchObject({
      document: small(1),
      flags: [makeFlag()],
      viewState: VIEW,
      summary: { openSuggestionCount: 2 },
    });
  });
});

describe('WorkspaceStore: deleting', () => {
  it('deletes a document with its original, state and flags, once', () => {
    const kept = store.createDocument(small(1));
    const { id } = store.createDocument(small(2));
    store.saveDocument(id, {
      document: small(3),
      flags: [makeFlag()],
      viewState: VIEW,
      openSuggestionCount: 0,
    });

    expect(store.deleteDocument(id)).toBe(true);
    expect(store.deleteDocument(id)).toBe(false);
    expect(() => store.getDocument(id)).toThrow(WorkspaceNotFoundError);
    expect(store.listDocuments().map((summary) => summary.id)).toEqual([kept.id]);

    store.close();
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      const tables = ['documents', 'document_originals', 'current_metadata', 'current_segments', 'flags'];
      expect(tables.map(count)).toEqual([1, 1, 1, 3, 0]);
    } finally {
      db.close();
      store = WorkspaceStore.open(file);
    }
  });
});

describe('WorkspaceStore: the file', () => {
  it('keeps everything when the file is closed and opened again', () => {
    const original = small();
    const { id } = store.createDocument(original, 4);
    const changed = edited(original, 'officials said so');
    store.saveDocument(id, {
      document: changed,
      flags: [makeFlag()],
      viewState: VIEW,
      openSuggestionCount: 2,
    });
    const before = store.getDocument(id);
    store.close();

    store = WorkspaceStore.open(file);
    expect(store.getDocument(id)).toEqual(before);
    expect(before).toMatchObject({ document: changed, original, flags: [makeFlag()], viewState: VIEW });
    expect(store.listDocuments()).toEqual([before.summary]);
  });

  it('builds the schema in an empty file, at the latest version', () => {
    store.close();
    const empty = path.join(folder, 'empty.db');
    fs.writeFileSync(empty, '');
    store = WorkspaceStore.open(empty);
    expect(store.listDocuments()).toEqual([]);
    store.close();

    const db = openDatabase(empty, { migrations: workspaceMigrations, readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(workspaceMigrations.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
        .pluck()
        .all();
      expect(tables).toEqual([
        'current_metadata',
        'current_segments',
        'document_originals',
        'documents',
        'flags',
        'media_links',
      ]);
    } finally {
      db.close();
      store = WorkspaceStore.open(file);
    }
  });

  it('has migrations numbered 1, 2, … in order', () => {
    expect(workspaceMigrations.map((migration) => migration.version)).toEqual(
      workspaceMigrations.map((_, index) => index + 1),
    );
  });

  it('refuses, in the file itself, to change an original', () => {
    const { id } = store.createDocument(small());
    store.close();
    const db = new BetterSqlite3(file);
    try {
      expect(() => db.prepare(`UPDATE document_originals SET json = '{}'`).run()).toThrow(
        /the imported original of a document is never changed/,
      );
    } finally {
      db.close();
      store = WorkspaceStore.open(file);
    }
    expect(store.getDocument(id).original).toEqual(small());
  });
});
