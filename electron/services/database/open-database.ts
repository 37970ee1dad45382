/**
 * Opens a better-sqlite3 database with Glossa's settings and brings its schema up to date.
 * Every store (glossary, workspace, …) opens its file through here, so pragmas and migration
 * rules are the same everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;

/** One numbered schema step. Migrations are never edited after they land; add a new one instead. */
export interface Migration {
  /** 1, 2, 3, … in order; stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

export interface OpenDatabaseOptions {
  migrations: readonly Migration[];
  /** Path to a better_sqlite3.node built for the running ABI (Electron passes one; Node passes none). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** A database file that cannot be opened or upgraded; the message names the file and says why. */
export class DatabaseOpenError extends Error {
  readonly path: string;

  constructor(filePath: string, problem: string, options?: { cause?: unknown }) {
    super(`${filePath}: ${problem}`, options);
    this.name = 'DatabaseOpenError';
    this.path = filePath;
  }
}

/** SQLite error codes that mean "this file is not (or no longer) a usable SQLite database". */
const NOT_A_DATABASE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export function openDatabase(filePath: string, options: OpenDatabaseOptions): Database {
  checkMigrationList(options.migrations);
  const readonly = options.readonly ?? false;
  const inMemory = filePath === ':memory:';
  if (!inMemory && !readonly) fs.mkdirSync(path.dirname(filePath), { recursive: true });

  let db: Database;
  try {
    db = new BetterSqlite3(filePath, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    throw new DatabaseOpenError(filePath, `cannot open the database (${describe(error)})`, { cause: error });
  }

  try {
    applyPragmas(db, readonly);
    if (readonly) checkSchemaIsCurrent(db, filePath, options.migrations);
    else migrate(db, filePath, options.migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    if (NOT_A_DATABASE_CODES.has(sqliteCode(error))) {
      throw new DatabaseOpenError(filePath, 'is not a SQLite database (or is damaged)', { cause: error });
    }
    throw new DatabaseOpenError(filePath, describe(error), { cause: error });
  }
}

function applyPragmas(db: Database, readonly: boolean): void {
  // Wait for another process's lock instead of failing at once; set first so the rest can wait too.
  db.pragma('busy_timeout = 5000');
  // Reading user_version touches the file header, so a non-database fails here with SQLITE_NOTADB.
  db.pragma('user_version', { simple: true });
  // WAL lets readers work while a writer commits; the mode is stored in the file itself.
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL: a commit the user made survives a power cut, not only an application crash.
  db.pragma('synchronous = FULL');
}

function migrate(db: Database, filePath: string, migrations: readonly Migration[]): void {
  refuseNewerSchema(db, filePath, migrations);
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening the
    // same file at once cannot both run a step.
    db.transaction(() => {
      if (userVersion(db) >= migration.version) return;
      try {
        if (typeof migration.up === 'string') db.exec(migration.up);
        else migration.up(db);
      } catch (error) {
        throw new DatabaseOpenError(
          filePath,
          `migration ${migration.version} (${migration.name}) failed: ${describe(error)}`,
          { cause: error },
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function checkSchemaIsCurrent(db: Database, filePath: string, migrations: readonly Migration[]): void {
  refuseNewerSchema(db, filePath, migrations);
  const current = userVersion(db);
  const latest = latestVersion(migrations);
  if (current < latest) {
    throw new DatabaseOpenError(
      filePath,
      `has schema version ${current} but this Glossa needs ${latest}; open it once for writing to upgrade it`,
    );
  }
}

function refuseNewerSchema(db: Database, filePath: string, migrations: readonly Migration[]): void {
  const current = userVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new DatabaseOpenError(
      filePath,
      `was made by a newer Glossa (schema version ${current}; this version knows up to ${latest}). Update Glossa to open it.`,
    );
  }
}

/** A broken migration list is a programming error; fail loudly before touching the file. */
function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (versions must be 1, 2, 3, … in order)`,
      );
    }
  });
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function sqliteCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
