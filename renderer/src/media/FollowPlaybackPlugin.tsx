/**
 * Follows playback in the text: paints the word being spoken (the whole segment when it has no
 * word timings) in the 'glossa-playing' layer, at most once per animation frame, and keeps its
 * segment in view unless the person scrolled in the last few seconds. Ctrl/Cmd+click on a word
 * seeks to it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { domPointToSegmentOffset } from '../editor/dom-ranges';
import { useEditorSession } from '../editor/session';
import { isMac } from '../shortcuts/platform';
import { estimatedTimeline } from './timestamps/estimated-timeline';
import { offsetTime, segmentSpan, spokenSpan, type TimedSegment } from './timing';

export const PLAYING_LAYER = 'glossa-playing';
/** After the person scrolls the transcript, playback leaves the scroll alone this long. */
const MANUAL_SCROLL_GRACE_MS = 3000;

export function FollowPlaybackPlugin({
  scrollContainer,
}: {
  scrollContainer: () => HTMLElement | null;
}): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const media = session.media;
    let painted: { segmentId: string; start: number; end: number } | null = null;
    let lastSegment: string | null = null;
    let hint = 0;
    let frame = 0;
    let userScrollAt = -Infinity;
    let ownScrollUntil = 0;

    // The segments with their times, cached per editor state (rebuilt lazily after an edit);
    // untimed segments follow by estimated times (timestamps/estimated-timeline), never saved.
    const timeline = (): TimedSegment[] =>
      estimatedTimeline(editor.getEditorState(), media.state.get().durationMs);

    /** The segment playing at ms; starts from the last one, since playback mostly moves forward. */
    const segmentAt = (ms: number): TimedSegment | null => {
      const list = timeline();
      for (let step = 0; step < list.length; step++) {
        const index = (hint + step) % list.length;
        const segment = list[index] as TimedSegment;
        const span = segmentSpan(segment);
        if (span && span.startMs <= ms && ms < span.endMs) {
          hint = index;
          return segment;
        }
      }
      return null;
    };

    const paint = () => {
      frame = 0;
      const painter = session.painter;
      if (!painter) return;
      const attached = media.attached;
      const ms = media.position.get();
      const segment = attached ? segmentAt(ms) : null;
      const span = segment ? spokenSpan(segment, ms) : null;
      const next = segment && span ? { segmentId: segment.segmentId, ...span } : null;
      if (
        next?.segmentId === painted?.segmentId &&
        next?.start === painted?.start &&
        next?.end === painted?.end
      )
        return;
      painted = next;
      painter.setLayer(
        PLAYING_LAYER,
        next ? new Map([[next.segmentId, [{ start: next.start, end: next.end }]]]) : new Map(),
      );
      if (next && next.segmentId !== lastSegment && media.state.get().playing) {
        lastSegment = next.segmentId;
        keepInView(next.segmentId);
      }
      if (!next) lastSegment = null;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };

    const keepInView = (segmentId: string) => {
      if (performance.now() - userScrollAt < MANUAL_SCROLL_GRACE_MS) return;
      const element = session.index?.element(segmentId);
      if (!element) return;
      ownScrollUntil = performance.now() + 200;
      element.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    };

    const container = scrollContainer();
    const onScroll = () => {
      if (performance.now() > ownScrollUntil) userScrollAt = performance.now();
    };
    const onWheel = () => {
      userScrollAt = performance.now();
    };
    container?.addEventListener('scroll', onScroll, { passive: true });
    container?.addEventListener('wheel', onWheel, { passive: true });

    const seekToClick = (event: MouseEvent) => {
      const modifier = isMac ? event.metaKey : event.ctrlKey;
      if (!modifier || event.button !== 0 || !media.attached) return;
      const position = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      const place = position ? domPointToSegmentOffset(position.offsetNode, position.offset) : null;
      if (!place) return;
      const segment = timeline().find((timed) => timed.segmentId === place.segmentId);
      const ms = segment ? offsetTime(segment, place.offset) : null;
      if (ms === null) return;
      event.preventDefault();
      media.seek(ms);
    };

    const stopClick = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', seekToClick);
      root?.addEventListener('click', seekToClick);
    });
    const stops = [
      media.position.subscribe(schedule),
      media.state.subscribe(schedule),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // The painter repaints edited segments itself; the spoken word's offsets may have moved.
        painted = null;
        if (media.attached) schedule();
      }),
    ];
    return () => {
      cancelAnimationFrame(frame);
      stops.forEach((stop) => stop());
      stopClick();
      container?.removeEventListener('scroll', onScroll);
      container?.removeEventListener('wheel', onWheel);
      session.painter?.setLayer(PLAYING_LAYER, new Map());
    };
  }, [editor, session, scrollContainer]);

  return null;
}
