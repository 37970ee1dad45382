import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TEAM_SETTINGS,
  loadTeamSettings,
  postgresSecretName,
  saveTeamSettings,
  splitPostgresUrl,
} from '../../../../electron/services/team/team-settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glossa-team-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('splitPostgresUrl', () => {
  it.each([
    [
      'postgres://ana:s3cret@db.example.org:5432/news?sslmode=require',
      'postgres://ana@db.example.org:5432/news?sslmode=require',
      's3cret',
    ],
    ['postgresql://ana@db/news', 'postgresql://ana@db/news', null],
    ['postgres://ana:p%40ss%3Aword@db/news', 'postgres://ana@db/news', 'p@ss:word'],
  ])('%s → URL without the password, and the password', (input, url, password) => {
    expect(splitPostgresUrl(input)).toEqual({ url, password });
  });

  it.each(['http://db/news', 'not a url', 'postgres:///news', 'mysql://a@b/c'])('refuses %s', (input) => {
    expect(splitPostgresUrl(input)).toBeNull();
  });

  it('names a saved password by user and server', () => {
    expect(postgresSecretName('postgres://ana@db.example.org:5432/news')).toBe(
      'postgres:ana@db.example.org:5432',
    );
  });
});

describe('settings file', () => {
  it('round-trips, and a password in the URL never reaches the file', () => {
    const path = join(dir, 'team-sync.json');
    saveTeamSettings(path, {
      author: 'Ana Lima',
      mode: 'postgres',
      folder: null,
      postgresUrl: 'postgres://ana:hunter2@db/news',
      intervalSeconds: 45,
    });
    expect(readFileSync(path, 'utf8')).not.toContain('hunter2');
    expect(loadTeamSettings(path)).toEqual({
      author: 'Ana Lima',
      mode: 'postgres',
      folder: null,
      postgresUrl: 'postgres://ana@db/news',
      intervalSeconds: 45,
    });
  });

  it('a missing, damaged or odd file gives the defaults instead of stopping the app', () => {
    const path = join(dir, 'team-sync.json');
    expect(loadTeamSettings(path)).toEqual(DEFAULT_TEAM_SETTINGS);
    writeFileSync(path, '{ not json');
    expect(loadTeamSettings(path)).toEqual(DEFAULT_TEAM_SETTINGS);
    writeFileSync(path, JSON.stringify({ mode: 'carrier pigeon', intervalSeconds: -4, author: 7 }));
    expect(loadTeamSettings(path)).toEqual(DEFAULT_TEAM_SETTINGS);
  });
});
