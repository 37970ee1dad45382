import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes } from '../../../shared/formats/decode';
import { expectImportError, fixtureBytes } from './fixtures';

const decode = (bytes: Uint8Array, name = 'test.txt') => decodeTranscriptBytes(bytes, name);

describe('decodeTranscriptBytes', () => {
  it('decodes UTF-8 without a BOM, keeping non-ASCII characters', () => {
    expect(decode(new TextEncoder().encode('Seoul’s “NIS” — Pyongyang\n'))).toBe(
      'Seoul’s “NIS” — Pyongyang\n',
    );
  });

  it('strips a UTF-8 BOM and turns CRLF into LF', () => {
    const text = decode(fixtureBytes('utf8-bom-crlf.srt'));
    expect(text.startsWith('1\n00:00:00,500')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\ufeff');
  });

  it('turns lone CR line ends (old Mac files) into LF', () => {
    expect(decode(fixtureBytes('cr-only.txt'))).toBe(
      'An old Mac text file.\nEvery line ends with a carriage return.\n\nA second paragraph about Kaesong.\n',
    );
  });

  it('decodes UTF-16 LE with a BOM', () => {
    const text = decode(fixtureBytes('utf16le-bom.srt'));
    expect(text.startsWith('1\n00:00:01,000 --> 00:00:03,500\nKim Jong Un visited Pyongyang’s')).toBe(true);
  });

  it('decodes UTF-16 BE with a BOM', () => {
    expect(decode(fixtureBytes('utf16be-bom.txt'))).toBe(
      'Pyongyang and Seoul: a transcript in UTF-16 big-endian.\n\nSecond paragraph, with Ussuriysk and Vladivostok.\n',
    );
  });

  it('rejects an odd-length UTF-16 stream as a broken encoding', () => {
    expectImportError(() => decode(fixtureBytes('broken-utf16.txt'), 'broken-utf16.txt'), 'encoding');
  });

  it('rejects a PNG, naming what it looks like', () => {
    const error = expectImportError(() => decode(fixtureBytes('image.png'), 'image.png'), 'binary');
    expect(error.message).toContain('PNG image');
  });

  it('rejects invalid UTF-8 and NUL bytes as binary', () => {
    expectImportError(() => decode(fixtureBytes('random-bytes.txt')), 'binary');
    expectImportError(() => decode(fixtureBytes('nul-byte.txt')), 'binary');
  });

  it('rejects empty and whitespace-only files as empty', () => {
    expectImportError(() => decode(new Uint8Array()), 'empty');
    expectImportError(() => decode(fixtureBytes('whitespace-only.txt')), 'empty');
    expectImportError(() => decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a])), 'empty');
  });
});
