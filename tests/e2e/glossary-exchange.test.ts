/**
 * The glossary's exchange formats from the app in browser mode: the Glossary tab's "Export
 * glossary…" downloads the real glossary as TBX and as a Vale rule, and the glossary file input
 * imports a TBX file, all against the real server and SQLite glossary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentElements } from './editor-page';
import { expectCleanPage, screenshot, SEED_GLOSSARY, startE2eApp, type E2eApp } from './harness';

let app: E2eApp;
let page: Page;

const shot = (name: string) => screenshot(page, `glossary-exchange-${name}`);

async function download(start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const filePath = await (file as Download).path();
  return { name: (file as Download).suggestedFilename(), text: await readFile(filePath, 'utf8') };
}

beforeAll(async () => {
  app = await startE2eApp({ glossaryCsv: SEED_GLOSSARY });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('glossary export and import in other tools’ formats', () => {
  it('opens the Glossary tab of the seed document', async () => {
    await page.getByTestId('recent-document').locator('.recent-document-open').click();
    await expect.poll(() => segmentElements(page).count()).toBe(app.seed.document.segments.length);
    await page.getByTestId('tab-glossary').click();
    await page.getByText('Export glossary…').click();
    await expect.poll(() => page.getByTestId('glossary-export-format').isVisible()).toBe(true);
  });

  it('downloads the glossary as TBX with every entry', async () => {
    await page.getByTestId('glossary-export-format').selectOption('tbx');
    const { name, text } = await download(() => page.getByTestId('glossary-export-button').click());
    expect(name).toBe('glossary.tbx');
    expect(text).toContain('<martif type="TBX-Basic" xml:lang="en">');
    expect(text.match(/<termEntry /g)).toHaveLength(app.glossary.count());
    expect(text).toContain(
      '<term>Donbass</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts',
    );
    await expect
      .poll(() => page.getByTestId('glossary-export-message').textContent())
      .toBe('Downloaded glossary.tbx.');
    await shot('01-tbx-downloaded');
  });

  it('downloads a Vale substitution rule', async () => {
    await page.getByTestId('glossary-export-format').selectOption('vale');
    const { name, text } = await download(() => page.getByTestId('glossary-export-button').click());
    expect(name).toBe('Glossary.yml');
    const rule = load(text) as { extends: string; swap: Record<string, string> };
    expect(rule.extends).toBe('substitution');
    expect(rule.swap.Donbass).toBe('Donbas');
  });

  it('imports a TBX file through the glossary file input', async () => {
    const file = path.join(app.dir, 'names.tbx');
    await writeFile(
      file,
      '<?xml version="1.0"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n' +
        '<termEntry id="t1"><descrip type="subjectField">place</descrip><langSet xml:lang="en">' +
        '<tig><term>Hyesan</term></tig>' +
        '<tig><term>Hye San</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>' +
        '</langSet></termEntry>\n</body></text></martif>\n',
    );
    const before = app.glossary.count();
    await page.getByTestId('glossary-file-input').setInputFiles(file);
    await expect.poll(() => app.glossary.count()).toBe(before + 1);
    expect(app.glossary.findByTerm('Hyesan')?.variants.map((variant) => variant.text)).toEqual(['Hye San']);
    await expectCleanPage(page, app.problems);
  });
});
