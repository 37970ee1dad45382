/**
 * The document's segment times for the waveform, kept current as the transcript is edited: read
 * at most once a frame after an update, and replaced only when a time actually changed (typing
 * inside a segment leaves the list, and so the waveform, alone).
 */
import type { LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { estimatedTimeline } from './timestamps/estimated-timeline';
import { segmentSpan } from './timing';
import type { SegmentTime } from './waveform-paint';

const NONE: readonly SegmentTime[] = [];

/**
 * `durationMs` (the recording's length, 0 while unknown) places the segments of an untimed
 * transcript by estimate, drawn fainter than real times.
 */
export function useSegmentTimes(editor: LexicalEditor, durationMs: number): readonly SegmentTime[] {
  const [segments, setSegments] = useState<readonly SegmentTime[]>(NONE);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const next = estimatedTimeline(editor.getEditorState(), durationMs).flatMap((segment) => {
        const span = segmentSpan(segment);
        return span ? [{ segmentId: segment.segmentId, ...span, approximate: segment.approximate }] : [];
      });
      next.sort((a, b) => a.startMs - b.startMs);
      setSegments((previous) => (sameTimes(previous, next) ? previous : next));
    };
    read();
    const stop = editor.registerUpdateListener(() => {
      if (frame === 0) frame = requestAnimationFrame(read);
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [editor, durationMs]);
  return segments;
}

function sameTimes(a: readonly SegmentTime[], b: readonly SegmentTime[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as SegmentTime;
    const y = b[i] as SegmentTime;
    if (x.segmentId !== y.segmentId || x.startMs !== y.startMs || x.endMs !== y.endMs) return false;
    if (x.approximate !== y.approximate) return false;
  }
  return true;
}
