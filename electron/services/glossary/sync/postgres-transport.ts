/**
 * The PostgreSQL transport (issue 7): the same changes as the shared folder, kept in one table on
 * a server. The local SQLite glossary stays the working copy, so Glossa works offline; a round
 * that cannot reach the server fails with one line and the changes wait, unpublished, for the next.
 *
 * URL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=FILE]. The password
 * comes from the URL, else options.password (the CLI passes PGPASSWORD). TLS follows libpq's
 * sslmode: disable/allow/prefer (and no sslmode) connect without TLS, since pg cannot fall back;
 * require encrypts without checking the certificate (with sslrootcert it checks the chain, like
 * libpq); verify-ca checks the chain against sslrootcert; verify-full checks the chain (sslrootcert
 * or the system's CAs) and the host name. sslcert/sslkey give a client certificate.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import type { GlossaryChange, SyncReport } from '../../../../shared/glossary/sync-types';
import { checkChange, SyncError, type PullResult, type SyncTransport } from './transport';

export interface PostgresTransportOptions {
  /** Used when the URL has no password. */
  password?: string;
  /** Overrides what the URL's sslmode says. */
  ssl?: boolean | ConnectionOptions;
  /** This device's id: its own rows are not pulled back. */
  device?: string;
  connectTimeoutMs?: number;
}

/** Where the server is, for messages and the cursor key: never the user's password. */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

const INSERT_BATCH = 1000;
const PREPARING = 'preparing the glossa_changes table';
const PULL_PAGE = 5000;
/** Serialises publishers so that `seq` order is commit order (see publish). Any fixed number. */
const PUBLISH_LOCK_KEY = 0x67_6c_6f_73; // "glos"

const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS glossa_changes (
    seq bigserial PRIMARY KEY,
    id text UNIQUE NOT NULL,
    entry_id text NOT NULL,
    field text NOT NULL,
    payload jsonb NOT NULL,
    author text NOT NULL,
    device text NOT NULL,
    hlc text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS glossa_meta (key text PRIMARY KEY, value text NOT NULL);`;

const INSERT_SQL = `
  INSERT INTO glossa_changes (id, entry_id, field, payload, author, device, hlc)
  SELECT c->>'id', c->>'entryId', c->>'field', c, c->>'author', c->>'device', c->>'hlc'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(c, n)
  ORDER BY n
  ON CONFLICT (id) DO NOTHING`;

export async function openPostgresTransport(
  url: string,
  options: PostgresTransportOptions = {},
): Promise<SyncTransport> {
  const { config, target } = postgresConfig(url, options);
  const pool = new pg.Pool({ ...config, max: 1, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  // An idle connection the server drops emits 'error' on the pool; unheard, it would crash the
  // process. The next query simply connects again.
  pool.on('error', () => undefined);
  const transport = new PostgresTransport(pool, target, options.device, config.password);
  try {
    await transport.prepare();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return transport;
}

/** The pg settings for a URL: libpq's sslmode semantics, the password from the URL or options. */
export function postgresConfig(
  url: string,
  options: PostgresTransportOptions = {},
): { config: pg.PoolConfig & { password?: string }; target: PostgresTarget } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncError('the PostgreSQL URL is not valid (expected postgres://USER@HOST:PORT/DATABASE)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new SyncError(`the PostgreSQL URL must start with postgres:// (not ${parsed.protocol}//)`);
  const query = parsed.searchParams;
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || 'postgres';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || query.get('host') || 'localhost';
  const port = Number(parsed.port || query.get('port') || 5432);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new SyncError(`the PostgreSQL URL's port "${parsed.port}" is not a port number`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  const password = decodeURIComponent(parsed.password) || options.password || undefined;
  const target = { host, port, database, user };
  const ssl = options.ssl ?? sslFromQuery(query);
  const config: pg.PoolConfig & { password?: string } = {
    host,
    port,
    user,
    database,
    ssl,
    keepAlive: true,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'glossa',
  };
  if (password !== undefined) config.password = password;
  return { config, target };
}

function sslFromQuery(query: URLSearchParams): boolean | ConnectionOptions {
  const mode = query.get('sslmode') ?? 'disable';
  const file = (name: string) => {
    const path = query.get(name);
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new SyncError(`cannot read the ${name} file ${path}`);
    }
  };
  const ca = file('sslrootcert');
  const cert = file('sslcert');
  const key = file('sslkey');
  const base: ConnectionOptions = {
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
  // Chain checked, host name not (libpq's verify-ca).
  const chainOnly: ConnectionOptions = {
    ...base,
    rejectUnauthorized: true,
    checkServerIdentity: () => undefined,
  };
  switch (mode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return ca ? chainOnly : { ...base, rejectUnauthorized: false };
    case 'verify-ca':
      if (!ca)
        throw new SyncError('sslmode=verify-ca needs sslrootcert=FILE (the CA to check the server against)');
      return chainOnly;
    case 'verify-full':
      return { ...base, rejectUnauthorized: true };
    default:
      throw new SyncError(`unknown sslmode "${mode}": use disable, require, verify-ca or verify-full`);
  }
}

class PostgresTransport implements SyncTransport {
  readonly key: string;
  readonly description: string;
  /** The table's identity: a cursor from a dropped and recreated table must not skip its rows. */
  private instance = '';

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: PostgresTarget,
    private readonly device: string | undefined,
    private readonly password: string | undefined,
  ) {
    this.key = `postgres:${target.host}:${target.port}/${target.database}`;
    this.description = `PostgreSQL ${target.host}:${target.port}/${target.database}`;
  }

  async prepare(): Promise<void> {
    await this.transaction(PREPARING, async (client) => {
      // Two members starting at once would race on CREATE TABLE IF NOT EXISTS; take turns.
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK_KEY]);
      await client.query(SCHEMA_SQL);
      await client.query(
        "INSERT INTO glossa_meta (key, value) VALUES ('instance', $1) ON CONFLICT (key) DO NOTHING",
        [randomUUID()],
      );
      const { rows } = await client.query<{ value: string }>(
        "SELECT value FROM glossa_meta WHERE key = 'instance'",
      );
      this.instance = rows[0]?.value ?? '';
    });
  }

  async publish(changes: readonly GlossaryChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.transaction('publishing changes', async (client) => {
      // bigserial values are handed out before commit, so two concurrent publishers could commit
      // seq 8 after a reader saw seq 9 and moved its cursor past 8. Holding one lock until commit
      // makes seq order commit order, and `seq > cursor` then never skips a row.
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK_KEY]);
      for (let start = 0; start < changes.length; start += INSERT_BATCH)
        await client.query(INSERT_SQL, [JSON.stringify(changes.slice(start, start + INSERT_BATCH))]);
    });
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const changes: GlossaryChange[] = [];
    const skipped: SyncReport['skipped'] = [];
    let from = '0';
    let last = from;
    await this.transaction(
      'reading changes',
      async (client) => {
        const { rows: meta } = await client.query<{ value: string }>(
          "SELECT value FROM glossa_meta WHERE key = 'instance'",
        );
        this.instance = meta[0]?.value ?? '';
        from = this.cursorSeq(cursor);
        // One snapshot for every page; the cursor ends at the snapshot's last row.
        const { rows: top } = await client.query<{ max: string | null }>(
          'SELECT max(seq)::text AS max FROM glossa_changes',
        );
        const end = top[0]?.max ?? from;
        let after = from;
        for (;;) {
          // ORDER BY names the column: the text alias `seq` would sort "10" before "9".
          const { rows } = await client.query<{ seq: string; payload: unknown }>(
            `SELECT seq::text AS seq, payload FROM glossa_changes
             WHERE seq > $1::bigint AND seq <= $2::bigint AND device IS DISTINCT FROM $3
             ORDER BY glossa_changes.seq LIMIT ${PULL_PAGE}`,
            [after, end, this.device ?? null],
          );
          for (const row of rows) {
            const change = checkChange(row.payload);
            if (typeof change === 'string')
              skipped.push({ where: `glossa_changes seq ${row.seq}`, reason: change });
            else changes.push(change);
          }
          if (rows.length < PULL_PAGE) break;
          after = rows[rows.length - 1]!.seq;
        }
        last = BigInt(end) > BigInt(from) ? end : from;
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    return { changes, cursor: `${this.instance}:${last}`, skipped };
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private cursorSeq(cursor: string | null): string {
    const match = cursor ? /^(.+):(\d+)$/.exec(cursor) : null;
    return match && match[1] === this.instance ? match[2]! : '0';
  }

  /**
   * Runs `work` in one transaction. Retried once on a fresh connection when the pooled one turns
   * out dead (the server restarted or ended idle sessions) and when the tables were dropped;
   * both are safe because publishing is idempotent and reading has no side effects.
   */
  private async transaction(
    doing: string,
    work: (client: pg.PoolClient) => Promise<void>,
    begin = 'BEGIN',
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.transactionOnce(work, begin);
        return;
      } catch (error) {
        if (attempt === 1 && isLostConnection(error)) continue;
        if (attempt === 1 && errorCode(error) === '42P01' && doing !== PREPARING) {
          await this.prepare();
          continue;
        }
        throw new SyncError(postgresErrorMessage(error, this.target, doing, this.password));
      }
    }
  }

  private async transactionOnce(
    work: (client: pg.PoolClient) => Promise<void>,
    begin: string,
  ): Promise<void> {
    const client = await this.pool.connect();
    // A checked-out client has no error listener of the pool's: without ours, a connection the
    // server drops mid-transaction would surface as an unhandled 'error' event.
    let lost: unknown;
    const onError = (error: unknown) => (lost = error);
    client.on('error', onError);
    try {
      await client.query(begin);
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.off('error', onError);
      // A connection that failed mid-transaction is not reused.
      client.release(true);
      throw lost ?? error;
    }
    client.off('error', onError);
    client.release();
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error ? String((error as { code?: unknown }).code ?? '') : '';
}

function isLostConnection(error: unknown): boolean {
  return (
    ['57P01', '57P02', 'ECONNRESET', 'EPIPE'].includes(errorCode(error)) ||
    (error instanceof Error && /Connection terminated|ended unexpectedly/i.test(error.message))
  );
}

/** One line saying what failed and where; never a stack trace, never the password. */
export function postgresErrorMessage(
  error: unknown,
  target: PostgresTarget,
  doing: string,
  password?: string,
): string {
  const where = `PostgreSQL at ${target.host}:${target.port} (database "${target.database}")`;
  const reason = postgresReason(error, target);
  const line = `${where}: ${doing} failed: ${reason}`.replace(/\s*\n\s*/g, ' ');
  return password ? line.split(password).join('***') : line;
}

function postgresReason(error: unknown, target: PostgresTarget): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running and listening there?)',
    ENOTFOUND: 'unknown host',
    EAI_AGAIN: 'the host name could not be looked up',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ECONNRESET: 'the connection was reset',
    EPIPE: 'the connection was lost',
    '28P01': `password authentication failed for user "${target.user}"`,
    '3D000': `database "${target.database}" does not exist`,
    '42501': 'permission denied (the user may not create or write the glossa_changes table)',
    '57P01': 'the server ended the connection (it is shutting down or an administrator ended it)',
    '57P02': 'the server ended the connection (it is shutting down)',
    '57P03': 'the server is starting up or shutting down',
    '53300': 'the server has too many connections',
  };
  if (reasons[code]) return reasons[code];
  if (/certificate|self[- ]signed|CERT_|altnames/i.test(code + ' ' + message))
    return `the server's certificate was not accepted (${code || message})`;
  if (/Connection terminated|connection.*ended/i.test(message)) return 'the connection was lost';
  if (/timeout/i.test(message)) return 'the server did not answer in time';
  if (/password must be a string|SASL|no password/i.test(message))
    return 'the server wants a password (put it in the URL or PGPASSWORD)';
  return message.split('\n')[0] ?? 'unknown error';
}
