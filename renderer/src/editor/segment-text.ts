/**
 * Offsets in a segment's text ↔ Lexical points, and the two edits every feature needs: select a span
 * (go to a suggestion, a flag, a find match) and replace a span (accept, replace). A segment normally
 * holds one text node; these also work when it holds several.
 */
import { $createRangeSelection, $isTextNode, $setSelection, type TextNode } from 'lexical';
import type { SegmentNode } from './nodes';

interface TextPoint {
  node: TextNode;
  offset: number;
}

function $textPoint(segment: SegmentNode, offset: number, preferNext: boolean): TextPoint | null {
  let total = 0;
  const texts = segment.getChildren().filter($isTextNode);
  for (let i = 0; i < texts.length; i++) {
    const node = texts[i];
    if (!node) continue;
    const size = node.getTextContentSize();
    const last = i === texts.length - 1;
    if (offset < total + size || (offset === total + size && (!preferNext || last))) {
      return { node, offset: offset - total };
    }
    total += size;
  }
  return null;
}

/** Selects [start, end) of the segment's text; with start === end, puts the caret there. */
export function $selectSpan(segment: SegmentNode, start: number, end: number): void {
  const from = $textPoint(segment, start, true);
  const to = $textPoint(segment, end, false);
  const selection = $createRangeSelection();
  if (from && to) {
    selection.anchor.set(from.node.getKey(), from.offset, 'text');
    selection.focus.set(to.node.getKey(), to.offset, 'text');
  } else {
    selection.anchor.set(segment.getKey(), 0, 'element');
    selection.focus.set(segment.getKey(), 0, 'element');
  }
  $setSelection(selection);
}

/** Replaces [start, end) of the segment's text; false when the span is not there (text changed). */
export function $replaceSpan(segment: SegmentNode, start: number, end: number, replacement: string): boolean {
  const from = $textPoint(segment, start, true);
  const to = $textPoint(segment, end, false);
  if (!from || !to) return false;
  if (from.node.is(to.node)) {
    from.node.spliceText(from.offset, to.offset - from.offset, replacement, false);
    return true;
  }
  // Across text nodes (rare: formatting is refused, but pasted content may bring several).
  const selection = $createRangeSelection();
  selection.anchor.set(from.node.getKey(), from.offset, 'text');
  selection.focus.set(to.node.getKey(), to.offset, 'text');
  selection.insertText(replacement);
  return true;
}
