import { describe, expect, it } from 'vitest';
import type { Segment, TranscriptDocument } from '../../../shared/document/model';
import { realignWords } from '../../../shared/document/realign-words';
import {
  breakLines,
  documentCues,
  formatCueTime,
  MAX_LINE_CHARS,
  MIN_CUE_MS,
  NO_TIMINGS_MESSAGE,
  type Cue,
} from '../../../shared/export/cues';
import { DEFAULT_EXPORT_OPTIONS, ExportError, type ExportOptions } from '../../../shared/export/options';
import { exportSrt } from '../../../shared/export/srt';
import { exportVtt } from '../../../shared/export/vtt';
import { importFixture, importString } from '../formats/fixtures';

const LONG_EDIT =
  'Pyongyang has sent troops to the Russian Far East, according to South Korean intelligence, ' +
  'and officials in Seoul say more could follow within weeks. Moscow has not confirmed any of it, ' +
  'and the Kremlin declined to comment on Friday.';

function srtOf(document: TranscriptDocument, options: Partial<ExportOptions> = {}): string {
  const { content } = exportSrt({ document, flags: [], options: { ...DEFAULT_EXPORT_OPTIONS, ...options } });
  return content as string;
}

function vttOf(document: TranscriptDocument, options: Partial<ExportOptions> = {}): string {
  const { content } = exportVtt({ document, flags: [], options: { ...DEFAULT_EXPORT_OPTIONS, ...options } });
  return content as string;
}

function withText(document: TranscriptDocument, index: number, text: string): TranscriptDocument {
  const segments = document.segments.map((segment, i): Segment => {
    if (i !== index) return segment;
    // As the editor does: the words follow the text, keeping the timings they can.
    return segment.words
      ? { ...segment, text, words: realignWords(segment.words, text) }
      : { ...segment, text };
  });
  return { ...document, segments };
}

/** Every convention a cue must meet, and cue order without overlaps. */
function expectValidCues(cues: readonly Cue[]): void {
  cues.forEach((cue, i) => {
    expect(cue.lines.length).toBeGreaterThan(0);
    expect(cue.lines.length).toBeLessThanOrEqual(2);
    for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(MIN_CUE_MS);
    const previous = cues[i - 1];
    if (previous) expect(cue.startMs).toBeGreaterThanOrEqual(previous.endMs);
  });
}

function timingsAndText(document: TranscriptDocument) {
  return document.segments.map(({ startMs, endMs, text }) => ({ startMs, endMs, text }));
}

describe('breakLines', () => {
  it.each([
    ['short text stays one line', 'Welcome back.', ['Welcome back.']],
    ['exactly 42 characters stays one line', 'a'.repeat(42), ['a'.repeat(42)]],
    [
      'longer text breaks at the space nearest the middle',
      "I'm joined in the studio by Anton Sokolin today.",
      ["I'm joined in the studio", 'by Anton Sokolin today.'],
    ],
    [
      'dialogue dashes give one speaker per line',
      '- Is that confirmed? - The NIS says it is, and more.',
      ['- Is that confirmed?', '- The NIS says it is, and more.'],
    ],
    ['text longer than two lines does not fit', 'word '.repeat(20).trim(), null],
    ['one unbreakable word longer than a line does not fit', 'x'.repeat(50), null],
  ])('%s', (_name, text, expected) => {
    expect(breakLines(text)).toEqual(expected);
  });
});

describe('formatCueTime', () => {
  it.each([
    [0, ',', '00:00:00,000'],
    [3_240, ',', '00:00:03,240'],
    [62_300, '.', '00:01:02.300'],
    [3_600_000 + 61_001, '.', '01:01:01.001'],
    [100 * 3_600_000, ',', '100:00:00,000'],
  ] as const)('%i ms with "%s" is %s', (ms, separator, expected) => {
    expect(formatCueTime(ms, separator)).toBe(expected);
  });
});

describe('SRT export', () => {
  const original = importFixture('subtitle-edit.srt');

  it('writes numbered cues with SRT timings, LF line ends and a trailing blank line', () => {
    const srt = srtOf(original);
    expect(
      srt.startsWith('1\n00:00:00,000 --> 00:00:03,240\nWelcome back to the NK News podcast.\n\n2\n'),
    ).toBe(true);
    expect(srt).not.toContain('\r');
    expect(srt.endsWith('\n\n')).toBe(true);
  });

  it('round-trips an unchanged file: same timings and text for every cue', () => {
    expect(timingsAndText(importString(srtOf(original), 'again.srt'))).toEqual(timingsAndText(original));
  });

  it.each([
    ['a shorter text', 1, 'Joined by Anton.'],
    ['a reworded text that still fits', 2, 'Anton, you have been very busy this week indeed.'],
    ['a long text that needs several cues', 3, LONG_EDIT],
  ])('after %s in one cue, every other cue keeps its timing and text exactly', (_name, index, text) => {
    const edited = withText(original, index, text);
    const again = importString(srtOf(edited), 'edited.srt');
    const before = timingsAndText(original);
    const after = timingsAndText(again);
    const extra = after.length - before.length;
    // The cues before the edit, then the edited segment's cues, then the cues after it.
    expect(after.slice(0, index)).toEqual(before.slice(0, index));
    expect(after.slice(index + 1 + extra)).toEqual(before.slice(index + 1));
    const editedCues = after.slice(index, index + 1 + extra);
    expect(editedCues.map((cue) => cue.text).join(' ')).toBe(text);
    expectValidCues(documentCues(edited));
  });

  it('splits a long edited segment at sentence and clause ends, within the silence before the next cue', () => {
    const edited = withText(original, 3, LONG_EDIT);
    const cues = documentCues(edited).slice(3, -1);
    expect(cues.length).toBeGreaterThan(1);
    expectValidCues(cues);
    expect(cues[0]?.startMs).toBe(11_500);
    // 206 characters at 20 per second need 10.3 s; the segment had 3.5 s and 47 s of silence after it.
    expect(cues[cues.length - 1]?.endMs).toBeLessThanOrEqual(62_300);
    expect(cues[cues.length - 1]?.endMs).toBeGreaterThan(15_020);
    for (const cue of cues.slice(0, -1)) expect(cue.lines.join(' ')).toMatch(/[.,]$/);
  });

  it('never runs a split segment into the next cue when there is no silence to use', () => {
    const tight: TranscriptDocument = {
      version: 1,
      metadata: { sourceFormat: 'srt' },
      segments: [
        { id: 's1', startMs: 0, endMs: 4_000, text: LONG_EDIT },
        { id: 's2', startMs: 4_000, endMs: 6_000, text: 'Next.' },
      ],
    };
    const cues = documentCues(tight);
    expectValidCues(cues);
    expect(cues[cues.length - 1]).toEqual({ startMs: 4_000, endMs: 6_000, lines: ['Next.'] });
  });

  it('times split cues from word timings when the segment has them, else by length', () => {
    const first = 'The first sentence was said quickly at the start.';
    const second = 'The second one came after a long pause, much later.';
    const words = [...first.split(' '), ...second.split(' ')].map((text, i) =>
      // The first sentence's nine words in 0–1.8 s, the second's ten from 7 s.
      i < 9
        ? { text, startMs: i * 200, endMs: i * 200 + 200 }
        : { text, startMs: 7_000 + (i - 9) * 300, endMs: 7_300 + (i - 9) * 300 },
    );
    const segment: Segment = { id: 's1', startMs: 0, endMs: 10_000, text: `${first} ${second}`, words };
    const doc: TranscriptDocument = {
      version: 1,
      metadata: { sourceFormat: 'whisperx-json' },
      segments: [segment],
    };
    const timed = documentCues(doc);
    expect(timed.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [0, 7_000],
      [7_000, 10_000],
    ]);
    const { words: _words, ...untimedWords } = segment;
    const byLength = documentCues({ ...doc, segments: [untimedWords] });
    expect(byLength.map((cue) => cue.lines.join(' '))).toEqual([first, second]);
    expect(byLength[1]?.startMs).toBe(
      Math.round((10_000 * (first.length + 1)) / (first.length + second.length + 1)),
    );
  });

  it('keeps the cues of a long insertion with no time left in order and non-empty', () => {
    const doc = importFixture('whisperx.json');
    const edited = withText(doc, 0, `${doc.segments[0]?.text ?? ''} ${LONG_EDIT}`);
    const cues = documentCues(edited);
    cues.forEach((cue, i) => {
      expect(cue.endMs).toBeGreaterThan(cue.startMs);
      if (i > 0) expect(cue.startMs).toBeGreaterThanOrEqual((cues[i - 1] as Cue).endMs);
    });
  });

  it('lengthens a cue shorter than 0.7 s into the silence after it', () => {
    const doc = importString(
      '1\n00:00:01,000 --> 00:00:01,200\nHi.\n\n2\n00:00:05,000 --> 00:00:06,000\nBye.\n',
      'a.srt',
    );
    expect(documentCues(doc).map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [1_000, 1_700],
      [5_000, 6_000],
    ]);
  });
});

describe('transcripts without timings', () => {
  const untimed = importString('Just some notes.\n\nAnd a second paragraph.', 'notes.txt');

  it.each([
    ['SRT', () => srtOf(untimed)],
    ['WebVTT', () => vttOf(untimed)],
  ])('%s export says why it cannot be saved', (_name, action) => {
    expect(action).toThrow(ExportError);
    expect(action).toThrow(NO_TIMINGS_MESSAGE);
  });

  it('places an untimed segment between its timed neighbours, with a warning', () => {
    const doc: TranscriptDocument = {
      version: 1,
      metadata: { sourceFormat: 'srt' },
      segments: [
        { id: 's1', startMs: 0, endMs: 2_000, text: 'Timed.' },
        { id: 's2', text: 'Added by hand.' },
        { id: 's3', startMs: 6_000, endMs: 8_000, text: 'Timed again.' },
      ],
    };
    const { warnings } = exportSrt({ document: doc, flags: [], options: DEFAULT_EXPORT_OPTIONS });
    expect(warnings).toEqual([
      '1 paragraph has no timings; their subtitle times are estimated from the paragraphs around them.',
    ]);
    expect(documentCues(doc).map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [0, 2_000],
      [2_000, 6_000],
      [6_000, 8_000],
    ]);
  });
});

describe('WebVTT export', () => {
  const original = importFixture('voices-notes.vtt');

  it('writes the header, dotted timings, voices and escaped text', () => {
    const vtt = vttOf(original);
    expect(
      vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:04.200\n<v Jacco Zwetsloot>Hello listeners'),
    ).toBe(true);
    expect(vtt).toContain('<v Jacco Zwetsloot>I’m joined by Anton Sokolin &amp; we’re'.replace(/’/g, "'"));
    expect(vtt).toContain('&lt;reportedly&gt;');
    expect(vtt.endsWith('\n\n')).toBe(true);
  });

  it.each([
    ['with speakers', true],
    ['without speakers', false],
  ])('round-trips timings and text %s', (_name, speakers) => {
    const again = importString(vttOf(original, { speakers }), 'again.vtt');
    expect(timingsAndText(again)).toEqual(timingsAndText(original));
    expect(again.segments.map((segment) => segment.speaker)).toEqual(
      original.segments.map((segment) => (speakers ? segment.speaker : undefined)),
    );
  });

  it('escapes markup typed into the text so it shows as typed', () => {
    const doc = withText(original, 0, 'Use <b> & </b> --> here');
    expect(vttOf(doc, { speakers: false })).toContain('\nUse &lt;b&gt; &amp; &lt;/b&gt; --&gt; here\n');
    expect(importString(vttOf(doc), 'x.vtt').segments[0]?.text).toBe('Use <b> & </b> --> here');
  });
});

describe('export options in subtitles', () => {
  const doc: TranscriptDocument = {
    version: 1,
    metadata: { sourceFormat: 'srt', language: 'en' },
    segments: [
      { id: 's1', startMs: 0, endMs: 2_000, text: 'Um, so we know very little.' },
      { id: 's2', startMs: 2_000, endMs: 4_000, text: 'The troops arrived on Tuesday.' },
      { id: 's3', startMs: 4_000, endMs: 6_000, text: 'That is all.' },
    ],
  };
  const flag = {
    id: 'f1',
    segmentId: 's2',
    start: 0,
    end: 30,
    quote: 'The troops arrived on Tuesday.',
    comment: 'Which day?',
    createdAt: '2024-10-23T09:15:00Z',
    resolvedAt: null,
  };

  it('drops open flagged passages and fillers when asked, keeping the other cues exactly', () => {
    const options = { ...DEFAULT_EXPORT_OPTIONS, cleanVerbatim: true, flaggedPassages: 'drop' as const };
    const { content, warnings } = exportSrt({ document: doc, flags: [flag], options });
    const again = importString(content as string, 'clean.srt');
    expect(again.segments.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [0, 2_000],
      [4_000, 6_000],
    ]);
    expect(again.segments[0]?.text).not.toMatch(/\bum\b/i);
    expect(again.segments[1]?.text).toBe('That is all.');
    expect(warnings).toHaveLength(1);
  });

  it('keeps everything by default', () => {
    const again = importString(srtOf(doc), 'all.srt');
    expect(timingsAndText(again)).toEqual(timingsAndText(doc));
  });
});
