/**
 * The editor side of find and replace: where the selection is, selecting a match without taking
 * focus from the find bar, and replacing matches as one undo step.
 */
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import type { FindMatch } from '../../../shared/document/find-replace';
import { $segmentNodes } from '../editor/document-bridge';
import { $isSegmentNode, type SegmentNode } from '../editor/nodes';
import { $replaceSpan, $selectSpan } from '../editor/segment-text';
import type { SegmentIndex } from '../editor/segment-index';
import { replacementOrder, type FindAnchor } from './match-navigation';

/** Where the editor's selection starts, and its text when it lies within one segment. */
export interface SelectionPlace {
  anchor: FindAnchor | null;
  selected: string | null;
}

export function readSelectionPlace(editor: LexicalEditor): SelectionPlace {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return { anchor: null, selected: null };
    const [start, end] = selection.isBackward()
      ? [selection.focus, selection.anchor]
      : [selection.anchor, selection.focus];
    const startSegment = $segmentOf(start.getNode());
    if (!startSegment) return { anchor: null, selected: null };
    const anchor = { segmentId: startSegment.getSegmentId(), offset: $offsetInSegment(startSegment, start) };
    const endSegment = $segmentOf(end.getNode());
    const oneSegment = !!endSegment && endSegment.is(startSegment);
    return { anchor, selected: !selection.isCollapsed() && oneSegment ? selection.getTextContent() : null };
  });
}

/**
 * Selects the match in the editor's state without moving the DOM selection, so focus stays in the
 * find field; the selection shows once the editor has focus again.
 */
export function selectMatch(editor: LexicalEditor, index: SegmentIndex | null, match: FindMatch): void {
  editor.update(
    () => {
      const segment = $segmentById(index, match.segmentId);
      if (segment) $selectSpan(segment, match.start, match.end);
    },
    { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
  );
}

export interface ReplaceResult {
  applied: number;
  skipped: number;
}

/**
 * Replaces every match whose text still reads as it did when found, in ONE editor update (so one
 * undo step), from the last match of each segment to the first so earlier offsets stay valid. The
 * first replacement is left selected. Nothing is recorded in the history when nothing applies.
 */
export function replaceMatches(editor: LexicalEditor, matches: readonly FindMatch[]): ReplaceResult {
  const stillThere = editor.getEditorState().read(() => {
    const segments = $segmentsById();
    return matches.filter((match) => {
      const segment = segments.get(match.segmentId);
      return !!segment && $reads(segment, match);
    });
  });
  if (stillThere.length === 0) return { applied: 0, skipped: matches.length };
  let applied = 0;
  editor.update(
    () => {
      const segments = $segmentsById();
      const done = new Set<FindMatch>();
      for (const match of replacementOrder(stillThere)) {
        const segment = segments.get(match.segmentId);
        if (
          segment &&
          $reads(segment, match) &&
          $replaceSpan(segment, match.start, match.end, match.replacement)
        ) {
          done.add(match);
        }
      }
      applied = done.size;
      // The first change in document order keeps its start offset whatever came after it.
      const first = stillThere.find((match) => done.has(match));
      const segment = first && segments.get(first.segmentId);
      if (first && segment) $selectSpan(segment, first.start, first.start + first.replacement.length);
    },
    { discrete: true, tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG] },
  );
  return { applied, skipped: matches.length - applied };
}

function $reads(segment: SegmentNode, match: FindMatch): boolean {
  return segment.getTextContent().slice(match.start, match.end) === match.text;
}

function $segmentsById(): Map<string, SegmentNode> {
  return new Map($segmentNodes().map((node) => [node.getSegmentId(), node]));
}

function $segmentById(index: SegmentIndex | null, segmentId: string): SegmentNode | null {
  const key = index?.keyOf(segmentId);
  const node = key === undefined ? null : $getNodeByKey(key);
  if ($isSegmentNode(node) && node.getSegmentId() === segmentId) return node;
  return $segmentsById().get(segmentId) ?? null;
}

function $segmentOf(node: LexicalNode): SegmentNode | null {
  if ($isSegmentNode(node)) return node;
  const top = node.getTopLevelElement();
  return $isSegmentNode(top) ? top : null;
}

/** A selection point as an offset in its segment's text. */
function $offsetInSegment(segment: SegmentNode, point: PointType): number {
  const node = point.getNode();
  if (node.is(segment)) {
    return segment
      .getChildren()
      .slice(0, point.offset)
      .reduce((sum, child) => sum + child.getTextContentSize(), 0);
  }
  let offset = point.type === 'text' ? point.offset : 0;
  for (let sibling = node.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling()) {
    offset += sibling.getTextContentSize();
  }
  return offset;
}
