/** Small helpers for clock times: every format stores time differently, the model in integer ms. */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** Seconds (Whisper's unit, a float) to integer milliseconds. */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * MS_PER_SECOND);
}

/**
 * Parses a clock time "H:MM:SS", "MM:SS" or either with a fraction ".mmm"/",mmm".
 * Minutes and seconds must be below 60. Returns undefined when the text is not such a time.
 */
export function parseClock(text: string): number | undefined {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction] = match;
  if (Number(minutes) >= 60 || Number(seconds) >= 60) return undefined;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return Number(hours) * MS_PER_HOUR + Number(minutes) * MS_PER_MINUTE + Number(seconds) * MS_PER_SECOND + ms;
}

/** Milliseconds as a short clock, 0:07, 12:34, 1:02:03: the editor's gutter and the text exports. */
export function formatShortClock(ms: number): string {
  const totalSeconds = Math.floor(ms / MS_PER_SECOND);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Milliseconds as "H:MM:SS", the way transcript services print speaker times. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / MS_PER_SECOND);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
