/**
 * The gutter time is a control while a recording is attached: a click in a segment's gutter (its
 * left padding, where CSS draws speaker and time) seeks to the segment's start, real or estimated,
 * and plays. The label is generated content and cannot be a target of its own, so the plugin
 * hit-tests the pointer against the segment's padding box, and marks the editor while the pointer
 * is over a playable gutter so CSS shows a pointer cursor there.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { useEditorSession } from '../../editor/session';
import { estimatedTimeline } from './estimated-timeline';
import { playSegment } from './timestamp-actions';

export const GUTTER_HOVER_CLASS = 'gutter-seek-hover';

/** The segment whose gutter is under the pointer, or null. */
export function gutterSegmentAt(event: MouseEvent, root: HTMLElement): HTMLElement | null {
  const target = event.target instanceof Element ? event.target : null;
  const segment = target?.closest<HTMLElement>('[data-segment-id]');
  if (!segment || !root.contains(segment)) return null;
  const box = segment.getBoundingClientRect();
  const gutter = parseFloat(getComputedStyle(segment).paddingLeft) || 0;
  const inside = event.clientX >= box.left && event.clientX < box.left + gutter;
  return inside && event.clientY >= box.top && event.clientY < box.bottom ? segment : null;
}

export function GutterSeekPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const media = session.media;
    const hasTime = (segmentId: string) => {
      const timeline = estimatedTimeline(editor.getEditorState(), media.state.get().durationMs);
      return timeline.some((segment) => segment.segmentId === segmentId && segment.startMs !== undefined);
    };
    const playable = (event: MouseEvent, root: HTMLElement) => {
      if (!media.attached) return null;
      const segment = gutterSegmentAt(event, root);
      const id = segment?.dataset.segmentId;
      return id && hasTime(id) ? id : null;
    };

    let hovered = false;
    const setHover = (root: HTMLElement, on: boolean) => {
      if (on === hovered) return;
      hovered = on;
      root.classList.toggle(GUTTER_HOVER_CLASS, on);
    };

    const listen = (root: HTMLElement) => {
      // Mousedown, not click: the browser would first move the caret to the line beside the gutter.
      const onMouseDown = (event: MouseEvent) => {
        if (event.button !== 0 || event.shiftKey) return;
        const id = playable(event, root);
        if (!id) return;
        event.preventDefault();
        playSegment(session, id);
      };
      const onMove = (event: MouseEvent) => setHover(root, playable(event, root) !== null);
      const onLeave = () => setHover(root, false);
      root.addEventListener('mousedown', onMouseDown);
      root.addEventListener('mousemove', onMove);
      root.addEventListener('mouseleave', onLeave);
      return () => {
        root.removeEventListener('mousedown', onMouseDown);
        root.removeEventListener('mousemove', onMove);
        root.removeEventListener('mouseleave', onLeave);
        root.classList.remove(GUTTER_HOVER_CLASS);
        hovered = false;
      };
    };

    let stop: (() => void) | null = null;
    const stopRoot = editor.registerRootListener((root) => {
      stop?.();
      stop = root ? listen(root) : null;
    });
    return () => {
      stopRoot();
      stop?.();
    };
  }, [editor, session]);

  return null;
}
