/**
 * Export from the editor in browser mode: File → Export… (Ctrl+Shift+E) downloads the document as
 * it is on screen — plain text with its edits, a Word file that opens as a zip with the text, and
 * the corrections report listing the accepted suggestion — with the choices remembered.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDocumentOrder, panelCount, segmentElements, waitForSaved } from './editor-page';
import { expectCleanPage, screenshot, SEED_GLOSSARY, startE2eApp, type E2eApp } from './harness';

let app: E2eApp;
let page: Page;

const shot = (name: string) => screenshot(page, `export-${name}`);

async function download(start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = await (file as Download).path();
  return { name: (file as Download).suggestedFilename(), bytes: await readFile(path) };
}

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('export from the editor', () => {
  const first = () => inDocumentOrder(app.seed.document, app.seed.suggestions)[0];

  it('opens the document and accepts its first suggestion', async () => {
    await page.getByTestId('recent-document').locator('.recent-document-open').click();
    await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
    const before = await panelCount(page);
    await page.keyboard.press('F8');
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => panelCount(page)).toBe(before - 1);
    await waitForSaved(page);
  });

  it('downloads plain text with the correction in it (Ctrl+Shift+E)', async () => {
    await page.keyboard.press('Control+Shift+E');
    await expect
      .poll(() => page.getByTestId('export-dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(true);
    await page.getByTestId('export-format-txt').check();
    await shot('01-dialog');
    const { name, bytes } = await download(() => page.getByTestId('export-submit').click());
    const text = bytes.toString('utf8');
    const suggestion = first();
    expect(name).toBe(`${app.seed.document.metadata.title}.txt`);
    expect(text).toContain(app.seed.document.metadata.title ?? '');
    expect(text).toContain(suggestion?.replacement ?? '');
    expect(text).not.toContain(suggestion?.text ?? '');
    await expect.poll(() => page.getByTestId('export-message').textContent()).toContain('Downloaded');
  });

  it('downloads a Word file that opens as a document with the transcript text', async () => {
    await page.getByTestId('export-format-docx').check();
    const { name, bytes } = await download(() => page.getByTestId('export-submit').click());
    expect(name.endsWith('.docx')).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const words = app.seed.document.segments[1]?.text.split(' ').slice(0, 4).join(' ') ?? '';
    const text = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(text).toContain(words);
  });

  it('downloads the corrections report with the accepted change and its glossary entry', async () => {
    const { name, bytes } = await download(() => page.getByTestId('export-report-csv').click());
    const csv = bytes.toString('utf8');
    const suggestion = first();
    expect(name.endsWith('corrections.csv')).toBe(true);
    expect(csv).toContain(suggestion?.text ?? '');
    expect(csv).toContain(suggestion?.replacement ?? '');
    await shot('02-report-downloaded');
  });

  it('remembers the chosen format for this document', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('open-export').click();
    expect(await page.getByTestId('export-format-docx').isChecked()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
