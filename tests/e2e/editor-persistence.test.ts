/**
 * Nothing typed is lost: the editor saves to the real SQLite workspace within a second of a change,
 * a reload (quitting) finds the document on the start screen and reopens it where the caret was,
 * and a server killed mid-typing (a crash, a power cut) loses at most the last second: a new server
 * on the same files opens an intact database holding everything typed before that.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, SegmentSuggestion } from '../../shared/api/contract';
import { GLOSSARY_FILE_NAME, WORKSPACE_FILE_NAME } from '../../electron/services/user-data';
import { WorkspaceStore } from '../../electron/services/workspace/workspace-store';
import {
  caretInView,
  caretPlace,
  inDocumentOrder,
  panelCount,
  SAVED,
  saveStatus,
  scrollTop,
  segmentElements,
  segmentInView,
  segmentText,
  selectedText,
  waitForSaved,
} from './editor-page';
import {
  expectCleanPage,
  openPage,
  prepareUserData,
  screenshot,
  SEED_GLOSSARY,
  startE2eApp,
  startServerProcess,
  type E2eApp,
  type E2ePage,
  type ServerProcess,
} from './harness';

/** The autosave promise: saved within a second of a change (the editor waits 400 ms of quiet, at most 1 s). */
const AUTOSAVE_MS = 1_000;
/** What the test allows on top for the save's round trip and the browser's timers. */
const SAVE_SLACK_MS = 250;

const recentDocument = (page: Page) => page.getByTestId('recent-document');

/** The start screen's line for a document: its title and its open suggestion count. */
async function startScreenEntry(page: Page): Promise<{ title: string | null; count: string | null }> {
  const entry = recentDocument(page);
  await expect.poll(() => entry.count()).toBe(1);
  return {
    title: await entry.getAttribute('data-title'),
    count: await entry.getByTestId('recent-document-open-count').textContent(),
  };
}

async function openFromStartScreen(page: Page, title: string): Promise<void> {
  await recentDocument(page).filter({ hasText: title }).locator('.recent-document-open').click();
  await expect.poll(() => segmentElements(page).count()).toBeGreaterThan(0);
}

/** How many characters of its segment come before the caret. */
function caretOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const anchor = selection?.anchorNode;
    const element = anchor instanceof Element ? anchor : anchor?.parentElement;
    const segment = element?.closest('[data-segment-id]');
    if (!selection || !anchor || !segment) return -1;
    const range = document.createRange();
    range.setStart(segment, 0);
    range.setEnd(anchor, selection.anchorOffset);
    return range.toString().length;
  });
}

/** Starts recording every text the save status shows. */
function watchSaveStatus(page: Page): Promise<void> {
  return page.evaluate(() => {
    const status = document.querySelector('[data-testid="save-status"]');
    const seen: string[] = [];
    Object.assign(window, { seenSaveStatuses: seen });
    if (status)
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
  });
}

function seenSaveStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seenSaveStatuses: string[] }).seenSaveStatuses);
}

describe('autosave and reopening in the same place', () => {
  let app: E2eApp;
  let page: Page;
  let last: SegmentSuggestion;
  let expectedText: string;
  const typed = ' [name checked]';
  const shot = (name: string) => screenshot(page, `persistence-${name}`);

  beforeAll(async () => {
    app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the imported document on the start screen with its open suggestions, and opens it', async () => {
    const { seed } = app;
    expect(await startScreenEntry(page)).toEqual({
      title: seed.document.metadata.title,
      count: `${seed.suggestions.length} open suggestions`,
    });
    await shot('01-start');
    await openFromStartScreen(page, seed.document.metadata.title ?? '');
    expect(await segmentElements(page).count()).toBe(seed.document.segments.length);
    expect(await scrollTop(page)).toBe(0);
  });

  it('saves typing within a second: the status says so and the server has the text and the caret', async () => {
    const { seed } = app;
    const ordered = inDocumentOrder(seed.document, seed.suggestions);
    last = ordered[ordered.length - 1] as SegmentSuggestion;
    // Shift+F8 from nowhere goes to the last suggestion, far down the transcript.
    await page.keyboard.press('Shift+F8');
    await expect.poll(() => selectedText(page)).toBe(last.text);
    await page.keyboard.press('ArrowRight');
    await watchSaveStatus(page);
    await page.keyboard.type(typed);
    const original = seed.document.segments.find((segment) => segment.id === last.segmentId)?.text ?? '';
    expectedText = original.slice(0, last.end) + typed + original.slice(last.end);
    expect(await segmentText(page, last.segmentId)).toBe(expectedText);
    expect(await caretInView(page)).toBe(true);

    await page.waitForTimeout(AUTOSAVE_MS + 200); // the autosave second, on purpose
    expect(await saveStatus(page)).toBe(SAVED);
    // It said so while the typing waited for its save, then said it was saved.
    const shown = await seenSaveStatuses(page);
    expect(shown).toContain('Saving…');
    expect(shown.at(-1)).toBe(SAVED);
    const stored = await app.handlers.openDocument({ documentId: seed.documentId });
    expect(stored.document.segments.find((segment) => segment.id === last.segmentId)?.text).toBe(
      expectedText,
    );
    expect(stored.viewState).toMatchObject({ segmentId: last.segmentId, offset: last.end + typed.length });
    expect(stored.viewState?.scrollTop).toBeGreaterThan(0);
    await shot('02-typed-and-saved');
  });

  it('after a reload, the start screen lists the document with its title and open suggestion count', async () => {
    const openCount = await panelCount(page);
    await page.reload();
    const [summary] = await app.handlers.listDocuments({});
    expect(summary?.openSuggestionCount).toBe(openCount);
    expect(await startScreenEntry(page)).toEqual({
      title: app.seed.document.metadata.title,
      count: `${openCount} open suggestions`,
    });
    await shot('03-reloaded-start');
  });

  it('reopens the document with the typed text, the caret where it was and its segment in view', async () => {
    await openFromStartScreen(page, app.seed.document.metadata.title ?? '');
    expect(await segmentText(page, last.segmentId)).toBe(expectedText);
    await expect.poll(() => caretPlace(page)).toEqual({ segmentId: last.segmentId, editorFocused: true });
    expect(await caretOffset(page)).toBe(last.end + typed.length);
    await expect.poll(() => segmentInView(page, last.segmentId)).toBe(true);
    expect(await scrollTop(page)).toBeGreaterThan(0);
    await shot('04-reopened-in-place');
  });

  // Regression: the saved scrollTop alone landed lower (segments above are sized by estimate).
  it('reopens with the caret line itself in view', async () => {
    await expect.poll(() => caretInView(page), { timeout: 2_000 }).toBe(true);
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });

  it('quitting right after typing, before the autosave second is up, keeps the typing', async () => {
    const quitting = await (await app.browser.newContext()).newPage();
    await quitting.goto(app.server.url);
    await openFromStartScreen(quitting, app.seed.document.metadata.title ?? '');
    await quitting.keyboard.press('Shift+F8');
    await expect.poll(() => selectedText(quitting)).toBe(last.text);
    await quitting.keyboard.press('ArrowRight');
    const more = ' [quit at once]';
    await quitting.keyboard.type(more);
    expect(await saveStatus(quitting)).toBe('Unsaved changes');
    await quitting.close(); // the page is hidden and closed: it saves on its way out
    await expect
      .poll(async () => {
        const stored = await app.handlers.openDocument({ documentId: app.seed.documentId });
        return stored.document.segments.find((segment) => segment.id === last.segmentId)?.text;
      })
      .toContain(more);
  });
});

describe('a crash mid-typing', () => {
  let dir: string;
  let seed: OpenedDocument;
  let server: ServerProcess | undefined;
  let first: E2ePage | undefined;
  let second: E2ePage | undefined;
  const title = () => seed.document.metadata.title ?? '';

  beforeAll(async () => {
    ({ dir, seed } = await prepareUserData({ glossaryCsv: SEED_GLOSSARY }));
    server = await startServerProcess(dir);
    first = await openPage(server.url);
  });

  afterAll(async () => {
    await first?.browser.close();
    await second?.browser.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps everything typed up to a second before the server was killed, in an intact database', async () => {
    if (!first || !server) throw new Error('not started');
    const page = first.page;
    const ordered = inDocumentOrder(seed.document, seed.suggestions);
    const last = ordered[ordered.length - 1];
    const segment = seed.document.segments.find((s) => s.id === last?.segmentId);
    if (!last || !segment) throw new Error('no suggestions');
    await openFromStartScreen(page, title());

    // Type right after the last suggestion's words, far down the transcript, and let it save.
    // (Not at Ctrl+End: that leaves the caret at the START of the last segment; see the report.)
    await page.keyboard.press('Shift+F8');
    await expect.poll(() => selectedText(page)).toBe(last.text);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caretPlace(page)).toEqual({ segmentId: segment.id, editorFocused: true });
    expect(await caretOffset(page)).toBe(last.end);
    const before = ' Saved before the crash.';
    await page.keyboard.type(before);
    await page.waitForTimeout(AUTOSAVE_MS + 200); // the autosave second, on purpose
    await waitForSaved(page);

    // Keep typing, one key every 50 ms, and kill the server (SIGKILL: no handler runs) mid-word.
    const during = ' and this sentence was being typed when the power went out';
    const killAfter = 40;
    const typedAt: number[] = [];
    let killedAt = 0;
    for (const [index, char] of [...during].entries()) {
      await page.keyboard.type(char);
      typedAt.push(Date.now());
      if (index === killAfter) {
        killedAt = Date.now();
        await server.kill();
      }
      await page.waitForTimeout(50); // typing speed
    }
    expect(server.child.signalCode).toBe('SIGKILL');
    // The page says, in words, that it lost the server, and never claims the last keys are saved.
    // (The save status keeps retrying; it does not keep saying why it fails, as the retry's
    // "Unsaved changes" replaces "Not saved: Cannot reach Glossa…" at once: see the report.)
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Cannot reach Glossa: is it still running in the terminal?Dismiss');
    await page.waitForTimeout(AUTOSAVE_MS); // a save attempt or two against the dead server
    expect(await saveStatus(page)).toMatch(/^(Unsaved changes|Saving…|Not saved: Cannot reach Glossa)/);
    await screenshot(page, 'persistence-05-server-killed');
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).not.toContain('at Object.');
    expect(text).not.toContain('.ts:');
    // The page could not reach the dead server; that is all that went wrong in it.
    // (Refused once it is gone; reset when a save was on the wire as it died.)
    for (const problem of first.problems) {
      expect(problem).toMatch(/ERR_CONNECTION_(REFUSED|RESET)|ERR_EMPTY_RESPONSE|Failed to fetch/);
    }
    await first.browser.close();
    first = undefined;

    // The files the crash left behind are intact SQLite databases.
    for (const file of [WORKSPACE_FILE_NAME, GLOSSARY_FILE_NAME]) {
      const db = new BetterSqlite3(path.join(dir, file));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }

    // What was saved is the text up to some key typed before the kill...
    const workspace = WorkspaceStore.open(path.join(dir, WORKSPACE_FILE_NAME));
    let saved: string;
    try {
      const stored = workspace.getDocument(seed.documentId);
      saved = stored.document.segments.find((s) => s.id === segment.id)?.text ?? '';
    } finally {
      workspace.close();
    }
    const start = segment.text.slice(0, last.end) + before;
    const end = segment.text.slice(last.end);
    expect(saved.slice(0, start.length)).toBe(start);
    const keptKeys = saved.length - start.length - end.length;
    expect(start + during.slice(0, keptKeys) + end).toBe(saved);
    expect(keptKeys).toBeLessThanOrEqual(killAfter + 1);
    // ...and every key typed more than a second before the kill is in it.
    const firstLost = typedAt[keptKeys] ?? Infinity;
    const lostMs = Math.max(0, killedAt - firstLost);
    console.info(
      `crash test: kept ${keptKeys} of ${killAfter + 1} keys typed before the kill; lost the last ${lostMs} ms`,
    );
    expect(lostMs).toBeLessThanOrEqual(AUTOSAVE_MS + SAVE_SLACK_MS);

    // A new server on the same files opens the document with that text, at the same place.
    server = await startServerProcess(dir);
    second = await openPage(server.url);
    const page2 = second.page;
    expect((await startScreenEntry(page2)).title).toBe(title());
    await openFromStartScreen(page2, title());
    expect(await segmentText(page2, segment.id)).toBe(saved);
    await expect.poll(() => caretPlace(page2)).toEqual({ segmentId: segment.id, editorFocused: true });
    await expect.poll(() => segmentInView(page2, segment.id)).toBe(true);
    await screenshot(page2, 'persistence-06-after-crash');
    await expectCleanPage(page2, second.problems);
  });
});
