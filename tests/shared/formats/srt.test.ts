import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../shared/formats/srt';
import { expectImportError, importFixture } from './fixtures';

describe('SRT import', () => {
  it('reads a Subtitle Edit export: timings, multi-line text joined, formatting removed', () => {
    const doc = importFixture('subtitle-edit.srt');
    expect(doc.metadata).toEqual({ sourceFile: 'subtitle-edit.srt', sourceFormat: 'srt' });
    expect(doc.segments).toEqual([
      { id: 's1', startMs: 0, endMs: 3_240, text: 'Welcome back to the NK News podcast.' },
      { id: 's2', startMs: 3_240, endMs: 7_880, text: "I'm joined in the studio by Anton Sokolin." },
      { id: 's3', startMs: 8_120, endMs: 11_500, text: "Anton, you've been busy this week." },
      {
        id: 's4',
        startMs: 11_500,
        endMs: 15_020,
        text: 'Pyongyang has sent troops to the Russian Far East.',
      },
      { id: 's5', startMs: 62_300, endMs: 65_960, text: '- Is that confirmed? - The NIS says it is.' },
    ]);
  });

  it('reads UTF-8 with BOM and CRLF line ends', () => {
    const doc = importFixture('utf8-bom-crlf.srt');
    expect(doc.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
      [500, 2_000, 'Welcome to the NK News podcast.'],
      [2_000, 4_250, 'Today: North Korean troops in the Russian Far East.'],
    ]);
  });

  it('reads UTF-16 LE with BOM', () => {
    const doc = importFixture('utf16le-bom.srt');
    expect(doc.segments[1]).toEqual({
      id: 's2',
      startMs: 3_500,
      endMs: 6_000,
      text: 'Seoul’s NIS — “special forces” — moved east.',
    });
  });

  it('accepts hours above 99, "." before milliseconds, cues without numbers and trailing coordinates', () => {
    const parsed = parseSrt(
      '00:00:01.000 --> 00:00:02.000 X1:10 X2:20 Y1:5 Y2:9\nA\n\n2\n100:00:00,000 --> 100:00:01,500\nB\n',
      'x.srt',
    );
    expect(parsed.segments).toEqual([
      { startMs: 1_000, endMs: 2_000, text: 'A' },
      { startMs: 360_000_000, endMs: 360_001_500, text: 'B' },
    ]);
  });

  it('appends text that follows a blank line inside a cue to that cue', () => {
    const parsed = parseSrt(
      '1\n00:00:01,000 --> 00:00:02,000\nFirst line\n\nstray second line\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n',
      'x.srt',
    );
    expect(parsed.segments.map((s) => s.text)).toEqual(['First line stray second line', 'Next']);
  });

  it('reports a broken timestamp with its line and the expected form', () => {
    const error = expectImportError(() => importFixture('broken-timestamp.srt'), 'bad-timestamp');
    expect(error.line).toBe(6);
    expect(error.expected).toBe('HH:MM:SS,mmm --> HH:MM:SS,mmm');
    expect(error.message).toContain('"00:00:05,00"');
  });

  it('reports a cue that ends before it starts', () => {
    const error = expectImportError(() => importFixture('end-before-start.srt'), 'bad-timestamp');
    expect(error.line).toBe(6);
    expect(error.message).toContain('before it starts');
  });

  it('reports minutes or seconds of 60 or more', () => {
    const error = expectImportError(
      () => parseSrt('1\n00:00:00,000 --> 00:00:60,000\nHi\n', 'x.srt'),
      'bad-timestamp',
    );
    expect(error.line).toBe(2);
  });

  it('reports a cue with a timing but no text', () => {
    const error = expectImportError(() => importFixture('empty-cue.srt'), 'empty-cue');
    expect(error.line).toBe(6);
  });

  it('reports a .srt file that is not subtitles at line 1', () => {
    const error = expectImportError(() => importFixture('not-subtitles.srt'), 'unknown-format');
    expect(error.line).toBe(1);
    expect(error.expected).toContain('cue number');
  });
});
