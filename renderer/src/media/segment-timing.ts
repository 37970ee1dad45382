/** The editor side of timing.ts: a segment node as a TimedSegment, a suggestion's time span. */
import { alignedWords } from '../editor/document-bridge';
import type { SegmentNode } from '../editor/nodes';
import { $segmentById } from '../editor/segment-index';
import type { EditorSession } from '../editor/session';
import { estimatedTimeline } from './timestamps/estimated-timeline';
import { proportionalSpanTime, textSpanTime, type TimedSegment, type TimeSpan } from './timing';

/** Inside a read or update. */
export function $timedSegment(node: SegmentNode): TimedSegment {
  const text = node.getTextContent();
  return {
    segmentId: node.getSegmentId(),
    text,
    words: alignedWords(node.getWords(), text),
    startMs: node.getStartMs(),
    endMs: node.getEndMs(),
  };
}

/** The time of a passage of a segment (a suggestion's words); null when it has no timings. */
export function passageTime(
  session: EditorSession,
  passage: { segmentId: string; start: number; end: number },
): TimeSpan | null {
  const editor = session.editor;
  if (!editor) return null;
  const state = editor.getEditorState();
  const exact = state.read(() => {
    const node = $segmentById(session.index, passage.segmentId);
    return node ? textSpanTime($timedSegment(node), passage.start, passage.end) : null;
  });
  if (exact) return exact;
  // An untimed transcript (plain text): where its segments would be if speech were even, from the
  // recording's length and the timestamps set so far (rough alignment), and the passage's share.
  const durationMs = session.media.state.get().durationMs;
  if (durationMs <= 0) return null;
  const estimated = estimatedTimeline(state, durationMs).find((s) => s.segmentId === passage.segmentId);
  if (estimated?.startMs === undefined || estimated.endMs === undefined) return null;
  return proportionalSpanTime(
    { text: estimated.text, startMs: estimated.startMs, endMs: estimated.endMs },
    passage.start,
    passage.end,
  );
}

/** Why a passage cannot be played, or null when it can. */
export function playBlocker(attached: boolean, time: TimeSpan | null): string | null {
  if (!attached) return 'Attach the audio or video first (Attach audio/video… above the transcript).';
  if (!time) return 'This text has no timings to play.';
  return null;
}
