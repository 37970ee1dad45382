/**
 * The segments' times for seeking and following playback: real times where a segment has them,
 * rough estimates (shared/document/estimate-times) where it has none, between the timed segments
 * and the recording's start and end. Estimates live only here, never in the document.
 */
import type { EditorState } from 'lexical';
import { estimateTimes, type TimingInput } from '../../../../shared/document/estimate-times';
import { segmentTimes } from '../../../../shared/document/realign-words';
import { $segmentNodes } from '../../editor/document-bridge';
import { $timedSegment } from '../segment-timing';
import type { TimedSegment } from '../timing';

export interface EstimatedSegment extends TimedSegment {
  /** The start is an estimate, to be shown as approximate. */
  approximate: boolean;
}

// One timeline per editor state and recording length: the follow-playback plugin, the gutter and
// the keyboard command share it, and an edit (a new state) makes the next read rebuild it.
const cache = new WeakMap<EditorState, { durationMs: number; timeline: EstimatedSegment[] }>();

/** The editor state's segments with real or estimated times; `durationMs` 0 when unknown. */
export function estimatedTimeline(state: EditorState, durationMs: number): EstimatedSegment[] {
  const cached = cache.get(state);
  if (cached && cached.durationMs === durationMs) return cached.timeline;
  const timeline = state.read(() => withEstimates($segmentNodes().map($timedSegment), durationMs));
  cache.set(state, { durationMs, timeline });
  return timeline;
}

export function withEstimates(segments: readonly TimedSegment[], durationMs: number): EstimatedSegment[] {
  const inputs = segments.map((segment): TimingInput => {
    const times = segment.words && segment.words.length > 0 ? segmentTimes(segment.words) : null;
    const startMs = times?.startMs ?? segment.startMs;
    const endMs = times?.endMs ?? segment.endMs;
    return {
      length: segment.text.length,
      ...(startMs !== undefined && { startMs }),
      ...(endMs !== undefined && { endMs }),
    };
  });
  const estimates = estimateTimes(inputs, { startMs: 0, ...(durationMs > 0 && { endMs: durationMs }) });
  return segments.map((segment, i) => {
    const estimate = estimates[i];
    const hasWords = !!segment.words && segment.words.length > 0;
    // Word-timed segments are followed by their words; the rest by their (estimated) span.
    if (!estimate || hasWords) return { ...segment, approximate: false };
    return {
      ...segment,
      startMs: estimate.startMs,
      endMs: estimate.endMs,
      approximate: estimate.approximateStart,
    };
  });
}
