/**
 * The editor's selection as the passage a new flag covers: one segment and a span of its text. A
 * flag never crosses segments, so a selection over several keeps its part in the first segment
 * (or in the next one holding some text, when the first part is only spaces); a caret with no
 * selection flags the word it is in.
 */
import { $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { $isSegmentNode, type SegmentNode } from '../editor/nodes';
import { $segmentPlace } from '../editor/segment-text';
import { trimSpan, wordAt, type Span } from './flag-span';

export interface FlagTarget {
  segmentId: string;
  start: number;
  end: number;
  /** The passage's text when it was chosen. */
  quote: string;
}

/** Call inside `editor.read()`; null when there is nothing to flag (no selection, only spaces). */
export function $readFlagTarget(): FlagTarget | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const [first, last] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const from = $segmentPlace(first);
  if (!from) return null;
  if (selection.isCollapsed()) {
    const text = from.segment.getTextContent();
    const word = wordAt(text, from.offset);
    return word ? toTarget(from.segment, text, word) : null;
  }
  const to = $segmentPlace(last);
  let segment: SegmentNode | null = from.segment;
  let start = from.offset;
  while (segment) {
    const text = segment.getTextContent();
    const isLast = !to || segment.is(to.segment);
    const span = trimSpan(text, start, isLast && to ? to.offset : text.length);
    if (span) return toTarget(segment, text, span);
    if (isLast) break;
    const next: LexicalNode | null = segment.getNextSibling();
    segment = $isSegmentNode(next) ? next : null;
    start = 0;
  }
  return null;
}

function toTarget(segment: SegmentNode, text: string, span: Span): FlagTarget {
  return {
    segmentId: segment.getSegmentId(),
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
  };
}
