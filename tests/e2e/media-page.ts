/**
 * The media side of the page as the tests read and drive it: the media element's state, attaching
 * a recording through the media bar, pausing, and the app started with generated speech (see
 * speech-fixture.ts) for the tests that listen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { segmentElements } from './editor-page';
import { startE2eApp, type E2eApp } from './harness';
import { makeSpeechFixture, type SpeechFixture } from './speech-fixture';

/** What the page's media element says about playback, read in one go. */
export interface MediaState {
  paused: boolean;
  currentTime: number;
  playbackRate: number;
  preservesPitch: boolean;
  duration: number;
  readyState: number;
}

export function mediaState(page: Page): Promise<MediaState> {
  return page.getByTestId('media-element').evaluate((element) => {
    const media = element as HTMLMediaElement;
    return {
      paused: media.paused,
      currentTime: media.currentTime,
      playbackRate: media.playbackRate,
      preservesPitch: media.preservesPitch,
      duration: media.duration,
      readyState: media.readyState,
    };
  });
}

/** The playback position, in seconds. */
export const currentTime = async (page: Page) => (await mediaState(page)).currentTime;
export const isPaused = async (page: Page) => (await mediaState(page)).paused;
/** The recording's length, in seconds (NaN until its metadata is loaded). */
export const mediaDuration = async (page: Page) => (await mediaState(page)).duration;

/** Waits until the media element knows the recording's length (readyState HAVE_METADATA or more). */
export async function waitForMediaMetadata(page: Page): Promise<void> {
  await expect.poll(async () => (await mediaState(page)).readyState).toBeGreaterThanOrEqual(1);
}

/**
 * Attaches a recording through the media bar's file input, then waits until the bar names it and
 * the media element has its metadata.
 */
export async function attachRecording(page: Page, file: string): Promise<void> {
  await page.getByTestId('media-attach-input').setInputFiles(file);
  await expect.poll(() => page.getByTestId('media-name').textContent()).toContain(path.basename(file));
  await waitForMediaMetadata(page);
}

/** Pauses playback (Ctrl+Space) if it is playing, and waits until it has stopped. */
export async function pausePlayback(page: Page): Promise<void> {
  if (await isPaused(page)) return;
  await page.keyboard.press('Control+Space');
  await expect.poll(() => isPaused(page)).toBe(true);
}

/** The app with the speech fixture's glossary, and the fixture in a temp folder of its own. */
export interface SpeechApp {
  fixtureDir: string;
  fixture: SpeechFixture;
  app: E2eApp;
  /** Closes the app and removes the fixture's folder. */
  close(): Promise<void>;
}

/**
 * Generates the spoken episode in a temp folder named after `name`, and starts the app with its
 * glossary (so the misheard name is a suggestion). The folder is removed again if starting fails.
 */
export async function startSpeechApp(name: string): Promise<SpeechApp> {
  const fixtureDir = await mkdtemp(path.join(tmpdir(), `glossa-e2e-${name}-`));
  try {
    const fixture = await makeSpeechFixture(fixtureDir);
    const app = await startE2eApp({ glossaryCsv: fixture.glossaryCsvPath });
    return {
      fixtureDir,
      fixture,
      app,
      async close() {
        await app.close();
        await rm(fixtureDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(fixtureDir, { recursive: true, force: true });
    throw error;
  }
}

/** Imports the fixture's WhisperX transcript through the page's file input; waits for every paragraph. */
export async function importSpeechTranscript(page: Page, fixture: SpeechFixture): Promise<void> {
  await page.getByTestId('transcript-file-input').setInputFiles(fixture.jsonPath);
  await expect.poll(() => segmentElements(page).count()).toBe(fixture.segments.length);
}
