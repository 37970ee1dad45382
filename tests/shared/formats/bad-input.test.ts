/** Every bad input fixture: the error code, the file name, the line where one applies, one clear line. */
import { describe, expect, it } from 'vitest';
import type { ImportErrorCode } from '../../../shared/formats';
import { expectImportError, importFixture } from './fixtures';

interface BadInput {
  file: string;
  code: ImportErrorCode;
  line?: number;
  /** A phrase the message must contain, so the user learns what was wrong. */
  says: string;
}

const BAD_INPUTS: BadInput[] = [
  { file: 'empty.txt', code: 'empty', says: 'empty' },
  { file: 'whitespace-only.txt', code: 'empty', says: 'only whitespace' },
  { file: 'image.png', code: 'binary', says: 'PNG image' },
  { file: 'random-bytes.txt', code: 'binary', says: 'not valid UTF-8' },
  { file: 'nul-byte.txt', code: 'binary', says: 'NUL byte' },
  { file: 'broken-utf16.txt', code: 'encoding', says: 'UTF-16LE' },
  { file: 'truncated.json', code: 'invalid-json', line: 54, says: 'ends too early' },
  { file: 'missing-comma.json', code: 'invalid-json', line: 7, says: 'column 7' },
  { file: 'unknown-shape.json', code: 'unexpected-shape', says: 'not a transcript format' },
  {
    file: 'bad-shape-whisper.json',
    code: 'unexpected-shape',
    says: 'segments[1].start: found the string "1.5"',
  },
  { file: 'broken-timestamp.srt', code: 'bad-timestamp', line: 6, says: 'HH:MM:SS,mmm --> HH:MM:SS,mmm' },
  { file: 'end-before-start.srt', code: 'bad-timestamp', line: 6, says: 'before it starts' },
  { file: 'empty-cue.srt', code: 'empty-cue', line: 6, says: 'no text' },
  { file: 'not-subtitles.srt', code: 'unknown-format', line: 1, says: 'cue number' },
  { file: 'broken-timestamp.vtt', code: 'bad-timestamp', line: 8, says: '"00:00:0x.000"' },
  { file: 'not-webvtt.vtt', code: 'unknown-format', line: 1, says: 'WEBVTT' },
];

describe('bad input', () => {
  it.each(BAD_INPUTS)('$file → $code', ({ file, code, line, says }) => {
    const error = expectImportError(() => importFixture(file), code);
    expect(error.file).toBe(file);
    expect(error.line).toBe(line);
    expect(error.message).toContain(says);
    expect(error.message.startsWith(line === undefined ? `${file}: ` : `${file}:${line}: `)).toBe(true);
  });
});
