/**
 * Text ↔ time for one segment, from its words re-aligned to its current text (one word per
 * whitespace-separated token, so word i is token i of wordSpans) or, without word timings, from
 * the segment's own start and end. Pure: the editor code reads the nodes and passes them in.
 */
import type { TranscriptWord } from '../../../shared/document/model';
import { segmentTimes, wordSpans } from '../../../shared/document/realign-words';
import type { Span } from '../editor/dom-ranges';

export interface TimedSegment {
  segmentId: string;
  text: string;
  /** Aligned to `text` (alignedWords), or undefined when the segment has no word timings. */
  words: readonly TranscriptWord[] | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** The time the segment covers: its words' extent, else its own times; null when untimed. */
export function segmentSpan(segment: TimedSegment): TimeSpan | null {
  const fromWords = segment.words ? segmentTimes(segment.words) : null;
  if (fromWords) return fromWords;
  if (segment.startMs === undefined) return null;
  return { startMs: segment.startMs, endMs: Math.max(segment.startMs, segment.endMs ?? segment.startMs) };
}

/**
 * The text being spoken at `ms`: the last word started by then (so the highlight stays on a word
 * through the pause after it), or the whole text when the segment has no word timings. Null when
 * `ms` is outside the segment.
 */
export function spokenSpan(segment: TimedSegment, ms: number): Span | null {
  const span = segmentSpan(segment);
  if (!span || ms < span.startMs || ms >= span.endMs) return null;
  const { words } = segment;
  const tokens = wordSpans(segment.text);
  if (!words || words.length === 0 || words.length !== tokens.length) {
    return segment.text.length > 0 ? { start: 0, end: segment.text.length } : null;
  }
  let spoken = -1;
  for (let i = 0; i < words.length; i++) {
    if ((words[i] as TranscriptWord).startMs <= ms) spoken = i;
  }
  return spoken === -1 ? null : (tokens[spoken] ?? null);
}

/**
 * The time of the text from `start` to `end` (offsets in the segment's text): from the start of
 * the first to the end of the last word overlapping it, or the segment's own times without word
 * timings. Null when the segment has no times at all.
 */
export function textSpanTime(segment: TimedSegment, start: number, end: number): TimeSpan | null {
  const { words } = segment;
  const tokens = wordSpans(segment.text);
  if (words && words.length > 0 && words.length === tokens.length) {
    let startMs = Infinity;
    let endMs = -Infinity;
    tokens.forEach((token, i) => {
      const overlaps = token.start < Math.max(end, start + 1) && start < token.end;
      if (!overlaps) return;
      const word = words[i] as TranscriptWord;
      startMs = Math.min(startMs, word.startMs);
      endMs = Math.max(endMs, word.endMs);
    });
    if (startMs !== Infinity) return { startMs, endMs };
  }
  return segmentSpan(segment);
}

/** Where to seek for a click at `offset`: the start of the word there, else the segment's start. */
export function offsetTime(segment: TimedSegment, offset: number): number | null {
  const { words } = segment;
  const tokens = wordSpans(segment.text);
  if (words && words.length > 0 && words.length === tokens.length) {
    // The word under (or just after) the offset, or the next one when it is in the space before it.
    const index = tokens.findIndex((token) => offset <= token.end);
    const word = words[index === -1 ? words.length - 1 : index];
    if (word) return word.startMs;
  }
  return segmentSpan(segment)?.startMs ?? null;
}

/**
 * A rough time for the text from `start` to `end` of a segment known only by its (estimated)
 * span: the same share of the span as of the characters. Speech is not even, so callers play it
 * with a lead-in and lead-out.
 */
export function proportionalSpanTime(
  segment: { text: string; startMs: number; endMs: number },
  start: number,
  end: number,
): TimeSpan {
  const length = Math.max(1, segment.text.length);
  const duration = Math.max(0, segment.endMs - segment.startMs);
  const at = (offset: number) =>
    Math.round(segment.startMs + (Math.min(Math.max(offset, 0), length) / length) * duration);
  return { startMs: at(start), endMs: Math.max(at(start), at(end)) };
}
