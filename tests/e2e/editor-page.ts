/**
 * Reading the open document's editor as a person sees it: its paragraphs, the painted suggestion
 * layers (CSS custom highlights, which have no DOM of their own), the side panel's count, the save
 * status and the selection.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SegmentSuggestion } from '../../shared/api/contract';
import type { TranscriptDocument } from '../../shared/document/model';

export const SAVED = 'All changes saved';

/** Each paragraph of the editor (one per segment), in document order. */
export const segmentElements = (page: Page) =>
  page.locator('[data-testid="transcript-editor"] [data-segment-id]');

export const segmentElement = (page: Page, segmentId: string) =>
  page.locator(`[data-testid="transcript-editor"] [data-segment-id="${segmentId}"]`);

/** The editor's paragraphs as [segment id, text], in order. */
export function editorSegments(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid="transcript-editor"] [data-segment-id]'),
      (element): [string, string] => [element.dataset.segmentId ?? '', element.textContent ?? ''],
    ),
  );
}

export async function segmentText(page: Page, segmentId: string): Promise<string> {
  return (await segmentElement(page, segmentId).textContent()) ?? '';
}

/** How many ranges each named highlight layer paints, e.g. { 'glossa-suggestion-sound': 12 }. */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    // A Highlight is a set of ranges (this DOM typing lacks its `size`).
    CSS.highlights.forEach((layer, name) => (sizes[name] = (layer as unknown as Set<AbstractRange>).size));
    return sizes;
  });
}

/** Ranges painted by all suggestion layers together (one per open suggestion). */
export async function suggestionUnderlines(page: Page): Promise<number> {
  const sizes = await highlightSizes(page);
  return Object.entries(sizes)
    .filter(([name]) => name.startsWith('glossa-suggestion-'))
    .reduce((sum, [, size]) => sum + size, 0);
}

/** The number the suggestions panel shows. */
export async function panelCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('suggestion-count').textContent());
}

export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

export function saveStatus(page: Page): Promise<string | null> {
  return page.getByTestId('save-status').textContent();
}

export async function waitForSaved(page: Page): Promise<void> {
  await expect.poll(() => saveStatus(page), { timeout: 5_000 }).toBe(SAVED);
}

/** The segment the selection's anchor is in, and whether the editor has the focus. */
export function caretPlace(page: Page): Promise<{ segmentId: string | null; editorFocused: boolean }> {
  return page.evaluate(() => {
    const anchor = window.getSelection()?.anchorNode ?? null;
    const element = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
    const segment = element?.closest<HTMLElement>('[data-segment-id]');
    const editor = document.querySelector('[data-testid="transcript-editor"]');
    return {
      segmentId: segment?.dataset.segmentId ?? null,
      editorFocused: !!editor && editor.contains(document.activeElement),
    };
  });
}

/** True when the segment's paragraph is (at least partly) inside the editor's visible scroll area. */
export function segmentInView(page: Page, segmentId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="transcript-editor"] [data-segment-id="${id}"]`);
    const scroller = document.querySelector('.editor-scroll');
    if (!element || !scroller) return false;
    const box = element.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return box.bottom > view.top && box.top < view.bottom;
  }, segmentId);
}

/**
 * Scrolls a segment to the middle of the editor and waits until it stays there. Segments far off
 * screen are not laid out (content-visibility: auto), so the first scroll lands by estimated
 * heights and the text moves once the real ones are known.
 */
export async function scrollToSegment(page: Page, segmentId: string): Promise<void> {
  let previous = Number.NaN;
  for (let attempt = 0; attempt < 20; attempt++) {
    const top = await page.evaluate(async (id) => {
      const element = document.querySelector(`[data-testid="transcript-editor"] [data-segment-id="${id}"]`);
      if (!element) return Number.NaN;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const box = element.getBoundingClientRect();
      const view = document.querySelector('.editor-scroll')?.getBoundingClientRect();
      if (!view || box.top < view.top || box.bottom > view.bottom)
        element.scrollIntoView({ block: 'center' });
      await frame();
      await frame();
      return element.getBoundingClientRect().top;
    }, segmentId);
    if (top === previous && (await segmentInView(page, segmentId))) return;
    previous = top;
  }
  throw new Error(`segment ${segmentId} did not settle in view`);
}

/** True when the caret (the selection's focus) is drawn inside the editor's visible scroll area. */
export function caretInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const scroller = document.querySelector('.editor-scroll');
    if (!selection?.focusNode || !scroller) return false;
    const range = document.createRange();
    range.setStart(selection.focusNode, selection.focusOffset);
    const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  });
}

export function scrollTop(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.editor-scroll')?.scrollTop ?? -1);
}

/** The server's suggestions in document order (segment order, then offset), as the editor walks them. */
export function inDocumentOrder(
  document: TranscriptDocument,
  suggestions: readonly SegmentSuggestion[],
): SegmentSuggestion[] {
  const order = new Map(document.segments.map((segment, index) => [segment.id, index]));
  return [...suggestions].sort(
    (a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start,
  );
}

/** A segment's text with these of its suggestions accepted (each heard span → its replacement). */
export function withAccepted(text: string, suggestions: readonly SegmentSuggestion[]): string {
  let result = text;
  for (const suggestion of [...suggestions].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, suggestion.start) + suggestion.replacement + result.slice(suggestion.end);
  }
  return result;
}

/**
 * Opens a document from the start screen's recent list (the one whose row shows `title`, or the
 * first) with a click, and waits until the editor shows its paragraphs.
 */
export async function openFromStartScreen(page: Page, title?: string): Promise<void> {
  const recent = page.getByTestId('recent-document');
  const row = title === undefined ? recent.first() : recent.filter({ hasText: title });
  await row.locator('.recent-document-open').click();
  await expect.poll(() => segmentElements(page).count()).toBeGreaterThan(0);
}

/** Whether the focus is in the transcript editor. */
export function focusInEditor(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.activeElement?.closest('[data-testid="transcript-editor"]'));
}

/** The test id of the focused element, if it has one. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/**
 * Presses `key` (Tab, Shift+Tab…) until `done` says the focus is where it should be, checking
 * after each press; throws after `limit` presses.
 */
export async function pressUntil(
  page: Page,
  key: string,
  done: () => Promise<boolean>,
  limit = 25,
): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(key);
    if (await done()) return;
  }
  throw new Error(`${key} did not get there in ${limit} presses`);
}
