/**
 * Rough alignment: times for the segments a transcript has none for, estimated from the timed
 * segments around them by the length of the text in between (speech runs at a roughly steady
 * number of characters per second). The estimates serve seeking and following playback only;
 * they are never saved or exported as real times.
 */

export interface TimingInput {
  /** The segment's own start (its words' or its own), when it has one. */
  startMs?: number;
  endMs?: number;
  /** Characters of text; an empty segment still counts as one, so it gets a time of its own. */
  length: number;
}

export interface EstimatedTiming {
  startMs: number;
  endMs: number;
  /** The start is an estimate (the segment has no start of its own). */
  approximateStart: boolean;
  /** The end is an estimate (the segment has no end of its own). */
  approximateEnd: boolean;
}

/** Where the recording begins and ends, used as anchors before the first and after the last timed segment. */
export interface TimingBounds {
  startMs?: number;
  endMs?: number;
}

const weight = (segment: TimingInput) => Math.max(1, segment.length);

/**
 * One entry per segment: its times, real where it has them and estimated where not; null where
 * nothing can be estimated (before the first timed segment without `bounds.startMs`, after the last
 * without `bounds.endMs`). Times never run backwards: an anchor earlier than the one before it is
 * treated as equal to it.
 */
export function estimateTimes(
  segments: readonly TimingInput[],
  bounds: TimingBounds = {},
): Array<EstimatedTiming | null> {
  const starts: Array<number | undefined> = segments.map((segment) => segment.startMs);
  const approximate = segments.map((segment) => segment.startMs === undefined);

  // Anchors: the timed segments, plus the recording's bounds as virtual anchors at either end.
  let previous: { index: number; ms: number } | null =
    bounds.startMs === undefined ? null : { index: -1, ms: bounds.startMs };
  const fill = (from: number, to: number, toMs: number) => {
    if (!previous) return;
    // The text from the previous anchor's start (or its end, when known) to the next anchor.
    const anchor = segments[previous.index];
    const anchorEnd = anchor?.endMs;
    const fromMs =
      anchorEnd !== undefined && anchorEnd >= previous.ms && anchorEnd <= toMs ? anchorEnd : previous.ms;
    const leading = anchor && fromMs === previous.ms ? weight(anchor) : 0;
    let total = leading;
    for (let i = from; i < to; i++) total += weight(segments[i] as TimingInput);
    if (total === 0) return;
    const span = Math.max(0, toMs - fromMs);
    let done = leading;
    for (let i = from; i < to; i++) {
      starts[i] = Math.round(fromMs + (span * done) / total);
      done += weight(segments[i] as TimingInput);
    }
  };

  for (let i = 0; i < segments.length; i++) {
    const own = segments[i]?.startMs;
    if (own === undefined) continue;
    const ms = previous ? Math.max(own, previous.ms) : own;
    fill(previous ? previous.index + 1 : 0, i, ms);
    previous = { index: i, ms };
  }
  if (bounds.endMs !== undefined && previous) {
    fill(previous.index + 1, segments.length, Math.max(bounds.endMs, previous.ms));
  }

  // The next known start after each segment, walking backwards once.
  const nextStarts: Array<number | undefined> = [];
  for (let i = segments.length - 1, next: number | undefined; i >= 0; i--) {
    nextStarts[i] = next;
    next = starts[i] ?? next;
  }

  return segments.map((segment, i) => {
    const startMs = starts[i];
    if (startMs === undefined) return null;
    const ownEnd = segment.endMs;
    const nextStart = nextStarts[i];
    const fallbackEnd = nextStart ?? (bounds.endMs !== undefined ? Math.max(bounds.endMs, startMs) : startMs);
    const endMs = ownEnd !== undefined && ownEnd >= startMs ? ownEnd : Math.max(startMs, fallbackEnd);
    return {
      startMs,
      endMs,
      approximateStart: approximate[i] as boolean,
      approximateEnd: ownEnd === undefined || ownEnd < startMs,
    };
  });
}
