import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTransport } from '../../../../../electron/services/glossary/sync/postgres-transport';
import { fakeChange } from './change-fixtures';
import { startTestPostgres, type TestPostgres } from './postgres-server';

// A server with TLS and a self-signed certificate: sslmode decides what Glossa accepts.
let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres({ tls: true });
}, 60_000);

afterAll(() => server?.destroy());

/** Whether the server sees Glossa's open connection as encrypted. */
async function glossaUsesTls(): Promise<boolean[]> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ssl: boolean }>(
      "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'glossa'",
    );
    return rows.map((row) => row.ssl);
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL over TLS', () => {
  it('sslmode=require encrypts without checking the certificate', async () => {
    const transport = await openPostgresTransport(`${server.url}?sslmode=require`);
    try {
      await transport.publish([fakeChange('dev-a', 1)]);
      expect(await glossaUsesTls()).toEqual([true]);
    } finally {
      await transport.close();
    }
  });

  it('sslmode=verify-full refuses a certificate it cannot trust, and accepts it with sslrootcert', async () => {
    await expect(openPostgresTransport(`${server.url}?sslmode=verify-full`)).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:\d+ \(database "postgres"\): preparing the glossa_changes table failed: the server's certificate was not accepted \(.+\)$/,
    );
    const trusted = await openPostgresTransport(
      `${server.url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(server.certificate)}`,
    );
    try {
      expect((await trusted.pull(null)).changes).toEqual([fakeChange('dev-a', 1)]);
      expect(await glossaUsesTls()).toEqual([true]);
    } finally {
      await trusted.close();
    }
  });

  it('no sslmode (or disable) stays unencrypted', async () => {
    const plain = await openPostgresTransport(server.url);
    try {
      expect(await glossaUsesTls()).toEqual([false]);
    } finally {
      await plain.close();
    }
  });
});
