/**
 * Team sync's settings, a small JSON file in the user-data folder. It never holds a password: a
 * PostgreSQL URL is kept with its password taken out (the password goes to the SecretStore).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TEAM_SYNC_MODES, type TeamSyncMode } from '../../../shared/api/contract-team';
import { writeFileAtomic } from '../atomic-write';

export const TEAM_SETTINGS_FILE_NAME = 'team-sync.json';
export { TEAM_SYNC_MODES, type TeamSyncMode };

export const DEFAULT_INTERVAL_SECONDS = 30;
export const MIN_INTERVAL_SECONDS = 2;
export const MAX_INTERVAL_SECONDS = 24 * 60 * 60;

export interface TeamSettings {
  /** The name written into every change ("Mi-rae Kang"); '' until the person gives one. */
  author: string;
  mode: TeamSyncMode;
  /** The shared folder (absolute), for mode 'folder'. */
  folder: string | null;
  /** postgres://user@host:port/db?sslmode=… without a password, for mode 'postgres'. */
  postgresUrl: string | null;
  intervalSeconds: number;
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  author: '',
  mode: 'off',
  folder: null,
  postgresUrl: null,
  intervalSeconds: DEFAULT_INTERVAL_SECONDS,
};

/** The settings in `path`; defaults for anything missing or unreadable (a bad file never stops the app). */
export function loadTeamSettings(path: string): TeamSettings {
  if (!existsSync(path)) return { ...DEFAULT_TEAM_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ...DEFAULT_TEAM_SETTINGS };
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const mode = TEAM_SYNC_MODES.find((known) => known === record.mode) ?? 'off';
  const interval = record.intervalSeconds;
  const postgresUrl = text(record.postgresUrl);
  return {
    author: text(record.author) ?? '',
    mode,
    folder: text(record.folder),
    // A hand-edited file with a password in it: the password is not used from here.
    postgresUrl: postgresUrl === null ? null : (splitPostgresUrl(postgresUrl)?.url ?? null),
    intervalSeconds:
      typeof interval === 'number' && interval >= MIN_INTERVAL_SECONDS && interval <= MAX_INTERVAL_SECONDS
        ? interval
        : DEFAULT_INTERVAL_SECONDS,
  };
}

export function saveTeamSettings(path: string, settings: TeamSettings): void {
  mkdirSync(dirname(path), { recursive: true });
  const safe: TeamSettings = {
    ...settings,
    postgresUrl: settings.postgresUrl === null ? null : (splitPostgresUrl(settings.postgresUrl)?.url ?? null),
  };
  writeFileAtomic(path, `${JSON.stringify(safe, null, 2)}\n`);
}

/**
 * Splits a PostgreSQL URL into the URL without its password and the password (null when it has
 * none); null when it is not a postgres:// or postgresql:// URL with a host.
 */
export function splitPostgresUrl(text: string): { url: string; password: string | null } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return null;
  if (url.hostname === '') return null;
  const password = url.password === '' ? null : decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), password };
}

/** The name a server's password is saved under: one per server and user. */
export function postgresSecretName(urlWithoutPassword: string): string {
  const url = new URL(urlWithoutPassword);
  return `postgres:${decodeURIComponent(url.username)}@${url.host}`;
}
