/**
 * Find & replace and flags, end to end: Ctrl+F counts and paints the matches, Ctrl+H replaces all
 * but one unticked match from the preview in one undo step; a passage flagged with Ctrl+Shift+M
 * and a comment, then resolved, is saved with the document and is there, resolved, after a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSegments, highlightSizes, segmentElements, selectedText, waitForSaved } from './editor-page';
import { expectCleanPage, screenshot, SEED_GLOSSARY, startE2eApp, type E2eApp } from './harness';

/** A place named three times in the seed transcript, and another way to spell it. */
const QUERY = 'Ussuriysk';
const REPLACEMENT = 'Ussuriisk';
/** The match left as it is (unticked in the preview). */
const KEPT = 1;
const PASSAGE = 'Soviet records show';
const COMMENT = 'Which records? Ask Anton for the source.';

let app: E2eApp;
let page: Page;
let original: [string, string][];

const shot = (name: string) => screenshot(page, `find-flags-${name}`);
const findBar = () => page.getByTestId('find-bar');
const flagItems = () => page.getByTestId('flag-item');

/** Every occurrence of `query` as [segment id, offset], in document order. */
function occurrences(segments: readonly [string, string][], query: string): [string, number][] {
  const found: [string, number][] = [];
  for (const [id, text] of segments) {
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length))
      found.push([id, at]);
  }
  return found;
}

async function openSeed(): Promise<void> {
  await page.getByTestId('recent-document').locator('.recent-document-open').click();
  await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
}

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('find and replace', () => {
  it('Ctrl+F opens the find bar; typing a query counts and paints every match', async () => {
    await openSeed();
    original = await editorSegments(page);
    expect(occurrences(original, QUERY)).toHaveLength(3);

    await page.keyboard.press('Control+F');
    const query = page.getByTestId('find-query');
    await expect.poll(() => query.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(QUERY);
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^(3 matches|[123] of 3)$/);
    await expect.poll(async () => (await highlightSizes(page))['glossa-find']).toBe(3);
    await shot('01-find');
  });

  it('Ctrl+H replaces all ticked matches from the preview, leaving the unticked one', async () => {
    await page.keyboard.press('Control+H');
    const replace = page.getByTestId('find-replace');
    await expect.poll(() => replace.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(REPLACEMENT);
    await page.getByTestId('find-replace-all').click();
    const items = page.getByTestId('find-preview-item');
    await expect.poll(() => items.count()).toBe(3);
    for (const text of await items.allTextContents()) {
      expect(text).toContain(QUERY);
      expect(text).toContain(REPLACEMENT);
    }
    await items.nth(KEPT).getByRole('checkbox').uncheck();
    const apply = page.getByTestId('find-apply');
    expect(await apply.textContent()).toBe('Replace 2 selected');
    await shot('02-preview-one-unticked');

    await apply.click();
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe('Replaced 2.');
    const expected = original.map(([id, text]): [string, string] => [id, text]);
    const places = occurrences(original, QUERY);
    // From the last match backwards, so earlier offsets stay put.
    for (const [index, [id, at]] of [...places.entries()].reverse()) {
      if (index === KEPT) continue;
      const row = expected.find(([segmentId]) => segmentId === id);
      if (row) row[1] = row[1].slice(0, at) + REPLACEMENT + row[1].slice(at + QUERY.length);
    }
    expect(await editorSegments(page)).toEqual(expected);
    const now = await editorSegments(page);
    expect(occurrences(now, QUERY)).toEqual([places[KEPT]]);
    expect(occurrences(now, REPLACEMENT)).toHaveLength(2);
    await shot('03-replaced');
  });

  it('one Ctrl+Z in the editor puts every replaced match back', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => findBar().count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorSegments(page)).toEqual(original);
    await shot('04-undone');
  });
});

describe('flags', () => {
  it('flags a selected passage with a comment (Ctrl+Shift+M) and lists it', async () => {
    // Select the passage with the keyboard: find it, then go back to the editor with it selected.
    await page.keyboard.press('Control+F');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSAGE);
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^(1 match(es)?|1 of 1)$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedText(page)).toBe(PASSAGE);

    await page.keyboard.press('Control+Shift+M');
    const dialog = page.getByTestId('flag-dialog');
    await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
    expect(await dialog.locator('blockquote').textContent()).toContain(PASSAGE);
    const comment = page.getByTestId('flag-comment');
    await expect.poll(() => comment.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(COMMENT);
    await shot('05-flag-dialog');
    await page.keyboard.press('Enter');

    await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(false);
    await expect.poll(() => page.getByTestId('tab-flags').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('flags-count').textContent()).toBe('1');
    await expect.poll(() => flagItems().count()).toBe(1);
    expect(await flagItems().locator('.flags-passage').textContent()).toContain(PASSAGE);
    expect(await flagItems().locator('.flags-comment').textContent()).toBe(COMMENT);
    expect((await highlightSizes(page))['glossa-flag']).toBe(1);
    await shot('06-flagged');
  });

  it('resolves the flag, and the workspace keeps it resolved with its comment', async () => {
    await flagItems().getByTestId('flag-resolve').click();
    await expect.poll(() => page.getByTestId('flags-count').textContent()).toBe('0');
    await expect.poll(async () => (await highlightSizes(page))['glossa-flag']).toBe(0);
    await waitForSaved(page);
    const stored = await app.handlers.openDocument({ documentId: app.seed.documentId });
    expect(stored.flags).toHaveLength(1);
    expect(stored.flags[0]).toMatchObject({ quote: PASSAGE, comment: COMMENT });
    expect(stored.flags[0]?.resolvedAt).not.toBeNull();
    await page.getByTestId('flags-resolved-toggle').click();
    await expect.poll(() => flagItems().getAttribute('data-resolved')).toBe('true');
    await shot('07-resolved');
  });

  it('after a reload, the reopened document has the flag, resolved, with its comment', async () => {
    await page.reload();
    await openSeed();
    await page.getByTestId('tab-flags').click();
    expect(await page.getByTestId('flags-count').textContent()).toBe('0');
    await page.getByTestId('flags-resolved-toggle').click();
    await expect.poll(() => flagItems().count()).toBe(1);
    expect(await flagItems().getAttribute('data-resolved')).toBe('true');
    expect(await flagItems().locator('.flags-passage').textContent()).toContain(PASSAGE);
    expect(await flagItems().locator('.flags-comment').textContent()).toBe(COMMENT);
    expect(await flagItems().getByTestId('flag-reopen').count()).toBe(1);
    await shot('08-reloaded');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
