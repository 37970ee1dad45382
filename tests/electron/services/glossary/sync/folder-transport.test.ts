import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDatabaseOutsideFolder,
  openFolderTransport,
  teamLogDir,
} from '../../../../../electron/services/glossary/sync/folder-transport';
import type { SyncTransport } from '../../../../../electron/services/glossary/sync/transport';
import { watchFolder } from '../../../../../electron/services/glossary/sync/watch-folder';
import { fakeChange, fakeChanges } from './change-fixtures';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-folder-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(folder: string, device: string): Promise<SyncTransport> {
  const transport = await openFolderTransport(folder, device, `Author of ${device}`);
  cleanups.push(() => transport.close());
  return transport;
}

describe('folder transport', () => {
  it('appends whole lines to its own log, writes a member card and never a database', async () => {
    const folder = tempFolder();
    const a = await open(folder, 'dev-a');
    await a.publish(fakeChanges('dev-a', 0, 3));
    await a.publish([]);
    const dir = teamLogDir(folder);
    expect(readdirSync(dir).sort()).toEqual(['dev-a.json', 'dev-a.jsonl']);
    const lines = readFileSync(join(dir, 'dev-a.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual(fakeChange('dev-a', 0));
    expect(JSON.parse(readFileSync(join(dir, 'dev-a.json'), 'utf8'))).toMatchObject({
      device: 'dev-a',
      author: 'Author of dev-a',
    });
    expect(a.key).toBe(`folder:${folder}`);
  });

  it("reads everyone else's logs, not its own, and then only the new bytes", async () => {
    const folder = tempFolder();
    const a = await open(folder, 'dev-a');
    const b = await open(folder, 'dev-b');
    const c = await open(folder, 'dev-c');
    await a.publish(fakeChanges('dev-a', 0, 5));
    await b.publish(fakeChanges('dev-b', 0, 2));
    await c.publish(fakeChanges('dev-c', 0, 1));

    const first = await a.pull(null);
    expect(first.skipped).toEqual([]);
    expect(first.changes.map((change) => change.id).sort()).toEqual(
      [...fakeChanges('dev-b', 0, 2), ...fakeChanges('dev-c', 0, 1)].map((change) => change.id).sort(),
    );
    const cursor = JSON.parse(first.cursor) as { files: Record<string, { offset: number; line: number }> };
    expect(Object.keys(cursor.files).sort()).toEqual(['dev-b.jsonl', 'dev-c.jsonl']);
    expect(cursor.files['dev-b.jsonl']!.offset).toBe(statSync(join(teamLogDir(folder), 'dev-b.jsonl')).size);

    expect((await a.pull(first.cursor)).changes).toEqual([]);
    await b.publish(fakeChanges('dev-b', 2, 3));
    const second = await a.pull(first.cursor);
    expect(second.changes).toEqual(fakeChanges('dev-b', 2, 3));
  });

  it("reads a sync service's conflicted copies and skips temporary files", async () => {
    const folder = tempFolder();
    const a = await open(folder, 'dev-a');
    const dir = teamLogDir(folder);
    const line = (n: number) => JSON.stringify(fakeChange('dev-b', n)) + '\n';
    writeFileSync(join(dir, "dev-b (Mi-rae's conflicted copy 2024-05-01).jsonl"), line(1));
    writeFileSync(join(dir, 'dev-b.sync-conflict-20240501-101010-ABCDEF.jsonl'), line(2));
    writeFileSync(join(dir, '.syncthing.dev-b.jsonl.tmp'), line(3));
    writeFileSync(join(dir, '~syncthing~dev-b.jsonl.tmp'), line(4));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const { changes } = await a.pull(null);
    expect(changes.map((change) => change.newValue)).toEqual([
      fakeChange('dev-b', 1).newValue,
      fakeChange('dev-b', 2).newValue,
    ]);
  });

  it('reports invalid lines with file:line and reads on; a torn last line waits until it is whole', async () => {
    const folder = tempFolder();
    const a = await open(folder, 'dev-a');
    const path = join(teamLogDir(folder), 'dev-b.jsonl');
    const good = (n: number) => JSON.stringify(fakeChange('dev-b', n)) + '\n';
    const torn = good(3).slice(0, 40);
    writeFileSync(path, good(0) + 'not json\n' + '{"id":"x"}\n' + '\n' + good(1) + torn);
    const first = await a.pull(null);
    expect(first.changes).toEqual([fakeChange('dev-b', 0), fakeChange('dev-b', 1)]);
    expect(first.skipped).toEqual([
      { where: 'dev-b.jsonl:2', reason: 'not valid JSON' },
      { where: 'dev-b.jsonl:3', reason: '"entryId" is missing or not text' },
      { where: 'dev-b.jsonl:6', reason: expect.stringContaining('incomplete last line') },
    ]);
    // The writer finishes the line (or a sync service delivers the rest): it is read then.
    appendFileSync(path, good(3).slice(40) + good(4));
    const second = await a.pull(first.cursor);
    expect(second.skipped).toEqual([]);
    expect(second.changes).toEqual([fakeChange('dev-b', 3), fakeChange('dev-b', 4)]);
  });

  it('the writer cuts its own torn last line on open, and appends after it', async () => {
    const folder = tempFolder();
    const b = await open(folder, 'dev-b');
    await b.publish(fakeChanges('dev-b', 0, 2));
    const path = join(teamLogDir(folder), 'dev-b.jsonl');
    const whole = statSync(path).size;
    appendFileSync(path, JSON.stringify(fakeChange('dev-b', 2)).slice(0, 25));
    const a = await open(folder, 'dev-a');
    const before = await a.pull(null);
    expect(before.changes).toHaveLength(2);
    expect(before.skipped).toHaveLength(1);

    const reopened = await open(folder, 'dev-b');
    expect(statSync(path).size).toBe(whole);
    await reopened.publish(fakeChanges('dev-b', 2, 2));
    const after = await a.pull(before.cursor);
    expect(after.skipped).toEqual([]);
    expect(after.changes).toEqual(fakeChanges('dev-b', 2, 2));
  });

  it('reads a log again from the start when it shrank or was replaced by another version', async () => {
    const folder = tempFolder();
    const a = await open(folder, 'dev-a');
    const path = join(teamLogDir(folder), 'dev-b.jsonl');
    const lines = (from: number, count: number) =>
      fakeChanges('dev-b', from, count)
        .map((change) => JSON.stringify(change) + '\n')
        .join('');
    writeFileSync(path, lines(0, 4));
    const first = await a.pull(null);
    expect(first.changes).toHaveLength(4);

    truncateSync(path, 0);
    writeFileSync(path, lines(10, 1));
    const shrunk = await a.pull(first.cursor);
    expect(shrunk.changes).toEqual(fakeChanges('dev-b', 10, 1));

    // Same length or longer but different bytes: a restored or re-created file.
    writeFileSync(path, lines(20, 6));
    const replaced = await a.pull(shrunk.cursor);
    expect(replaced.changes).toEqual(fakeChanges('dev-b', 20, 6));

    expect((await a.pull('not a cursor')).changes).toHaveLength(6);
  });

  it('fails in one line when the shared folder is missing, and refuses a database inside it', async () => {
    const folder = tempFolder();
    await expect(openFolderTransport(join(folder, 'gone'), 'dev-a', 'A')).rejects.toThrow(
      /^shared folder .*gone: no such folder/,
    );
    await expect(openFolderTransport(folder, '../evil', 'A')).rejects.toThrow(/cannot name a log file/);
    const a = await open(folder, 'dev-a');
    rmSync(teamLogDir(folder), { recursive: true });
    await expect(a.pull(null)).rejects.toThrow(
      /could not read the shared folder .*: no such file or folder$/,
    );

    expect(() => checkDatabaseOutsideFolder(folder, join(folder, 'sub', 'glossary.db'))).toThrow(
      /is inside the shared folder/,
    );
    expect(() => checkDatabaseOutsideFolder(folder, join(folder + '-other', 'glossary.db'))).not.toThrow();
  });

  it('watchFolder calls back once per burst of changes and survives the folder vanishing', async () => {
    const folder = tempFolder();
    let calls = 0;
    const stop = watchFolder(folder, () => (calls += 1), { debounceMs: 50, recheckMs: 60 });
    cleanups.push(stop);
    const b = await open(folder, 'dev-b');
    await waitFor(() => calls >= 1);
    const settled = calls;
    for (let i = 0; i < 5; i += 1) await b.publish([fakeChange('dev-b', i)]);
    await waitFor(() => calls > settled);
    await sleep(150);
    expect(calls - settled).toBeLessThanOrEqual(2);

    rmSync(join(folder, 'glossa-team'), { recursive: true });
    await sleep(200);
    mkdirSync(teamLogDir(folder), { recursive: true });
    const afterVanish = calls;
    await waitFor(() => calls > afterVanish);
    const c = await open(folder, 'dev-c');
    await sleep(200);
    const beforeWrite = calls;
    await c.publish([fakeChange('dev-c', 1)]);
    await waitFor(() => calls > beforeWrite);
    expect(existsSync(teamLogDir(folder))).toBe(true);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await sleep(20);
  }
}
