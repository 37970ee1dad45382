/**
 * Offsets in a segment's text ↔ Lexical points, and the two edits every feature needs: select a span
 * (go to a suggestion, a flag, a find match) and replace a span (accept, replace). A segment normally
 * holds one text node; these also work when it holds several.
 */
import {
  $createRangeSelection,
  $getNodeByKey,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type PointType,
  type TextNode,
} from 'lexical';
import { $isSegmentNode, type SegmentNode } from './nodes';

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

/** A selection point as segment + offset into the segment's text. */
export interface SegmentPlace {
  segment: SegmentNode;
  offset: number;
}

/** Where a selection point is, as a segment and an offset into its text; null outside segments. */
export function $segmentPlace(point: Pick<PointType, 'key' | 'offset' | 'type'>): SegmentPlace | null {
  const node = $getNodeByKey(point.key);
  if (!node) return null;
  if ($isRootNode(node)) {
    // "Select all" may leave a point on the root, between two segments.
    const child = node.getChildAtIndex(point.offset);
    if ($isSegmentNode(child)) return { segment: child, offset: 0 };
    const lastChild = node.getLastChild();
    return $isSegmentNode(lastChild) ? { segment: lastChild, offset: lastChild.getTextContentSize() } : null;
  }
  const segment = $isSegmentNode(node) ? node : (node.getParents().find($isSegmentNode) ?? null);
  if (!segment) return null;
  if (point.type === 'element' && segment.is(node)) {
    const before = segment.getChildren().slice(0, point.offset);
    return { segment, offset: before.reduce((total, child) => total + child.getTextContentSize(), 0) };
  }
  let total = 0;
  for (const child of segment.getChildren()) {
    if (child.is(node) || child.isParentOf(node)) {
      return { segment, offset: total + (point.type === 'text' ? point.offset : 0) };
    }
    total += child.getTextContentSize();
  }
  return { segment, offset: total };
}
