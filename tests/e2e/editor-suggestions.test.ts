/**
 * The correction workflow end to end: the seed transcript imported through the page's file input
 * into the Lexical editor, its suggestions underlined and listed exactly as the server's engine
 * finds them, and accepted and rejected with the keyboard. Every decision teaches the real SQLite
 * glossary, and Ctrl+Z takes back the text change and the lesson together.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, SegmentSuggestion } from '../../shared/api/contract';
import {
  editorSegments,
  highlightSizes,
  inDocumentOrder,
  panelCount,
  segmentElements,
  segmentText,
  selectedText,
  suggestionUnderlines,
  withAccepted,
} from './editor-page';
import {
  expectCleanPage,
  screenshot,
  SEED_GLOSSARY,
  SEED_TRANSCRIPT,
  startE2eApp,
  type E2eApp,
} from './harness';

let app: E2eApp;
let page: Page;
/** The document the page imported, as the server's workspace and engine have it. */
let imported: OpenedDocument;
/** Its suggestions in the order F8 walks them. */
let ordered: SegmentSuggestion[];

const shot = (name: string) => screenshot(page, `suggestions-${name}`);

/** The heard words of the panel's items, top to bottom. */
function listedInOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('suggestion-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-heard') ?? ''));
}

/** Accepted-variant count of `heard` on the server's glossary entry (0 when it is no variant). */
async function variantCount(termId: string, heard: string): Promise<number> {
  const [entry] = await app.handlers.getGlossaryEntries({ ids: [termId] });
  return entry?.variants.find((variant) => variant.text === heard)?.acceptedCount ?? 0;
}

const originalText = (segmentId: string) =>
  imported.document.segments.find((segment) => segment.id === segmentId)?.text ?? '';

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('suggestions in the editor', () => {
  it('imports the seed through the file input: one paragraph per segment, every suggestion listed and underlined', async () => {
    await page.getByTestId('transcript-file-input').setInputFiles(SEED_TRANSCRIPT);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(app.seed.document.metadata.title);
    await expect.poll(() => segmentElements(page).count()).toBeGreaterThan(0);

    // The import made a second workspace document (the harness imported the first).
    const documents = await app.handlers.listDocuments({});
    expect(documents).toHaveLength(2);
    const summary = documents.find((document) => document.id !== app.seed.documentId);
    if (!summary) throw new Error('the page did not import the transcript into the workspace');
    imported = await app.handlers.openDocument({ documentId: summary.id });
    ordered = inDocumentOrder(imported.document, imported.suggestions);

    expect(await editorSegments(page)).toEqual(
      imported.document.segments.map((segment) => [segment.id, segment.text]),
    );
    expect(await segmentElements(page).count()).toBe(app.seed.document.segments.length);

    const count = imported.suggestions.length;
    expect(count).toBe(app.seed.suggestions.length);
    expect(count).toBeGreaterThan(10);
    expect(summary.openSuggestionCount).toBe(count);
    expect(await panelCount(page)).toBe(count);
    const heard = await page
      .getByTestId('suggestion-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-heard') ?? ''));
    expect(heard.sort()).toEqual(imported.suggestions.map((s) => s.text).sort());

    // Underlines are CSS highlights, one layer per reason, one range per suggestion.
    await expect.poll(() => suggestionUnderlines(page)).toBe(count);
    const sizes = await highlightSizes(page);
    for (const reason of new Set(imported.suggestions.map((s) => s.reason))) {
      const expected = imported.suggestions.filter((s) => s.reason === reason).length;
      expect(sizes[`glossa-suggestion-${reason}`]).toBe(expected);
    }
    await shot('01-imported');
  });

  it('F8 selects the first suggestion, Alt+Enter accepts it and teaches the glossary', async () => {
    const first = ordered[0];
    if (!first) throw new Error('no suggestions');
    const before = await variantCount(first.termId, first.text);

    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(first.text);
    expect(
      await page.locator('[data-testid="suggestion-item"][aria-current="true"]').getAttribute('data-heard'),
    ).toBe(first.text);
    expect((await highlightSizes(page))['glossa-current']).toBe(1);
    await shot('02-f8-first');

    await page.keyboard.press('Alt+Enter');
    const accepted = withAccepted(originalText(first.segmentId), [first]);
    await expect.poll(() => segmentText(page, first.segmentId)).toBe(accepted);
    await expect.poll(() => panelCount(page)).toBe(ordered.length - 1);
    await expect.poll(() => suggestionUnderlines(page)).toBe(ordered.length - 1);
    await expect.poll(() => variantCount(first.termId, first.text)).toBe(before + 1);
    // The editor moved on to the next suggestion.
    await expect.poll(() => selectedText(page)).toBe(ordered[1]?.text);
    await shot('03-accepted');
  });

  it('Ctrl+Z puts the heard words back and takes the lesson back from the glossary', async () => {
    const first = ordered[0];
    if (!first) throw new Error('no suggestions');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => segmentText(page, first.segmentId)).toBe(originalText(first.segmentId));
    await expect.poll(() => variantCount(first.termId, first.text)).toBe(0);
    await expect.poll(() => panelCount(page)).toBe(ordered.length);
    await expect.poll(() => suggestionUnderlines(page)).toBe(ordered.length);
    await shot('04-undone');
  });

  it('keeps the suggestions in document order after the edit and its undo: in the panel and for F8', async () => {
    // The panel groups by entry, in the order each entry first occurs; each group in text order.
    const groups = new Map<string, string[]>();
    for (const s of ordered) groups.set(s.termId, [...(groups.get(s.termId) ?? []), s.text]);
    await expect.poll(() => listedInOrder(page)).toEqual([...groups.values()].flat());
    // F8 walks the text in order, the edited segment's suggestion in its place, round to the start.
    const walked: string[] = [];
    for (let press = 0; press < ordered.length; press++) {
      await page.keyboard.press('F8');
      const current = page.locator('[data-testid="suggestion-item"][aria-current="true"]');
      await expect.poll(() => current.count()).toBe(1);
      walked.push(`${await current.getAttribute('data-heard')} = ${await selectedText(page)}`);
    }
    const texts = ordered.map((s) => `${s.text} = ${s.text}`);
    const rotations = texts.map((_, start) => [...texts.slice(start), ...texts.slice(0, start)]);
    expect(rotations).toContainEqual(walked);
  });

  it('Alt+Backspace on the current suggestion rejects it: the text stays, the glossary remembers', async () => {
    const textBefore = await editorSegments(page);
    await page.keyboard.press('F8');
    const current = page.locator('[data-testid="suggestion-item"][aria-current="true"]');
    await expect.poll(() => current.count()).toBe(1);
    const heard = (await current.getAttribute('data-heard')) ?? '';
    await expect.poll(() => selectedText(page)).toBe(heard);
    const target = ordered.find((s) => s.text === heard);
    if (!target) throw new Error(`no suggestion for ${heard}`);
    expect(app.glossary.findRejection(target.termId, heard)).toBeUndefined();

    await page.keyboard.press('Alt+Backspace');
    await expect.poll(() => panelCount(page)).toBe(ordered.length - 1);
    await expect.poll(() => suggestionUnderlines(page)).toBe(ordered.length - 1);
    expect(await editorSegments(page)).toEqual(textBefore);
    await expect.poll(() => app.glossary.findRejection(target.termId, heard)).toBeDefined();
    await shot('05-rejected');
  });

  it('"Accept all" accepts every suggestion of one entry, and one Ctrl+Z brings them all back', async () => {
    const byTerm = new Map<string, SegmentSuggestion[]>();
    for (const s of ordered) byTerm.set(s.termId, [...(byTerm.get(s.termId) ?? []), s]);
    const rejected = app.glossary.listRejections().map((rejection) => rejection.termId);
    const [termId, group] = [...byTerm]
      .filter(([id]) => !rejected.includes(id))
      .sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    expect(group.length).toBeGreaterThan(2);
    const segmentIds = [...new Set(group.map((s) => s.segmentId))];
    const before = await editorSegments(page);
    for (const id of segmentIds) expect(await segmentText(page, id)).toBe(originalText(id));
    const countBefore = await panelCount(page);
    const [entry] = await app.handlers.getGlossaryEntries({ ids: [termId] });
    if (!entry) throw new Error(`no entry ${termId}`);

    await page.getByRole('button', { name: `Accept all ${group.length} for ${entry.term}` }).click();
    for (const id of segmentIds) {
      const expected = withAccepted(
        originalText(id),
        group.filter((s) => s.segmentId === id),
      );
      await expect.poll(() => segmentText(page, id)).toBe(expected);
    }
    await expect.poll(() => panelCount(page)).toBe(countBefore - group.length);
    expect(await page.locator(`[data-testid="suggestion-group"][data-term="${entry.term}"]`).count()).toBe(0);
    for (const heard of new Set(group.map((s) => s.text))) {
      await expect.poll(() => variantCount(termId, heard)).toBeGreaterThan(0);
    }
    await shot('06-accepted-all');

    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorSegments(page)).toEqual(before);
    await expect.poll(() => panelCount(page)).toBe(countBefore);
    for (const heard of new Set(group.map((s) => s.text))) {
      const imported = entry.variants.find((variant) => variant.text === heard)?.acceptedCount ?? 0;
      await expect.poll(() => variantCount(termId, heard)).toBe(imported);
    }
    await shot('07-accept-all-undone');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
