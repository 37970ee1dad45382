/**
 * The glossary schema's steps on real files: a database made by an older Glossa (schema step 1
 * only, with data in it) opens in this one and loses nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/database/open-database';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { glossaryMigrations } from '../../../../electron/services/glossary/migrations';
import { createEngine } from '../../../../shared/engine/engine';

let folder: string;
let file: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-migrations-'));
  file = path.join(folder, 'glossary.db');
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const DONBAS_ID = '5f0c1a3e-8d2b-4c6a-9e1f-0a1b2c3d4e5f';
const YOON_ID = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';

/** A glossary as schema step 1 wrote it, by the SQL of that time (the store has moved on). */
function writeVersion1Glossary(): void {
  const db = openDatabase(file, { migrations: glossaryMigrations.slice(0, 1) });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const entry = db.prepare(
      `INSERT INTO entries (seq, id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, '', '2024-10-01T00:00:00.000Z', '2024-10-02T00:00:00.000Z', 'alice', 'bob')`,
    );
    entry.run(1, DONBAS_ID, 'Donbas', 'donbas', 'place', 'House style: Donbas');
    entry.run(2, YOON_ID, 'Yoon Suk Yeol', 'yoon suk yeol', 'person', '');
    db.prepare(`INSERT INTO forms (entry_id, position, text, text_key) VALUES (?, 0, 'Yoon', 'yoon')`).run(
      YOON_ID,
    );
    const variant = db.prepare(
      `INSERT INTO variants (entry_id, position, text, text_key, accepted_count) VALUES (?, ?, ?, ?, ?)`,
    );
    variant.run(DONBAS_ID, 0, 'Donbass', 'donbass', 2);
    variant.run(DONBAS_ID, 1, 'Dombas', 'dombas', 0);
    const search = db.prepare(
      `INSERT INTO entries_search (rowid, term, forms, variants, notes) VALUES (?, ?, ?, ?, ?)`,
    );
    search.run(1, 'Donbas', '', 'Donbass Dombas', 'House style: Donbas');
    search.run(2, 'Yoon Suk Yeol', 'Yoon', '', '');
  } finally {
    db.close();
  }
}

describe('glossary migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    expect(glossaryMigrations.map((m) => m.version)).toEqual(glossaryMigrations.map((_, i) => i + 1));
  });

  it('upgrade a step-1 database with data to the latest step without losing anything', () => {
    writeVersion1Glossary();
    const store = GlossaryStore.open(file, { author: 'carol' });
    try {
      expect(store.count()).toBe(2);
      expect(store.get(DONBAS_ID)).toEqual({
        id: DONBAS_ID,
        term: 'Donbas',
        category: 'place',
        forms: [],
        variants: [
          { text: 'Donbass', acceptedCount: 2 },
          { text: 'Dombas', acceptedCount: 0 },
        ],
        notes: 'House style: Donbas',
        source: '',
        createdAt: '2024-10-01T00:00:00.000Z',
        updatedAt: '2024-10-02T00:00:00.000Z',
        createdBy: 'alice',
        updatedBy: 'bob',
      });
      expect(store.findByTerm('yoon suk yeol')?.forms).toEqual(['Yoon']);
      expect(store.search('domb').map((e) => e.term)).toEqual(['Donbas']);
      expect(store.listRejections()).toEqual([]);

      // Counts from before the upgrade have no undo record: they stay.
      expect(store.undoAcceptedVariant(DONBAS_ID, 'Donbass')).toBe(false);
      // The new features work on the old data.
      store.recordAcceptedVariant(DONBAS_ID, 'Donbass');
      expect(store.undoAcceptedVariant(DONBAS_ID, 'Donbass')).toBe(true);
      store.recordRejection(DONBAS_ID, 'Dombas');
      expect(store.get(DONBAS_ID)?.variants).toEqual([{ text: 'Donbass', acceptedCount: 2 }]);
      const engine = createEngine({ entries: store.list(), rejections: store.listRejections() });
      expect(engine.check('From Dombas to Donbass.').map((s) => s.text)).toEqual(['Donbass']);
    } finally {
      store.close();
    }

    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(glossaryMigrations.length);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('give a new database the same schema as an upgraded one', () => {
    const schemaOf = (target: string) => {
      const db = new BetterSqlite3(target, { readonly: true });
      try {
        return db
          .prepare<[], { name: string; sql: string | null }>(
            `SELECT name, sql FROM sqlite_schema ORDER BY name`,
          )
          .all();
      } finally {
        db.close();
      }
    };
    writeVersion1Glossary();
    GlossaryStore.open(file).close();
    const fresh = path.join(folder, 'fresh.db');
    GlossaryStore.open(fresh).close();
    expect(schemaOf(file)).toEqual(schemaOf(fresh));
  });
});
