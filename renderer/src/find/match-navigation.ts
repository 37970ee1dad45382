/**
 * Which match is current, and what the bar says about it. Pure: plain data in, plain data out, so
 * it is tested without an editor or a DOM.
 */
import type { FindMatch } from '../../../shared/document/find-replace';
import type { Span } from '../editor/dom-ranges';

/** A place in the document: a segment and an offset in its text. */
export interface FindAnchor {
  segmentId: string;
  offset: number;
}

/**
 * The first match at or after the anchor, in document order, wrapping round to the first match;
 * -1 when there are none. Without an anchor (or when its segment is gone) the first match.
 */
export function indexAtOrAfter(
  matches: readonly FindMatch[],
  orderOf: ReadonlyMap<string, number>,
  anchor: FindAnchor | null,
): number {
  if (matches.length === 0) return -1;
  const anchorOrder = anchor ? orderOf.get(anchor.segmentId) : undefined;
  if (!anchor || anchorOrder === undefined) return 0;
  const found = matches.findIndex((match) => {
    const order = orderOf.get(match.segmentId) ?? -1;
    return order > anchorOrder || (order === anchorOrder && match.start >= anchor.offset);
  });
  return found === -1 ? 0 : found;
}

/** The index one step forward (1) or back (-1) from `index`, wrapping round; -1 when count is 0. */
export function stepIndex(index: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (index < 0) return direction === 1 ? 0 : count - 1;
  return (index + direction + count) % count;
}

const numberFormat = new Intl.NumberFormat('en');

/** "3 of 12", "3 of 10,000+" when the search stopped early, "No matches", or '' before a query. */
export function countLabel(query: string, index: number, total: number, truncated: boolean): string {
  if (query === '') return '';
  if (total === 0) return 'No matches';
  const of = `${numberFormat.format(total)}${truncated ? '+' : ''}`;
  return index < 0 ? `${of} matches` : `${numberFormat.format(index + 1)} of ${of}`;
}

/** What the bar reports after replacing. */
export function replacedLabel(applied: number, skipped: number): string {
  const done = `Replaced ${numberFormat.format(applied)}`;
  if (skipped === 0) return `${done}.`;
  const changed =
    skipped === 1 ? '1 skipped: its text had changed' : `${skipped} skipped: their text had changed`;
  return `${done}; ${changed}.`;
}

/** A selection longer than this is not taken as the query. */
export const MAX_SEED_LENGTH = 100;

/**
 * The query a selection in the editor suggests: its text when short and on one line, escaped when
 * the query is a regular expression; null otherwise.
 */
export function seedQuery(selected: string | null, regex: boolean): string | null {
  if (selected === null || selected.trim() === '' || selected.length > MAX_SEED_LENGTH) return null;
  if (/[\r\n]/.test(selected)) return null;
  return regex ? selected.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : selected;
}

/** Identifies a match within one search result (for ticks in the preview). */
export function matchKey(match: Pick<FindMatch, 'segmentId' | 'start' | 'end'>): string {
  return `${match.segmentId}:${match.start}:${match.end}`;
}

/** The matches as highlight spans, per segment. */
export function spansBySegment(matches: readonly FindMatch[]): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const match of matches) {
    const list = spans.get(match.segmentId);
    const span = { start: match.start, end: match.end };
    if (list) list.push(span);
    else spans.set(match.segmentId, [span]);
  }
  return spans;
}

/**
 * The order to replace in so earlier offsets stay valid: within each segment from the last match
 * to the first (segments do not affect each other).
 */
export function replacementOrder<T extends Pick<FindMatch, 'segmentId' | 'start'>>(
  matches: readonly T[],
): T[] {
  const bySegment = new Map<string, T[]>();
  for (const match of matches) {
    const list = bySegment.get(match.segmentId);
    if (list) list.push(match);
    else bySegment.set(match.segmentId, [match]);
  }
  return [...bySegment.values()].flatMap((list) => list.sort((a, b) => b.start - a.start));
}
