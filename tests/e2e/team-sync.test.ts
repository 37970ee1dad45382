/**
 * Two Glossa installations sharing one folder (issue 7): two browser-mode servers as `npm run web`
 * runs them, each with its own user-data folder, glossary and page. Ana sets up team sync in the
 * settings dialog, Ben through the API. An entry Ana adds reaches Ben's panel within seconds;
 * edits both make apart become a conflict shown in both panels, settled by Ben for both; Ana's
 * verified mark and both authors' history show on Ben's side. No password ever reaches a file.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamSyncConfigureResult } from '../../shared/api/contract-team';
import {
  callApi,
  closeInstallation,
  expectCleanPage,
  openGlossaryPanel,
  screenshot,
  SEED_GLOSSARY,
  startInstallation,
  type Installation,
} from './harness';

const NAME = 'Yakutia';
const ANA_NOTES = 'Russian republic in the Far East (Sakha).';
const BEN_NOTES = 'Also called the Sakha Republic.';
const PASSWORD = 'Tr0ub4dor&3-team';
/** Long enough that no timer round runs during the test: only Sync now, saves and the watcher. */
const LONG_INTERVAL = 3600;

let shared: string;
let ana: Installation;
let ben: Installation;

const entryItem = (page: Page) => page.locator(`[data-testid="glossary-entry"][data-term="${NAME}"]`);
const conflicts = (page: Page) => page.getByTestId('team-conflict');
const syncStatus = (page: Page) => page.getByTestId('team-sync-status').textContent();

async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByTestId('glossary-search').fill(query);
}

async function editNotes(page: Page, notes: string): Promise<void> {
  await entryItem(page).getByTestId('glossary-entry-edit').click();
  await page.getByTestId('glossary-form-notes').fill(notes);
  await page.getByTestId('glossary-form-submit').click();
  await expect.poll(() => page.getByTestId('glossary-form').count()).toBe(0);
}

/** Every file under `dir` as text, to look for a password. */
async function everyFile(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name))),
  );
  return texts.map((bytes) => bytes.toString('latin1')).join('\n');
}

beforeAll(async () => {
  shared = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-team-'));
  await mkdir(shared, { recursive: true });
  // Ana's glossary is the team's to start with; Ben joins with an empty one.
  [ana, ben] = await Promise.all([startInstallation({ glossaryCsv: SEED_GLOSSARY }), startInstallation()]);
  await Promise.all([openGlossaryPanel(ana.page), openGlossaryPanel(ben.page)]);
});

afterAll(async () => {
  for (const member of [ana, ben]) await closeInstallation(member);
  await rm(shared, { recursive: true, force: true });
});

describe('team sync through a shared folder', () => {
  it('Ana sets it up in the Team sync dialog, with the keyboard', async () => {
    const { page } = ana;
    expect(await syncStatus(page)).toBe('Team sync is off.');
    await page.getByTestId('team-sync-settings').click();
    const dialog = page.getByTestId('team-sync-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByLabel('Your name').fill('Ana Lima');
    await page.getByLabel('Shared folder', { exact: true }).check();
    await page.getByLabel('Folder path').fill(shared);
    await page.getByLabel('Sync every (seconds)').fill(String(LONG_INTERVAL));
    await screenshot(page, 'team-sync-01-dialog');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('team-sync-outcome').textContent())
      .toMatch(/^Saved and synced: \d+ sent, 0 received, 0 open conflicts\.$/);
    await screenshot(page, 'team-sync-02-saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => syncStatus(page)).toMatch(/^Shared folder: synced (just now|\d+ s ago)\.$/);
  });

  it('Ben joins through the API and receives the team glossary', async () => {
    const result = await callApi<TeamSyncConfigureResult>(ben, 'configureTeamSync', {
      author: 'Ben Okafor',
      mode: 'folder',
      folder: shared,
      intervalSeconds: LONG_INTERVAL,
    });
    expect(result.status.lastError).toBeNull();
    expect(result.report?.received).toBeGreaterThan(10);
    // Ben's panel reloads by itself (it polls the sync status).
    await expect
      .poll(() => ben.page.getByTestId('glossary-entry').count(), { timeout: 10_000 })
      .toBeGreaterThan(10);
  });

  it('an entry Ana adds appears in Ben’s panel within seconds of her sync', async () => {
    await ana.page.getByTestId('glossary-add').click();
    await ana.page.getByTestId('glossary-form-term').fill(NAME);
    await ana.page.getByTestId('glossary-form-notes').fill('Republic of Russia');
    await ana.page.getByTestId('glossary-form-source').fill('https://en.wikipedia.org/wiki/Sakha_Republic');
    await ana.page.getByTestId('glossary-form-submit').click();
    await searchFor(ana.page, NAME);
    await expect.poll(() => entryItem(ana.page).count()).toBe(1);

    await searchFor(ben.page, NAME);
    expect(await entryItem(ben.page).count()).toBe(0);
    const started = Date.now();
    await ana.page.getByTestId('team-sync-now').click();
    // Ben's watcher sees Ana's log grow, his round merges it, his panel notices within a poll.
    await expect.poll(() => entryItem(ben.page).count(), { timeout: 10_000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    await screenshot(ben.page, 'team-sync-03-ben-received');
  });

  it('notes edited apart on both sides show as one conflict in both panels', async () => {
    await editNotes(ana.page, ANA_NOTES);
    await editNotes(ben.page, BEN_NOTES);
    await ana.page.getByTestId('team-sync-now').click();
    for (const member of [ana, ben]) {
      await expect.poll(() => conflicts(member.page).count(), { timeout: 10_000 }).toBe(1);
      const text = await conflicts(member.page).textContent();
      expect(text).toContain(`“${NAME}”: two values for the notes`);
      expect(text).toContain(ANA_NOTES);
      expect(text).toContain(BEN_NOTES);
      expect(text).toContain('by Ana Lima');
      expect(text).toContain('by Ben Okafor');
      expect(await member.page.getByTestId('team-conflicts').locator('h3').textContent()).toBe('1 conflict');
      await expect
        .poll(() => entryItem(member.page).getByTestId('glossary-entry-conflicted').count())
        .toBe(1);
    }
    await screenshot(ana.page, 'team-sync-04-conflict-ana');
    await screenshot(ben.page, 'team-sync-05-conflict-ben');
  });

  it('Ben keeps Ana’s notes: the conflict is gone in both panels', async () => {
    const anas = ben.page.getByTestId('team-conflict-value').filter({ hasText: 'by Ana Lima' });
    await anas.getByTestId('team-conflict-keep').click();
    for (const member of [ben, ana]) {
      await expect.poll(() => conflicts(member.page).count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => entryItem(member.page).textContent(), { timeout: 10_000 }).toContain(ANA_NOTES);
      expect(await entryItem(member.page).getByTestId('glossary-entry-conflicted').count()).toBe(0);
    }
    await screenshot(ana.page, 'team-sync-06-resolved-ana');
  });

  it('Ana marks the entry verified; Ben sees by whom', async () => {
    await entryItem(ana.page).getByTestId('glossary-entry-verify').click();
    await expect
      .poll(() => entryItem(ana.page).getByTestId('glossary-entry-verified').textContent())
      .toMatch(/^Verified by Ana Lima on /);
    expect(await entryItem(ana.page).getByTestId('glossary-entry-verify').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect
      .poll(() => entryItem(ben.page).getByTestId('glossary-entry-verified').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/^Verified by Ana Lima on /);
  });

  it('the history in Ben’s panel lists both authors, what they changed and the source', async () => {
    await entryItem(ben.page).getByTestId('glossary-entry-history').click();
    const history = entryItem(ben.page).getByTestId('team-history');
    await expect.poll(() => history.getByTestId('team-history-item').count()).toBeGreaterThanOrEqual(4);
    const text = (await history.textContent()) ?? '';
    expect(text).toContain(`Ana Lima created it as “${NAME}”`);
    expect(text).toContain('Ben Okafor changed the notes');
    expect(text).toContain('Ana Lima marked it verified');
    expect(text).toContain('source: https://en.wikipedia.org/wiki/Sakha_Republic');
    await entryItem(ben.page).scrollIntoViewIfNeeded();
    await screenshot(ben.page, 'team-sync-07-history-ben');
  });

  it('a server password typed in the dialog stays out of every file; the failed first round says why', async () => {
    const { page } = ana;
    await page.getByTestId('team-sync-settings').click();
    await page.getByLabel('PostgreSQL server').check();
    await page.getByLabel('Server address').fill('postgres://ana@127.0.0.1:1/newsroom?sslmode=disable');
    await page.getByLabel('Password').fill(PASSWORD);
    expect(await page.getByTestId('team-sync-dialog').textContent()).toContain(
      'the password is kept in memory only until Glossa closes',
    );
    await page.getByTestId('team-sync-save').click();
    await expect
      .poll(() => page.getByTestId('team-sync-outcome').textContent())
      .toMatch(/^Saved, but the first sync failed: .+ Glossa will try again\.$/);
    expect(await page.getByTestId('team-sync-outcome').textContent()).not.toContain(PASSWORD);
    await screenshot(page, 'team-sync-08-postgres-failed');
    await page.keyboard.press('Escape');
    await expect.poll(() => syncStatus(page)).toMatch(/^Team server: sync failed: /);
    expect(await everyFile(ana.dir)).not.toContain(PASSWORD);
    expect(await readFile(path.join(ana.dir, 'team-sync.json'), 'utf8')).toContain(
      'postgres://ana@127.0.0.1:1/newsroom',
    );
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(ana.page, ana.view.problems);
    await expectCleanPage(ben.page, ben.view.problems);
  });
});
