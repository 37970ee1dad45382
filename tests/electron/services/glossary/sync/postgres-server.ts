/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, pg_ctl start on a free
 * loopback port with the socket in the same folder, pg_ctl stop in afterAll. Debian installs the
 * server binaries in /usr/lib/postgresql/<version>/bin (.ci/run installs the package). PostgreSQL
 * refuses to run as root, so as root the commands run as the `postgres` system user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  /** The URL without the password (for PGPASSWORD tests). */
  urlWithoutPassword: string;
  password: string;
  port: number;
  /** The server's self-signed certificate (with `tls`), to use as sslrootcert. */
  certificate: string;
  stop(): void;
  start(): void;
  /** Stops the server and deletes its folder. */
  destroy(): void;
}

export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export interface TestPostgresOptions {
  /** Serve TLS with a fresh self-signed certificate for localhost and 127.0.0.1. */
  tls?: boolean;
}

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does this)');
  const dir = mkdtempSync(join(tmpdir(), 'glossa-pg-'));
  const data = join(dir, 'data');
  const password = 'sekrit-pw-42';
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: 'pipe', cwd: dir });
  };
  const passwordFile = join(dir, 'pw');
  writeFileSync(passwordFile, password + '\n');
  if (asRoot) execFileSync('chown', ['postgres', passwordFile]);
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    passwordFile,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  let serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const certificate = join(dir, 'server.crt');
  if (options.tls) {
    const key = join(dir, 'server.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        certificate,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'pipe' },
    );
    if (asRoot) execFileSync('chown', ['postgres', key, certificate]);
    execFileSync('chmod', ['600', key]);
    serverOptions += ` -c ssl=on -c ssl_cert_file=${certificate} -c ssl_key_file=${key}`;
  }
  const start = () => run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    urlWithoutPassword: `postgres://postgres@127.0.0.1:${port}/postgres`,
    password,
    port,
    certificate,
    start,
    stop,
    destroy() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
