/**
 * What an editor update did to the segments, applied to everything anchored in them: suggestion
 * and flag anchors move through each edit at once (so underlines never sit on the wrong words),
 * flags of a segment merged into its neighbour follow the text, and the edited segments'
 * low-confidence shading is redrawn. Returns the segments whose text (or rejections) changed,
 * which the caller re-checks.
 */
import {
  $getNodeByKey,
  $getRoot,
  HISTORIC_TAG,
  type EditorState,
  type NodeKey,
  type UpdateListenerPayload,
} from 'lexical';
import type { TranscriptWord } from '../../../shared/document/model';
import { diffTexts } from '../../../shared/document/edit-mapping';
import { lowConfidenceSpans } from './low-confidence';
import { $isSegmentNode } from './nodes';
import type { EditorSession } from './session';

export const LOW_CONFIDENCE_LAYER = 'glossa-low-confidence';

type SegmentUpdate = Pick<
  UpdateListenerPayload,
  'editorState' | 'prevEditorState' | 'dirtyElements' | 'tags'
>;

export function syncEditedSegments(session: EditorSession, update: SegmentUpdate): string[] {
  const { editorState, prevEditorState, dirtyElements, tags } = update;
  if (dirtyElements.size === 0) return [];
  // Undo and redo replace the whole state and mark only the root dirty: compare every segment.
  const keys = tags.has(HISTORIC_TAG)
    ? editorState.read(() => $getRoot().getChildrenKeys())
    : [...dirtyElements.keys()];
  const after = readSegments(editorState, keys);
  const before = readSegments(prevEditorState, after.keys());
  const touched: string[] = [];
  for (const [key, segment] of after) {
    const old = before.get(key);
    const edit = old && old.id === segment.id ? diffTexts(old.text, segment.text) : null;
    const dismissedChanged = old?.dismissed !== segment.dismissed;
    if (old && old.id === segment.id && !edit && !dismissedChanged) continue;
    if (edit) {
      session.suggestions.applyEdit(segment.id, edit);
      session.flags.applyEdit(segment.id, edit);
    }
    session.painter?.setSegment(
      LOW_CONFIDENCE_LAYER,
      segment.id,
      lowConfidenceSpans(segment.words, segment.text),
    );
    touched.push(segment.id);
  }
  adoptMerged(session, [...dirtyElements.keys()], before, after, prevEditorState);
  if (touched.length > 0) session.painter?.repaint(touched);
  return touched;
}

interface SegmentSnapshot {
  key: NodeKey;
  id: string;
  text: string;
  dismissed: readonly string[];
  words: readonly TranscriptWord[];
}

function readSegments(state: EditorState, keys: Iterable<NodeKey>): Map<NodeKey, SegmentSnapshot> {
  const found = new Map<NodeKey, SegmentSnapshot>();
  state.read(() => {
    for (const key of keys) {
      const node = $getNodeByKey(key);
      if (!$isSegmentNode(node)) continue;
      found.set(key, {
        key,
        id: node.getSegmentId(),
        text: node.getTextContent(),
        dismissed: node.getDismissed(),
        words: node.getWords(),
      });
    }
  });
  return found;
}

/**
 * Segments that vanished in this update because their text was merged into a neighbour (Backspace
 * at a segment's start, Delete at its end): the flags on that text follow it into the neighbour.
 */
function adoptMerged(
  session: EditorSession,
  dirtyKeys: readonly NodeKey[],
  before: ReadonlyMap<NodeKey, SegmentSnapshot>,
  after: ReadonlyMap<NodeKey, SegmentSnapshot>,
  prevEditorState: EditorState,
): void {
  const goneKeys = dirtyKeys.filter((key) => !after.has(key));
  if (goneKeys.length === 0) return;
  for (const removed of readSegments(prevEditorState, goneKeys).values()) {
    for (const [key, survivor] of after) {
      const old = before.get(key);
      if (old && old.id === survivor.id && survivor.text === old.text + removed.text) {
        session.flags.adopt(removed.id, survivor.id, old.text.length);
        break;
      }
    }
  }
}
