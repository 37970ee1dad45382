/**
 * The waveform under the media bar, end to end in headless Chromium: a recording attached to a
 * WhisperX transcript (both generated at test time, see speech-fixture.ts) is drawn with the
 * segment boundaries; a click at x% of the waveform seeks to about x% of the recording; the
 * zoom buttons, Ctrl+wheel and the keyboard change the visible span; the arrow keys move the
 * playhead; a recording that cannot be decoded says so in one line.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanPage, screenshot, type E2eApp } from './harness';
import { currentTime, importSpeechTranscript, startSpeechApp, type SpeechApp } from './media-page';
import type { SpeechFixture } from './speech-fixture';

let speech: SpeechApp;
let fixtureDir: string;
let fixture: SpeechFixture;
let app: E2eApp;
let page: Page;

const shot = (name: string) => screenshot(page, `waveform-${name}`);
/** Seeks land on audio frames and the click on a pixel: positions are compared within this, in s. */
const NEAR = 0.35;

const waveform = () => page.getByTestId('waveform');
const canvas = () => page.getByTestId('waveform-canvas');

async function dataNumber(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(`data-${name}`));
}

/** The view's start and span in s, as the waveform reports them. */
async function viewSpan(): Promise<{ start: number; span: number }> {
  return {
    start: (await dataNumber(waveform(), 'view-start-ms')) / 1000,
    span: (await dataNumber(waveform(), 'view-span-ms')) / 1000,
  };
}

/**
 * How opaque the canvas is along its top row (where the waveform never reaches), per CSS px:
 * boundary lines run the full height, so they show there and nothing else does. One readback.
 */
function topRowAlpha(): Promise<number[]> {
  return canvas().evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const ratio = canvas.width / canvas.clientWidth;
    const pixels =
      canvas.getContext('2d')?.getImageData(0, 0, canvas.width, 1).data ?? new Uint8ClampedArray();
    return Array.from({ length: canvas.clientWidth }, (_, x) => pixels[Math.floor(x * ratio) * 4 + 3] ?? 0);
  });
}

/** The most opaque top-row pixel within 2 px of x. */
const alphaNear = (row: readonly number[], x: number) =>
  Math.max(...row.slice(Math.max(0, Math.round(x) - 2), Math.round(x) + 3));

beforeAll(async () => {
  speech = await startSpeechApp('waveform');
  ({ fixtureDir, fixture, app } = speech);
  page = app.page;
});

afterAll(async () => {
  await speech?.close();
});

describe('the waveform', () => {
  it('is drawn for an attached recording, with the segment boundaries', async () => {
    await importSpeechTranscript(page, fixture);
    await page.getByTestId('media-attach-input').setInputFiles(fixture.wavPath);

    await expect.poll(() => waveform().getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    expect((await dataNumber(waveform(), 'duration-ms')) / 1000).toBeCloseTo(fixture.duration, 1);
    expect(await viewSpan()).toEqual({ start: 0, span: expect.closeTo(fixture.duration, 1) as number });
    expect(await dataNumber(waveform(), 'segments')).toBe(fixture.segments.length);
    // Each segment's start and end (the gaps between them keep the lines apart).
    await expect.poll(() => dataNumber(canvas(), 'boundaries')).toBe(fixture.segments.length * 2);

    // On the canvas itself: a line at each boundary, nothing between them.
    const width = (await canvas().boundingBox())?.width ?? 0;
    const xOf = (seconds: number) => (seconds / fixture.duration) * width;
    const row = await topRowAlpha();
    for (const segment of fixture.segments) {
      expect(alphaNear(row, xOf(segment.start)), `line at ${segment.start} s`).toBeGreaterThan(0);
    }
    const [first, second] = fixture.segments;
    if (!first || !second) throw new Error('the fixture has fewer than two segments');
    expect(alphaNear(row, xOf((first.start + first.end) / 2))).toBe(0);
    await shot('01-drawn');
  });

  it('seeks to where it is clicked', async () => {
    const box = await canvas().boundingBox();
    if (!box) throw new Error('the waveform is not on screen');
    for (const fraction of [0.25, 0.5, 0.8]) {
      await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
      await expect.poll(() => currentTime(page)).toBeGreaterThan(fixture.duration * fraction - NEAR);
      expect(await currentTime(page)).toBeLessThan(fixture.duration * fraction + NEAR);
    }
    await expect
      .poll(() => canvas().getAttribute('aria-valuenow'))
      .toBe(String(Math.round(fixture.duration * 0.8)));
    expect(await canvas().getAttribute('aria-valuetext')).toMatch(/^0:\d\d of 0:\d\d$/);
    await shot('02-seeked');
  });

  it('moves the playhead with the arrow keys when focused', async () => {
    await canvas().focus();
    const before = await currentTime(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => currentTime(page)).toBeCloseTo(before - 1, 1);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => currentTime(page)).toBeCloseTo(before - 6, 1);
    await page.keyboard.press('Home');
    await expect.poll(() => currentTime(page)).toBe(0);
  });

  it('zooms with the buttons, the keyboard and Ctrl+wheel, and scrolls', async () => {
    const whole = (await viewSpan()).span;
    await page.getByTestId('waveform-zoom-in').click();
    await expect.poll(async () => (await viewSpan()).span).toBeCloseTo(whole / 2, 1);
    await shot('03-zoomed');

    await canvas().focus();
    await page.keyboard.press('+');
    await expect.poll(async () => (await viewSpan()).span).toBeCloseTo(whole / 4, 1);
    // Fewer boundaries fit in a narrower window.
    expect(await dataNumber(canvas(), 'boundaries')).toBeLessThan(fixture.segments.length * 2);

    // Scrolling the zoomed waveform moves the window along the recording.
    await page.locator('.waveform-scroller').evaluate((scroller) => {
      scroller.scrollLeft = scroller.scrollWidth;
    });
    await expect.poll(async () => (await viewSpan()).start).toBeCloseTo(fixture.duration - whole / 4, 0);

    await page.keyboard.press('-');
    await expect.poll(async () => (await viewSpan()).span).toBeCloseTo(whole / 2, 1);

    const box = await canvas().boundingBox();
    if (!box) throw new Error('the waveform is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await viewSpan()).span).toBeCloseTo(whole / 4, 1);

    await page.getByTestId('waveform-zoom-whole').click();
    await expect.poll(async () => (await viewSpan()).span).toBeCloseTo(whole, 1);
    expect((await viewSpan()).start).toBe(0);
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });

  it('says in one line why a recording cannot be drawn', async () => {
    const broken = path.join(fixtureDir, 'broken.wav');
    await writeFile(broken, 'RIFF and then no audio at all, only words.\n'.repeat(50));
    await page.getByTestId('media-attach-input').setInputFiles(broken);
    const status = page.getByTestId('waveform-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
    expect(await status.textContent()).toMatch(/^Cannot draw the waveform of broken\.wav: [^\n]+$/);
    await shot('04-cannot-draw');
  });
});
