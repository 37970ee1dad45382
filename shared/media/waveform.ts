/**
 * A recording's waveform as the Node side computes it and the renderer draws it: the mono mix's
 * lowest and highest sample in each bucket of a fixed length (1/bucketsPerSecond s), quantised to
 * signed 8 bits. Three hours at 100 buckets a second is about 2 MB. Pure: the helpers here map
 * buckets to time and fold buckets into the columns of a zoomed view.
 */

export interface WaveformData {
  /** Two bytes per bucket, min then max, each an Int8 (−127…127) stored as its byte. */
  peaks: Uint8Array;
  bucketsPerSecond: number;
  /** The decoded audio's sample rate (informational). */
  sampleRate: number;
  durationMs: number;
}

/** The resolution the Node side computes: 10 ms a bucket, finer than one word. */
export const BUCKETS_PER_SECOND = 100;
export const PEAK_SCALE = 127;

export function bucketCount(data: Pick<WaveformData, 'peaks'>): number {
  return data.peaks.length >> 1;
}

/** The bucket that holds `ms` (not clamped). */
export function bucketAtMs(ms: number, bucketsPerSecond: number): number {
  return Math.floor((ms * bucketsPerSecond) / 1000);
}

/** Where bucket `index` starts, in ms. */
export function msAtBucket(index: number, bucketsPerSecond: number): number {
  return (index * 1000) / bucketsPerSecond;
}

/** A sample (−1…1, clipped) as the byte of its Int8 quantisation. */
export function quantisePeak(value: number): number {
  const clipped = value > 1 ? 1 : value < -1 ? -1 : value;
  return Math.round(clipped * PEAK_SCALE) & 0xff;
}

/** A stored byte back to −1…1. */
export function peakValue(byte: number): number {
  return (byte > 127 ? byte - 256 : byte) / PEAK_SCALE;
}

/** The part of the recording a view shows. */
export interface WaveformView {
  startMs: number;
  spanMs: number;
}

/**
 * The lowest and highest value (−1…1) in each of `columns` equal slices of `view`: a column
 * covering many buckets takes their extremes; one narrower than a bucket takes the bucket it is
 * in. Columns past the end of the recording are flat (0, 0). Returns [min0, max0, min1, max1, …].
 */
export function columnPeaks(data: WaveformData, view: WaveformView, columns: number): Float32Array {
  const out = new Float32Array(Math.max(0, columns) * 2);
  const count = bucketCount(data);
  if (count === 0 || columns <= 0 || view.spanMs <= 0) return out;
  const bucketsPerColumn = (view.spanMs * data.bucketsPerSecond) / 1000 / columns;
  const first = (view.startMs * data.bucketsPerSecond) / 1000;
  for (let column = 0; column < columns; column++) {
    const from = Math.floor(first + column * bucketsPerColumn);
    const to = Math.max(from + 1, Math.floor(first + (column + 1) * bucketsPerColumn));
    let min = 127;
    let max = -127;
    for (let bucket = Math.max(0, from); bucket < Math.min(count, to); bucket++) {
      const low = signed(data.peaks[bucket * 2] as number);
      const high = signed(data.peaks[bucket * 2 + 1] as number);
      if (low < min) min = low;
      if (high > max) max = high;
    }
    if (max < min) continue; // No bucket there: before the start or past the end.
    out[column * 2] = min / PEAK_SCALE;
    out[column * 2 + 1] = max / PEAK_SCALE;
  }
  return out;
}

const signed = (byte: number) => (byte > 127 ? byte - 256 : byte);

/** The narrowest view: 2 s across the whole width, about a word and a half. */
export const MIN_VIEW_SPAN_MS = 2000;

/** Keeps a view inside the recording and no narrower than MIN_VIEW_SPAN_MS (or the recording). */
export function clampView(view: WaveformView, durationMs: number): WaveformView {
  const whole = Math.max(0, durationMs);
  const spanMs = Math.min(whole, Math.max(Math.min(MIN_VIEW_SPAN_MS, whole), view.spanMs));
  const startMs = Math.min(Math.max(0, view.startMs), whole - spanMs);
  return { startMs: Math.max(0, startMs), spanMs };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping `anchorMs` where it is on screen (the pointer, or the
 * playhead for buttons and keys).
 */
export function zoomView(
  view: WaveformView,
  factor: number,
  anchorMs: number,
  durationMs: number,
): WaveformView {
  if (!(factor > 0) || view.spanMs <= 0) return clampView(view, durationMs);
  const fraction = Math.min(1, Math.max(0, (anchorMs - view.startMs) / view.spanMs));
  const spanMs = view.spanMs / factor;
  return clampView({ startMs: anchorMs - fraction * spanMs, spanMs }, durationMs);
}

/** Moves the view by `deltaMs`, within the recording. */
export function scrollView(view: WaveformView, deltaMs: number, durationMs: number): WaveformView {
  return clampView({ startMs: view.startMs + deltaMs, spanMs: view.spanMs }, durationMs);
}

/** Scrolls the least needed so `ms` is in view, with `marginFraction` of the span to spare. */
export function revealInView(
  view: WaveformView,
  ms: number,
  durationMs: number,
  marginFraction = 0.1,
): WaveformView {
  const margin = view.spanMs * marginFraction;
  if (ms < view.startMs + margin) return clampView({ ...view, startMs: ms - margin }, durationMs);
  if (ms > view.startMs + view.spanMs - margin) {
    return clampView({ ...view, startMs: ms - view.spanMs + margin }, durationMs);
  }
  return view;
}

/** The time under x (0…width) in a view. */
export function msAtX(x: number, width: number, view: WaveformView): number {
  return width > 0 ? view.startMs + (x / width) * view.spanMs : view.startMs;
}

/** Where `ms` falls on a view `width` wide (may be outside 0…width). */
export function xAtMs(ms: number, width: number, view: WaveformView): number {
  return view.spanMs > 0 ? ((ms - view.startMs) / view.spanMs) * width : 0;
}
