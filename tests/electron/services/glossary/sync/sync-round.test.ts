import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GlossaryStore } from '../../../../../electron/services/glossary/glossary-store';
import {
  openFolderTransport,
  teamLogDir,
} from '../../../../../electron/services/glossary/sync/folder-transport';
import { openPostgresTransport } from '../../../../../electron/services/glossary/sync/postgres-transport';
import { syncGlossary } from '../../../../../electron/services/glossary/sync/sync-round';
import type { SyncTransport } from '../../../../../electron/services/glossary/sync/transport';
import { startTestPostgres, type TestPostgres } from './postgres-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-round-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function openStore(path: string, author: string): GlossaryStore {
  const store = GlossaryStore.open(path, { author });
  cleanups.push(() => store.close());
  return store;
}

async function folderTransport(folder: string, store: GlossaryStore): Promise<SyncTransport> {
  const { device, author } = store.identity();
  const transport = await openFolderTransport(folder, device, author);
  cleanups.push(() => transport.close());
  return transport;
}

describe('a sync round', () => {
  it('folds what it receives in slices of whole entries, ending exactly where one big step would', async () => {
    const dir = tempDir();
    const a = openStore(join(dir, 'a.db'), 'Mi-rae Kang');
    const b = openStore(join(dir, 'b.db'), 'Alex Doe');
    for (let i = 0; i < 30; i++) a.add({ term: `Place ${i}`, notes: `from Mi-rae ${i}` });
    for (let i = 0; i < 30; i++) b.add({ term: `Person ${i}`, category: 'person' });
    // The same term added on both sides while apart: a conflict that spans two entries.
    a.add({ term: 'Donbas', notes: 'house style' });
    b.add({ term: 'Donbas', source: 'style guide' });
    const placeZero = a.findByTerm('Place 0');
    if (!placeZero) throw new Error('Place 0 is missing');
    a.update(placeZero.id, { notes: 'edited again' });
    await syncGlossary(a, await folderTransport(dir, a));
    await syncGlossary(b, await folderTransport(dir, b));

    const sliced = openStore(join(dir, 'sliced.db'), 'Sam Slice');
    const whole = openStore(join(dir, 'whole.db'), 'Wen Whole');
    const inSlices = await syncGlossary(sliced, await folderTransport(dir, sliced), { applySliceSize: 3 });
    const inOne = await syncGlossary(whole, await folderTransport(dir, whole), { applySliceSize: 1_000_000 });
    expect(inSlices.received).toBe(inOne.received);
    expect(inSlices.changedEntries.map((entry) => entry.id).sort()).toEqual(
      inOne.changedEntries.map((entry) => entry.id).sort(),
    );
    expect(sliced.glossaryDigest()).toBe(whole.glossaryDigest());
    expect(sliced.conflicts()).toEqual(whole.conflicts());
    expect(sliced.conflicts().map((conflict) => conflict.kind)).toContain('duplicate-term');
  });

  it('publishes the queue in batches, marks it published, and pulls from the saved cursor', async () => {
    const dir = tempDir();
    const a = openStore(join(dir, 'a.db'), 'Mi-rae Kang');
    const b = openStore(join(dir, 'b.db'), 'Alex Doe');
    for (const term of ['Donbas', 'Kyiv', 'Kharkiv', 'Mariupol', 'Pyongyang']) a.add({ term });
    const queued = a.unpublishedChanges().length;
    const ta = await folderTransport(dir, a);
    const tb = await folderTransport(dir, b);

    const first = await syncGlossary(a, ta, { batchSize: 2 });
    expect(first).toMatchObject({ published: queued, received: 0, conflicts: [], skipped: [] });
    expect(a.unpublishedChanges()).toEqual([]);
    const log = readFileSync(join(teamLogDir(dir), `${a.identity().device}.jsonl`), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(queued);

    const received = await syncGlossary(b, tb);
    expect(received.received).toBe(queued);
    expect(received.changedEntries.map((entry) => entry.term).sort()).toEqual([
      'Donbas',
      'Kharkiv',
      'Kyiv',
      'Mariupol',
      'Pyongyang',
    ]);
    expect(b.syncCursor(tb.key)).not.toBeNull();
    expect(await syncGlossary(b, tb)).toMatchObject({ published: 0, received: 0, changedEntries: [] });
    expect(b.glossaryDigest()).toBe(a.glossaryDigest());
  });

  it('keeps the changes queued when publishing fails, and the next round sends them', async () => {
    const dir = tempDir();
    const a = openStore(join(dir, 'a.db'), 'Mi-rae Kang');
    const ta = await folderTransport(dir, a);
    a.add({ term: 'Donbas', notes: 'written while the folder was unwritable' });
    const queued = a.unpublishedChanges().length;
    // The log's place is taken by a folder (an unmounted share, a permissions mix-up): appends fail.
    const log = join(teamLogDir(dir), `${a.identity().device}.jsonl`);
    rmSync(log, { force: true });
    mkdirSync(log);
    const failure = await syncGlossary(a, ta).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^could not write .*\.jsonl: .+$/);
    expect(a.unpublishedChanges()).toHaveLength(queued);

    rmSync(log, { recursive: true });
    expect((await syncGlossary(a, ta)).published).toBe(queued);
    expect(a.unpublishedChanges()).toEqual([]);
  });

  it('reports records it could not read, and carries on', async () => {
    const dir = tempDir();
    const b = openStore(join(dir, 'b.db'), 'Alex Doe');
    const tb = await folderTransport(dir, b);
    writeFileSync(join(teamLogDir(dir), 'stranger.jsonl'), 'garbage\n{"half":');
    const report = await syncGlossary(b, tb);
    expect(report.skipped).toEqual([
      { where: 'stranger.jsonl:1', reason: 'not valid JSON' },
      { where: 'stranger.jsonl:2', reason: expect.stringContaining('incomplete last line') },
    ]);
  });
});

describe('10,000 changes', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.destroy());

  it('go through the shared folder and through PostgreSQL (timed)', async () => {
    const dir = tempDir();
    const source = openStore(join(dir, 'source.db'), 'Mi-rae Kang');
    const rows = Array.from({ length: 10_000 }, (_, i) => `Name ${i},person,Mishearing ${i},notes ${i}`);
    source.importCsv(`term,category,variants,notes\n${rows.join('\n')}\n`, 'big.csv');
    const total = source.unpublishedChanges().length;
    expect(total).toBeGreaterThanOrEqual(10_000);
    const figures: string[] = [`${total} changes`];
    const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await work();
      figures.push(`${label} ${Math.round(performance.now() - start)} ms`);
      return result;
    };
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const viaFolder = await folderTransport(folder, source);
    await timed('folder publish', () => syncGlossary(source, viaFolder));
    const reader = openStore(join(dir, 'reader-folder.db'), 'Alex Doe');
    const readerFolder = await folderTransport(folder, reader);
    expect((await timed('folder receive', () => syncGlossary(reader, readerFolder))).received).toBe(total);
    expect(reader.glossaryDigest()).toBe(source.glossaryDigest());

    // The same changes again through the server (a fresh source, so they are unpublished).
    const source2 = openStore(join(dir, 'source2.db'), 'Mi-rae Kang');
    source2.importCsv(`term,category,variants,notes\n${rows.join('\n')}\n`, 'big.csv');
    const total2 = source2.unpublishedChanges().length;
    const pgSource = await openPostgresTransport(server.url, { device: source2.identity().device });
    cleanups.push(() => pgSource.close());
    await timed('postgres publish', () => syncGlossary(source2, pgSource));
    const reader2 = openStore(join(dir, 'reader-pg.db'), 'Alex Doe');
    const pgReader = await openPostgresTransport(server.url, { device: reader2.identity().device });
    cleanups.push(() => pgReader.close());
    expect((await timed('postgres receive', () => syncGlossary(reader2, pgReader))).received).toBe(total2);
    expect(reader2.glossaryDigest()).toBe(source2.glossaryDigest());
    console.info(`sync figures: ${figures.join(', ')}`);
  }, 300_000);
});
