/**
 * The shared-folder transport (issue 7): no server, just a folder that a network drive, Dropbox,
 * Syncthing or Google Drive keeps in step. SQLite never lives there (sync services corrupt
 * databases they copy mid-write); instead each device appends its changes to its own log,
 * `<folder>/glossa-team/v1/<device>.jsonl`, one JSON change per line, and reads everyone else's.
 *
 * - One writer per file (the device), so appends never interleave. A batch is one O_APPEND write
 *   of whole newline-terminated lines followed by fsync; a crash can leave only a torn last line.
 * - The writer trims its own torn tail before appending; the changes it held were not marked
 *   published, so the next round sends them again (changes are idempotent by id).
 * - Readers keep a byte offset per file in the cursor and read only new bytes. A torn last line
 *   is left unread and reported; a file that shrank or was replaced is read again from the start.
 * - Every `*.jsonl` is read, including a sync service's "conflicted copy" of a log.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { GlossaryChange, SyncReport } from '../../../../shared/glossary/sync-types';
import { writeFileAtomic } from '../../atomic-write';
import { checkChange, SyncError, type PullResult, type SyncTransport } from './transport';

/** The logs' folder inside the shared folder; `v1` leaves room for a future format. */
export const TEAM_LOG_DIR = join('glossa-team', 'v1');

const DEVICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const READ_CHUNK_BYTES = 4 * 1024 * 1024;
/** How many bytes before a file's offset the cursor fingerprints, to notice a replaced file. */
const FINGERPRINT_BYTES = 64;
const NEWLINE = 0x0a;

interface FileCursor {
  /** Bytes read: always just after a newline. */
  offset: number;
  /** Lines read, for "file:line" in reports. */
  line: number;
  /** Hash of the bytes just before `offset`, to notice a file replaced by a different one. */
  tail: string;
}

interface FolderCursor {
  v: 1;
  files: Record<string, FileCursor>;
}

export function teamLogDir(folder: string): string {
  return join(resolve(folder), TEAM_LOG_DIR);
}

export async function openFolderTransport(
  folder: string,
  device: string,
  author: string,
): Promise<SyncTransport> {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new SyncError(`shared folder ${root}: no such folder (is the drive connected?)`);
  if (!DEVICE_PATTERN.test(device)) throw new SyncError(`device id "${device}" cannot name a log file`);
  const dir = teamLogDir(root);
  mkdirSync(dir, { recursive: true });
  const ownName = `${device}.jsonl`;
  await trimTornTail(join(dir, ownName));
  writeMemberCard(join(dir, `${device}.json`), { device, author });
  return new FolderTransport(realpathSync(root), dir, ownName);
}

/**
 * Refuses a local glossary that lives inside the shared folder: the folder carries logs only.
 * Both paths are compared after resolving links, so a symlinked path cannot sneak past.
 */
export function checkDatabaseOutsideFolder(folder: string, databasePath: string): void {
  const root = realOrResolved(folder);
  const database = realOrResolved(databasePath);
  const inside = relative(root, database);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw new SyncError(
      `${databasePath} is inside the shared folder ${folder}: keep the local glossary outside it (a synced folder corrupts SQLite files)`,
    );
}

class FolderTransport implements SyncTransport {
  readonly key: string;
  readonly description: string;

  constructor(
    root: string,
    private readonly dir: string,
    private readonly ownName: string,
  ) {
    this.key = `folder:${root}`;
    this.description = `shared folder ${root}`;
  }

  async publish(changes: readonly GlossaryChange[]): Promise<void> {
    if (changes.length === 0) return;
    const path = join(this.dir, this.ownName);
    const bytes = Buffer.from(changes.map((change) => JSON.stringify(change) + '\n').join(''), 'utf8');
    try {
      // A failed earlier append (disk full, drive gone) may have left a torn line: trim it first.
      await trimTornTail(path);
      const handle = await open(path, 'a');
      try {
        let written = 0;
        while (written < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
          written += bytesWritten;
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new SyncError(`could not write ${path}: ${fsReason(error)}`);
    }
  }

  async pull(cursorText: string | null): Promise<PullResult> {
    const previous = parseCursor(cursorText);
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => isLogName(name) && name !== this.ownName).sort();
    } catch (error) {
      throw new SyncError(`could not read the shared folder ${this.dir}: ${fsReason(error)}`);
    }
    const next: FolderCursor = { v: 1, files: {} };
    const changes: GlossaryChange[] = [];
    const skipped: SyncReport['skipped'] = [];
    for (const name of names) {
      try {
        next.files[name] = await readLog(join(this.dir, name), name, previous.files[name], changes, skipped);
      } catch (error) {
        // One unreadable log (vanished mid-round, no permission) must not stop the others.
        skipped.push({ where: name, reason: `could not read: ${fsReason(error)}` });
        const kept = previous.files[name];
        if (kept) next.files[name] = kept;
      }
    }
    return { changes, cursor: JSON.stringify(next), skipped };
  }

  async close(): Promise<void> {}
}

/** Reads `name` from its cursor on, appending its changes and problems; returns its new cursor. */
async function readLog(
  path: string,
  name: string,
  previous: FileCursor | undefined,
  changes: GlossaryChange[],
  skipped: SyncReport['skipped'],
): Promise<FileCursor> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let { offset, line } = previous ?? { offset: 0, line: 0 };
    // Shrunk or replaced (a sync service restored another version): read it all again.
    if (previous && (size < offset || (await fingerprint(handle, offset)) !== previous.tail)) {
      offset = 0;
      line = 0;
    }
    let carry = Buffer.alloc(0);
    let position = offset;
    while (position < size) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK_BYTES, size - position));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        line += 1;
        readLine(data.subarray(start, end), `${name}:${line}`, changes, skipped);
        start = end + 1;
      }
      offset += start;
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length > 0)
      skipped.push({
        where: `${name}:${line + 1}`,
        reason: 'incomplete last line (a write was cut off); ignored until its writer repairs it',
      });
    return { offset, line, tail: await fingerprint(handle, offset) };
  } finally {
    await handle.close();
  }
}

function readLine(
  bytes: Buffer,
  where: string,
  changes: GlossaryChange[],
  skipped: SyncReport['skipped'],
): void {
  const text = bytes.toString('utf8').trim();
  if (text === '') return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    skipped.push({ where, reason: 'not valid JSON' });
    return;
  }
  const change = checkChange(value);
  if (typeof change === 'string') skipped.push({ where, reason: change });
  else changes.push(change);
}

/**
 * Cuts a torn last line (bytes after the last newline) off the writer's own log. Only the
 * device that owns the file calls this, so no reader's offset can point into what is cut.
 */
async function trimTornTail(path: string): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    let end = size;
    const block = Buffer.alloc(64 * 1024);
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const newline = block.subarray(0, bytesRead).lastIndexOf(NEWLINE);
      if (newline !== -1) {
        end = start + newline + 1;
        break;
      }
      end = start;
    }
    if (end === size) return 0;
    await handle.truncate(end);
    await handle.sync();
    return size - end;
  } finally {
    await handle.close();
  }
}

async function fingerprint(handle: FileHandle, offset: number): Promise<string> {
  if (offset === 0) return '';
  const length = Math.min(FINGERPRINT_BYTES, offset);
  const bytes = Buffer.alloc(length);
  const { bytesRead } = await handle.read(bytes, 0, length, offset - length);
  return createHash('sha256').update(bytes.subarray(0, bytesRead)).digest('hex').slice(0, 16);
}

/** A member card names the person behind a device's log; rewritten only when it changes. */
function writeMemberCard(path: string, card: { device: string; author: string }): void {
  const text = JSON.stringify({ app: 'glossa', format: 1, device: card.device, author: card.author }) + '\n';
  try {
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeFileAtomic(path, text);
  } catch (error) {
    throw new SyncError(`could not write ${path}: ${fsReason(error)}`);
  }
}

/** Logs and sync services' copies of them; never temporary files (".x.tmp", "~syncthing~…"). */
function isLogName(name: string): boolean {
  return name.endsWith('.jsonl') && !name.startsWith('.') && !name.startsWith('~');
}

function parseCursor(text: string | null): FolderCursor {
  if (!text) return { v: 1, files: {} };
  try {
    const value = JSON.parse(text) as Partial<FolderCursor>;
    if (value.v !== 1 || typeof value.files !== 'object' || value.files === null) return { v: 1, files: {} };
    const files: Record<string, FileCursor> = {};
    for (const [name, file] of Object.entries(value.files)) {
      if (
        Number.isSafeInteger(file?.offset) &&
        Number.isSafeInteger(file?.line) &&
        typeof file?.tail === 'string'
      )
        files[name] = { offset: file.offset, line: file.line, tail: file.tail };
    }
    return { v: 1, files };
  } catch {
    // A cursor we cannot read costs one full re-read, never a lost change.
    return { v: 1, files: {} };
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function fsReason(error: unknown): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the folder is read-only',
    EIO: 'input/output error',
  };
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code && reasons[code]) return reasons[code];
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
