/** prepareExport: turns into paragraphs, flagged passages, clean verbatim, warnings; formatTimestamp. */
import { describe, expect, it } from 'vitest';
import { cutSpans, formatTimestamp, prepareExport } from '../../../shared/export/prepare';
import { documentOf, flag, inputOf } from './text-export-fixtures';

const DOC = documentOf([
  { speaker: 'Anna', startMs: 1000, endMs: 2000, text: 'Um, hello there.' },
  { speaker: 'Anna', startMs: 2000, endMs: 3000, text: 'The budget was ten million.' },
  { speaker: 'Bram', startMs: 3000, text: 'Right.' },
  { speaker: 'Bram', text: '   ' },
  { text: 'No speaker one.' },
  { text: 'No speaker two.' },
]);

describe('prepareExport', () => {
  it('groups consecutive segments of a speaker, skips empty ones, keeps speakerless segments apart', () => {
    const { paragraphs, warnings } = prepareExport(inputOf(DOC));
    expect(paragraphs).toEqual([
      {
        speaker: 'Anna',
        startMs: 1000,
        segments: [
          { id: 's1', startMs: 1000, endMs: 2000, text: 'Um, hello there.' },
          { id: 's2', startMs: 2000, endMs: 3000, text: 'The budget was ten million.' },
        ],
      },
      { speaker: 'Bram', startMs: 3000, segments: [{ id: 's3', startMs: 3000, text: 'Right.' }] },
      { segments: [{ id: 's5', text: 'No speaker one.' }] },
      { segments: [{ id: 's6', text: 'No speaker two.' }] },
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    {
      name: 'include keeps the passage',
      mode: 'include',
      flags: [flag('s2', 15, 26)],
      s2: 'The budget was ten million.',
    },
    { name: 'drop cuts the open passage', mode: 'drop', flags: [flag('s2', 15, 26)], s2: 'The budget was.' },
    {
      name: 'drop keeps resolved passages',
      mode: 'drop',
      flags: [flag('s2', 15, 26, true)],
      s2: 'The budget was ten million.',
    },
    {
      name: 'overlapping flags',
      mode: 'drop',
      flags: [flag('s2', 4, 14), flag('s2', 11, 19)],
      s2: 'The million.',
    },
    { name: 'flag at the start', mode: 'drop', flags: [flag('s2', 0, 11)], s2: 'was ten million.' },
  ] as const)('$name', ({ mode, flags, s2 }) => {
    const { paragraphs } = prepareExport(inputOf(DOC, { flaggedPassages: mode }, [...flags]));
    expect(paragraphs[0]?.segments[1]?.text).toBe(s2);
  });

  it('drops a segment that was flagged whole', () => {
    const { paragraphs } = prepareExport(inputOf(DOC, { flaggedPassages: 'drop' }, [flag('s3', 0, 6)]));
    expect(paragraphs.map((p) => p.speaker)).toEqual(['Anna', undefined, undefined]);
  });

  it.each([
    { flags: [], mode: 'include', warnings: [] },
    { flags: [flag('s1', 0, 3, true)], mode: 'include', warnings: [] },
    { flags: [flag('s1', 0, 3)], mode: 'include', warnings: ['1 flagged passage is still open'] },
    {
      flags: [flag('s1', 0, 3), flag('s2', 0, 3), flag('gone', 0, 3)],
      mode: 'include',
      warnings: ['2 flagged passages are still open'],
    },
    {
      flags: [flag('s1', 0, 3)],
      mode: 'drop',
      warnings: ['1 flagged passage is still open; left out of this export'],
    },
  ] as const)('warnings: $warnings', ({ flags, mode, warnings }) => {
    expect(prepareExport(inputOf(DOC, { flaggedPassages: mode }, [...flags])).warnings).toEqual(warnings);
  });

  it.each([
    { options: { cleanVerbatim: false }, first: 'Um, hello there.' },
    { options: { cleanVerbatim: true }, first: 'Hello there.' },
    { options: { cleanVerbatim: true, fillers: ['hello'] }, first: 'Um, there.' },
  ])('clean verbatim $options', ({ options, first }) => {
    expect(prepareExport(inputOf(DOC, options)).paragraphs[0]?.segments[0]?.text).toBe(first);
  });

  it("uses the document language's fillers", () => {
    const dutch = documentOf([{ text: 'Ehm, ja. Um.' }], { language: 'nl' });
    expect(prepareExport(inputOf(dutch, { cleanVerbatim: true })).paragraphs[0]?.segments[0]?.text).toBe(
      'Ja. Um.',
    );
  });
});

describe('cutSpans', () => {
  it.each([
    { text: 'a bc d', spans: [{ start: 2, end: 4 }], expected: 'a d' },
    { text: 'It is big, really.', spans: [{ start: 6, end: 9 }], expected: 'It is, really.' },
    { text: 'abc', spans: [{ start: -5, end: 99 }], expected: '' },
    { text: 'abc', spans: [{ start: 2, end: 1 }], expected: 'abc' },
    { text: 'Quoi ? Non', spans: [], expected: 'Quoi ? Non' },
  ])('$text $spans', ({ text, spans, expected }) => {
    expect(cutSpans(text, spans)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  it.each([
    { ms: 0, expected: '0:00' },
    { ms: 7_999, expected: '0:07' },
    { ms: 754_000, expected: '12:34' },
    { ms: 3_723_000, expected: '1:02:03' },
    { ms: 36_000_000, expected: '10:00:00' },
  ])('$ms → $expected', ({ ms, expected }) => {
    expect(formatTimestamp(ms)).toBe(expected);
  });
});
