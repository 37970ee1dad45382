/**
 * Keeps suggestions, flags and highlights in step with typing (segment-sync.ts), and queues each
 * edited segment for a re-check by the engine on the Node side, off the UI thread. The result is
 * applied only if the segment still has the text that was checked.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { dismissalKey, withKeys } from '../../suggestions/suggestion-store';
import { $segmentById } from '../segment-index';
import { syncEditedSegments } from '../segment-sync';
import { useEditorSession, type EditorSession } from '../session';

/** Long enough to skip most keystrokes of a word, short enough to feel live. */
const RECHECK_DELAY_MS = 350;

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

    const unregister = editor.registerUpdateListener((update) => {
      const touched = syncEditedSegments(session, update);
      if (touched.length === 0) return;
      for (const id of touched) queue.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
    });

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
      const node = $segmentById(index, id);
      if (node) result.set(id, { text: node.getTextContent(), dismissed: node.getDismissed() });
    }
  });
  return result;
}
