/**
 * The glossary's change log (issue 7): the `changes` table, the local hybrid logical clock, the
 * installation's identity and the transports' cursors. Writes run inside the store's transactions.
 */
import { randomUUID } from 'node:crypto';
import {
  compareHlc,
  formatHlc,
  HLC_ZERO,
  parseHlc,
  receiveHlc,
  tickHlc,
  type HlcTime,
} from '../../../../shared/glossary/hlc';
import type { GlossaryChange, GlossaryChangeField, JsonValue } from '../../../../shared/glossary/sync-types';
import type { Database } from '../../database/open-database';

/** A change before it has a clock reading: what a mutation wants to record. */
export interface ChangeDraft {
  entryId: string;
  field: GlossaryChangeField;
  oldValue: JsonValue;
  newValue: JsonValue;
  bases: string[];
}

interface ChangeRow {
  id: string;
  entry_id: string;
  field: string;
  old_value: string;
  new_value: string;
  bases: string;
  author: string;
  device: string;
}

const CHANGE_COLUMNS = 'id, entry_id, field, old_value, new_value, bases, author, device';

function prepare(db: Database) {
  return {
    insert: db.prepare<[string, string, string, string, string, string, string, string, number | null]>(
      `INSERT INTO changes (id, entry_id, field, old_value, new_value, bases, author, device, published)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    known: db.prepare<[string], number>(`SELECT 1 FROM changes WHERE id = ?`).pluck(),
    ofEntry: db.prepare<[string], ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM changes WHERE entry_id = ? ORDER BY id`,
    ),
    unpublished: db.prepare<[number], ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM changes WHERE published = 0 ORDER BY seq LIMIT ?`,
    ),
    markPublished: db.prepare<[string]>(`UPDATE changes SET published = 1 WHERE id = ? AND published = 0`),
    count: db.prepare<[], number>(`SELECT count(*) FROM changes`).pluck(),
    latest: db.prepare<[], string | null>(`SELECT max(id) FROM changes`).pluck(),
    entryIds: db.prepare<[], string>(`SELECT DISTINCT entry_id FROM changes`).pluck(),
    getMeta: db.prepare<[string], string>(`SELECT value FROM meta WHERE key = ?`).pluck(),
    setMeta: db.prepare<[string, string]>(
      `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    deleteMeta: db.prepare<[string]>(`DELETE FROM meta WHERE key = ?`),
    getCursor: db.prepare<[string], string>(`SELECT cursor FROM sync_cursors WHERE key = ?`).pluck(),
    setCursor: db.prepare<[string, string]>(
      `INSERT INTO sync_cursors (key, cursor) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET cursor = excluded.cursor`,
    ),
  };
}

export class ChangeLog {
  readonly device: string;
  author: string;
  private readonly sql: ReturnType<typeof prepare>;
  private clock: HlcTime;

  constructor(
    db: Database,
    identity: { device?: string | undefined; author?: string | undefined },
    fallbackAuthor: string,
  ) {
    this.sql = prepare(db);
    this.device = identity.device ?? this.storedDevice();
    this.author = identity.author ?? this.sql.getMeta.get('author') ?? fallbackAuthor;
    const latest = this.sql.latest.get();
    this.clock = (latest && parseHlc(latest)) || HLC_ZERO;
  }

  setAuthor(name: string): void {
    this.sql.setMeta.run('author', name);
    this.author = name;
  }

  /**
   * Another connection to this file (the CLI beside the app) may have stamped changes since this
   * one last wrote: called at the start of each write transaction, so two changes of this device
   * never get the same stamp.
   */
  catchUp(): void {
    const latest = this.sql.latest.get();
    const stored = latest ? parseHlc(latest) : undefined;
    if (stored && compareHlc(stored, this.clock) > 0) this.clock = stored;
  }

  /** Stamps and stores local changes (not yet published). */
  record(drafts: readonly ChangeDraft[]): GlossaryChange[] {
    return drafts.map((draft) => {
      this.clock = tickHlc(this.clock, Date.now());
      const id = formatHlc(this.clock, this.device);
      const change: GlossaryChange = { id, ...draft, author: this.author, device: this.device, hlc: id };
      this.insert(change, 0);
      return change;
    });
  }

  /** Stores a checked remote change; false when it was known already. */
  receive(change: GlossaryChange): boolean {
    if (this.sql.known.get(change.id) !== undefined) return false;
    this.insert(change, null);
    return true;
  }

  /** Moves the clock past a stamp seen from elsewhere. */
  observe(stamp: string): void {
    const remote = parseHlc(stamp);
    if (remote) this.clock = receiveHlc(this.clock, remote, Date.now());
  }

  /** The next stamp this log would give, without taking it (for values that carry their own time). */
  peekWall(): number {
    return tickHlc(this.clock, Date.now()).wall;
  }

  changesOf(entryId: string): GlossaryChange[] {
    return this.sql.ofEntry.all(entryId).map(toChange);
  }

  unpublished(limit: number): GlossaryChange[] {
    return this.sql.unpublished.all(limit).map(toChange);
  }

  markPublished(ids: readonly string[]): void {
    for (const id of ids) this.sql.markPublished.run(id);
  }

  count(): number {
    return this.sql.count.get() ?? 0;
  }

  entryIds(): string[] {
    return this.sql.entryIds.all();
  }

  meta(key: string): string | undefined {
    return this.sql.getMeta.get(key);
  }

  deleteMeta(key: string): void {
    this.sql.deleteMeta.run(key);
  }

  cursor(key: string): string | null {
    return this.sql.getCursor.get(key) ?? null;
  }

  setCursor(key: string, cursor: string): void {
    this.sql.setCursor.run(key, cursor);
  }

  private insert(change: GlossaryChange, published: number | null): void {
    this.sql.insert.run(
      change.id,
      change.entryId,
      change.field,
      JSON.stringify(change.oldValue),
      JSON.stringify(change.newValue),
      JSON.stringify(change.bases),
      change.author,
      change.device,
      published,
    );
  }

  /** The installation's device id: made once, then kept in the meta table. */
  private storedDevice(): string {
    const stored = this.sql.getMeta.get('device');
    if (stored !== undefined) return stored;
    const device = randomUUID();
    this.sql.setMeta.run('device', device);
    return device;
  }
}

function toChange(row: ChangeRow): GlossaryChange {
  return {
    id: row.id,
    entryId: row.entry_id,
    field: row.field as GlossaryChangeField,
    oldValue: JSON.parse(row.old_value) as JsonValue,
    newValue: JSON.parse(row.new_value) as JsonValue,
    bases: JSON.parse(row.bases) as string[],
    author: row.author,
    device: row.device,
    hlc: row.id,
  };
}
