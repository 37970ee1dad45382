import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/atomic-write';

describe('writeFileAtomic', () => {
  it('replaces a file with the complete new contents and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-atomic-'));
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new contents');
    expect(readFileSync(target, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('keeps the old file when the new one cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-atomic-'));
    const target = join(dir, 'taken');
    mkdirSync(target); // a folder where the file should go: rename must fail
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
