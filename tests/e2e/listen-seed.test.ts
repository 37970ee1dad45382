/**
 * Issue 6's "done when": correcting the seed's misheard names while listening, with the keyboard
 * alone, in headless Chromium. The seed is a plain-text transcript without timings; its recording
 * is made at test time by espeak-ng reading the seed (nothing committed). The person opens the
 * seed, attaches the recording, walks to a suggestion with F8, hears it with Alt+P (its place in
 * the recording estimated from where its paragraph falls), accepts it with Alt+Enter, rejects
 * another with Alt+Backspace, and plays/pauses with Ctrl+Space while typing a fix by hand.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTimes } from '../../shared/document/estimate-times';
import type { SegmentSuggestion } from '../../shared/api/contract';
import {
  focusedTestId,
  focusInEditor,
  inDocumentOrder,
  panelCount,
  pressUntil,
  segmentElements,
  segmentText,
  selectedText,
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
import { isPaused, mediaDuration, mediaState, pausePlayback } from './media-page';

const run = promisify(execFile);

let dir: string;
let recording: string;
let durationS: number;
let app: E2eApp;
let page: Page;
let ordered: SegmentSuggestion[];

const shot = (name: string) => screenshot(page, `listen-seed-${name}`);

/** Where the estimate puts a suggestion's paragraph in the recording, in seconds. */
function estimatedParagraph(suggestion: SegmentSuggestion): { start: number; end: number } {
  const segments = app.seed.document.segments;
  const estimates = estimateTimes(
    segments.map((segment) => ({ length: segment.text.length })),
    { startMs: 0, endMs: durationS * 1000 },
  );
  const index = segments.findIndex((segment) => segment.id === suggestion.segmentId);
  const estimate = estimates[index];
  if (!estimate) throw new Error(`no estimate for ${suggestion.segmentId}`);
  return { start: estimate.startMs / 1000, end: estimate.endMs / 1000 };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-listen-'));
  // The seed read aloud, fast (a 10-minute recording), as Ogg Vorbis like a podcast download.
  const wav = path.join(dir, 'seed.wav');
  recording = path.join(dir, 'nk-news-2024-10-22.ogg');
  await run('espeak-ng', ['-v', 'en', '-s', '320', '-f', SEED_TRANSCRIPT, '-w', wav]);
  await run('sox', [wav, '-r', '16000', recording]);
  durationS = Number((await run('soxi', ['-D', recording])).stdout.trim());
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
  ordered = inDocumentOrder(app.seed.document, app.seed.suggestions);
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('correcting the seed while listening, keyboard only', () => {
  it('opens the seed from the start screen with Tab and Enter', async () => {
    await expect.poll(() => page.getByTestId('recent-document').count()).toBe(1);
    await pressUntil(page, 'Tab', async () =>
      page.evaluate(() => !!document.activeElement?.classList.contains('recent-document-open')),
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
    await expect.poll(() => focusInEditor(page)).toBe(true);
  });

  it('attaches the recording from the keyboard: Shift+Tab to the media bar, Enter, choose the file', async () => {
    await pressUntil(page, 'Shift+Tab', async () => (await focusedTestId(page)) === 'media-attach');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(recording);
    await expect
      .poll(() => page.getByTestId('media-name').textContent(), { timeout: 20_000 })
      .toContain('.ogg');
    await expect.poll(() => mediaDuration(page)).toBeCloseTo(durationS, 0);
    await pressUntil(page, 'Tab', () => focusInEditor(page));
    await shot('01-attached');
  });

  it('F8 then Alt+P plays the suggestion around where its paragraph is spoken, then stops', async () => {
    const first = ordered[0];
    if (!first) throw new Error('the seed has no suggestions');
    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(first.text);
    await page.keyboard.press('Alt+P');
    await expect.poll(() => isPaused(page)).toBe(false);
    const playing = await mediaState(page);
    const paragraph = estimatedParagraph(first);
    // Within the paragraph's estimated span, give or take the lead-in.
    expect(playing.currentTime).toBeGreaterThanOrEqual(paragraph.start - 1.5);
    expect(playing.currentTime).toBeLessThanOrEqual(paragraph.end + 1.5);
    // It stops by itself after the passage and its lead-out.
    await expect.poll(() => isPaused(page), { timeout: 15_000 }).toBe(true);
    const stopped = await mediaState(page);
    expect(stopped.currentTime).toBeLessThanOrEqual(paragraph.end + 2);
    expect(await focusInEditor(page)).toBe(true);
  });

  it('Alt+Enter accepts it, and the glossary learns the heard words', async () => {
    const first = ordered[0];
    if (!first) throw new Error('the seed has no suggestions');
    await page.keyboard.press('Alt+Enter');
    const original = app.seed.document.segments.find((s) => s.id === first.segmentId)?.text ?? '';
    await expect.poll(() => segmentText(page, first.segmentId)).toBe(withAccepted(original, [first]));
    await expect.poll(() => panelCount(page)).toBe(ordered.length - 1);
    await shot('02-accepted');
  });

  it('Alt+P, then Alt+Backspace rejects the next one after listening', async () => {
    const second = ordered[1];
    if (!second) throw new Error('the seed needs two suggestions');
    await expect.poll(() => selectedText(page)).toBe(second.text);
    await page.keyboard.press('Alt+P');
    await expect.poll(() => isPaused(page)).toBe(false);
    await page.keyboard.press('Alt+Backspace');
    await expect.poll(() => panelCount(page)).toBe(ordered.length - 2);
    const original = app.seed.document.segments.find((s) => s.id === second.segmentId)?.text ?? '';
    expect(await segmentText(page, second.segmentId)).toBe(original);
  });

  it('Ctrl+Space pauses and plays while typing a fix by hand', async () => {
    await pausePlayback(page);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(false);
    // F8 left the next suggestion selected; step past it so typing adds rather than replaces.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' (checked)');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);
    const third = ordered[2];
    if (!third) throw new Error('the seed needs three suggestions');
    expect(await segmentText(page, third.segmentId)).toContain(`${third.text} (checked)`);
    await shot('03-typed');
  });

  it('the recording is still linked after a reload, and nothing was logged', async () => {
    const seedText = await readFile(SEED_TRANSCRIPT, 'utf8');
    expect(seedText.length).toBeGreaterThan(0);
    expect(await app.handlers.getMedia({ documentId: app.seed.documentId })).toMatchObject({
      state: 'ready',
    });
    await expectCleanPage(page, app.problems);
  });
});
