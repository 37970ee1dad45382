/**
 * Shows the estimated start of each untimed segment in the gutter ("≈1:23", lighter than a real
 * time) while a recording is attached, so a person sees where a gutter click will seek. Written as
 * a data attribute the stylesheet draws, like the real label; nothing is saved.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { useEditorSession } from '../../editor/session';
import { formatShortClock } from '../../../../shared/formats/timecode';
import { estimatedTimeline } from './estimated-timeline';

/** Edits come in bursts while someone types; the estimates can wait until a pause. */
const QUIET_MS = 250;

/**
 * The attribute's text: "≈1:23", after a line break when the speaker's name is on the label's
 * first line, so it lands on the second line where a real time would be.
 */
export function approximateLabel(startMs: number, hasSpeaker: boolean): string {
  return `${hasSpeaker ? '\n' : ''}≈${formatShortClock(startMs)}`;
}

export function ApproximateTimesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();

  useEffect(() => {
    const media = session.media;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const paint = () => {
      timer = undefined;
      const root = editor.getRootElement();
      if (!root) return;
      const state = editor.getEditorState();
      const starts = new Map<string, number>();
      if (media.attached) {
        for (const segment of estimatedTimeline(state, media.state.get().durationMs)) {
          if (segment.approximate && segment.startMs !== undefined) {
            starts.set(segment.segmentId, segment.startMs);
          }
        }
      }
      // An untimed segment's label holds only its speaker, if anything.
      for (const element of root.querySelectorAll<HTMLElement>('[data-segment-id]')) {
        const startMs = starts.get(element.dataset.segmentId ?? '');
        const label = startMs === undefined ? undefined : approximateLabel(startMs, !!element.dataset.label);
        if (element.dataset.approxTime === label) continue;
        if (label === undefined) delete element.dataset.approxTime;
        else element.dataset.approxTime = label;
      }
    };
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(paint, delay);
    };

    let attached = media.attached;
    let durationMs = media.state.get().durationMs;
    const stops = [
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule(QUIET_MS);
      }),
      media.state.subscribe(() => {
        const state = media.state.get();
        if (media.attached === attached && state.durationMs === durationMs) return;
        attached = media.attached;
        durationMs = state.durationMs;
        schedule(0);
      }),
    ];
    schedule(0);
    return () => {
      clearTimeout(timer);
      stops.forEach((stop) => stop());
    };
  }, [editor, session]);

  return null;
}
