/** The rows of the replace-all preview: where each change is, a little text around it, before → after. Pure. */
import type { FindMatch } from '../../../shared/document/find-replace';
import { matchKey } from './match-navigation';

/** How much text to show on either side of a match. */
export const CONTEXT_CHARS = 40;

export interface PreviewSegment {
  text: string;
  /** "Speaker · 1:02", or '' when the segment has neither. */
  label: string;
  /** 1-based position in the document, for segments without a label. */
  position: number;
}

export interface PreviewRow {
  key: string;
  match: FindMatch;
  where: string;
  before: string;
  after: string;
}

export function previewRows(
  matches: readonly FindMatch[],
  segments: ReadonlyMap<string, PreviewSegment>,
): PreviewRow[] {
  return matches.map((match) => {
    const segment = segments.get(match.segmentId);
    const text = segment?.text ?? '';
    return {
      key: matchKey(match),
      match,
      where: segment ? segment.label || `Segment ${segment.position}` : '',
      ...contextAround(text, match.start, match.end),
    };
  });
}

/**
 * Up to `radius` characters before and after [start, end), cut at a word boundary when one is near,
 * line breaks shown as spaces and an ellipsis where text was left out.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
  radius = CONTEXT_CHARS,
): { before: string; after: string } {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start && space - from < radius / 3) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end && to - space < radius / 3) to = space;
  }
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}
