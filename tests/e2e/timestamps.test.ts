/**
 * Timestamps for a transcript without timings, end to end in headless Chromium: a plain-text
 * transcript of generated speech (speech-fixture.ts; the text is written at test time), the speech
 * attached, and from the keyboard: F9 splits a segment at the caret with the playback position as
 * the new segment's start (or re-times a segment at its start), refuses a time that runs backwards,
 * and the times reach the workspace and survive a reload. Untimed segments show estimated times
 * (≈) while the recording is attached; a click on a gutter time, or Alt+Shift+P, plays from there.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../shared/api/contract';
import { editorSegments, segmentElements, waitForSaved } from './editor-page';
import { documentImportedByPage, expectCleanPage, screenshot, startE2eApp, type E2eApp } from './harness';
import { currentTime, isPaused, waitForMediaMetadata } from './media-page';
import { makeSpeechFixture, type SpeechFixture } from './speech-fixture';

let fixtureDir: string;
let fixture: SpeechFixture;
let textPath: string;
let app: E2eApp;
let page: Page;
let documentId: string;

const TITLE = 'Untimed episode';
const shot = (name: string) => screenshot(page, `timestamps-${name}`);

/** Each paragraph's gutter: [text, real label, estimated label]. */
const gutters = (page: Page): Promise<[string, string | null, string | null][]> =>
  page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid="transcript-editor"] [data-segment-id]'),
      (element): [string, string | null, string | null] => [
        element.textContent ?? '',
        element.dataset.label ?? null,
        element.dataset.approxTime ?? null,
      ],
    ),
  );

const notice = (page: Page) => page.getByTestId('timestamp-notice').textContent();

/** Where the browser draws the caret: its paragraph's index and its offset in that text. */
const drawnCaret = (page: Page): Promise<{ index: number; offset: number } | null> =>
  page.evaluate(() => {
    const selection = window.getSelection();
    const node = selection?.focusNode;
    if (!selection || !node) return null;
    const paragraphs = Array.from(
      document.querySelectorAll('[data-testid="transcript-editor"] [data-segment-id]'),
    );
    const index = paragraphs.findIndex((paragraph) => paragraph.contains(node));
    const paragraph = paragraphs[index];
    if (!paragraph) return null;
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, selection.focusOffset);
    return { index, offset: before.toString().length };
  });

/**
 * The caret `offset` characters into paragraph `index`, placed with the keyboard after one click,
 * as fast as keys come (each key right after the last, before the browser reports the caret
 * moved): the editor must act where the caret is drawn, which is checked here.
 */
async function caretAt(page: Page, index: number, offset: number): Promise<void> {
  const paragraph = segmentElements(page).nth(index);
  const box = await paragraph.boundingBox();
  if (!box) throw new Error(`paragraph ${index} is not on screen`);
  // A click on the text (right of the gutter), then Home and arrows.
  await page.mouse.click(box.x + box.width - 20, box.y + 8);
  await page.keyboard.press('Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
  expect(await drawnCaret(page)).toEqual({ index, offset });
}

/** The saved document, as the workspace has it. */
async function savedSegments() {
  const opened: OpenedDocument = await app.handlers.openDocument({ documentId });
  return opened.document.segments.map((s) => [s.text, s.startMs, s.endMs]);
}

/** Attaches the speech, unless the workspace's link to it attached it again as the document opened. */
async function attachSpeech(): Promise<void> {
  await page.waitForTimeout(300);
  if ((await page.getByTestId('media-element').count()) === 0) {
    await page.getByTestId('media-attach-input').setInputFiles(fixture.wavPath);
  }
  await waitForMediaMetadata(page);
}

beforeAll(async () => {
  fixtureDir = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-timestamps-'));
  fixture = await makeSpeechFixture(fixtureDir);
  // The spoken sentences as plain paragraphs: no speakers, no times.
  textPath = path.join(fixtureDir, `${TITLE}.txt`);
  await writeFile(textPath, `${fixture.segments.map((s) => s.text).join('\n\n')}\n`);
  app = await startE2eApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
});

describe('timestamps for an untimed transcript', () => {
  it('imports the plain text: one paragraph per sentence, no times in the gutter', async () => {
    expect(fixture.duration).toBeGreaterThan(11);
    await page.getByTestId('transcript-file-input').setInputFiles(textPath);
    await expect.poll(() => segmentElements(page).count()).toBe(fixture.segments.length);
    documentId = await documentImportedByPage(app);
    expect((await gutters(page)).map(([, label, approx]) => [label, approx])).toEqual(
      fixture.segments.map(() => [null, null]),
    );
  });

  it('F9 without a recording says so in the status line and changes nothing', async () => {
    await caretAt(page, 1, 5);
    await page.keyboard.press('F9');
    await expect.poll(() => notice(page)).toContain('Attach the audio or video first');
    expect(await segmentElements(page).count()).toBe(fixture.segments.length);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('with the speech attached, untimed paragraphs show estimated times (≈) spread over its length', async () => {
    await attachSpeech();
    await expect.poll(async () => (await gutters(page))[0]?.[2]).toBe('≈0:00');
    const approx = (await gutters(page)).map(([, , estimate]) => estimate);
    expect(approx.every((label) => label?.startsWith('≈'))).toBe(true);
  });

  it('F9 mid-segment splits it at the caret with the playback position (5 s, Ctrl+]) as the new start', async () => {
    const before = await editorSegments(page);
    await page.keyboard.press('Control+BracketRight');
    await expect.poll(() => currentTime(page)).toBeCloseTo(5, 1);
    await caretAt(page, 1, 'My name is '.length);
    await page.keyboard.press('F9');
    await expect.poll(() => segmentElements(page).count()).toBe(fixture.segments.length + 1);
    await expect.poll(() => notice(page)).toBe('Timestamp 0:05 set.');

    const after = await editorSegments(page);
    const split = fixture.segments[1]?.text ?? '';
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual([before[1]?.[0], 'My name is ']);
    expect(after[2]?.[1]).toBe(split.slice('My name is '.length));
    const gutter = await gutters(page);
    expect(gutter[2]?.[1]).toBe('0:05');
    expect(gutter[2]?.[2]).toBeNull();
    await shot('01-split');
  });

  it('F9 at the start of a segment re-times it (10 s) and the segment before it ends there', async () => {
    await page.keyboard.press('Control+BracketRight');
    await expect.poll(() => currentTime(page)).toBeCloseTo(10, 1);
    await caretAt(page, 3, 0);
    await page.keyboard.press('F9');
    await expect.poll(async () => (await gutters(page))[3]?.[1]).toBe('0:10');
    expect(await segmentElements(page).count()).toBe(fixture.segments.length + 1);
    await waitForSaved(page);
    const saved = await savedSegments();
    expect(saved[2]).toEqual([fixture.segments[1]?.text.slice('My name is '.length), 5000, 10_000]);
    expect(saved[3]?.slice(1)).toEqual([10_000, undefined]);
    // Estimates now run between the real times: the first two before 0:05, the last ones after 0:10.
    const gutter = await gutters(page);
    expect(gutter.map(([, label]) => label)).toEqual([null, null, '0:05', '0:10', null, null]);
    expect(gutter[1]?.[2]).toMatch(/^≈0:0[0-4]$/);
    expect(gutter[4]?.[2]).toMatch(/^≈0:1\d$/);
    await shot('02-retimed');
  });

  it('refuses a time before the previous timestamp (back to 0 s) and changes nothing', async () => {
    const before = await editorSegments(page);
    await page.keyboard.press('Control+BracketLeft');
    await page.keyboard.press('Control+BracketLeft');
    await expect.poll(() => currentTime(page)).toBeCloseTo(0, 1);
    await caretAt(page, 4, 4);
    await page.keyboard.press('F9');
    await expect
      .poll(() => notice(page))
      .toBe('0:00 is before the previous timestamp (0:10): times cannot run backwards.');
    expect(await editorSegments(page)).toEqual(before);
  });

  it('after a reload the times are still there', async () => {
    await waitForSaved(page);
    await page.reload();
    await page
      .getByTestId('recent-document')
      .filter({ hasText: TITLE })
      .locator('.recent-document-open')
      .click();
    await expect.poll(() => segmentElements(page).count()).toBe(fixture.segments.length + 1);
    expect((await gutters(page)).map(([, label]) => label)).toEqual([null, null, '0:05', '0:10', null, null]);
    expect((await savedSegments()).map(([, start]) => start)).toEqual([
      undefined,
      undefined,
      5000,
      10_000,
      undefined,
      undefined,
    ]);
  });

  it('a click on a gutter time seeks there and plays (the pointer shows it is a control)', async () => {
    await attachSpeech();
    const box = await segmentElements(page).nth(3).boundingBox();
    if (!box) throw new Error('the re-timed paragraph is not on screen');
    const gutterPoint = { x: box.x + 20, y: box.y + 12 };
    await page.mouse.move(gutterPoint.x, gutterPoint.y);
    await expect
      .poll(() =>
        page.getByTestId('transcript-editor').evaluate((element) => getComputedStyle(element).cursor),
      )
      .toBe('pointer');
    await shot('03-gutter-hover');
    await page.mouse.click(gutterPoint.x, gutterPoint.y);
    await expect.poll(() => isPaused(page)).toBe(false);
    const time = await currentTime(page);
    expect(time).toBeGreaterThanOrEqual(9.9);
    expect(time).toBeLessThan(11.5);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);
  });

  it('Alt+Shift+P plays from the caret segment’s time, estimated ones too', async () => {
    await caretAt(page, 2, 3);
    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => isPaused(page)).toBe(false);
    expect(await currentTime(page)).toBeGreaterThanOrEqual(4.9);
    expect(await currentTime(page)).toBeLessThan(6.5);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);

    // An untimed paragraph plays from its estimate, which lies before the next real time.
    await caretAt(page, 1, 0);
    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => isPaused(page)).toBe(false);
    expect(await currentTime(page)).toBeLessThan(5.2);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);
    await shot('04-played');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
