/**
 * The first screen and opening transcripts, end to end: the built renderer in headless Chromium,
 * talking over HTTP to the real server, real handlers and a real SQLite glossary seeded from seeds/.
 * An opened transcript lands in the editor with exactly the server's suggestions.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, OpenedDocument, SegmentSuggestion } from '../../shared/api/contract';
import type { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import {
  editorSegments,
  highlightSizes,
  panelCount,
  segmentElements,
  suggestionUnderlines,
} from './editor-page';
import {
  expectCleanPage,
  fileTransfer,
  screenshot,
  SEED_GLOSSARY,
  SEED_TRANSCRIPT,
  startE2eApp,
  type E2eApp,
} from './harness';

const BROKEN_SRT = '1\n00:00:01,000 -> 00:00:02,000\nHello there.\n';

let dir: string;
let glossary: GlossaryStore;
let handlers: ApiHandlers;
let page: Page;
let seed: OpenedDocument;

const shot = (name: string) => screenshot(page, name);
const title = () => page.getByRole('heading', { level: 1 }).textContent();
const toast = () => page.locator('.status-toast-text');

function expectedTitle(opened: OpenedDocument): string {
  const { metadata } = opened.document;
  return metadata.title ?? metadata.sourceFile ?? 'Untitled transcript';
}

/** What the suggestions panel lists: the heard words of each item, sorted. */
async function listedHeard(): Promise<string[]> {
  const heard = await page
    .getByTestId('suggestion-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-heard') ?? ''));
  return heard.sort();
}

const heardOf = (suggestions: readonly SegmentSuggestion[]) => suggestions.map((s) => s.text).sort();

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  ({ dir, glossary, handlers, page, seed } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('first screen', () => {
  it('shows the start screen with landmarks, glossary info, recent documents and formats', async () => {
    await expect
      .poll(() => page.getByRole('banner').textContent())
      .toContain(`Glossary: ${glossary.count()} entries`);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await title()).toBe('Open a transcript');
    expect(await page.getByText('Your glossary is empty').count()).toBe(0);
    const openButton = page.getByRole('button', { name: 'Open transcript…' });
    expect(await openButton.isVisible()).toBe(true);
    const formats = await page.locator('.start-formats').textContent();
    for (const extension of ['.txt', '.srt', '.vtt', '.json']) expect(formats).toContain(extension);
    expect(await page.getByTestId('transcript-file-input').getAttribute('accept')).toBe(
      '.txt,.srt,.vtt,.json',
    );
    // The harness imported the seed into the workspace: it is the one recent document.
    await expect.poll(() => page.getByTestId('recent-document').count()).toBe(1);
    expect(await page.getByTestId('recent-document').getAttribute('data-title')).toBe(expectedTitle(seed));
    await shot('01-start');
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
    await shot('02-focus');
  });

  it('imports the seed transcript into the editor with exactly the server’s suggestions', async () => {
    await page.getByTestId('transcript-file-input').setInputFiles(SEED_TRANSCRIPT);
    await expect.poll(title).toBe(expectedTitle(seed));
    if (seed.document.metadata.title !== undefined) {
      expect(seed.document.metadata.title).toBe(
        'Examining evidence of North Korean troop deployments to the war in Ukraine',
      );
    }

    // One paragraph per segment, with the segment's text.
    await expect.poll(() => segmentElements(page).count()).toBe(seed.document.segments.length);
    expect((await editorSegments(page)).map(([, text]) => text)).toEqual(
      seed.document.segments.map((segment) => segment.text),
    );

    // Every suggestion is listed and underlined; Donbass twice, as a known mishearing of Donbas.
    expect(await panelCount(page)).toBe(seed.suggestions.length);
    expect(await listedHeard()).toEqual(heardOf(seed.suggestions));
    await expect.poll(() => suggestionUnderlines(page)).toBe(seed.suggestions.length);
    expect(seed.suggestions.filter((s) => s.text === 'Donbass')).toHaveLength(2);
    const donbas = page.locator('[data-testid="suggestion-group"][data-term="Donbas"]');
    expect(await donbas.getByTestId('suggestion-item').count()).toBe(2);
    for (const item of await donbas.getByTestId('suggestion-item').all()) {
      expect(await item.getAttribute('data-heard')).toBe('Donbass');
      expect(await item.locator('.reason-chip').textContent()).toBe('known mishearing');
    }
    expect((await highlightSizes(page))['glossa-suggestion-variant']).toBe(2);
    expect(await page.getByRole('button', { name: 'Open another…' }).isVisible()).toBe(true);
    await shot('03-transcript-top');

    await donbas.getByTestId('suggestion-item').first().click();
    await shot('04-transcript-suggestion');
  });

  it('shows an import error as an alert and keeps the open transcript', async () => {
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
    expect(await title()).toBe(expectedTitle(seed));
    expect(await segmentElements(page).count()).toBe(seed.document.segments.length);
    expect(await panelCount(page)).toBe(seed.suggestions.length);
    await shot('06-import-error');

    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('opens the file chooser with Ctrl+O', async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Control+O');
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(false);
    const documentsBefore = (await handlers.listDocuments({})).length;
    await fileChooser.setFiles(SEED_TRANSCRIPT);
    await expect.poll(async () => (await handlers.listDocuments({})).length).toBe(documentsBefore + 1);
    await expect.poll(title).toBe(expectedTitle(seed));
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
    await shot('07-drop-state');

    await page.dispatchEvent('main', 'drop', { dataTransfer });
    expect(await page.getByText('Drop the transcript to open it').count()).toBe(0);
    await expect.poll(() => segmentElements(page).count()).toBe(expected.document.segments.length);
    // Speaker and start time sit in each segment's gutter, the speaker over the time.
    expect(
      await segmentElements(page).evaluateAll((elements) =>
        elements.map((e) => e.getAttribute('data-label')),
      ),
    ).toEqual(['Anton Sokolin\n0:01', 'Jacco Zwetsloot\n1:02:05']);
    await expect.poll(listedHeard).toEqual(heardOf(expected.suggestions));
    expect(expected.suggestions.map((s) => s.text)).toContain('Donbass');
    await shot('08-dropped-vtt');
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
      await expect.poll(() => toast().textContent()).toBe(`Importing ${path.basename(SEED_TRANSCRIPT)}…`);
      expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('true');
      await shot('09-busy');
    } finally {
      release();
    }
    await expect.poll(() => page.getByRole('main').getAttribute('aria-busy')).toBe('false');
    await expect.poll(title).toBe(expectedTitle(seed));
    await page.unroute('**/api/importTranscript');
  });

  it('has a dark theme that follows the system', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(251, 250, 248)');
    await page.keyboard.press('F8');
    await shot('10-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no errors or CSP violations in the page and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
