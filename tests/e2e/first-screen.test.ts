/**
 * The first screen, end to end: the built renderer in headless Chromium, talking over HTTP to the
 * real server, real handlers and a real SQLite glossary seeded from seeds/.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, OpenedDocument } from '../../shared/api/contract';
import type { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import { fileTransfer, SEED_GLOSSARY, SEED_TRANSCRIPT, startE2eApp, type E2eApp } from './harness';
import { ARTIFACTS_DIR } from './paths';

const BROKEN_SRT = '1\n00:00:01,000 -> 00:00:02,000\nHello there.\n';

let dir: string;
let glossary: GlossaryStore;
let handlers: ApiHandlers;
let page: Page;
let seed: OpenedDocument;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

function expectedTitle(opened: OpenedDocument): string {
  const { metadata } = opened.document;
  return metadata.title ?? metadata.sourceFile ?? 'Untitled transcript';
}

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  ({ dir, glossary, handlers, page, seed } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('first screen', () => {
  it('shows the start screen with landmarks, glossary info and formats', async () => {
    await expect
      .poll(() => page.getByRole('banner').textContent())
      .toContain(`Glossary: ${glossary.count()} entries`);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Open a transcript');
    expect(await page.getByText('Your glossary is empty').count()).toBe(0);
    const openButton = page.getByRole('button', { name: 'Open transcript…' });
    expect(await openButton.isVisible()).toBe(true);
    const formats = await page.locator('.start-formats').textContent();
    for (const extension of ['.txt', '.srt', '.vtt', '.json']) expect(formats).toContain(extension);
    expect(await page.getByTestId('transcript-file-input').getAttribute('accept')).toBe(
      '.txt,.srt,.vtt,.json',
    );
    await screenshot('01-start');
  });

  it('reaches the open button with Tab (after the header) and shows a visible focus outline', async () => {
    const pressTab = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          text: element.textContent,
          outlineStyle: style.outlineStyle,
          outlineWidth: style.outlineWidth,
        };
      });
    };
    expect((await pressTab()).text).toBe('Import glossary…');
    const focused = await pressTab();
    expect(focused.text).toBe('Open transcript…');
    expect(focused.outlineStyle).not.toBe('none');
    expect(parseFloat(focused.outlineWidth)).toBeGreaterThanOrEqual(2);
    await screenshot('02-focus');
  });

  it('imports the seed transcript and marks exactly the suggestions', async () => {
    await page.getByTestId('transcript-file-input').setInputFiles(SEED_TRANSCRIPT);
    const title = page.getByRole('heading', { level: 1 });
    await expect.poll(() => title.textContent()).toBe(expectedTitle(seed));
    if (seed.document.metadata.title !== undefined) {
      expect(seed.document.metadata.title).toBe(
        'Examining evidence of North Korean troop deployments to the war in Ukraine',
      );
    }

    expect(await page.locator('.segment').count()).toBe(seed.document.segments.length);
    expect(await page.locator('.segment-text').first().textContent()).toBe(seed.document.segments[0]?.text);

    const marks = page.locator('mark.suggestion');
    expect(await marks.count()).toBe(seed.suggestions.length);
    expect(await marks.allTextContents()).toEqual(seed.suggestions.map((s) => s.text));
    expect(seed.suggestions.filter((s) => s.text === 'Donbass')).toHaveLength(2);
    const donbass = page.locator('mark.suggestion', { hasText: 'Donbass' }).first();
    expect(await donbass.getAttribute('title')).toBe('Donbass → Donbas (known variant)');
    expect(await donbass.getAttribute('class')).toContain('suggestion-variant');

    const count = seed.suggestions.length;
    expect(await page.getByTestId('suggestion-count').textContent()).toBe(
      `${count} ${count === 1 ? 'suggestion' : 'suggestions'}`,
    );
    expect(await page.getByRole('button', { name: 'Open another…' }).isVisible()).toBe(true);
    await screenshot('03-transcript-top');

    await donbass.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await screenshot('04-transcript-suggestion');
  });

  it('shows the description collapsed with a "more" button', async () => {
    if (!seed.document.metadata.description) return;
    await page.evaluate(() => window.scrollTo(0, 0));
    const more = page.getByRole('button', { name: 'more' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await page.getByRole('button', { name: 'less' }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.collapsible-text').textContent()).toBe(seed.document.metadata.description);
    await screenshot('05-description-expanded');
    await page.getByRole('button', { name: 'less' }).click();
  });

  it('shows an import error as an alert and keeps the previous transcript', async () => {
    const brokenPath = path.join(dir, 'broken.srt');
    await writeFile(brokenPath, BROKEN_SRT);
    const failure = await handlers
      .importTranscript({ fileName: 'broken.srt', bytes: new TextEncoder().encode(BROKEN_SRT) })
      .then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    expect(failure).toMatch(/^broken\.srt:2: /);

    await page.getByTestId('transcript-file-input').setInputFiles(brokenPath);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(failure ?? '');
    expect(await alert.textContent()).toContain('broken.srt:2');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(expectedTitle(seed));
    expect(await page.locator('mark.suggestion').count()).toBe(seed.suggestions.length);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot('06-import-error');

    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('opens the file chooser with Ctrl+O', async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Control+O');
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(false);
    await fileChooser.setFiles(SEED_TRANSCRIPT);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(expectedTitle(seed));
  });

  it('shows a drop state while a file is dragged over the window and imports the dropped file', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Anton Sokolin>We drove through the Donbass at dawn.',
      '',
      '01:02:05.500 --> 01:02:09.000',
      '<v Jacco Zwetsloot>And the convoy reached the front by noon.',
      '',
    ].join('\n');
    const expected = await handlers.importTranscript({
      fileName: 'dropped.vtt',
      bytes: new TextEncoder().encode(vtt),
    });
    const dataTransfer = await fileTransfer(page, 'dropped.vtt', 'text/vtt', vtt);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    expect(await page.getByText('Drop the transcript to open it').isVisible()).toBe(true);
    await screenshot('07-drop-state');

    await page.dispatchEvent('main', 'drop', { dataTransfer });
    expect(await page.getByText('Drop the transcript to open it').count()).toBe(0);
    await expect.poll(() => page.locator('.segment').count()).toBe(expected.document.segments.length);
    expect(await page.locator('.segment-time').allTextContents()).toEqual(['0:00:01', '1:02:05']);
    const speakers = expected.document.segments.flatMap((segment) =>
      segment.speaker ? [segment.speaker] : [],
    );
    expect(await page.locator('.segment-speaker').allTextContents()).toEqual(speakers);
    expect(await page.locator('mark.suggestion').allTextContents()).toEqual(
      expected.suggestions.map((s) => s.text),
    );
    expect(expected.suggestions.map((s) => s.text)).toContain('Donbass');
    await screenshot('08-dropped-vtt');
  });

  it('shows a busy state while a file is being imported', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/importTranscript', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.getByTestId('transcript-file-input').setInputFiles(SEED_TRANSCRIPT);
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe(`Importing ${path.basename(SEED_TRANSCRIPT)}…`);
      expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('true');
      await screenshot('09-busy');
    } finally {
      release();
    }
    await expect.poll(() => page.getByRole('main').getAttribute('aria-busy')).toBe('false');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(expectedTitle(seed));
    await page.unroute('**/api/importTranscript');
  });

  it('has a dark theme that follows the system', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(251, 250, 248)');
    await page.locator('mark.suggestion').first().scrollIntoViewIfNeeded();
    await screenshot('10-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no errors or CSP violations in the page', () => {
    expect(app.problems).toEqual([]);
  });
});
