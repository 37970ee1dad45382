/**
 * The recording stays with its transcript, end to end in headless Chromium: a recording attached
 * in the page is still attached after a reload; a linked file that was moved is reported as
 * missing (nothing else lost) and relinked from the bar; dragging a recording over the window
 * says it will be attached. Speech is generated at test time (speech-fixture.ts).
 */
import { copyFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSegments, openFromStartScreen } from './editor-page';
import { documentImportedByPage, expectCleanPage, screenshot, type E2eApp } from './harness';
import { importSpeechTranscript, mediaDuration, startSpeechApp, type SpeechApp } from './media-page';
import type { SpeechFixture } from './speech-fixture';

let speech: SpeechApp;
let fixtureDir: string;
let fixture: SpeechFixture;
let app: E2eApp;
let page: Page;
let documentId: string;

const shot = (name: string) => screenshot(page, `media-link-${name}`);

beforeAll(async () => {
  speech = await startSpeechApp('media-link');
  ({ fixtureDir, fixture, app } = speech);
  page = app.page;
});

afterAll(async () => {
  await speech?.close();
});

describe('the recording stays linked to its transcript', () => {
  it('imports the transcript made from the recording', async () => {
    await importSpeechTranscript(page, fixture);
    documentId = await documentImportedByPage(app);
  });

  it('says what a dragged recording will do before it is dropped', async () => {
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(8)], 'episode.wav', { type: 'audio/wav' }));
      window.dispatchEvent(
        new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect
      .poll(() => page.getByTestId('drop-overlay').textContent())
      .toContain('Drop the recording to listen while correcting');
    await shot('01-drag-recording');
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(8)], 'episode.wav', { type: 'audio/wav' }));
      window.dispatchEvent(new DragEvent('dragleave', { dataTransfer: transfer, bubbles: true }));
    });
    await expect.poll(() => page.getByTestId('drop-overlay').count()).toBe(0);
  });

  it('attaches a chosen recording for good: after a reload it is still there', async () => {
    await page.getByTestId('media-attach-input').setInputFiles(fixture.wavPath);
    await expect.poll(() => page.getByTestId('media-name').textContent()).toContain('episode.wav');
    expect(await app.handlers.getMedia({ documentId })).toMatchObject({
      state: 'ready',
      link: { name: 'episode.wav' },
    });

    await page.reload();
    await openFromStartScreen(page, 'episode');
    await expect.poll(() => page.getByTestId('media-name').textContent()).toContain('episode.wav');
    await expect.poll(() => mediaDuration(page)).toBeCloseTo(fixture.duration, 1);
    await shot('02-remembered');
  });

  it('reports a moved recording as missing, keeps the transcript, and relinks it from the bar', async () => {
    // Link a file by path (as Electron does for a dropped file or one beside the transcript) …
    const linked = path.join(fixtureDir, 'linked.wav');
    await copyFile(fixture.wavPath, linked);
    await app.handlers.attachMedia({ documentId, path: linked });
    // … then move it away while Glossa is closed.
    await rename(linked, path.join(fixtureDir, 'moved.wav'));
    const text = await editorSegments(page);

    await page.reload();
    await openFromStartScreen(page, 'episode');
    const notice = page.getByTestId('media-missing');
    await expect.poll(() => notice.textContent()).toContain('linked.wav is not where it was linked');
    expect(await page.getByTestId('media-element').count()).toBe(0);
    expect(await page.getByTestId('media-attach').textContent()).toBe('Relink…');
    expect(await editorSegments(page)).toEqual(text);
    await shot('03-missing');

    await page.getByTestId('media-attach-input').setInputFiles(path.join(fixtureDir, 'moved.wav'));
    await expect.poll(() => page.getByTestId('media-name').textContent()).toContain('moved.wav');
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => mediaDuration(page)).toBeCloseTo(fixture.duration, 1);
  });

  it('Remove forgets the recording for this document', async () => {
    await page.getByTestId('media-detach').click();
    await expect.poll(() => page.getByTestId('media-element').count()).toBe(0);
    expect(await app.handlers.getMedia({ documentId })).toMatchObject({ state: 'none' });
    await page.reload();
    await openFromStartScreen(page, 'episode');
    expect(await page.getByTestId('media-attach').textContent()).toBe('Attach audio/video…');
  });

  it('logged no errors and shows no stack trace', async () => {
    await expectCleanPage(page, app.problems);
  });
});
