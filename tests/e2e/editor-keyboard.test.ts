/**
 * The whole correction workflow with the keyboard only, as a person who does not use a mouse works:
 * Tab and Enter from the start screen into a recent document, F8 and Alt+Enter through the
 * suggestions, arrow keys along the side panel's tabs, F1 (and ? outside the text) for the
 * shortcuts sheet and Escape to close it. Wherever the keyboard is, the focus is drawn.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentSuggestion } from '../../shared/api/contract';
import {
  caretInView,
  caretPlace,
  inDocumentOrder,
  panelCount,
  pressUntil,
  segmentElements,
  segmentText,
  selectedText,
  withAccepted,
} from './editor-page';
import { expectCleanPage, screenshot, SEED_GLOSSARY, startE2eApp, type E2eApp } from './harness';

interface Focused {
  tag: string;
  text: string;
  className: string;
  testId: string | null;
  role: string | null;
  inEditor: boolean;
  outlineStyle: string;
  outlineWidth: number;
}

let app: E2eApp;
let page: Page;
let ordered: SegmentSuggestion[];

const shot = (name: string) => screenshot(page, `keyboard-${name}`);
const sheet = () => page.locator('dialog.shortcuts-sheet');
const sheetOpen = () => sheet().evaluate((element) => (element as HTMLDialogElement).open);

function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName,
      text: (element.textContent ?? '').trim(),
      className: element.className,
      testId: element.getAttribute('data-testid'),
      role: element.getAttribute('role'),
      inEditor: !!element.closest('[data-testid="transcript-editor"]'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
}

/** The focus ring a keyboard user sees (:focus-visible): drawn, at least 2 px wide. */
function expectVisibleFocus(element: Focused): void {
  expect(element.outlineStyle, `${element.tag} "${element.text.slice(0, 40)}"`).not.toBe('none');
  expect(element.outlineWidth).toBeGreaterThanOrEqual(2);
}

/** Presses Tab until the focused element matches (at most `limit` times); every stop shows its focus. */
async function tabTo(matches: (element: Focused) => boolean, limit = 15): Promise<Focused> {
  const stops: Focused[] = [];
  await pressUntil(
    page,
    'Tab',
    async () => {
      const element = await focused();
      stops.push(element);
      if (!element.inEditor) expectVisibleFocus(element);
      return matches(element);
    },
    limit,
  );
  return stops[stops.length - 1] as Focused;
}

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
  ordered = inDocumentOrder(app.seed.document, app.seed.suggestions);
});

afterAll(async () => {
  await app?.close();
});

describe('keyboard only', () => {
  it('opens the shortcuts sheet with ? on the start screen and closes it with Escape', async () => {
    await expect.poll(() => page.getByTestId('recent-document').count()).toBe(1);
    await page.keyboard.press('?');
    await expect.poll(sheetOpen).toBe(true);
    const inSheet = await focused();
    expect(inSheet.text).toBe('Close');
    expectVisibleFocus(inSheet);
    expect(await sheet().textContent()).toContain('Next suggestion');
    await shot('01-shortcuts-on-start');
    await page.keyboard.press('Escape');
    await expect.poll(sheetOpen).toBe(false);
  });

  it('reaches the recent document with Tab and opens it with Enter', async () => {
    const open = await tabTo((element) => element.className.includes('recent-document-open'));
    expect(open.text).toContain(app.seed.document.metadata.title);
    await shot('02-recent-focused');
    await page.keyboard.press('Enter');
    await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
    // The caret is in the transcript, ready to type or to walk the suggestions.
    await expect.poll(async () => (await focused()).inEditor).toBe(true);
  });

  it('walks the suggestions with F8 and Shift+F8, and accepts one with Alt+Enter', async () => {
    const [first, second] = ordered;
    if (!first || !second) throw new Error('the seed needs two suggestions');
    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(first.text);
    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(second.text);
    await page.keyboard.press('Shift+F8');
    await expect.poll(() => selectedText(page)).toBe(first.text);

    await page.keyboard.press('Alt+Enter');
    const original = app.seed.document.segments.find((s) => s.id === first.segmentId)?.text ?? '';
    await expect.poll(() => segmentText(page, first.segmentId)).toBe(withAccepted(original, [first]));
    await expect.poll(() => panelCount(page)).toBe(ordered.length - 1);
    await expect.poll(() => selectedText(page)).toBe(second.text);
    expect((await focused()).inEditor).toBe(true);
    await shot('03-accepted');
  });

  it('opens the shortcuts sheet with F1 in the editor, where ? types instead; Escape goes back to the text', async () => {
    await page.keyboard.press('F1');
    await expect.poll(sheetOpen).toBe(true);
    expectVisibleFocus(await focused());
    await shot('04-shortcuts-from-editor');
    await page.keyboard.press('Escape');
    await expect.poll(sheetOpen).toBe(false);
    await expect.poll(async () => (await focused()).inEditor).toBe(true);
    // In the text, "?" is a character like any other: it replaces the selected words.
    await page.keyboard.press('ArrowRight');
    const segmentId = ordered[1]?.segmentId ?? '';
    const before = await segmentText(page, segmentId);
    await page.keyboard.press('?');
    expect(await sheetOpen()).toBe(false);
    await expect.poll(() => segmentText(page, segmentId)).not.toBe(before);
    await page.keyboard.press('Backspace');
    await expect.poll(() => segmentText(page, segmentId)).toBe(before);
  });

  // Regression: the browser's own Ctrl+End stopped at the start of the last segment, because the
  // segments it passed over were not laid out (content-visibility).
  it('Ctrl+End goes to the very end of the transcript and Ctrl+Home back to its start, in view', async () => {
    const segments = app.seed.document.segments;
    const last = segments[segments.length - 1];
    const first = segments[0];
    await page.keyboard.press('Control+End');
    await expect.poll(() => caretPlace(page)).toEqual({ segmentId: last?.id ?? '', editorFocused: true });
    expect(await page.evaluate(() => window.getSelection()?.focusOffset)).toBe(last?.text.length);
    await expect.poll(() => caretInView(page)).toBe(true);
    await page.keyboard.press('Control+Home');
    await expect.poll(() => caretPlace(page)).toEqual({ segmentId: first?.id ?? '', editorFocused: true });
    expect(await page.evaluate(() => window.getSelection()?.focusOffset)).toBe(0);
    await expect.poll(() => caretInView(page)).toBe(true);
  });

  it('moves along the side panel tabs with the arrow keys, with the focus drawn', async () => {
    const tab = await tabTo((element) => element.role === 'tab');
    expect(tab.testId).toBe('tab-suggestions');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused()).testId).toBe('tab-glossary');
    expectVisibleFocus(await focused());
    expect(await page.getByTestId('tab-glossary').getAttribute('aria-selected')).toBe('true');
    await shot('05-glossary-tab');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await focused()).testId).toBe('tab-suggestions');
    expect(await page.getByTestId('tab-suggestions').getAttribute('aria-selected')).toBe('true');

    // Outside the text, ? opens the sheet too, and Escape gives the focus back to the tab.
    await page.keyboard.press('?');
    await expect.poll(sheetOpen).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(sheetOpen).toBe(false);
    const back = await focused();
    expect(back.testId).toBe('tab-suggestions');
    expectVisibleFocus(back);
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
