/**
 * A new user's first glossary, end to end: the built renderer in headless Chromium, the real
 * server and handlers, and a real SQLite glossary that starts EMPTY. Importing a glossary from the
 * page updates the header and re-checks the transcript open in the editor, in place.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, OpenedDocument, SegmentSuggestion } from '../../shared/api/contract';
import type { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import {
  highlightSizes,
  panelCount,
  scrollTop,
  scrollToSegment,
  segmentElement,
  segmentInView,
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

const SEED_GLOSSARY_ENTRIES = 34;
/** Line 3 names a category Glossa does not have; line 2 is fine but must not be imported either. */
const BROKEN_GLOSSARY = 'term,category,variants\nChongjin,place,\nKursk,region,Kursck\nSeoul,place,\n';
/** Teaches Glossa how the recogniser misheard the host's name: one updated entry, one new suggestion. */
const HOST_GLOSSARY = 'term,category,variants\nJacco Zwetsloot,person,Jacos Wetzlud\n';
const EMPTY_HINT =
  'Your glossary is empty. Import a glossary (CSV or JSON) so Glossa knows which names to look for.';

let dir: string;
let glossary: GlossaryStore;
let handlers: ApiHandlers;
let page: Page;
let seed: OpenedDocument;

const shot = (name: string) => screenshot(page, `glossary-${name}`);
const banner = () => page.getByRole('banner');
const toast = () => page.locator('.status-toast-text');
const title = () => page.getByRole('heading', { level: 1 }).textContent();
const item = (heard: string) => page.locator(`[data-testid="suggestion-item"][data-heard="${heard}"]`);

/** What the suggestions panel lists: the heard words of each item, sorted. */
async function listedHeard(): Promise<string[]> {
  const heard = await page
    .getByTestId('suggestion-item')
    .evaluateAll((items) => items.map((element) => element.getAttribute('data-heard') ?? ''));
  return heard.sort();
}

const heardOf = (suggestions: readonly SegmentSuggestion[]) => suggestions.map((s) => s.text).sort();

/** The keyboard's next stop: its text and how its focus is drawn. */
async function pressTab() {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { text: element.textContent, outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
  });
}

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
  ({ dir, glossary, handlers, page, seed } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('importing a glossary from the app', () => {
  it('starts with an empty glossary and says how to fill it', async () => {
    expect(glossary.count()).toBe(0);
    await expect.poll(() => banner().textContent()).toContain('Glossary: 0 entries');
    expect(await page.getByRole('note').textContent()).toContain(EMPTY_HINT);
    expect(await page.getByRole('button', { name: 'Choose a glossary file…' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import glossary…' }).isVisible()).toBe(true);
    expect(await page.getByTestId('glossary-file-input').getAttribute('accept')).toBe(
      '.csv,.json,.tbx,.xml,.yml,.yaml,.txt',
    );
    await shot('01-empty-start');
  });

  it('reaches Import glossary… first with Tab, with a visible focus outline', async () => {
    const first = await pressTab();
    expect(first.text).toBe('Import glossary…');
    expect(first.outlineStyle).not.toBe('none');
    expect(parseFloat(first.outlineWidth)).toBeGreaterThanOrEqual(2);
    await shot('02-focus-import');
    expect((await pressTab()).text).toBe('Open transcript…');
    expect((await pressTab()).text).toBe('Choose a glossary file…');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  });

  it("opens the file chooser from the hint's button", async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.getByRole('button', { name: 'Choose a glossary file…' }).click();
    await (await chooser).setFiles([]);
    expect(glossary.count()).toBe(0);
  });

  it('opens the seed transcript with no glossary suggestions, since the glossary is empty', async () => {
    await page.getByTestId('transcript-file-input').setInputFiles(SEED_TRANSCRIPT);
    await expect.poll(title).toBe(seed.document.metadata.title);
    await expect.poll(() => segmentElements(page).count()).toBe(seed.document.segments.length);
    // Only what the engine finds without a glossary (e.g. a name spelled two ways): no terms.
    expect(seed.suggestions.filter((s) => s.termId !== '')).toEqual([]);
    expect(await panelCount(page)).toBe(seed.suggestions.length);
    expect(await listedHeard()).toEqual(heardOf(seed.suggestions));
    await expect.poll(() => suggestionUnderlines(page)).toBe(seed.suggestions.length);
    expect((await highlightSizes(page))['glossa-suggestion-variant'] ?? 0).toBe(0);
    await shot('03-transcript-no-glossary');
  });

  it('imports the seed glossary with the header button and re-checks the open transcript in place', async () => {
    // Read somewhere in the middle of the transcript, where a Donbass will be marked.
    const donbass = seed.document.segments.findLast((segment) => segment.text.includes('Donbass'));
    if (!donbass) throw new Error('the seed no longer says Donbass');
    const reading = segmentElement(page, donbass.id);
    await scrollToSegment(page, donbass.id);
    expect(await scrollTop(page)).toBeGreaterThan(500);
    const placeBefore = await reading.evaluate((element) => element.getBoundingClientRect().top);
    expect(await segmentInView(page, donbass.id)).toBe(true);

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/importGlossary', async (route) => {
      await held;
      await route.continue();
    });
    try {
      const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
      await page.getByRole('button', { name: 'Import glossary…' }).click();
      await (await chooser).setFiles(SEED_GLOSSARY);
      await expect.poll(() => toast().textContent()).toBe('Importing nk-news-glossary.csv…');
      expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('true');
      expect(await page.getByRole('button', { name: 'Import glossary…' }).getAttribute('aria-disabled')).toBe(
        'true',
      );
      await shot('04-importing');
    } finally {
      release();
    }
    await expect
      .poll(() => toast().textContent())
      .toBe(
        `Imported nk-news-glossary.csv: ${SEED_GLOSSARY_ENTRIES} new, 0 updated, 0 unchanged — ` +
          `${SEED_GLOSSARY_ENTRIES} entries in your glossary`,
      );
    await page.unroute('**/api/importGlossary');
    expect(glossary.count()).toBe(SEED_GLOSSARY_ENTRIES);
    await expect.poll(() => banner().textContent()).toContain(`Glossary: ${SEED_GLOSSARY_ENTRIES} entries`);
    expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('false');

    // Exactly what the engine finds with the new glossary (whatever its tiers), Donbass twice.
    const expected = await handlers.checkTranscript({ document: seed.document });
    await expect.poll(() => panelCount(page)).toBe(expected.length);
    expect(await listedHeard()).toEqual(heardOf(expected));
    await expect.poll(() => suggestionUnderlines(page)).toBe(expected.length);
    expect(await item('Donbass').count()).toBe(2);
    expect(await item('Donbass').first().locator('.reason-chip').textContent()).toBe('known mishearing');
    // Same document, same place: the editor was not reopened or scrolled to the top.
    expect(await title()).toBe(seed.document.metadata.title);
    expect(await segmentElements(page).count()).toBe(seed.document.segments.length);
    const placeAfter = await reading.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(placeAfter - placeBefore)).toBeLessThanOrEqual(1);
    expect(await toast().isVisible()).toBe(true);
    await shot('05-rechecked-in-place');
  });

  it('refuses a broken glossary with its file and line, and imports none of it', async () => {
    const brokenPath = path.join(dir, 'broken-glossary.csv');
    await writeFile(brokenPath, BROKEN_GLOSSARY);
    const countBefore = await panelCount(page);
    await page.getByTestId('glossary-file-input').setInputFiles(brokenPath);

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toContain('Could not import the glossary.');
    expect(text).toContain('broken-glossary.csv, line 3');
    expect(text).toContain('region');

    expect(glossary.count()).toBe(SEED_GLOSSARY_ENTRIES);
    expect(glossary.findByTerm('Chongjin')).toBeDefined(); // from the seed, not from line 2
    expect(glossary.findByTerm('Kursk')?.variants).toEqual([]);
    expect(await banner().textContent()).toContain(`Glossary: ${SEED_GLOSSARY_ENTRIES} entries`);
    expect(await panelCount(page)).toBe(countBefore);
    expect(await toast().textContent()).toBe('');
    // The reader is mid-transcript: the alert must be in sight all the same.
    const box = await alert.boundingBox();
    expect(box && box.y > 0 && box.y + box.height < 860).toBe(true);
    await shot('07-broken-glossary');

    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('imports a .csv dropped on the window as a glossary, not as a transcript', async () => {
    const dataTransfer = await fileTransfer(page, 'host-names.csv', 'text/csv', HOST_GLOSSARY);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    expect(await page.getByText('or drop a glossary (.csv) to import it').isVisible()).toBe(true);
    await shot('08-drop-state');
    await page.dispatchEvent('main', 'drop', { dataTransfer });

    await expect
      .poll(() => toast().textContent())
      .toBe(
        `Imported host-names.csv: 0 new, 1 updated, 0 unchanged — ${SEED_GLOSSARY_ENTRIES} entries in your glossary`,
      );
    expect(await title()).toBe(seed.document.metadata.title);
    const expected = await handlers.checkTranscript({ document: seed.document });
    await expect.poll(listedHeard).toEqual(heardOf(expected));
    const host = item('Jacos Wetzlud');
    expect(await host.count()).toBe(1);
    expect(await host.locator('.reason-chip').textContent()).toBe('known mishearing');
    expect(
      await page
        .locator('[data-testid="suggestion-group"][data-term="Jacco Zwetsloot"]')
        .locator('[data-heard="Jacos Wetzlud"]')
        .count(),
    ).toBe(1);
    expect(await panelCount(page)).toBe(expected.length);
    await host.click();
    await shot('09-dropped-glossary');

    await page.locator('.status-toast').getByRole('button', { name: 'Dismiss' }).click();
    expect(await toast().textContent()).toBe('');
    expect(await toast().isVisible()).toBe(false);
  });

  it('fits the header into the narrowest window (720 px) without overflow', async () => {
    await page.setViewportSize({ width: 720, height: 860 });
    try {
      const overflow = await page.evaluate(() => {
        const header = document.querySelector('.app-header-inner') as HTMLElement;
        return {
          page: document.documentElement.scrollWidth,
          header: header.scrollWidth - header.clientWidth,
        };
      });
      expect(overflow).toEqual({ page: 720, header: 0 });
      await shot('10-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('logged no errors, warnings or failed requests in the page and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
