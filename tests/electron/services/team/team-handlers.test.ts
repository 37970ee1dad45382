/**
 * The team calls through the same createApiHandlers and dispatchApiCall (argument checks and
 * one-line errors included) that the Electron window and browser mode serve.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCallName, ApiHandlers } from '../../../../shared/api/contract';
import type { TeamSyncConfigureResult, TeamSyncStatus } from '../../../../shared/api/contract-team';
import type { EntryHistoryItem, GlossaryConflict, SyncReport } from '../../../../shared/glossary/sync-types';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import { dispatchApiCall } from '../../../../electron/ipc-router';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { createMemorySecretStore } from '../../../../electron/services/team/secret-store';
import { TEAM_SETTINGS_FILE_NAME } from '../../../../electron/services/team/team-settings';
import { TeamSyncService } from '../../../../electron/services/team/team-sync-service';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';

interface App {
  glossary: GlossaryStore;
  workspace: WorkspaceStore;
  teamSync: TeamSyncService | undefined;
  handlers: ApiHandlers;
}

let root: string;
let shared: string;
const apps: App[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'glossa-team-handlers-'));
  shared = join(root, 'shared');
  mkdirSync(shared);
});

afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.teamSync?.close();
    app.workspace.close();
    app.glossary.close();
  }
  rmSync(root, { recursive: true, force: true });
});

function openApp(name: string, withTeamSync = true): App {
  const dir = join(root, name);
  mkdirSync(dir);
  const glossary = GlossaryStore.open(join(dir, 'glossary.db'), { device: `device-${name}`, author: name });
  const workspace = WorkspaceStore.open(join(dir, 'workspace.db'));
  const teamSync = withTeamSync
    ? new TeamSyncService({
        glossary,
        settingsPath: join(dir, TEAM_SETTINGS_FILE_NAME),
        secrets: createMemorySecretStore(),
        folderDebounceMs: 100,
      })
    : undefined;
  const handlers = createApiHandlers({
    glossary,
    workspace,
    mode: 'browser',
    version: '0.0.0-test',
    ...(teamSync ? { teamSync } : {}),
  });
  const app = { glossary, workspace, teamSync, handlers };
  apps.push(app);
  return app;
}

async function call<T>(app: App, name: ApiCallName, args: unknown): Promise<T> {
  const response = await dispatchApiCall(app.handlers, name, args);
  if (!response.ok) throw new Error(`${name} failed: ${response.error.message}`);
  return response.value as T;
}

async function failure(app: App, name: ApiCallName, args: unknown): Promise<string> {
  const response = await dispatchApiCall(app.handlers, name, args);
  if (response.ok) throw new Error(`${name} should have failed`);
  expect(response.error.code).not.toBe('internal');
  return response.error.message;
}

describe('team calls', () => {
  it('configure, sync, see the conflict, resolve it, read the history, mark verified', async () => {
    const ana = openApp('Ana');
    const ben = openApp('Ben');
    const configured = await call<TeamSyncConfigureResult>(ana, 'configureTeamSync', {
      author: 'Ana Lima',
      mode: 'folder',
      folder: shared,
      intervalSeconds: 3600,
    });
    expect(configured.report).not.toBeNull();
    expect(configured.status).toMatchObject({ author: 'Ana Lima', mode: 'folder', lastError: null });
    await call(ben, 'configureTeamSync', {
      author: 'Ben Okafor',
      mode: 'folder',
      folder: shared,
      intervalSeconds: 3600,
    });

    const entry = await call<GlossaryEntry>(ana, 'addGlossaryEntry', {
      entry: { term: 'Kim Jong Un', source: 'KCNA' },
    });
    await call<SyncReport>(ana, 'syncGlossaryNow', {});
    await call<SyncReport>(ben, 'syncGlossaryNow', {});
    await call(ana, 'updateGlossaryEntry', { id: entry.id, patch: { notes: 'Leader' } });
    await call(ben, 'updateGlossaryEntry', { id: entry.id, patch: { notes: 'General Secretary' } });
    await call(ana, 'syncGlossaryNow', {});
    const benReport = await call<SyncReport>(ben, 'syncGlossaryNow', {});
    expect(benReport.conflicts).toHaveLength(1);
    await call(ana, 'syncGlossaryNow', {});

    const conflicts = await call<GlossaryConflict[]>(ana, 'listGlossaryConflicts', {});
    expect(conflicts).toHaveLength(1);
    expect((await call<TeamSyncStatus>(ana, 'getTeamSync', {})).openConflicts).toBe(1);
    const conflict = conflicts[0]!;
    const anas = conflict.values.find((value) => value.author === 'Ana Lima')!;
    const resolved = await call<GlossaryEntry | null>(ana, 'resolveGlossaryConflict', {
      conflictId: conflict.id,
      resolution: { keep: anas.changeId },
    });
    expect(resolved?.notes).toBe('Leader');
    await call(ana, 'syncGlossaryNow', {});
    await call(ben, 'syncGlossaryNow', {});
    expect(await call<GlossaryConflict[]>(ben, 'listGlossaryConflicts', {})).toEqual([]);

    const history = await call<EntryHistoryItem[]>(ben, 'getGlossaryHistory', { entryId: entry.id });
    expect(new Set(history.map((item) => item.author))).toEqual(new Set(['Ana Lima', 'Ben Okafor']));
    expect(history[0]?.source).toBe('KCNA');

    const verified = await call<GlossaryEntry>(ben, 'setGlossaryVerified', {
      entryId: entry.id,
      verified: true,
    });
    expect(verified.verified?.by).toBe('Ben Okafor');
    const unverified = await call<GlossaryEntry>(ben, 'setGlossaryVerified', {
      entryId: entry.id,
      verified: false,
    });
    expect(unverified.verified).toBeUndefined();
  });

  it('a term added on both sides is one duplicate-term conflict whose values stand for [otherEntryId, entryId], settled by merging', async () => {
    const ana = openApp('Ana');
    const ben = openApp('Ben');
    for (const app of [ana, ben])
      await call(app, 'configureTeamSync', {
        author: app === ana ? 'Ana' : 'Ben',
        mode: 'folder',
        folder: shared,
        intervalSeconds: 3600,
      });
    await call(ana, 'addGlossaryEntry', { entry: { term: 'Hyesan', forms: ['Hyesan City'] } });
    await call(ben, 'addGlossaryEntry', { entry: { term: 'Hyesan', notes: 'On the Yalu' } });
    await call(ana, 'syncGlossaryNow', {});
    await call(ben, 'syncGlossaryNow', {});
    await call(ana, 'syncGlossaryNow', {});
    const [conflict] = await call<GlossaryConflict[]>(ana, 'listGlossaryConflicts', {});
    expect(conflict?.kind).toBe('duplicate-term');
    // The panel's "Merge into …" buttons rely on this order (ConflictList.duplicateTarget).
    const keeperHistory = await call<EntryHistoryItem[]>(ana, 'getGlossaryHistory', {
      entryId: conflict!.otherEntryId,
    });
    const laterHistory = await call<EntryHistoryItem[]>(ana, 'getGlossaryHistory', {
      entryId: conflict!.entryId,
    });
    expect(conflict!.values.map((value) => value.changeId)).toEqual([
      keeperHistory[0]?.changeId,
      laterHistory[0]?.changeId,
    ]);

    const merged = await call<GlossaryEntry | null>(ana, 'resolveGlossaryConflict', {
      conflictId: conflict!.id,
      resolution: { mergeInto: conflict!.otherEntryId },
    });
    expect(merged).toMatchObject({ term: 'Hyesan', forms: ['Hyesan City'], notes: 'On the Yalu' });
    await call(ana, 'syncGlossaryNow', {});
    await call(ben, 'syncGlossaryNow', {});
    expect(await call<GlossaryConflict[]>(ben, 'listGlossaryConflicts', {})).toEqual([]);
    expect(
      (await call<GlossaryEntry[]>(ben, 'searchGlossary', { query: 'Hyesan' })).map((entry) => entry.term),
    ).toEqual(['Hyesan']);
  });

  it('restore after delete takes back an entry that carries a verified mark', async () => {
    const ana = openApp('Ana');
    const entry = await call<GlossaryEntry>(ana, 'addGlossaryEntry', { entry: { term: 'Seoul' } });
    await call(ana, 'setGlossaryVerified', { entryId: entry.id, verified: true });
    const deleted = await call<GlossaryEntry>(ana, 'deleteGlossaryEntry', { id: entry.id });
    expect(deleted.verified?.by).toBe('Ana');
    // The page sends back exactly what the delete returned.
    const restored = await call<GlossaryEntry>(ana, 'restoreGlossaryEntry', { entry: deleted });
    expect(restored.term).toBe('Seoul');
  });

  it('checks the arguments and answers with one readable line', async () => {
    const ana = openApp('Ana');
    expect(await failure(ana, 'configureTeamSync', { author: 'Ana', mode: 'carrier pigeon' })).toMatch(
      /configureTeamSync: invalid mode/,
    );
    expect(await failure(ana, 'configureTeamSync', { author: '', mode: 'off' })).toMatch(/give your name/);
    expect(
      await failure(ana, 'configureTeamSync', {
        author: 'Ana',
        mode: 'folder',
        folder: join(root, 'nowhere'),
      }),
    ).toMatch(/is not a folder that exists here/);
    expect(await failure(ana, 'syncGlossaryNow', {})).toMatch(/team sync is off/);
    expect(
      await failure(ana, 'resolveGlossaryConflict', {
        conflictId: 'field:x:notes',
        resolution: { keep: 'nope' },
      }),
    ).toMatch(/No open conflict/);
    expect(await failure(ana, 'getGlossaryHistory', { entryId: 'not-a-uuid' })).toMatch(/invalid entryId/);
  });

  it('where there is no team sync service, the status says so and the glossary features still work', async () => {
    const solo = openApp('Solo', false);
    const status = await call<TeamSyncStatus>(solo, 'getTeamSync', {});
    expect(status).toMatchObject({ available: false, mode: 'off', openConflicts: 0 });
    expect(await failure(solo, 'syncGlossaryNow', {})).toMatch(/not available/);
    const entry = await call<GlossaryEntry>(solo, 'addGlossaryEntry', { entry: { term: 'Kursk' } });
    expect(
      (await call<GlossaryEntry>(solo, 'setGlossaryVerified', { entryId: entry.id, verified: true })).verified
        ?.by,
    ).toBe('Solo');
  });
});
