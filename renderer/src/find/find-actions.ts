/**
 * The editor side of find and replace: where the selection is, selecting a match without taking
 * focus from the find bar, and replacing matches as one undo step.
 */
import {
  $getSelection,
  $isRangeSelection,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
} from 'lexical';
import type { FindMatch } from '../../../shared/document/find-replace';
import { $segmentNodes } from '../editor/document-bridge';
import type { SegmentNode } from '../editor/nodes';
import { $replaceSpan, $segmentPlace, $selectSpan } from '../editor/segment-text';
import { $segmentById, type SegmentIndex } from '../editor/segment-index';
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
    const from = $segmentPlace(start);
    if (!from) return { anchor: null, selected: null };
    const anchor = { segmentId: from.segment.getSegmentId(), offset: from.offset };
    const oneSegment = !!$segmentPlace(end)?.segment.is(from.segment);
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
