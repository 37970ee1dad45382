import { describe, expect, it } from 'vitest';
import {
  estimateTimes,
  type EstimatedTiming,
  type TimingBounds,
  type TimingInput,
} from '../../../shared/document/estimate-times';

/** [start, end] per segment, with "~" marking an estimated start; null where none. */
type Row = [number | string, number | string] | null;

function rows(result: Array<EstimatedTiming | null>): Row[] {
  return result.map((t) =>
    t ? [t.approximateStart ? `~${t.startMs}` : t.startMs, t.approximateEnd ? `~${t.endMs}` : t.endMs] : null,
  );
}

const seg = (length: number, startMs?: number, endMs?: number): TimingInput => ({
  length,
  ...(startMs !== undefined && { startMs }),
  ...(endMs !== undefined && { endMs }),
});

describe('estimateTimes', () => {
  const cases: Array<{ name: string; segments: TimingInput[]; bounds?: TimingBounds; expected: Row[] }> = [
    { name: 'no segments', segments: [], expected: [] },
    {
      name: 'nothing timed and no bounds: nothing to estimate',
      segments: [seg(10), seg(10)],
      expected: [null, null],
    },
    {
      name: 'all timed: real times, missing ends from the next start',
      segments: [seg(10, 0, 900), seg(10, 1000), seg(10, 2000)],
      expected: [
        [0, 900],
        [1000, '~2000'],
        [2000, '~2000'],
      ],
    },
    {
      name: 'untimed between two timed: shared by characters, the first timed one counting its own text',
      segments: [seg(10, 0), seg(10), seg(20), seg(5, 4000)],
      expected: [
        [0, '~1000'],
        ['~1000', '~2000'],
        ['~2000', '~4000'],
        [4000, '~4000'],
      ],
    },
    {
      name: 'a known end starts the run there, the timed text no longer counts',
      segments: [seg(10, 0, 1000), seg(10), seg(10), seg(5, 3000)],
      expected: [
        [0, 1000],
        ['~1000', '~2000'],
        ['~2000', '~3000'],
        [3000, '~3000'],
      ],
    },
    {
      name: 'an end past the next start is ignored for the run',
      segments: [seg(10, 0, 5000), seg(10), seg(5, 2000)],
      expected: [
        [0, 5000],
        ['~1000', '~2000'],
        [2000, '~2000'],
      ],
    },
    {
      name: 'empty segments weigh one character',
      segments: [seg(0, 0), seg(0), seg(0), seg(0, 300)],
      expected: [
        [0, '~100'],
        ['~100', '~200'],
        ['~200', '~300'],
        [300, '~300'],
      ],
    },
    {
      name: 'bounds anchor the runs before the first and after the last timed segment',
      segments: [seg(10), seg(10, 1000), seg(10), seg(10)],
      bounds: { startMs: 0, endMs: 4000 },
      expected: [
        ['~0', '~1000'],
        [1000, '~2000'],
        ['~2000', '~3000'],
        ['~3000', '~4000'],
      ],
    },
    {
      name: 'nothing timed, but the recording’s length known: the whole text spread over it',
      segments: [seg(30), seg(10)],
      bounds: { startMs: 0, endMs: 8000 },
      expected: [
        ['~0', '~6000'],
        ['~6000', '~8000'],
      ],
    },
    {
      name: 'only a start bound: untimed after the last timed segment stay unknown',
      segments: [seg(10), seg(10, 500), seg(10)],
      bounds: { startMs: 0 },
      expected: [['~0', '~500'], [500, '~500'], null],
    },
    {
      name: 'times running backwards: the run between collapses onto the earlier anchor',
      segments: [seg(10, 5000), seg(10), seg(10, 1000)],
      expected: [
        [5000, '~5000'],
        ['~5000', '~5000'],
        [1000, '~1000'],
      ],
    },
    {
      name: 'rounded to whole milliseconds',
      segments: [seg(1, 0), seg(1), seg(1), seg(1, 1000)],
      expected: [
        [0, '~333'],
        ['~333', '~667'],
        ['~667', '~1000'],
        [1000, '~1000'],
      ],
    },
  ];
  it.each(cases)('$name', ({ segments, bounds, expected }) => {
    expect(rows(estimateTimes(segments, bounds))).toEqual(expected);
  });

  it('handles a 3-hour transcript in linear time', () => {
    const segments = Array.from({ length: 20_000 }, (_, i) => seg(80, i % 100 === 0 ? i * 1000 : undefined));
    const started = performance.now();
    const result = estimateTimes(segments, { startMs: 0, endMs: 20_000_000 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.every((t) => t !== null)).toBe(true);
    expect(result[50]?.startMs).toBe(50_000);
  });
});
