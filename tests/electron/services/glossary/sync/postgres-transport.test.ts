import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPostgresTransport,
  postgresConfig,
} from '../../../../../electron/services/glossary/sync/postgres-transport';
import type { SyncTransport } from '../../../../../electron/services/glossary/sync/transport';
import { fakeChange, fakeChanges } from './change-fixtures';
import { startTestPostgres, type TestPostgres } from './postgres-server';

let server: TestPostgres;
const open: SyncTransport[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  for (const transport of open) await transport.close();
  server?.destroy();
});

async function connect(device?: string, url = server.url): Promise<SyncTransport> {
  const transport = await openPostgresTransport(url, device ? { device } : {});
  open.push(transport);
  return transport;
}

async function sql(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL transport', () => {
  it('creates its table, publishes idempotently and pulls only what is new', async () => {
    const a = await connect('dev-a');
    const b = await connect('dev-b');
    await a.publish(fakeChanges('dev-a', 0, 3));
    await a.publish(fakeChanges('dev-a', 0, 3));
    const { rows } = await sql('SELECT count(*)::int AS n FROM glossa_changes');
    expect(rows[0].n).toBe(3);

    const first = await b.pull(null);
    expect(first.changes).toEqual(fakeChanges('dev-a', 0, 3));
    expect(first.skipped).toEqual([]);
    expect((await a.pull(null)).changes).toEqual([]);
    expect((await b.pull(first.cursor)).changes).toEqual([]);

    await a.publish([fakeChange('dev-a', 1), fakeChange('dev-a', 3)]);
    expect((await b.pull(first.cursor)).changes).toEqual([fakeChange('dev-a', 3)]);
    expect(a.key).toBe(`postgres:127.0.0.1:${server.port}/postgres`);
  });

  it('pulls more than a page in seq order, each change once (seq sorted as a number, not text)', async () => {
    const a = await connect('dev-a');
    const b = await connect('dev-b');
    const { cursor } = await b.pull(null);
    const many = fakeChanges('dev-a', 100_000, 12_000);
    for (let start = 0; start < many.length; start += 3000) await a.publish(many.slice(start, start + 3000));
    const pulled = await b.pull(cursor);
    expect(pulled.changes.length).toBe(many.length);
    expect(pulled.changes.map((change) => change.id)).toEqual(many.map((change) => change.id));
  });

  it('reports a malformed row with its seq and reads on', async () => {
    const b = await connect('dev-b');
    const start = await b.pull(null);
    await sql(
      `INSERT INTO glossa_changes (id, entry_id, field, payload, author, device, hlc)
       VALUES ('bad-1', 'e', 'notes', '{"id":"bad-1"}', 'x', 'dev-x', 'h')`,
    );
    const a = await connect('dev-a');
    await a.publish([fakeChange('dev-a', 50)]);
    const next = await b.pull(start.cursor);
    expect(next.changes).toEqual([fakeChange('dev-a', 50)]);
    expect(next.skipped).toEqual([
      {
        where: expect.stringMatching(/^glossa_changes seq \d+$/),
        reason: '"entryId" is missing or not text',
      },
    ]);
  });

  it('never skips a row when publishers commit concurrently while others pull', async () => {
    const readers = await connect('reader');
    const writers = await Promise.all(['w1', 'w2', 'w3'].map((device) => connect(device)));
    let cursor = (await readers.pull(null)).cursor;
    const seen = new Set<string>();
    let writing = true;
    const reading = (async () => {
      while (writing) {
        const page = await readers.pull(cursor);
        for (const change of page.changes) seen.add(change.id);
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let round = 0; round < 15; round += 1)
          await writer.publish(fakeChanges(`w${w + 1}`, round * 20, 20));
      }),
    );
    writing = false;
    await reading;
    for (const change of (await readers.pull(cursor)).changes) seen.add(change.id);
    expect(seen.size).toBe(3 * 15 * 20);
  });

  it('creates the tables again and reads everything when they were dropped meanwhile', async () => {
    const a = await connect('dev-a');
    const b = await connect('dev-b');
    const { cursor } = await b.pull(null);
    await sql('DROP TABLE glossa_changes; DROP TABLE glossa_meta');
    await a.publish([fakeChange('dev-a', 1)]);
    expect((await b.pull(cursor)).changes).toEqual([fakeChange('dev-a', 1)]);
    await sql('DROP TABLE glossa_changes; DROP TABLE glossa_meta');
    expect((await b.pull(cursor)).changes).toEqual([]);
  });

  it('says in one line what failed and where, never the password', async () => {
    const wrongPort = server.url.replace(`:${server.port}/`, ':1/');
    await expect(openPostgresTransport(wrongPort)).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:1 \(database "postgres"\): preparing the glossa_changes table failed: connection refused/,
    );
    const wrongPassword = server.url.replace(server.password, 'not-the-password');
    const failure = await openPostgresTransport(wrongPassword).catch((error: Error) => error);
    expect(String(failure)).toMatch(/password authentication failed for user "postgres"$/);
    expect(String(failure)).not.toContain('not-the-password');
    expect(String(failure)).not.toContain('\n');
    await expect(openPostgresTransport(server.url.replace(/\/postgres$/, '/nodb'))).rejects.toThrow(
      /database "nodb" does not exist$/,
    );
    // No password anywhere: the server asks for one.
    await expect(openPostgresTransport(server.urlWithoutPassword)).rejects.toThrow(/password/);
    const withOption = await openPostgresTransport(server.urlWithoutPassword, { password: server.password });
    await withOption.close();
    await expect(openPostgresTransport('http://x/y')).rejects.toThrow(/must start with postgres:\/\//);
  });

  it('follows libpq sslmode semantics', async () => {
    const base = 'postgres://u:p@db.example.org:6543/news';
    expect(postgresConfig(base).config.ssl).toBe(false);
    expect(postgresConfig(base).target).toEqual({
      host: 'db.example.org',
      port: 6543,
      database: 'news',
      user: 'u',
    });
    expect(postgresConfig(`${base}?sslmode=prefer`).config.ssl).toBe(false);
    expect(postgresConfig(`${base}?sslmode=require`).config.ssl).toEqual({ rejectUnauthorized: false });
    expect(postgresConfig(`${base}?sslmode=verify-full`).config.ssl).toEqual({ rejectUnauthorized: true });
    expect(() => postgresConfig(`${base}?sslmode=verify-ca`)).toThrow(/needs sslrootcert/);
    expect(() => postgresConfig(`${base}?sslmode=sometimes`)).toThrow(/unknown sslmode "sometimes"/);
    expect(() => postgresConfig(`${base}?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem`)).toThrow(
      /cannot read the sslrootcert file/,
    );
    // The server here has no TLS: require fails in one line.
    await expect(openPostgresTransport(`${server.url}?sslmode=require`)).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:\d+ \(database "postgres"\): preparing the glossa_changes table failed: .*SSL/,
    );
    expect(postgresConfig('postgres://u:p%40ss@[::1]/db%20x').target).toEqual({
      host: '::1',
      port: 5432,
      database: 'db x',
      user: 'u',
    });
    expect(postgresConfig('postgres://u:p%40ss@[::1]/db').config.password).toBe('p@ss');
  });
});
