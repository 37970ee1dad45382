/**
 * Hybrid logical clock (Kulkarni et al.): wall time in milliseconds plus a counter, so stamps
 * follow real time closely yet never go backwards and always move past every stamp seen. A stamp
 * is `<wall ms, 13 digits>-<counter, 4 hex>-<device>`; fixed widths make string order time order,
 * and the device id makes every stamp unique.
 */
import type { HlcStamp } from './sync-types';

export interface HlcTime {
  wall: number;
  counter: number;
}

export interface ParsedHlc extends HlcTime {
  device: string;
}

export const HLC_MAX_WALL = 9_999_999_999_999;
export const HLC_MAX_COUNTER = 0xffff;
export const HLC_ZERO: HlcTime = { wall: 0, counter: 0 };

const STAMP_PATTERN = /^(\d{13})-([0-9a-f]{4})-(.+)$/u;

export function formatHlc(time: HlcTime, device: string): HlcStamp {
  return `${String(time.wall).padStart(13, '0')}-${time.counter.toString(16).padStart(4, '0')}-${device}`;
}

/** undefined for anything that is not a well-formed stamp. */
export function parseHlc(stamp: string): ParsedHlc | undefined {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) return undefined;
  const [, wall, counter, device] = match;
  if (wall === undefined || counter === undefined || device === undefined) return undefined;
  return { wall: Number(wall), counter: parseInt(counter, 16), device };
}

/** The stamp's wall time as ISO 8601 (what history and conflicts show as "when"). */
export function hlcIso(stamp: HlcStamp): string {
  const wall = Number(stamp.slice(0, 13));
  return new Date(stamp.charAt(13) === '-' && Number.isSafeInteger(wall) ? wall : 0).toISOString();
}

export function compareHlc(a: HlcTime, b: HlcTime): number {
  return a.wall - b.wall || a.counter - b.counter;
}

/** The clock for a local event: now, or one tick past the last reading when the wall clock lags. */
export function tickHlc(last: HlcTime, now: number): HlcTime {
  if (now > last.wall) return { wall: now, counter: 0 };
  return bump(last.wall, last.counter + 1);
}

/** The clock after seeing a remote reading: past both it and the local one. */
export function receiveHlc(last: HlcTime, remote: HlcTime, now: number): HlcTime {
  const wall = Math.max(last.wall, remote.wall, now);
  if (wall === last.wall && wall === remote.wall) {
    return bump(wall, Math.max(last.counter, remote.counter) + 1);
  }
  if (wall === last.wall) return bump(wall, last.counter + 1);
  if (wall === remote.wall) return bump(wall, remote.counter + 1);
  return { wall, counter: 0 };
}

/** A counter that would not fit 4 hex digits moves the logical wall on by a millisecond instead. */
function bump(wall: number, counter: number): HlcTime {
  return counter > HLC_MAX_COUNTER ? { wall: wall + 1, counter: 0 } : { wall, counter };
}
