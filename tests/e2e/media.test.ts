/**
 * Listening while correcting, end to end: a WhisperX transcript and the speech it was made from
 * (both generated at test time by espeak-ng and sox, see speech-fixture.ts) are opened in the app,
 * and the media bar and its shortcuts drive the real media element in headless Chromium: play and
 * pause, skipping, the playback rate, the highlight that follows playback, Ctrl+click to seek to a
 * word, and playing a suggestion's own span from the keyboard and from its card.
 *
 * Audio timing is never exact: every check polls, and positions are compared with generous margins.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, SegmentSuggestion } from '../../shared/api/contract';
import type { Segment } from '../../shared/document/model';
import { caretPlace, editorSegments, selectedText } from './editor-page';
import { documentImportedByPage, expectCleanPage, screenshot, type E2eApp } from './harness';
import {
  attachRecording,
  currentTime,
  importSpeechTranscript,
  isPaused,
  mediaState,
  pausePlayback,
  startSpeechApp,
  type SpeechApp,
} from './media-page';
import { MISHEARD_TERM, SPOKEN_TERM, type SpeechFixture } from './speech-fixture';

let speech: SpeechApp;
let fixture: SpeechFixture;
let app: E2eApp;
let page: Page;
/** The transcript the page imported, as the server's workspace has it. */
let imported: OpenedDocument;

const shot = (name: string) => screenshot(page, `media-${name}`);

/** How far a position may be from where it should be, in seconds (seeks land on frames, clocks drift). */
const NEAR = 0.5;
/** How far outside a suggestion's span playback may go: its ~1 s lead-in and lead-out, and some slack. */
const SPAN_MARGIN = 1.5;

/** The segments the 'glossa-playing' highlight paints, in the order of its ranges. */
function playingSegments(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A Highlight is a set of ranges (this DOM typing lacks the registry's `get`).
    const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
    return Array.from(registry.get('glossa-playing') ?? [], (range) => {
      const node = range.startContainer;
      const element = node instanceof Element ? node : node.parentElement;
      return element?.closest<HTMLElement>('[data-segment-id]')?.dataset.segmentId ?? '?';
    });
  });
}

function segmentAt(index: number): Segment {
  const segment = imported.document.segments[index];
  if (!segment) throw new Error(`the transcript has no segment ${index + 1}`);
  return segment;
}

/** When a segment starts, in seconds. */
function startOf(segment: Segment): number {
  if (segment.startMs === undefined) throw new Error(`segment ${segment.id} has no time`);
  return segment.startMs / 1000;
}

/** A word's place in its segment's text. */
function wordOffset(segment: Segment, wordIndex: number): number {
  let offset = 0;
  for (const [index, word] of (segment.words ?? []).entries()) {
    offset = segment.text.indexOf(word.text, offset);
    if (index === wordIndex) return offset;
    offset += word.text.length;
  }
  throw new Error(`segment ${segment.id} has no word ${wordIndex}`);
}

/** Ctrl+click in the middle of a word of a segment, as a person clicks it on screen. */
async function ctrlClickWord(page: Page, segment: Segment, wordIndex: number): Promise<void> {
  const word = segment.words?.[wordIndex];
  if (!word) throw new Error(`segment ${segment.id} has no word ${wordIndex}`);
  const start = wordOffset(segment, wordIndex);
  const box = await page.evaluate(
    ({ id, start, end }) => {
      const element = document.querySelector(`[data-testid="transcript-editor"] [data-segment-id="${id}"]`);
      if (!element) return null;
      // Find the text node holding the word's characters.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (start >= seen && end <= seen + length) {
          const range = document.createRange();
          range.setStart(node, start - seen);
          range.setEnd(node, end - seen);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        seen += length;
      }
      return null;
    },
    { id: segment.id, start, end: start + word.text.length },
  );
  if (!box) throw new Error(`"${word.text}" is not on screen in segment ${segment.id}`);
  await page.keyboard.down('Control');
  try {
    await page.mouse.click(box.x, box.y);
  } finally {
    await page.keyboard.up('Control');
  }
}

/** The seconds a suggestion's words are spoken in, from the imported words' times. */
function suggestionSpan(suggestion: SegmentSuggestion): { start: number; end: number } {
  const segment = imported.document.segments.find((s) => s.id === suggestion.segmentId);
  if (!segment?.words) throw new Error(`no timed words for ${suggestion.segmentId}`);
  const inside = segment.words.filter((word, index) => {
    const start = wordOffset(segment, index);
    return start < suggestion.end && start + word.text.length > suggestion.start;
  });
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) throw new Error(`no words under "${suggestion.text}"`);
  return { start: first.startMs / 1000, end: last.endMs / 1000 };
}

interface Followed {
  /** Whether playback started at all. */
  started: boolean;
  /** The first, lowest and highest position seen while playing, and where it stopped. */
  first: number;
  min: number;
  max: number;
  stoppedAt: number;
  paused: boolean;
  /** Whether the Play button showed itself pressed while playing. */
  pressed: boolean;
  samples: number;
}

/**
 * Follows the next playback in the page while `act` starts it: waits for it to start, then
 * samples the position every 25 ms until it pauses (or `timeoutMs` passes). The sampler runs in
 * the page before `act`, so no round trip can miss the start.
 */
async function followPlayback(page: Page, act: () => Promise<void>, timeoutMs: number): Promise<Followed> {
  const element = await page.getByTestId('media-element').elementHandle();
  if (!element) throw new Error('no media element');
  const follower = await element.evaluateHandle((element, timeoutMs) => {
    const media = element as HTMLMediaElement;
    const sleep = () => new Promise((resolve) => setTimeout(resolve, 25));
    const button = () => document.querySelector('[data-testid="media-play"]');
    // Wrapped in an object, or the handle would wait for the promise to settle.
    const following = (async (): Promise<Followed> => {
      const until = performance.now() + timeoutMs;
      while (media.paused && performance.now() < until) await sleep();
      const started = !media.paused;
      const first = media.currentTime;
      let [min, max, samples, pressed] = [first, first, 0, false];
      while (!media.paused && performance.now() < until) {
        min = Math.min(min, media.currentTime);
        max = Math.max(max, media.currentTime);
        pressed ||= button()?.getAttribute('aria-pressed') === 'true';
        samples++;
        await sleep();
      }
      max = Math.max(max, media.currentTime);
      return {
        started,
        first,
        min,
        max,
        stoppedAt: media.currentTime,
        paused: media.paused,
        pressed,
        samples,
      };
    })();
    return { following };
  }, timeoutMs);
  await act();
  return follower.evaluate(({ following }) => following);
}

beforeAll(async () => {
  speech = await startSpeechApp('speech');
  ({ fixture, app } = speech);
  page = app.page;
});

afterAll(async () => {
  await speech?.close();
});

describe('media playback in the editor', () => {
  it('imports the WhisperX transcript with its word times and a suggestion for the misheard name', async () => {
    await importSpeechTranscript(page, fixture);
    imported = await app.handlers.openDocument({ documentId: await documentImportedByPage(app) });

    expect(imported.document.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual(
      fixture.segments.map((s) => [Math.round(s.start * 1000), Math.round(s.end * 1000), s.text]),
    );
    expect(await editorSegments(page)).toEqual(imported.document.segments.map((s) => [s.id, s.text]));
    expect(imported.suggestions.map((s) => [s.text, s.replacement])).toContainEqual([
      MISHEARD_TERM,
      SPOKEN_TERM,
    ]);
  });

  it('attaches the speech through the media bar: its name shows and the element has its length', async () => {
    await expect.poll(() => page.getByTestId('media-bar').isVisible()).toBe(true);
    await attachRecording(page, fixture.wavPath);
    const state = await mediaState(page);
    expect(state.duration).toBeCloseTo(fixture.duration, 1);
    expect(state.paused).toBe(true);
    expect(await page.getByTestId('media-error').count()).toBe(0);
    await shot('01-attached');
  });

  it('Ctrl+Space plays and pauses again, with the caret in the text, which it leaves alone', async () => {
    const play = page.getByTestId('media-play');
    expect(await play.getAttribute('aria-pressed')).not.toBe('true');
    const before = await currentTime(page);
    const text = await editorSegments(page);
    await page.getByText('North Korea News').click();
    await expect.poll(() => caretPlace(page)).toEqual({ segmentId: segmentAt(0).id, editorFocused: true });

    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(false);
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => currentTime(page), { timeout: 5_000 }).toBeGreaterThan(before + 0.5);
    // The time shown follows playback.
    const shown = await page.getByTestId('media-time').textContent();
    await expect.poll(() => page.getByTestId('media-time').textContent(), { timeout: 5_000 }).not.toBe(shown);
    await shot('02-playing');

    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);
    await expect.poll(() => play.getAttribute('aria-pressed')).not.toBe('true');
    const stoppedAt = await currentTime(page);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await currentTime(page)).toBe(stoppedAt);
    expect(await editorSegments(page)).toEqual(text);
  });

  it('the Play button plays, and Ctrl+Space with the focus on that button pauses once', async () => {
    const play = page.getByTestId('media-play');
    await play.click();
    await expect.poll(() => isPaused(page)).toBe(false);
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');

    // The shortcut must not also press the focused button (which would play again at once).
    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await isPaused(page)).toBe(true);
    expect(await play.getAttribute('aria-pressed')).not.toBe('true');
  });

  it('Ctrl+] skips forward 5 s and Ctrl+[ back', async () => {
    await pausePlayback(page);
    const from = await currentTime(page);
    expect(from + 5).toBeLessThan(fixture.duration);

    await page.keyboard.press('Control+BracketRight');
    await expect.poll(() => currentTime(page)).toBeGreaterThan(from + 5 - NEAR);
    expect(await currentTime(page)).toBeLessThan(from + 5 + NEAR);

    await page.keyboard.press('Control+BracketLeft');
    await expect.poll(() => currentTime(page)).toBeLessThan(from + NEAR);
    expect(await currentTime(page)).toBeGreaterThan(from - NEAR);
    expect(await isPaused(page)).toBe(true);

    // The bar's buttons do the same.
    await page.getByTestId('media-forward').click();
    await expect.poll(() => currentTime(page)).toBeGreaterThan(from + 5 - NEAR);
    expect(await currentTime(page)).toBeLessThan(from + 5 + NEAR);
    await page.getByTestId('media-back').click();
    await expect.poll(() => currentTime(page)).toBeLessThan(from + NEAR);
    expect(await currentTime(page)).toBeGreaterThan(from - NEAR);
    expect(await isPaused(page)).toBe(true);
  });

  it('the rate menu sets the playback rate and keeps the pitch', async () => {
    await page.getByTestId('media-rate').selectOption('1.5');
    await expect.poll(async () => (await mediaState(page)).playbackRate).toBe(1.5);
    expect((await mediaState(page)).preservesPitch).toBe(true);
    await shot('03-rate');

    await page.getByTestId('media-rate').selectOption('1');
    await expect.poll(async () => (await mediaState(page)).playbackRate).toBe(1);
  });

  it('Ctrl+click on a word seeks to its start', async () => {
    await pausePlayback(page);
    const third = segmentAt(2);
    await ctrlClickWord(page, third, 0);
    await expect.poll(() => currentTime(page)).toBeGreaterThan(startOf(third) - NEAR);
    expect(await currentTime(page)).toBeLessThan(startOf(third) + NEAR);

    // A later word of the same segment: its own start, not the segment's.
    const word = third.words?.[5];
    if (!word) throw new Error('the third segment is too short');
    await ctrlClickWord(page, third, 5);
    await expect.poll(() => currentTime(page)).toBeGreaterThan(word.startMs / 1000 - NEAR);
    expect(await currentTime(page)).toBeLessThan(word.startMs / 1000 + NEAR);
    await shot('04-ctrl-click');
  });

  it('while playing, the "glossa-playing" highlight follows playback into the next segment', async () => {
    await pausePlayback(page);
    // The last word of the first segment, a moment before the second starts.
    const first = segmentAt(0);
    const second = segmentAt(1);
    await ctrlClickWord(page, first, (first.words?.length ?? 1) - 1);
    await expect.poll(() => currentTime(page)).toBeLessThan(startOf(second));

    await page.keyboard.press('Control+Space');
    await expect.poll(() => isPaused(page)).toBe(false);
    await expect.poll(async () => (await playingSegments(page)).length).toBeGreaterThan(0);
    const order = imported.document.segments.map((s) => s.id);
    const startedIn = order.indexOf((await playingSegments(page))[0] ?? '');
    expect(startedIn).toBeGreaterThanOrEqual(0);
    expect(startedIn).toBeLessThanOrEqual(1);
    await expect
      .poll(async () => order.indexOf((await playingSegments(page))[0] ?? ''), { timeout: 8_000 })
      .toBeGreaterThanOrEqual(1);
    await shot('05-following');
    await pausePlayback(page);
  });

  it('F8 then Alt+P plays the suggestion with its lead-in and lead-out, then stops', async () => {
    await pausePlayback(page);
    const suggestion = imported.suggestions.find((s) => s.text === MISHEARD_TERM);
    if (!suggestion) throw new Error('no suggestion for the misheard name');
    const span = suggestionSpan(suggestion);
    // Start far from the span, so reaching it proves the seek.
    await ctrlClickWord(page, segmentAt(4), 0);
    await expect.poll(() => currentTime(page)).toBeGreaterThan(span.end + SPAN_MARGIN);

    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(MISHEARD_TERM);
    await expectToPlaySpan(span, () => page.keyboard.press('Alt+P'));
    await shot('06-played-suggestion');
  });

  it('the Play button on the suggestion card plays the same span', async () => {
    await pausePlayback(page);
    const suggestion = imported.suggestions.find((s) => s.text === MISHEARD_TERM);
    if (!suggestion) throw new Error('no suggestion for the misheard name');
    const span = suggestionSpan(suggestion);
    await ctrlClickWord(page, segmentAt(4), 0);
    await expect.poll(() => currentTime(page)).toBeGreaterThan(span.end + SPAN_MARGIN);

    // The card shows while the caret is in the suggestion.
    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(MISHEARD_TERM);
    await expectToPlaySpan(span, () => page.getByTestId('suggestion-play').click());
  });

  it('the lead-in and lead-out are the person’s choice: ±3 s plays from 3 s before the words, and it is remembered', async () => {
    await pausePlayback(page);
    const suggestion = imported.suggestions.find((s) => s.text === MISHEARD_TERM);
    if (!suggestion) throw new Error('no suggestion for the misheard name');
    const span = suggestionSpan(suggestion);
    await page.getByTestId('media-lead').selectOption('3000');
    await page.keyboard.press('F8');
    await expect.poll(() => selectedText(page)).toBe(MISHEARD_TERM);
    const played = await followPlayback(
      page,
      () => page.keyboard.press('Alt+P'),
      (span.end - span.start + 12) * 1000,
    );
    expect(played.started).toBe(true);
    // Starts about 3 s before the words (1 s would start within the usual margin) and ends about 3 s after.
    expect(played.first).toBeLessThan(span.start - 2.5);
    expect(played.first).toBeGreaterThanOrEqual(span.start - 3.5);
    expect(played.stoppedAt).toBeGreaterThan(span.end + 2.5);
    expect(played.paused).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByTestId('recent-document').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => localStorage.getItem('glossa.media.leadMs'))).toBe('3000');
    await page.evaluate(() => localStorage.removeItem('glossa.media.leadMs'));
  });

  it('logged no errors, shows no playback error and no stack trace', async () => {
    expect(await page.getByTestId('media-error').count()).toBe(0);
    await expectCleanPage(page, app.problems);
  });
});

/**
 * `act` plays the span: playback starts in its lead-in (within the margin before it), passes
 * through the whole span, and stops by itself in its lead-out.
 */
async function expectToPlaySpan(
  span: { start: number; end: number },
  act: () => Promise<void>,
): Promise<void> {
  expect(await isPaused(page)).toBe(true);
  const played = await followPlayback(page, act, (span.end - span.start + 2 * SPAN_MARGIN + 5) * 1000);
  expect(played.started).toBe(true);
  expect(played.samples).toBeGreaterThan(0);
  expect(played.pressed).toBe(true);
  expect(played.first).toBeGreaterThanOrEqual(span.start - SPAN_MARGIN);
  expect(played.first).toBeLessThan(span.start);
  expect(played.min).toBeGreaterThanOrEqual(span.start - SPAN_MARGIN);
  expect(played.max).toBeGreaterThanOrEqual(span.end);
  expect(played.max).toBeLessThanOrEqual(span.end + SPAN_MARGIN);
  expect(played.paused).toBe(true);
  expect(played.stoppedAt).toBeGreaterThan(span.end);
  expect(played.stoppedAt).toBeLessThanOrEqual(span.end + SPAN_MARGIN);
  await expect.poll(() => page.getByTestId('media-play').getAttribute('aria-pressed')).not.toBe('true');
  // It stays stopped there.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await isPaused(page)).toBe(true);
}
