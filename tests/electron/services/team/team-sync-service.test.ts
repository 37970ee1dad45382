/**
 * Team sync in the app, as two Glossa installations run it: two services, each with its own
 * SQLite glossary in its own user-data folder, sharing one real temp folder. Rounds on start, on
 * the timer and when the folder changes; never two at once; failures kept in the status and
 * retried; settings that never hold a password. Then the same through a throwaway PostgreSQL server.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { createMemorySecretStore, type SecretStore } from '../../../../electron/services/team/secret-store';
import { TEAM_SETTINGS_FILE_NAME } from '../../../../electron/services/team/team-settings';
import { TeamSyncError, TeamSyncService } from '../../../../electron/services/team/team-sync-service';
import {
  realSyncMachinery,
  type TeamSyncMachinery,
} from '../../../../electron/services/team/team-transports';
import { startTestPostgres, type TestPostgres } from '../glossary/sync/postgres-server';

interface Member {
  dir: string;
  glossary: GlossaryStore;
  secrets: SecretStore;
  service: TeamSyncService;
}

let root: string;
let shared: string;
const members: Member[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'glossa-team-'));
  shared = join(root, 'shared');
  mkdirSync(shared);
});

afterEach(async () => {
  for (const member of members.splice(0)) {
    await member.service.close();
    member.glossary.close();
  }
  rmSync(root, { recursive: true, force: true });
});

function member(name: string, machinery: TeamSyncMachinery = realSyncMachinery, settings?: object): Member {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  if (settings) writeFileSync(join(dir, TEAM_SETTINGS_FILE_NAME), JSON.stringify(settings));
  const glossary = GlossaryStore.open(join(dir, 'glossary.db'), { device: `device-${name}`, author: name });
  const secrets = createMemorySecretStore();
  const service = new TeamSyncService({
    glossary,
    settingsPath: join(dir, TEAM_SETTINGS_FILE_NAME),
    secrets,
    machinery,
    folderDebounceMs: 100,
    publishSoonMs: 50,
  });
  const created = { dir, glossary, secrets, service };
  members.push(created);
  return created;
}

/** Waits (a few seconds at most) until `check` passes. */
function eventually(check: () => void, timeout = 8_000): Promise<void> {
  return vi.waitFor(check, { timeout, interval: 50 });
}

describe('two members sharing a folder', () => {
  it('see each other’s edits: a round on configure publishes, the other’s folder watcher pulls', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    await ana.service.configure({
      author: 'Ana Lima',
      mode: 'folder',
      folder: shared,
      intervalSeconds: 3600,
    });
    await ben.service.configure({
      author: 'Ben Okafor',
      mode: 'folder',
      folder: shared,
      intervalSeconds: 3600,
    });

    const entry = ana.glossary.add({ term: 'Kim Yo Jong', category: 'person' });
    const report = await ana.service.syncNow();
    expect(report.published).toBeGreaterThan(0);

    // No round asked for on Ben's side: his watcher sees Ana's log grow.
    await eventually(() => expect(ben.glossary.get(entry.id)?.term).toBe('Kim Yo Jong'));
    await eventually(() => expect(ben.service.status().lastReport?.received).toBeGreaterThan(0));
    const status = ben.service.status();
    expect(status).toMatchObject({
      available: true,
      author: 'Ben Okafor',
      device: 'device-Ben',
      mode: 'folder',
      folder: shared,
      lastError: null,
      openConflicts: 0,
    });
    expect(status.merges).toBeGreaterThan(0);
    expect(status.lastSyncAt).not.toBeNull();
    expect(ben.glossary.history(entry.id)[0]?.author).toBe('Ana Lima');
  });

  it('run a round on start from the saved settings', async () => {
    const ana = member('Ana');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared });
    const entry = ana.glossary.add({ term: 'Pyongyang', category: 'place' });
    await ana.service.syncNow();

    const ben = member('Ben', realSyncMachinery, {
      author: 'Ben',
      mode: 'folder',
      folder: shared,
      intervalSeconds: 3600,
    });
    await ben.service.start();
    expect(ben.glossary.get(entry.id)?.term).toBe('Pyongyang');
    expect(ben.glossary.identity().author).toBe('Ben');
  });

  it('publish on the timer', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 2 });
    await ben.service.configure({ author: 'Ben', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    const entry = ana.glossary.add({ term: 'Kursk', category: 'place' });
    // Nobody asks: Ana's timer publishes within 2 s, Ben's watcher pulls.
    await eventually(() => expect(ben.glossary.get(entry.id)?.term).toBe('Kursk'), 10_000);
  });

  it('edits made apart to one field become a conflict on both sides, settled for both by one', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    await ben.service.configure({ author: 'Ben', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    const entry = ana.glossary.add({ term: 'Choe Son Hui', notes: 'Foreign minister' });
    await ana.service.syncNow();
    await eventually(() => expect(ben.glossary.get(entry.id)).toBeDefined());

    // Both edit before either syncs (no publish happens without a round).
    ana.glossary.update(entry.id, { notes: 'Foreign minister since 2022' });
    ben.glossary.update(entry.id, { notes: 'Foreign Minister of North Korea' });
    await ana.service.syncNow();
    await ben.service.syncNow();
    await ana.service.syncNow();
    expect(ana.service.status().openConflicts).toBe(1);
    expect(ben.service.status().openConflicts).toBe(1);
    const [conflict] = ana.glossary.conflicts();
    expect(conflict?.values.map((value) => value.author).sort()).toEqual(['Ana', 'Ben']);
    expect(ana.glossary.get(entry.id)?.conflicted).toBe(true);

    const bens = conflict!.values.find((value) => value.author === 'Ben')!;
    ana.glossary.resolveConflict(conflict!.id, { keep: bens.changeId });
    await ana.service.syncNow();
    await eventually(() => expect(ben.service.status().openConflicts).toBe(0));
    expect(ben.glossary.get(entry.id)?.notes).toBe('Foreign Minister of North Korea');
    expect(ana.glossary.get(entry.id)?.notes).toBe('Foreign Minister of North Korea');
  });
});

describe('rounds', () => {
  it('never run two at once: calls during a round wait for the one after it', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const counting: TeamSyncMachinery = {
      ...realSyncMachinery,
      async round(store, transport) {
        running++;
        rounds++;
        most = Math.max(most, running);
        try {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return await realSyncMachinery.round(store, transport);
        } finally {
          running--;
        }
      },
    };
    const ana = member('Ana', counting);
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    rounds = 0;
    const reports = await Promise.all([1, 2, 3, 4, 5].map(() => ana.service.syncNow()));
    expect(reports).toHaveLength(5);
    expect(most).toBe(1);
    // The first call's round, then one more for everyone who asked during it.
    expect(rounds).toBe(2);
  });

  it('a failed round keeps its one-line reason, retries on the timer, and the queued change is published then', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 2 });
    await ben.service.configure({ author: 'Ben', mode: 'folder', folder: shared, intervalSeconds: 2 });

    rmSync(shared, { recursive: true, force: true }); // the network drive goes away
    const entry = ana.glossary.add({ term: 'Donbas', category: 'place' });
    await expect(ana.service.syncNow()).rejects.toThrow(TeamSyncError);
    const failed = ana.service.status();
    expect(failed.lastError).toMatch(/shared.*no such (file or )?folder/);
    expect(failed.lastError).not.toContain('\n');
    expect(failed.lastError).not.toMatch(/\bat .*\.ts:/);
    expect(ana.glossary.unpublishedChanges().length).toBeGreaterThan(0);

    mkdirSync(shared); // the drive is back: the timers retry by themselves
    await eventually(() => expect(ben.glossary.get(entry.id)?.term).toBe('Donbas'), 12_000);
    await eventually(() => expect(ana.service.status().lastError).toBeNull());
    expect(ana.glossary.unpublishedChanges()).toEqual([]);
  });

  it('sync now while sync is off says so in one line', async () => {
    const ana = member('Ana');
    await expect(ana.service.syncNow()).rejects.toThrow(/team sync is off/);
  });

  it('publishes a resolution or a verified mark soon after it is made', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    await ben.service.configure({ author: 'Ben', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    const entry = ana.glossary.add({ term: 'Sergei Shoigu', category: 'person' });
    await ana.service.syncNow();
    await eventually(() => expect(ben.glossary.get(entry.id)).toBeDefined());
    ben.glossary.setVerified(entry.id, true);
    ben.service.publishSoon();
    await eventually(() => expect(ana.glossary.get(entry.id)?.verified?.by).toBe('Ben'));
  });
});

describe('configure', () => {
  it('refuses a folder that does not exist, a file, and a folder holding the glossary; settings stay as they were', async () => {
    const ana = member('Ana');
    const file = join(root, 'a-file.txt');
    writeFileSync(file, 'x');
    await expect(
      ana.service.configure({ author: 'Ana', mode: 'folder', folder: join(root, 'nowhere') }),
    ).rejects.toThrow(/is not a folder that exists here/);
    await expect(ana.service.configure({ author: 'Ana', mode: 'folder', folder: file })).rejects.toThrow(
      /is not a folder/,
    );
    await expect(ana.service.configure({ author: 'Ana', mode: 'folder', folder: ana.dir })).rejects.toThrow(
      /inside the shared folder/,
    );
    await expect(ana.service.configure({ author: '   ', mode: 'off' })).rejects.toThrow(/give your name/);
    expect(readdirSync(ana.dir)).not.toContain(TEAM_SETTINGS_FILE_NAME);
    expect(ana.service.status().mode).toBe('off');
  });

  it.each(['http://db/news', 'db.example.org:5432', 'postgres:///news'])(
    'refuses the server address %s',
    async (postgresUrl) => {
      const ana = member('Ana');
      await expect(ana.service.configure({ author: 'Ana', mode: 'postgres', postgresUrl })).rejects.toThrow(
        /postgres:\/\/user@host/,
      );
    },
  );

  it('keeps a server password out of every file and every message, and reports the failed first round', async () => {
    const ana = member('Ana');
    const password = 'Sup3r-s3cret-pw';
    const result = await ana.service.configure({
      author: 'Ana',
      mode: 'postgres',
      // Port 1 on this machine: nothing listens, the round fails at once.
      postgresUrl: `postgres://ana:${password}@127.0.0.1:1/news?sslmode=disable`,
    });
    expect(result.report).toBeNull();
    expect(result.status.postgresUrl).toBe('postgres://ana@127.0.0.1:1/news?sslmode=disable');
    expect(result.status.passwordSaved).toBe(true);
    expect(result.status.secretsAvailable).toBe(false);
    expect(result.status.lastError).toMatch(/./);
    expect(result.status.lastError).not.toContain(password);
    expect(ana.secrets.load('postgres:ana@127.0.0.1:1')).toBe(password);

    const again = await ana.service.configure({
      author: 'Ana',
      mode: 'postgres',
      postgresUrl: 'postgres://ana@127.0.0.1:1/news',
      password: 'another-Secret-9',
    });
    expect(again.status.passwordSaved).toBe(true);
    for (const name of readdirSync(ana.dir, { recursive: true })) {
      const path = join(ana.dir, String(name));
      let text: string;
      try {
        text = readFileSync(path).toString('latin1');
      } catch {
        continue; // a folder
      }
      expect(text, String(name)).not.toContain(password);
      expect(text, String(name)).not.toContain('another-Secret-9');
    }
    await ana.service.configure({
      author: 'Ana',
      mode: 'off',
      forgetPassword: true,
      postgresUrl: 'postgres://ana@127.0.0.1:1/news',
    });
    expect(ana.secrets.load('postgres:ana@127.0.0.1:1')).toBeNull();
  });

  it('turning sync off stops the rounds and keeps the places for next time', async () => {
    const ana = member('Ana');
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared });
    const result = await ana.service.configure({ author: 'Ana', mode: 'off' });
    expect(result.report).toBeNull();
    expect(result.status).toMatchObject({ mode: 'off', folder: shared, connectedTo: null });
  });
});

describe('two members sharing a PostgreSQL server', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.destroy());

  it('see each other’s edits after syncing, conflicts included; the password stays in the secret store', async () => {
    const ana = member('Ana');
    const ben = member('Ben');
    for (const [who, name] of [
      [ana, 'Ana Lima'],
      [ben, 'Ben Okafor'],
    ] as const) {
      const result = await who.service.configure({
        author: name,
        mode: 'postgres',
        postgresUrl: server.urlWithoutPassword,
        password: server.password,
        intervalSeconds: 3600,
      });
      expect(result.status.lastError).toBeNull();
      expect(result.status.connectedTo).toMatch(/PostgreSQL/);
    }
    const entry = ana.glossary.add({ term: 'Rason', category: 'place' });
    await ana.service.syncNow();
    const report = await ben.service.syncNow();
    expect(report.received).toBeGreaterThan(0);
    expect(ben.glossary.get(entry.id)?.term).toBe('Rason');

    ana.glossary.update(entry.id, { category: 'organization' });
    ben.glossary.update(entry.id, { category: 'other' });
    await ana.service.syncNow();
    await ben.service.syncNow();
    await ana.service.syncNow();
    expect(ana.service.status().openConflicts).toBe(1);
    expect(ben.service.status().openConflicts).toBe(1);

    for (const who of [ana, ben]) {
      const settings = readFileSync(join(who.dir, TEAM_SETTINGS_FILE_NAME), 'utf8');
      expect(settings).toContain(server.urlWithoutPassword);
      expect(settings).not.toContain(server.password);
    }
  });

  it('a wrong password fails the round with one line that does not repeat it', async () => {
    const ana = member('Ana');
    const result = await ana.service.configure({
      author: 'Ana',
      mode: 'postgres',
      postgresUrl: server.urlWithoutPassword,
      password: 'not-the-Password-77',
    });
    expect(result.report).toBeNull();
    expect(result.status.lastError).toMatch(/password|authentication/i);
    expect(result.status.lastError).not.toContain('not-the-Password-77');
  });
});

describe('configure while rounds are running', () => {
  it('lets the running round finish, runs the ones asked for meanwhile on the new settings, and never two at once', async () => {
    let running = 0;
    let most = 0;
    const slow: TeamSyncMachinery = {
      ...realSyncMachinery,
      async round(store, transport) {
        running++;
        most = Math.max(most, running);
        try {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return await realSyncMachinery.round(store, transport);
        } finally {
          running--;
        }
      },
    };
    const other = join(root, 'other-shared');
    mkdirSync(other);
    const ana = member('Ana', slow);
    await ana.service.configure({ author: 'Ana', mode: 'folder', folder: shared, intervalSeconds: 3600 });
    const first = ana.service.syncNow();
    const second = ana.service.syncNow();
    const switched = ana.service.configure({
      author: 'Ana',
      mode: 'folder',
      folder: other,
      intervalSeconds: 3600,
    });
    const third = ana.service.syncNow();
    await Promise.all([first, second, switched, third]);
    expect(most).toBe(1);
    expect(ana.service.status()).toMatchObject({ folder: other, lastError: null });
    expect(ana.service.status().connectedTo).toContain('other-shared');
  });
});
