/**
 * Saves the document to the workspace within a second of any change, without being asked: after
 * 400 ms of quiet, or at the latest 1 s after the first unsaved change while someone keeps typing.
 * Only what changed travels (saveDocumentChanges): the edited segments, the order when segments
 * came or went, flags, view state — so a 3-hour transcript costs no more to save than a short one.
 * One save at a time; changes made during a save are saved right after it; a failed save keeps its
 * changes for the next try. The page also saves when it is hidden or closed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  HISTORIC_TAG,
  type EditorState,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import type { ViewState } from '../../../../shared/workspace/types';
import { ApiCallError } from '../../api/client';
import { toDocumentFlags } from '../../flags/flag-store';
import { $readDocument, $readSegment, $segmentNodes } from '../document-bridge';
import { $isSegmentNode, type SegmentNode } from '../nodes';
import { PendingChanges, type ChangesToSave } from '../pending-changes';
import { $segmentPlace } from '../segment-text';
import { useEditorSession, type EditorSession } from '../session';

const QUIET_MS = 400;
const MAX_WAIT_MS = 1000;

export function AutosavePlugin({ scrollContainer }: { scrollContainer: () => HTMLElement | null }): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const pending = new PendingChanges();
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
      session.setSaveStatus({ state: 'saving' });
      const changes = pending.take();
      saving = send(session, editor, changes, scrollContainer())
        .then((result) => {
          if (!dirty) session.setSaveStatus({ state: 'saved', at: result.savedAt });
        })
        .catch((error: unknown) => {
          pending.giveBack(changes);
          // A refused patch would be refused again: the next try sends the whole document.
          if (error instanceof ApiCallError && error.code === 'invalid') pending.everythingChanged();
          dirty = true;
          session.setSaveStatus({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        })
        .finally(() => {
          saving = null;
        });
      await saving;
      if (dirty) schedule();
    };

    const schedule = () => {
      dirty = true;
      // A failure stays on screen, with its reason, until a save succeeds.
      if (session.saveStatus.get().state !== 'failed') session.setSaveStatus({ state: 'unsaved' });
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
        // Undo and redo swap in a whole earlier state and mark only the root: save everything.
        if (tags.has(HISTORIC_TAG)) pending.everythingChanged();
        else noteChangedSegments(editorState, dirtyElements.keys(), pending);
        const selectionMoved = !prevEditorState._selection?.is(editorState._selection);
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0 || selectionMoved) schedule();
      }),
      session.index?.onStructureChange(() => {
        pending.structureChanged();
        schedule();
      }) ?? (() => {}),
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
  }, [editor, session, scrollContainer]);

  return null;
}

function noteChangedSegments(state: EditorState, keys: Iterable<NodeKey>, pending: PendingChanges): void {
  state.read(() => {
    for (const key of keys) {
      const node = $getNodeByKey(key);
      if ($isSegmentNode(node)) pending.segmentChanged(node.getSegmentId());
    }
  });
}

// The composer's editor, not session.editor: the last save runs while the document closes, after
// the session has let go of the editor.
function send(
  session: EditorSession,
  editor: LexicalEditor,
  changes: ChangesToSave,
  scroller: HTMLElement | null,
) {
  const common = {
    documentId: session.documentId,
    flags: toDocumentFlags(session.flags.list()),
    openSuggestionCount: session.suggestions.list().length,
  };
  return editor.getEditorState().read(() => {
    const viewState = $readViewState(scroller);
    if (changes.whole) {
      return session.api.saveDocument({ ...common, viewState, document: $readDocument(session.metadata) });
    }
    const nodes = $segmentNodes();
    const byId = new Map<string, SegmentNode>();
    if (changes.segmentIds.size > 0) for (const node of nodes) byId.set(node.getSegmentId(), node);
    const segments = [...changes.segmentIds].flatMap((id) => {
      const node = byId.get(id);
      return node ? [$readSegment(node)] : []; // gone since: the order says so
    });
    const order = changes.structure ? nodes.map((node) => node.getSegmentId()) : null;
    return session.api.saveDocumentChanges({ ...common, viewState, segments, order });
  });
}

function $readViewState(scroller: HTMLElement | null): ViewState {
  const selection = $getSelection();
  const place = $isRangeSelection(selection) ? $segmentPlace(selection.anchor) : null;
  return {
    segmentId: place?.segment.getSegmentId() ?? null,
    offset: place?.offset ?? 0,
    scrollTop: Math.max(0, Math.round(scroller?.scrollTop ?? 0)),
  };
}
