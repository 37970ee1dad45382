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
  if (startMs !== undefined) parts.push(formatClock(startMs));
  return parts.join(separator);
}

/** 0:07, 12:34, 1:02:03 */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
