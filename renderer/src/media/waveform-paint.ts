/**
 * Draws one frame of the waveform: the shaded current segment, the peaks of the visible window,
 * the segment boundaries and the playhead. Plain canvas calls, no React; the component decides
 * when a frame is due (only when something changed) and sizes the canvas for devicePixelRatio.
 */
import { columnPeaks, xAtMs, type WaveformData, type WaveformView } from '../../../shared/media/waveform';

export interface SegmentTime {
  segmentId: string;
  startMs: number;
  endMs: number;
  /** Placed by estimate (an untimed transcript): drawn fainter. */
  approximate?: boolean;
}

export interface WaveformColors {
  wave: string;
  played: string;
  boundary: string;
  current: string;
  playhead: string;
}

export interface WaveformFrame {
  data: WaveformData;
  view: WaveformView;
  /** Sorted by start. */
  segments: readonly SegmentTime[];
  /** The segment the playhead is in, or null. */
  current: SegmentTime | null;
  playheadMs: number;
  colors: WaveformColors;
  /** CSS pixels; the context is already scaled by devicePixelRatio. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: one column of peaks per device pixel. */
  pixelRatio: number;
}

/** Draws the frame; returns how many boundary lines were drawn (the tests read it). */
export function paintWaveform(context: CanvasRenderingContext2D, frame: WaveformFrame): number {
  const { view, width, height, colors } = frame;
  context.clearRect(0, 0, width, height);

  if (frame.current) {
    const from = Math.max(0, xAtMs(frame.current.startMs, width, view));
    const to = Math.min(width, xAtMs(frame.current.endMs, width, view));
    if (to > from) {
      context.fillStyle = colors.current;
      context.fillRect(from, 0, to - from, height);
    }
  }

  const columns = Math.max(1, Math.round(width * frame.pixelRatio));
  const peaks = columnPeaks(frame.data, view, columns);
  const middle = height / 2;
  const scale = (height / 2) * 0.95;
  const step = width / columns;
  const playedX = xAtMs(frame.playheadMs, width, view);
  for (const [color, played] of [
    [colors.played, true],
    [colors.wave, false],
  ] as const) {
    context.fillStyle = color;
    context.beginPath();
    for (let column = 0; column < columns; column++) {
      const x = column * step;
      if (x < playedX !== played) continue;
      const top = middle - (peaks[column * 2 + 1] as number) * scale;
      const bottom = middle - (peaks[column * 2] as number) * scale;
      // At least a hairline, so silence still reads as a line.
      context.rect(x, top, step, Math.max(1 / frame.pixelRatio, bottom - top));
    }
    context.fill();
  }

  let drawn = 0;
  context.fillStyle = colors.boundary;
  const lineWidth = Math.max(1, frame.pixelRatio) / frame.pixelRatio;
  let lastX = -Infinity;
  for (const segment of frame.segments) {
    if (segment.endMs < view.startMs) continue;
    if (segment.startMs > view.startMs + view.spanMs) break;
    for (const ms of [segment.startMs, segment.endMs]) {
      const x = xAtMs(ms, width, view);
      // One line where a segment ends as the next begins; none off the canvas.
      if (x < 0 || x > width || Math.abs(x - lastX) < 1) continue;
      context.globalAlpha = segment.approximate ? 0.35 : 1;
      context.fillRect(x, 0, lineWidth, height);
      context.globalAlpha = 1;
      lastX = x;
      drawn++;
    }
  }

  if (playedX >= 0 && playedX <= width) {
    context.fillStyle = colors.playhead;
    context.fillRect(Math.min(width - 2, Math.max(0, playedX - 1)), 0, 2, height);
  }
  return drawn;
}

/** The segment whose time contains `ms` (the last one starting by then, if it has not ended). */
export function segmentAt(segments: readonly SegmentTime[], ms: number): SegmentTime | null {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((segments[mid] as SegmentTime).startMs <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const segment = found === -1 ? null : (segments[found] as SegmentTime);
  return segment && ms < segment.endMs ? segment : null;
}
