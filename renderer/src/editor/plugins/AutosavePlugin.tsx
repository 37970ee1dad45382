/**
 * Saves the document to the workspace within a second of any change, without being asked: after
 * 400 ms of quiet, or at the latest 1 s after the first unsaved change while someone keeps typing.
 * One save at a time; changes made during a save are saved right after it. The page also saves
 * when it is hidden or closed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $getNodeByKey, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { ViewState } from '../../../../shared/workspace/types';
import { toDocumentFlags } from '../../flags/flag-store';
import { $readDocument } from '../document-bridge';
import { $isSegmentNode, type SegmentNode } from '../nodes';
import { useEditorSession, type EditorSession } from '../session';

const QUIET_MS = 400;
const MAX_WAIT_MS = 1000;

export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; message: string };

export function AutosavePlugin({
  scrollContainer,
  onStatus,
}: {
  scrollContainer: () => HTMLElement | null;
  onStatus: (status: SaveStatus) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let maxTimer: ReturnType<typeof setTimeout> | undefined;
    let dirty = false;
    let saving: Promise<void> | null = null;

    const save = async (): Promise<void> => {
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      quietTimer = maxTimer = undefined;
      if (saving) {
        await saving;
        if (!dirty) return;
      }
      if (!dirty) return;
      dirty = false;
      onStatus({ state: 'saving' });
      const payload = buildPayload(session, editor, scrollContainer());
      saving = session.api
        .saveDocument(payload)
        .then((result) => {
          if (!dirty) onStatus({ state: 'saved', at: result.savedAt });
        })
        .catch((error: unknown) => {
          dirty = true;
          onStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          saving = null;
        });
      await saving;
      if (dirty) schedule();
    };

    const schedule = () => {
      dirty = true;
      onStatus({ state: 'unsaved' });
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => void save(), QUIET_MS);
      maxTimer ??= setTimeout(() => void save(), MAX_WAIT_MS);
    };

    const flushNow = () => {
      if (dirty) void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    const scroller = scrollContainer();
    let scrollTimer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(schedule, QUIET_MS);
    };

    const stops = [
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags, prevEditorState, editorState }) => {
        if (tags.has('glossa-load')) return;
        const selectionMoved = !prevEditorState._selection?.is(editorState._selection);
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0 || selectionMoved) schedule();
      }),
      session.flags.subscribe(schedule),
      session.suggestions.subscribe(schedule),
    ];
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    scroller?.addEventListener('scroll', onScroll, { passive: true });
    const stopFlush = session.provideFlush(save);
    return () => {
      stops.forEach((stop) => stop());
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      scroller?.removeEventListener('scroll', onScroll);
      clearTimeout(scrollTimer);
      // Leaving the document (back to the start screen): save what is pending now.
      flushNow();
      stopFlush();
    };
  }, [editor, session, scrollContainer, onStatus]);

  return null;
}

// The composer's editor, not session.editor: the last save runs while the document closes, after
// the session has let go of the editor.
function buildPayload(session: EditorSession, editor: LexicalEditor, scroller: HTMLElement | null) {
  return editor.getEditorState().read(() => ({
    documentId: session.documentId,
    document: $readDocument(session.metadata),
    flags: toDocumentFlags(session.flags.list()),
    viewState: $readViewState(scroller),
    openSuggestionCount: session.suggestions.list().length,
  }));
}

function $readViewState(scroller: HTMLElement | null): ViewState {
  const selection = $getSelection();
  let segmentId: string | null = null;
  let offset = 0;
  if ($isRangeSelection(selection)) {
    const anchor = selection.anchor;
    const node = $getNodeByKey(anchor.key);
    const segment = $isSegmentNode(node) ? node : node?.getParents().find($isSegmentNode);
    if (segment) {
      segmentId = segment.getSegmentId();
      offset = segmentOffsetOf(segment, anchor.key, anchor.offset, anchor.type);
    }
  }
  return { segmentId, offset, scrollTop: Math.max(0, Math.round(scroller?.scrollTop ?? 0)) };
}

function segmentOffsetOf(
  segment: SegmentNode,
  key: string,
  offset: number,
  type: 'text' | 'element',
): number {
  if (type === 'element') {
    return segment
      .getChildren()
      .slice(0, offset)
      .reduce((total, child) => total + child.getTextContentSize(), 0);
  }
  let total = 0;
  for (const child of segment.getChildren()) {
    if (child.getKey() === key) return total + offset;
    total += child.getTextContentSize();
  }
  return total;
}
