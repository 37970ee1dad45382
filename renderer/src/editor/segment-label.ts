import { formatShortClock } from '../../../shared/formats/timecode';

/**
 * A segment's label: "Speaker · 1:02:03", either part alone, or nothing. The gutter puts the two
 * parts on two lines (separator "\n").
 */
export function segmentLabel(
  speaker: string | undefined,
  startMs: number | undefined,
  separator = ' · ',
): string {
  const parts: string[] = [];
  if (speaker) parts.push(speaker);
  if (startMs !== undefined) parts.push(formatShortClock(startMs));
  return parts.join(separator);
}
