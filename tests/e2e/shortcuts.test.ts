/**
 * Remapping a shortcut with the keyboard only, end to end in headless Chromium: F1 opens the sheet,
 * Tab reaches play/pause's Change button, the new chord is pressed (after two refused ones), and it
 * then plays and pauses the generated speech (see speech-fixture.ts) with the caret in the text,
 * while the old chord does nothing. The change survives a reload, a chord another command has is
 * only taken after asking, and Reset / Reset all bring the defaults back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretPlace, editorSegments, openFromStartScreen } from './editor-page';
import { expectCleanPage, screenshot, type E2eApp } from './harness';
import {
  attachRecording,
  importSpeechTranscript,
  isPaused,
  startSpeechApp,
  type SpeechApp,
} from './media-page';
import type { SpeechFixture } from './speech-fixture';

let speech: SpeechApp;
let fixture: SpeechFixture;
let app: E2eApp;
let page: Page;

const shot = (name: string) => screenshot(page, `shortcuts-${name}`);
const sheet = () => page.locator('dialog.shortcuts-sheet');
const sheetOpen = () => sheet().evaluate((element) => (element as HTMLDialogElement).open);
const row = (command: string) => page.getByTestId(`shortcut-${command}`);
const keysOf = async (command: string) =>
  ((await row(command).getByTestId('shortcut-keys').textContent()) ?? '').trim();
const status = () => page.getByTestId('shortcuts-status').textContent();

const PLAY_PAUSE = 'Play or pause the attached audio/video';
const FORWARD = 'Forward 5 seconds';

/** What has the focus: its test id and accessible label. */
function focused(): Promise<{ testId: string | null; label: string | null; inEditor: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return {
      testId: element.getAttribute('data-testid'),
      label: element.getAttribute('aria-label'),
      inEditor: !!element.closest('[data-testid="transcript-editor"]'),
    };
  });
}

/** Presses Tab until the focus is on the Change button of the command described so. */
async function tabToChange(description: string): Promise<void> {
  const label = `Change the keys for “${description}”`;
  for (let press = 0; press < 80; press++) {
    if ((await focused()).label === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${label}"`);
}

/** The caret in the first segment, the sheet closed. */
async function caretInText(): Promise<void> {
  await page.getByText('North Korea News').click();
  await expect.poll(() => caretPlace(page)).toMatchObject({ editorFocused: true });
}

/** Presses `keys` and expects playback to start, then pauses with the same keys. */
async function expectToggles(keys: string): Promise<void> {
  expect(await isPaused(page)).toBe(true);
  await page.keyboard.press(keys);
  await expect.poll(() => isPaused(page)).toBe(false);
  await page.keyboard.press(keys);
  await expect.poll(() => isPaused(page)).toBe(true);
}

/** Presses `keys` and expects playback to stay paused. */
async function expectDoesNotPlay(keys: string): Promise<void> {
  expect(await isPaused(page)).toBe(true);
  await page.keyboard.press(keys);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await isPaused(page)).toBe(true);
}

beforeAll(async () => {
  speech = await startSpeechApp('speech');
  ({ fixture, app } = speech);
  page = app.page;
});

afterAll(async () => {
  await speech?.close();
});

describe('changing a shortcut', () => {
  it('opens the transcript and attaches its speech', async () => {
    await importSpeechTranscript(page, fixture);
    await attachRecording(page, fixture.wavPath);
  });

  it('Ctrl+Space plays and pauses by default, as the media bar says', async () => {
    await caretInText();
    await expectToggles('Control+Space');
    expect(await page.getByTestId('media-play').getAttribute('title')).toBe('Play (Ctrl+Space)');
    expect(await page.getByTestId('media-play').getAttribute('aria-keyshortcuts')).toBe('Control+Space');
  });

  it('remaps play/pause to Alt+K with the keyboard only, refusing keys that are needed elsewhere', async () => {
    await page.keyboard.press('F1');
    await expect.poll(sheetOpen).toBe(true);
    expect(await keysOf('play-pause')).toBe('Ctrl+Space');

    await tabToChange(PLAY_PAUSE);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).testId).toBe('chord-capture');
    expect((await focused()).label).toBe(`New keys for “${PLAY_PAUSE}”`);
    await shot('01-recording');

    await page.keyboard.press('Control+C');
    await expect.poll(() => page.getByTestId('chord-refusal').textContent()).toBe('Ctrl+C is kept for Copy.');
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('chord-refusal').textContent()).toContain('K types text');
    // Still recording, and the refusal is part of the field's description.
    expect((await focused()).testId).toBe('chord-capture');
    await shot('02-refused');

    await page.keyboard.press('Alt+K');
    await expect.poll(() => keysOf('play-pause')).toBe('Alt+K');
    expect(await status()).toBe(`“${PLAY_PAUSE}” is now Alt+K.`);
    // The focus is back on the row's Change button, and the row can be reset.
    expect((await focused()).label).toBe(`Change the keys for “${PLAY_PAUSE}”`);
    expect(await row('play-pause').getByTestId('shortcut-reset').count()).toBe(1);
    await shot('03-remapped');

    await page.keyboard.press('Escape');
    await expect.poll(sheetOpen).toBe(false);
    await expect.poll(async () => (await focused()).inEditor).toBe(true);
  });

  it('the new chord plays and pauses while typing in the transcript; the old one does nothing', async () => {
    const text = await editorSegments(page);
    await expectToggles('Alt+K');
    await expectDoesNotPlay('Control+Space');
    // No "k" was typed.
    expect(await editorSegments(page)).toEqual(text);
    expect(await page.getByTestId('media-play').getAttribute('title')).toBe('Play (Alt+K)');
    expect(await page.getByTestId('media-play').getAttribute('aria-keyshortcuts')).toBe('Alt+K');
  });

  it('is still Alt+K after a reload', async () => {
    await page.reload();
    await openFromStartScreen(page);
    if (!(await page.getByTestId('media-play').isVisible())) await attachRecording(page, fixture.wavPath);
    await caretInText();
    await expectToggles('Alt+K');
    await expectDoesNotPlay('Control+Space');

    await page.keyboard.press('F1');
    await expect.poll(sheetOpen).toBe(true);
    expect(await keysOf('play-pause')).toBe('Alt+K');
  });

  it('asks before taking a chord from another command: Esc declines, Replace moves it', async () => {
    await tabToChange(FORWARD);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).testId).toBe('chord-capture');
    await page.keyboard.press('Alt+K');
    const question = page.getByTestId('chord-conflict');
    await expect
      .poll(() => question.textContent())
      .toContain(`Alt+K is already “${PLAY_PAUSE}” — replace it?`);
    expect((await focused()).testId).toBe('chord-replace');
    await shot('04-conflict');

    // Esc declines (the sheet stays open) and records again.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).testId).toBe('chord-capture');
    expect(await sheetOpen()).toBe(true);
    expect(await keysOf('play-pause')).toBe('Alt+K');

    await page.keyboard.press('Alt+K');
    await expect.poll(async () => (await focused()).testId).toBe('chord-replace');
    await page.keyboard.press('Enter');
    await expect.poll(() => keysOf('skip-forward')).toBe('Alt+K');
    expect(await keysOf('play-pause')).toBe('No keys');
    expect(await status()).toBe(`“${FORWARD}” is now Alt+K. Removed from “${PLAY_PAUSE}”.`);
  });

  it('Reset gives play/pause Ctrl+Space back, and Reset all every default', async () => {
    await row('play-pause').getByTestId('shortcut-reset').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => keysOf('play-pause')).toBe('Ctrl+Space');
    expect(await status()).toBe(`“${PLAY_PAUSE}” is back to Ctrl+Space.`);
    expect((await focused()).label).toBe(`Change the keys for “${PLAY_PAUSE}”`);
    expect(await keysOf('skip-forward')).toBe('Alt+K');

    await page.getByTestId('shortcuts-reset-all').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => keysOf('skip-forward')).toBe('Ctrl+]');
    expect(await page.getByTestId('shortcut-reset').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('glossa.shortcuts'))).toBeNull();

    await page.keyboard.press('Escape');
    await expect.poll(sheetOpen).toBe(false);
    await caretInText();
    await expectToggles('Control+Space');
    await expectDoesNotPlay('Alt+K');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
