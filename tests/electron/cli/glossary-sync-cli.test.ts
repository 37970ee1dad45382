import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../services/glossary/sync/postgres-server';

// `glossa glossary sync` as a newsroom script runs it: separate processes, real files, real SQLite,
// a real shared folder and a real PostgreSQL server.
const repo = resolve(__dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'glossa-sync-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously, so the test's own PostgreSQL keeps answering meanwhile. */
function glossa(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repo, 'bin', 'glossa.mjs'), ...args], {
      env: { ...process.env, GLOSSA_USER_DATA: join(root, 'user-data'), PGPASSWORD: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function csv(name: string, notes: string): string {
  const path = join(root, name);
  writeFileSync(path, `term,category,notes\nDonbas,place,${notes}\n`);
  return path;
}

/** Two members edit the same notes apart, then both sync: the conflict is reported to both. */
async function conflictStory(dir: string, where: string[], env: Record<string, string> = {}) {
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');
  expect(
    (await glossa(['glossary', 'import', csv('start.csv', 'region in eastern Ukraine'), '--db', a])).code,
  ).toBe(0);
  const first = await glossa(['glossary', 'sync', '--db', a, ...where, '--as', 'Mi-rae Kang'], env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^published [1-9]\d*, received 0\n$/);

  const second = await glossa(['glossary', 'sync', '--db', b, ...where, '--as', 'Alex Doe'], env);
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/^published 0, received [1-9]\d*\nchanged {3}Donbas: .+\n$/);

  expect((await glossa(['glossary', 'import', csv('a.csv', 'notes by Mi-rae'), '--db', a])).code).toBe(0);
  expect((await glossa(['glossary', 'import', csv('b.csv', 'notes by Alex'), '--db', b])).code).toBe(0);
  expect((await glossa(['glossary', 'sync', '--db', a, ...where, '--as', 'Mi-rae Kang'], env)).code).toBe(0);
  const clash = await glossa(['glossary', 'sync', '--db', b, ...where, '--as', 'Alex Doe'], env);
  expect(clash.code).toBe(0);
  const lines = clash.stdout.trim().split('\n');
  expect(lines[0]).toBe('published 1, received 1');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^conflict {2}Donbas, notes: "notes by (Mi-rae|Alex)" \((Mi-rae Kang|Alex Doe)\) \| "notes by (Mi-rae|Alex)" \((Mi-rae Kang|Alex Doe)\); showing "notes by (Mi-rae|Alex)"$/,
    ),
  );
  expect(lines.at(-1)).toBe('1 conflict open');

  const json = await glossa(['glossary', 'sync', '--db', a, ...where, '--format', 'json'], env);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout) as {
    published: number;
    received: number;
    conflicts: { field: string }[];
  };
  expect(report.received).toBe(1);
  expect(report.conflicts.map((conflict) => conflict.field)).toEqual(['notes']);
}

// Every run is a fresh Node process compiling TypeScript: slow on a 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

describe('glossa glossary sync --folder', () => {
  it('publishes, receives and reports changes and conflicts between two members', async () => {
    const dir = join(root, 'folder-story');
    const shared = join(dir, 'shared');
    mkdirSync(shared, { recursive: true });
    await conflictStory(dir, ['--folder', shared]);
  });

  it('exits 2 for usage mistakes and 1 with one line for a missing folder or a database inside it', async () => {
    const db = join(root, 'usage.db');
    expect((await glossa(['glossary', 'sync', '--db', db])).code).toBe(2);
    expect(
      (await glossa(['glossary', 'sync', '--db', db, '--folder', root, '--postgres', 'postgres://x/y'])).code,
    ).toBe(2);
    const elsewhere = mkdtempSync(join(tmpdir(), 'glossa-sync-csv-'));
    const file = join(elsewhere, 'g.csv');
    writeFileSync(file, 'term\nDonbas\n');
    expect((await glossa(['glossary', 'sync', '--db', file, '--folder', root])).code).toBe(2);
    rmSync(elsewhere, { recursive: true });

    const missing = await glossa(['glossary', 'sync', '--db', db, '--folder', join(root, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^glossa: shared folder .*nowhere: no such folder \(is the drive connected\?\)\n$/,
    );

    const inside = await glossa(['glossary', 'sync', '--db', join(root, 'inside.db'), '--folder', root]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/^glossa: .*inside\.db is inside the shared folder .*\n$/);
  });
});

describe('glossa glossary sync --postgres', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.destroy());

  it('publishes, receives and reports conflicts through the server (password from PGPASSWORD)', async () => {
    const dir = join(root, 'pg-story');
    mkdirSync(dir);
    await conflictStory(dir, ['--postgres', server.urlWithoutPassword], { PGPASSWORD: server.password });
  });

  it('fails in one line naming the server, never printing the password', async () => {
    const db = join(root, 'pg-fail.db');
    const refused = await glossa([
      'glossary',
      'sync',
      '--db',
      db,
      '--postgres',
      server.url.replace(`:${server.port}/`, ':1/'),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^glossa: PostgreSQL at 127\.0\.0\.1:1 \(database "postgres"\): preparing the glossa_changes table failed: connection refused .*\n$/,
    );
    const wrong = await glossa(['glossary', 'sync', '--db', db, '--postgres', server.urlWithoutPassword], {
      PGPASSWORD: 'not-it',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^glossa: .*password authentication failed for user "postgres"\n$/);
    expect(wrong.stderr + wrong.stdout).not.toContain('not-it');
  });
});
