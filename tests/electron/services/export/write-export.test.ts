import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportWriteError, writeExport } from '../../../../electron/services/export/write-export';

const folder = () => mkdtempSync(join(tmpdir(), 'glossa-write-export-'));

describe('writeExport', () => {
  it('writes text as UTF-8 and bytes as they are', async () => {
    const dir = folder();
    await writeExport(join(dir, 'a.txt'), { content: 'Zwetsloot — Sŏul\n', warnings: [] });
    await writeExport(join(dir, 'a.docx'), { content: new Uint8Array([0x50, 0x4b, 3, 4, 0]), warnings: [] });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Zwetsloot — Sŏul\n');
    expect([...readFileSync(join(dir, 'a.docx'))]).toEqual([0x50, 0x4b, 3, 4, 0]);
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'a.txt']);
  });

  it('replaces an existing file with the complete new one', async () => {
    const dir = folder();
    const target = join(dir, 'episode.srt');
    writeFileSync(target, 'old export');
    await writeExport(target, { content: 'new export', warnings: [] });
    expect(readFileSync(target, 'utf8')).toBe('new export');
    expect(readdirSync(dir)).toEqual(['episode.srt']);
  });

  it('says in one line that the folder does not exist', async () => {
    const dir = folder();
    const target = join(dir, 'missing', 'episode.txt');
    const error = await writeExport(target, { content: 'x', warnings: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toBe(`could not write ${target}: the folder does not exist`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a folder in the way and leaves no temporary file behind', async () => {
    const dir = folder();
    const target = join(dir, 'episode.html');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    const error = await writeExport(target, { content: '<p>new</p>', warnings: [] }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`could not write ${target}: it is a folder, not a file`);
    expect((error as Error).message).not.toContain('\n');
    expect(readdirSync(dir)).toEqual(['episode.html']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('keeps the old file and removes the temporary one when writing fails half-way', async () => {
    const dir = folder();
    const target = join(dir, 'episode.txt');
    writeFileSync(target, 'old export');
    // Content the file system cannot take fails after the temporary file was created.
    const broken = { content: 42 as unknown as string, warnings: [] };
    const error = await writeExport(target, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toMatch(/^could not write .*episode\.txt: .+$/);
    expect(readFileSync(target, 'utf8')).toBe('old export');
    expect(readdirSync(dir)).toEqual(['episode.txt']);
  });

  it.skipIf(process.getuid?.() === 0)('keeps the old file when the folder cannot be written to', async () => {
    const dir = folder();
    const target = join(dir, 'episode.txt');
    writeFileSync(target, 'old export');
    chmodSync(dir, 0o555);
    try {
      const error = await writeExport(target, { content: 'new export', warnings: [] }).catch(
        (e: unknown) => e,
      );
      expect((error as Error).message).toBe(`could not write ${target}: permission denied`);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(target, 'utf8')).toBe('old export');
    expect(readdirSync(dir)).toEqual(['episode.txt']);
  });
});
