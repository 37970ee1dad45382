/**
 * Two Glossa installations sharing a PostgreSQL server over TLS (issue 7): a throwaway cluster
 * with a self-signed certificate, two browser-mode servers as `npm run web` runs them. Ana connects
 * in the Team sync dialog (URL with sslmode=verify-full, password typed), Ben through the API. An
 * entry Ana adds reaches Ben's panel after her Sync now and his timer; Ana deletes an entry that
 * Ben edited meanwhile: the entry stays and both panels ask, and Ben's "Keep" settles it for both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamSyncConfigureResult } from '../../shared/api/contract-team';
import { startTestPostgres, type TestPostgres } from '../electron/services/glossary/sync/postgres-server';
import {
  callApi,
  closeInstallation,
  expectCleanPage,
  openGlossaryPanel,
  screenshot,
  startInstallation,
  type Installation,
} from './harness';

const NAME = 'Rason';
const OTHER = 'Sinuiju';
/** Ben's timer: short, so his panel shows Ana's entry without anyone clicking on his side. */
const BEN_INTERVAL = 2;

let postgres: TestPostgres;
let url: string;
let ana: Installation;
let ben: Installation;

/** An installation with the seed transcript open on its glossary panel. */
async function startMember(): Promise<Installation> {
  const member = await startInstallation();
  await openGlossaryPanel(member.page);
  return member;
}

const entryItem = (page: Page, term: string) =>
  page.locator(`[data-testid="glossary-entry"][data-term="${term}"]`);

async function addEntry(page: Page, term: string): Promise<void> {
  await page.getByTestId('glossary-add').click();
  await page.getByTestId('glossary-form-term').fill(term);
  await page.getByTestId('glossary-form-submit').click();
  await expect.poll(() => entryItem(page, term).count()).toBe(1);
}

beforeAll(async () => {
  postgres = await startTestPostgres({ tls: true });
  // Host name checked against the self-signed certificate: TLS all the way.
  url = `postgres://postgres@localhost:${postgres.port}/postgres?sslmode=verify-full&sslrootcert=${encodeURIComponent(postgres.certificate)}`;
  [ana, ben] = await Promise.all([startMember(), startMember()]);
}, 120_000);

afterAll(async () => {
  for (const member of [ana, ben]) await closeInstallation(member);
  postgres?.destroy();
});

describe('team sync through a PostgreSQL server over TLS', () => {
  it('Ana connects in the dialog with a password', async () => {
    const { page } = ana;
    await page.getByTestId('team-sync-settings').click();
    await page.getByLabel('Your name').fill('Ana Lima');
    await page.getByLabel('PostgreSQL server').check();
    await page.getByLabel('Server address').fill(url);
    await page.getByLabel('Password').fill(postgres.password);
    await page.getByLabel('Sync every (seconds)').fill('3600');
    await page.getByTestId('team-sync-save').click();
    await expect
      .poll(() => page.getByTestId('team-sync-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/^Saved and synced: /);
    await screenshot(page, 'team-sync-pg-01-connected');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('team-sync-status').textContent())
      .toMatch(/^Team server: synced/);
  });

  it('Ben connects through the API', async () => {
    const result = await callApi<TeamSyncConfigureResult>(ben, 'configureTeamSync', {
      author: 'Ben Okafor',
      mode: 'postgres',
      postgresUrl: url,
      password: postgres.password,
      intervalSeconds: BEN_INTERVAL,
    });
    expect(result.status.lastError).toBeNull();
    expect(result.status.passwordSaved).toBe(true);
  });

  it('an entry Ana adds and syncs appears in Ben’s panel within seconds', async () => {
    await addEntry(ana.page, NAME);
    await addEntry(ana.page, OTHER);
    const started = Date.now();
    await ana.page.getByTestId('team-sync-now').click();
    await expect.poll(() => entryItem(ben.page, NAME).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => entryItem(ben.page, OTHER).count(), { timeout: 10_000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('Ana deletes an entry Ben edited meanwhile: it stays, and both panels ask', async () => {
    // Ben edits first, but Ana has not pulled it when she deletes.
    await entryItem(ben.page, OTHER).getByTestId('glossary-entry-edit').click();
    await ben.page.getByTestId('glossary-form-notes').fill('Border city on the Yalu');
    await ben.page.getByTestId('glossary-form-submit').click();
    await entryItem(ana.page, OTHER).getByTestId('glossary-entry-delete').click();
    await expect.poll(() => entryItem(ana.page, OTHER).count()).toBe(0);

    // Ben's timer publishes his edit; Ana's Sync now sends her delete and pulls his edit.
    await expect
      .poll(() => ben.page.getByTestId('team-sync-status').textContent(), { timeout: 10_000 })
      .toMatch(/synced/);
    await new Promise((resolve) => setTimeout(resolve, (BEN_INTERVAL + 1) * 1000));
    await ana.page.getByTestId('team-sync-now').click();
    for (const member of [ana, ben]) {
      const conflict = member.page.locator('[data-testid="team-conflict"][data-kind="delete-edit"]');
      await expect.poll(() => conflict.count(), { timeout: 10_000 }).toBe(1);
      const text = await conflict.textContent();
      expect(text).toContain(`“${OTHER}” was deleted and edited meanwhile`);
      expect(text).toMatch(/deleted it\s*by Ana Lima/);
      expect(text).toMatch(/edited it: “Border city on the Yalu”\s*by Ben Okafor/);
      // The entry is kept while the question is open.
      await expect.poll(() => entryItem(member.page, OTHER).count(), { timeout: 10_000 }).toBe(1);
    }
    await screenshot(ana.page, 'team-sync-pg-02-delete-edit');
  });

  it('Ben keeps the entry: the question is gone in both panels, the entry stays in both', async () => {
    await ben.page.getByTestId('team-conflict-keep-entry').click();
    await expect.poll(() => ben.page.getByTestId('team-conflict').count(), { timeout: 10_000 }).toBe(0);
    // Ben's resolution is published a moment after it is made; then Ana syncs.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await ana.page.getByTestId('team-sync-now').click();
    await expect.poll(() => ana.page.getByTestId('team-conflict').count(), { timeout: 10_000 }).toBe(0);
    for (const member of [ben, ana]) {
      await expect.poll(() => entryItem(member.page, OTHER).count()).toBe(1);
    }
    await screenshot(ana.page, 'team-sync-pg-03-kept');
  });

  it('no file in either user-data folder holds the password', async () => {
    for (const member of [ana, ben]) {
      const names = await readdir(member.dir, { recursive: true, withFileTypes: true });
      for (const entry of names.filter((name) => name.isFile())) {
        const bytes = await readFile(path.join(entry.parentPath, entry.name));
        expect(bytes.toString('latin1'), entry.name).not.toContain(postgres.password);
      }
    }
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(ana.page, ana.view.problems);
    await expectCleanPage(ben.page, ben.view.problems);
  });
});
