/**
 * Keeps suggestions, flags and highlights in step with typing. After each update it looks only at
 * the segments Lexical marked dirty: anchors are moved through the edit at once (so underlines never
 * sit on the wrong words), the segment's highlights are repainted, and the segment is queued for a
 * re-check by the engine on the Node side, off the UI thread. The result is applied only if the
 * segment still has the text that was checked.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, HISTORIC_TAG, type EditorState, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import type { TranscriptWord } from '../../../../shared/document/model';
import { diffTexts } from '../../../../shared/document/edit-mapping';
import { dismissalKey, withKeys } from '../../suggestions/suggestion-store';
import { lowConfidenceSpans } from '../low-confidence';
import { $isSegmentNode } from '../nodes';
import { useEditorSession, type EditorSession } from '../session';

/** Long enough to skip most keystrokes of a word, short enough to feel live. */
const RECHECK_DELAY_MS = 350;
export const LOW_CONFIDENCE_LAYER = 'glossa-low-confidence';

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

export function SyncPlugin({ onCheckError }: { onCheckError: (message: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const queue = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const recheck = async () => {
      timer = undefined;
      const ids = [...queue];
      queue.clear();
      const sent = currentTexts(session, ids);
      if (sent.size === 0) return;
      let results;
      try {
        results = await session.api.checkSegments({
          documentId: session.documentId,
          segments: [...sent].map(([id, { text }]) => ({ id, text })),
        });
      } catch (error) {
        onCheckError(error instanceof Error ? error.message : String(error));
        return;
      }
      const now = currentTexts(session, [...sent.keys()]);
      for (const [id, { text }] of sent) {
        const current = now.get(id);
        if (!current || current.text !== text) continue; // edited again meanwhile: its own check is queued
        const dismissed = new Set(current.dismissed);
        const fresh = results.filter(
          (s) => s.segmentId === id && !dismissed.has(dismissalKey(s.termId, s.text)),
        );
        session.suggestions.replaceSegment(id, withKeys(fresh));
      }
    };

    const unregister = editor.registerUpdateListener(
      ({ editorState, prevEditorState, dirtyElements, tags }) => {
        if (dirtyElements.size === 0) return;
        // Undo and redo replace the whole state and mark only the root dirty: compare every segment.
        const keys = tags.has(HISTORIC_TAG)
          ? editorState.read(() => $getRoot().getChildrenKeys())
          : dirtyElements.keys();
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
          queue.add(segment.id);
        }
        if (touched.length === 0) return;
        session.painter?.repaint(touched);
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
      },
    );

    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, session, onCheckError]);

  return null;
}

/** Text and dismissals of the given segments as the editor holds them now. */
function currentTexts(
  session: EditorSession,
  ids: readonly string[],
): Map<string, { text: string; dismissed: readonly string[] }> {
  const result = new Map<string, { text: string; dismissed: readonly string[] }>();
  const { editor, index } = session;
  if (!editor || !index) return result;
  editor.getEditorState().read(() => {
    for (const id of ids) {
      const key = index.keyOf(id);
      const node = key === undefined ? null : $getNodeByKey(key);
      if ($isSegmentNode(node) && node.getSegmentId() === id) {
        result.set(id, { text: node.getTextContent(), dismissed: node.getDismissed() });
      }
    }
  });
  return result;
}
