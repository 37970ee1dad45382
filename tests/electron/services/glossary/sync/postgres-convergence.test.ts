import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTransport } from '../../../../../electron/services/glossary/sync/postgres-transport';
import { syncGlossary } from '../../../../../electron/services/glossary/sync/sync-round';
import { closeMembers, createMembers, permutations, runScenario, type Member } from './convergence-harness';
import { startTestPostgres, type TestPostgres } from './postgres-server';

let server: TestPostgres;
const root = mkdtempSync(join(tmpdir(), 'glossa-pg-converge-'));
let databases = 0;

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);

afterAll(() => {
  server?.destroy();
  rmSync(root, { recursive: true, force: true });
});

async function admin(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database per scenario, so scenarios do not see each other's changes. */
async function freshTeam(count: number): Promise<{ dir: string; members: Member[]; url: string }> {
  databases += 1;
  const name = `team_${databases}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = server.url.replace(/\/postgres$/, `/${name}`);
  const dir = join(root, name);
  mkdirSync(dir);
  const members = await createMembers(dir, count, (device) => openPostgresTransport(url, { device }));
  return { dir, members, url };
}

describe('members syncing through one PostgreSQL server converge', () => {
  for (const count of [2, 3]) {
    permutations(count).forEach((order, index) => {
      it(`${count} members, syncing in the order ${order.join(' → ')}`, async () => {
        const { members } = await freshTeam(count);
        try {
          const result = await runScenario(members, order, 2000 * count + index);
          expect(result.conflicts).toBeGreaterThan(0);
        } finally {
          await closeMembers(members);
        }
      });
    });
  }
});

describe('a dropped connection', () => {
  it('fails the round in one line, keeps the edits queued, and the next round sends them', async () => {
    const { members } = await freshTeam(2);
    const [a, b] = members as [Member, Member];
    try {
      const entry = a.store.add({ term: 'Zaporizhzhia', notes: 'first' });
      expect((await syncGlossary(a.store, a.transport)).published).toBeGreaterThan(0);
      expect((await syncGlossary(b.store, b.transport)).received).toBeGreaterThan(0);

      // The server ends every Glossa session (an administrator, a failover, a network blip).
      await admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'glossa' AND pid <> pg_backend_pid()",
      );
      a.store.update(entry.id, { notes: 'after the blip' });
      // The dead pooled connection is replaced: the round goes through.
      expect((await syncGlossary(a.store, a.transport)).published).toBeGreaterThan(0);

      // The server goes away: rounds fail, edits wait in the local glossary.
      server.stop();
      a.store.update(entry.id, { notes: 'written while the server was down' });
      a.store.recordAcceptedVariant(entry.id, 'Zaporozhye');
      const queued = a.store.unpublishedChanges().length;
      expect(queued).toBeGreaterThanOrEqual(2);
      const failure = await syncGlossary(a.store, a.transport).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(
        /^PostgreSQL at 127\.0\.0\.1:\d+ \(database "team_\d+"\): publishing changes failed: connection refused/,
      );
      expect((failure as Error).message).not.toContain(server.password);
      expect((failure as Error).message).not.toContain('\n');
      expect(a.store.unpublishedChanges()).toHaveLength(queued);
      expect(a.store.get(entry.id)?.notes).toBe('written while the server was down');

      server.start();
      expect((await syncGlossary(a.store, a.transport)).published).toBe(queued);
      const received = await syncGlossary(b.store, b.transport);
      // What was queued, plus the note from after the blip (b had not synced since).
      expect(received.received).toBe(queued + 1);
      expect(b.store.get(entry.id)?.notes).toBe('written while the server was down');
      expect(b.store.glossaryDigest()).toBe(a.store.glossaryDigest());
    } finally {
      await closeMembers(members);
    }
  });
});
