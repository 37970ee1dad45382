/**
 * Which part of a segment's text a flag covers, as pure functions over the text: a selection is
 * trimmed of the spaces at its edges, and a caret with no selection flags the word it touches.
 */

export interface Span {
  start: number;
  end: number;
}

/** Letters and digits, joined by apostrophes, hyphens and dots inside a word ("Jong-nam", "U.S"). */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** [start, end) without the white space at either edge; null when nothing but white space is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The word the caret at `offset` is in or touches: inside a word, or just before or after one (the
 * word before wins, as the caret usually stops right after what was typed). Null between spaces.
 */
export function wordAt(text: string, offset: number): Span | null {
  let touching: Span | null = null;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > offset) return touching;
    if (offset <= end) {
      if (offset < end) return { start, end };
      touching = { start, end };
    }
  }
  return touching;
}

/**
 * Where a passage that read `passage` at `span` is in `text` now: the same span when it still reads
 * so, else the occurrence nearest to it, else the span clipped to the text; null for an empty text.
 */
export function relocateSpan(text: string, span: Span, passage: string): Span | null {
  if (text.slice(span.start, span.end) === passage && span.start < span.end) return span;
  let best: Span | null = null;
  if (passage !== '') {
    for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) {
      if (!best || Math.abs(at - span.start) < Math.abs(best.start - span.start)) {
        best = { start: at, end: at + passage.length };
      }
    }
  }
  if (best) return best;
  if (text.length === 0) return null;
  const start = Math.min(span.start, text.length - 1);
  return { start, end: Math.min(Math.max(span.end, start + 1), text.length) };
}
