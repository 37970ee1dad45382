import { copyFile, mkdir, mkdtemp, open, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMediaBeside, readTranscriptFile } from '../../../electron/services/transcript-files';
import { TranscriptImportError, type ImportErrorCode } from '../../../shared/formats';
import { FIXTURES_DIR } from '../../shared/formats/fixtures';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'glossa-transcript-files-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function expectRejection(
  promise: Promise<unknown>,
  code: ImportErrorCode,
): Promise<TranscriptImportError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TranscriptImportError);
  const importError = error as TranscriptImportError;
  expect(importError.code).toBe(code);
  expect(importError.message).not.toContain('\n');
  return importError;
}

describe('readTranscriptFile', () => {
  it('reads and imports a transcript file', async () => {
    const doc = await readTranscriptFile(path.join(FIXTURES_DIR, 'subtitle-edit.srt'));
    expect(doc.metadata.sourceFile).toBe('subtitle-edit.srt');
    expect(doc.metadata.sourceFormat).toBe('srt');
    expect(doc.segments).toHaveLength(5);
  });

  it('uses the display name in the document and in errors', async () => {
    const doc = await readTranscriptFile(path.join(FIXTURES_DIR, 'whispercpp.json'), 'Episode 12.json');
    expect(doc.metadata.sourceFile).toBe('Episode 12.json');
    const error = await expectRejection(
      readTranscriptFile(path.join(FIXTURES_DIR, 'broken-timestamp.srt'), 'Episode 12.srt'),
      'bad-timestamp',
    );
    expect(error.message.startsWith('Episode 12.srt:6: ')).toBe(true);
  });

  it('rejects a sparse 500 MB file from its size alone, without reading it', async () => {
    const huge = path.join(folder, 'huge.txt');
    const handle = await open(huge, 'w');
    await handle.truncate(500 * 1024 * 1024);
    await handle.close();
    const started = performance.now();
    const error = await expectRejection(readTranscriptFile(huge), 'too-large');
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.message).toBe(
      'huge.txt: the file is 500.0 MB; transcripts larger than 100 MB are not opened',
    );
  });

  it('reports a missing file and a folder clearly', async () => {
    const missing = await expectRejection(readTranscriptFile(path.join(folder, 'nope.srt')), 'not-found');
    expect(missing.message).toBe(
      `nope.srt: the file does not exist (looked for ${path.join(folder, 'nope.srt')})`,
    );
    const dir = path.join(folder, 'a-folder.srt');
    await mkdir(dir);
    const isFolder = await expectRejection(readTranscriptFile(dir), 'unreadable');
    expect(isFolder.message).toBe('a-folder.srt: this is a folder, not a transcript file');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'reports a file it may not read',
    async () => {
      const locked = path.join(folder, 'locked.txt');
      await writeFile(locked, 'secret');
      await chmod(locked, 0o000);
      await expectRejection(readTranscriptFile(locked), 'unreadable');
    },
  );

  it('links a media file with the same base name', async () => {
    const transcript = path.join(folder, 'episode-12.srt');
    await copyFile(path.join(FIXTURES_DIR, 'subtitle-edit.srt'), transcript);
    await writeFile(path.join(folder, 'episode-12.mp3'), '');
    await writeFile(path.join(folder, 'episode-12.wav'), '');
    const doc = await readTranscriptFile(transcript);
    expect(doc.metadata.mediaFile).toBe(path.join(folder, 'episode-12.mp3'));
  });

  it('leaves mediaFile unset when there is no media beside the transcript', async () => {
    const doc = await readTranscriptFile(path.join(FIXTURES_DIR, 'subtitle-edit.srt'));
    expect(doc.metadata.mediaFile).toBeUndefined();
  });
});

describe('findMediaBeside', () => {
  it('ignores case and a language suffix such as ".en"', async () => {
    const sub = path.join(folder, 'yt');
    await mkdir(sub);
    await writeFile(path.join(sub, 'Talk.MP4'), '');
    expect(await findMediaBeside(path.join(sub, 'talk.en.vtt'))).toBe(path.join(sub, 'Talk.MP4'));
    expect(await findMediaBeside(path.join(sub, 'other.vtt'))).toBeUndefined();
  });

  it('returns an absolute path for a relative transcript path', async () => {
    const relative = path.relative(process.cwd(), path.join(folder, 'episode-12.srt'));
    expect(await findMediaBeside(relative)).toBe(path.join(folder, 'episode-12.mp3'));
  });
});
