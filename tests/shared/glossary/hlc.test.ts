/** The hybrid logical clock: table-driven readings, encoding, and string order = time order. */
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  formatHlc,
  HLC_MAX_COUNTER,
  hlcIso,
  parseHlc,
  receiveHlc,
  tickHlc,
  type HlcTime,
} from '../../../shared/glossary/hlc';

const t = (wall: number, counter: number): HlcTime => ({ wall, counter });

describe('tickHlc (a local event)', () => {
  it.each([
    ['the wall clock moved on: take it, counter 0', t(100, 5), 200, t(200, 0)],
    ['the same millisecond: count up', t(100, 5), 100, t(100, 6)],
    ['the wall clock went back: stay, count up', t(100, 5), 50, t(100, 6)],
    ['a full counter moves the logical wall on', t(100, HLC_MAX_COUNTER), 100, t(101, 0)],
    ['first reading ever', t(0, 0), 1_700_000_000_000, t(1_700_000_000_000, 0)],
  ])('%s', (_name, last, now, expected) => {
    expect(tickHlc(last, now)).toEqual(expected);
  });
});

describe('receiveHlc (a remote reading seen)', () => {
  it.each([
    ['the wall clock is ahead of both', t(100, 3), t(150, 9), 200, t(200, 0)],
    ['the remote clock is ahead', t(100, 3), t(300, 9), 200, t(300, 10)],
    ['the local clock is ahead', t(400, 3), t(300, 9), 200, t(400, 4)],
    ['both at the same wall: past the larger counter', t(300, 3), t(300, 9), 200, t(300, 10)],
    ['both at the same wall, local counter larger', t(300, 12), t(300, 9), 300, t(300, 13)],
    ['remote counter full', t(100, 0), t(300, HLC_MAX_COUNTER), 200, t(301, 0)],
  ])('%s', (_name, last, remote, now, expected) => {
    const next = receiveHlc(last, remote, now);
    expect(next).toEqual(expected);
    expect(compareHlc(next, last)).toBeGreaterThan(0);
    expect(compareHlc(next, remote)).toBeGreaterThan(0);
  });
});

describe('stamps', () => {
  it('encode wall, counter and device, and parse back', () => {
    const stamp = formatHlc(t(1_718_000_000_123, 0x2a), 'dev-1');
    expect(stamp).toBe('1718000000123-002a-dev-1');
    expect(parseHlc(stamp)).toEqual({ wall: 1_718_000_000_123, counter: 0x2a, device: 'dev-1' });
    expect(hlcIso(stamp)).toBe('2024-06-10T06:13:20.123Z');
  });

  it.each([
    ['short wall', '171800000012-002a-d'],
    ['upper-case counter', '1718000000123-002A-d'],
    ['no device', '1718000000123-002a-'],
    ['not a stamp', 'hello'],
  ])('refuses %s', (_name, stamp) => {
    expect(parseHlc(stamp)).toBeUndefined();
  });

  it('sort as strings in time order', () => {
    const times = [t(5, 0), t(5, 1), t(5, 0xff), t(5, 0x100), t(6, 0), t(1_000, 0), t(10_000_000, 3)];
    const stamps = times.map((time) => formatHlc(time, 'a'));
    expect([...stamps].reverse().sort()).toEqual(stamps);
  });
});
