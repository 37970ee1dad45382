import { describe, expect, it } from 'vitest';
import {
  offsetTime,
  segmentSpan,
  spokenSpan,
  textSpanTime,
  type TimedSegment,
} from '../../../renderer/src/media/timing';

const timed: TimedSegment = {
  segmentId: 's1',
  text: 'Kim Jong Un met',
  words: [
    { text: 'Kim', startMs: 1000, endMs: 1300 },
    { text: 'Jong', startMs: 1300, endMs: 1600 },
    { text: 'Un', startMs: 1600, endMs: 1800 },
    { text: 'met', startMs: 2000, endMs: 2400 },
  ],
  startMs: 1000,
  endMs: 2400,
};
const untimed: TimedSegment = {
  segmentId: 's2',
  text: 'No words here',
  words: undefined,
  startMs: 5000,
  endMs: 7000,
};

describe('playback timing of a segment', () => {
  it('finds the word being spoken, keeping the last one through a pause', () => {
    expect(spokenSpan(timed, 999)).toBeNull();
    expect(spokenSpan(timed, 1000)).toEqual({ start: 0, end: 3 });
    expect(spokenSpan(timed, 1650)).toEqual({ start: 9, end: 11 });
    expect(spokenSpan(timed, 1900)).toEqual({ start: 9, end: 11 });
    expect(spokenSpan(timed, 2399)).toEqual({ start: 12, end: 15 });
    expect(spokenSpan(timed, 2400)).toBeNull();
  });

  it('paints the whole segment when it has only its own times', () => {
    expect(spokenSpan(untimed, 6000)).toEqual({ start: 0, end: 13 });
    expect(segmentSpan({ ...untimed, startMs: undefined })).toBeNull();
  });

  it('times a passage from the words overlapping it, or the segment', () => {
    expect(textSpanTime(timed, 4, 11)).toEqual({ startMs: 1300, endMs: 1800 });
    expect(textSpanTime(timed, 5, 6)).toEqual({ startMs: 1300, endMs: 1600 });
    expect(textSpanTime(untimed, 3, 8)).toEqual({ startMs: 5000, endMs: 7000 });
    expect(textSpanTime({ ...untimed, startMs: undefined, endMs: undefined }, 0, 2)).toBeNull();
  });

  it('seeks a click to the start of the word under it', () => {
    expect(offsetTime(timed, 5)).toBe(1300);
    expect(offsetTime(timed, 8)).toBe(1300);
    expect(offsetTime(timed, 9)).toBe(1600);
    expect(offsetTime(untimed, 4)).toBe(5000);
  });
});
