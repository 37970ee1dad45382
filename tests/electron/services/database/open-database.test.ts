import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabaseOpenError,
  openDatabase,
  type Database,
  type Migration,
} from '../../../../electron/services/database/open-database';

let folder: string;
const openHandles: Database[] = [];

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-open-database-'));
});

afterEach(() => {
  for (const db of openHandles.splice(0)) if (db.open) db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function open(file: string, migrations: Migration[], options: { readonly?: boolean } = {}): Database {
  const db = openDatabase(file, { migrations, ...options });
  openHandles.push(db);
  return db;
}

function userVersionOf(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

const createNotes: Migration = {
  version: 1,
  name: 'notes',
  up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)',
};

describe('openDatabase', () => {
  it('sets WAL, foreign keys, FULL sync and a busy timeout', () => {
    const db = open(path.join(folder, 'a.sqlite'), [createNotes]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('creates missing parent folders', () => {
    const file = path.join(folder, 'deep', 'er', 'glossary.sqlite');
    open(file, [createNotes]);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('runs each migration once and records the version', () => {
    const file = path.join(folder, 'a.sqlite');
    let secondStepRuns = 0;
    const migrations: Migration[] = [
      createNotes,
      {
        version: 2,
        name: 'seed a note',
        up: (db) => {
          secondStepRuns++;
          db.prepare('INSERT INTO notes (text) VALUES (?)').run('hello');
        },
      },
    ];
    open(file, migrations).close();
    const db = open(file, migrations);
    expect(secondStepRuns).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
  });

  it('runs only the new migrations on a database made by an older version', () => {
    const file = path.join(folder, 'a.sqlite');
    open(file, [createNotes]).close();
    const db = open(file, [
      createNotes,
      { version: 2, name: 'add tags', up: 'ALTER TABLE notes ADD COLUMN tags TEXT' },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notes');
    expect(columns).toEqual(['id', 'text', 'tags']);
  });

  it('rolls back a failed migration and names it', () => {
    const file = path.join(folder, 'a.sqlite');
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up: (db) => {
        db.exec('CREATE TABLE tags (id INTEGER PRIMARY KEY)');
        throw new Error('disk on fire');
      },
    };
    expect(() => open(file, [createNotes, broken])).toThrow(/migration 2 \(half done\) failed: disk on fire/);
    expect(userVersionOf(file)).toBe(1);
    const db = open(file, [createNotes]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tags'").pluck().get()).toBe(0);
  });

  it('refuses a database made by a newer Glossa and leaves it alone', () => {
    const file = path.join(folder, 'a.sqlite');
    open(file, [createNotes, { version: 2, name: 'later', up: 'CREATE TABLE later (id INTEGER)' }]).close();
    expect(() => open(file, [createNotes])).toThrow(DatabaseOpenError);
    expect(() => open(file, [createNotes])).toThrow(
      /made by a newer Glossa \(schema version 2; this version knows up to 1\)/,
    );
    expect(userVersionOf(file)).toBe(2);
  });

  it('refuses a file that is not a SQLite database, naming the path', () => {
    const file = path.join(folder, 'notes.sqlite');
    fs.writeFileSync(file, 'This is a plain text file, not a database.\n'.repeat(100));
    let caught: unknown;
    try {
      open(file, [createNotes]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).path).toBe(file);
    expect((caught as Error).message).toContain(file);
    expect((caught as Error).message).toMatch(/not a SQLite database/);
    // The file is not overwritten.
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^This is a plain text file/);
  });

  it('opens read-only without writing, and refuses writes', () => {
    const file = path.join(folder, 'a.sqlite');
    open(file, [createNotes]).close();
    const db = open(file, [createNotes], { readonly: true });
    expect(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run('x')).toThrow(/readonly/);
  });

  it('refuses to open read-only a database that still needs migrating', () => {
    const file = path.join(folder, 'a.sqlite');
    open(file, [createNotes]).close();
    const newer = [createNotes, { version: 2, name: 'later', up: 'CREATE TABLE later (id INTEGER)' }];
    expect(() => open(file, newer, { readonly: true })).toThrow(/schema version 1 but this Glossa needs 2/);
  });

  it('refuses a migration list that is not numbered 1, 2, 3…', () => {
    const file = path.join(folder, 'a.sqlite');
    expect(() => open(file, [{ ...createNotes, version: 2 }])).toThrow(/expected 1/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
