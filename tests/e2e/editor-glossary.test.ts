/**
 * Adding a glossary entry from the editor: a name selected in the transcript, Ctrl+Shift+G, the
 * glossary tab's add form filled in from the selection, the entry stored in the real SQLite
 * glossary and the open document checked again with it; then deleted and put back with Undo.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/document/model';
import { panelCount, scrollToSegment, segmentElements, selectedText } from './editor-page';
import { expectCleanPage, screenshot, SEED_GLOSSARY, startE2eApp, type E2eApp } from './harness';

/** A place the seed transcript names once, spelled right, that the seed glossary does not know. */
const NAME = 'Yakutia';
const NOTES = 'Russian republic in the Far East, also called Sakha.';
const SOURCE = 'https://en.wikipedia.org/wiki/Sakha_Republic';

let app: E2eApp;
let page: Page;
let segment: Segment;
let entryId: string;

const shot = (name: string) => screenshot(page, `glossary-entry-${name}`);
const form = () => page.getByTestId('glossary-form');
const entryItem = () => page.locator(`[data-testid="glossary-entry"][data-term="${NAME}"]`);
const banner = () => page.getByRole('banner');

/**
 * Double-clicks a word of a segment, as a person selects a name to look at. Segments off screen are
 * laid out only once they come near it (content-visibility: auto), so the word is looked for again
 * until it stops moving.
 */
async function doubleClickWord(segmentId: string, word: string): Promise<void> {
  await scrollToSegment(page, segmentId);
  let box = await wordCentre(segmentId, word);
  for (;;) {
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const again = await wordCentre(segmentId, word);
    if (again.x === box.x && again.y === box.y) break;
    box = again;
  }
  await page.mouse.dblclick(box.x, box.y);
}

/** Where a word of a segment is drawn, in page coordinates. */
async function wordCentre(segmentId: string, word: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ({ segmentId, word }) => {
      const element = document.querySelector(`[data-segment-id="${segmentId}"]`);
      const walker = element && document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
        const at = node.textContent?.indexOf(word) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { segmentId, word },
  );
  if (!box) throw new Error(`"${word}" is not in segment ${segmentId}`);
  return box;
}

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
  const found = app.seed.document.segments.find((s) => s.text.includes(NAME));
  if (!found) throw new Error(`the seed transcript no longer names ${NAME}`);
  segment = found;
});

afterAll(async () => {
  await app?.close();
});

describe('adding a glossary entry from the selection', () => {
  let countBefore: number;

  it('selects a name the glossary does not know in the transcript', async () => {
    expect(app.glossary.findByTerm(NAME)).toBeUndefined();
    await page.getByTestId('recent-document').locator('.recent-document-open').click();
    await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
    countBefore = await panelCount(page);
    await doubleClickWord(segment.id, NAME);
    await expect.poll(() => selectedText(page)).toBe(NAME);
  });

  it('Ctrl+Shift+G from the Suggestions tab opens the Glossary tab with the add form filled in from the selection', async () => {
    expect(await page.getByTestId('tab-glossary').getAttribute('aria-selected')).toBe('false');
    expect(await selectedText(page)).toBe(NAME);
    await page.keyboard.press('Control+Shift+G');
    await expect.poll(() => page.getByTestId('tab-glossary').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => form().getAttribute('data-mode')).toBe('add');
    const term = page.getByTestId('glossary-form-term');
    expect(await term.inputValue()).toBe(NAME);
    expect(await term.evaluate((element) => element === document.activeElement)).toBe(true);
    await shot('01-form-from-selection');
  });

  it('adds the entry with its category, notes and source, and checks the document again', async () => {
    await page.getByTestId('glossary-form-category').selectOption('place');
    await page.getByTestId('glossary-form-notes').fill(NOTES);
    await page.getByTestId('glossary-form-source').fill(SOURCE);
    await shot('02-form-filled');

    const recheck = page.waitForResponse((response) => response.url().endsWith('/api/checkTranscript'));
    await page.getByTestId('glossary-form-submit').click();
    const rechecked = await recheck;
    expect(rechecked.ok()).toBe(true);

    await expect
      .poll(() => page.getByTestId('glossary-status').textContent())
      .toBe(`Added \u201c${NAME}\u201d`);
    expect(await form().count()).toBe(0);
    const stored = app.glossary.findByTerm(NAME);
    expect(stored).toMatchObject({ term: NAME, category: 'place', notes: NOTES, source: SOURCE });
    entryId = stored?.id ?? '';
    await expect.poll(() => banner().textContent()).toContain(`Glossary: ${app.glossary.count()} entries`);

    // The panel lists exactly what the engine finds with the new glossary in the unchanged document.
    const expected = await app.handlers.checkTranscript({ document: app.seed.document });
    await page.getByTestId('tab-suggestions').click();
    await expect.poll(() => panelCount(page)).toBe(expected.length);
    expect(expected.length).toBe(countBefore + expected.filter((s) => s.termId === entryId).length);
    await page.getByTestId('tab-glossary').click();
    await expect.poll(() => entryItem().count()).toBe(1);
    expect(await entryItem().textContent()).toContain('Place');
    await entryItem().scrollIntoViewIfNeeded();
    await shot('03-added');
  });

  it('deletes the entry and puts it back with the Undo button', async () => {
    await entryItem().getByTestId('glossary-entry-delete').click();
    await expect.poll(() => app.glossary.get(entryId)).toBeUndefined();
    await expect.poll(() => entryItem().count()).toBe(0);
    expect(await page.getByTestId('glossary-status').textContent()).toBe(`Deleted \u201c${NAME}\u201d.`);
    await shot('04-deleted');

    await page.getByTestId('glossary-undo').click();
    await expect
      .poll(() => app.glossary.get(entryId))
      .toMatchObject({
        term: NAME,
        category: 'place',
        notes: NOTES,
        source: SOURCE,
      });
    await expect.poll(() => entryItem().count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('glossary-status').textContent())
      .toBe(`Restored \u201c${NAME}\u201d`);
    expect(await page.getByTestId('glossary-undo').count()).toBe(0);
    await shot('05-restored');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
