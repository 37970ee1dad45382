/** The waveform's pure parts: bucket ↔ time, zoomed columns, views, the builder, the cache format, sniffing. */
import { describe, expect, it } from 'vitest';
import { sniffAudioFormat } from '../../../shared/media/audio-format';
import { PeakBuilder } from '../../../shared/media/peak-builder';
import {
  bucketAtMs,
  bucketCount,
  clampView,
  columnPeaks,
  MIN_VIEW_SPAN_MS,
  msAtBucket,
  msAtX,
  peakValue,
  quantisePeak,
  revealInView,
  scrollView,
  xAtMs,
  zoomView,
  type WaveformData,
} from '../../../shared/media/waveform';
import { decodeWaveformFile, encodeWaveformFile } from '../../../shared/media/waveform-file';

/** A waveform from [min, max] pairs given as −127…127. */
function waveform(pairs: Array<[number, number]>, bucketsPerSecond = 100): WaveformData {
  const peaks = new Uint8Array(pairs.flat().map((value) => value & 0xff));
  return { peaks, bucketsPerSecond, sampleRate: 16000, durationMs: (pairs.length * 1000) / bucketsPerSecond };
}

describe('bucket ↔ time', () => {
  it.each([
    [0, 0],
    [9.99, 0],
    [10, 1],
    [1234, 123],
    [10_800_000, 1_080_000],
  ])('%d ms is in bucket %d at 100 a second', (ms, bucket) => {
    expect(bucketAtMs(ms, 100)).toBe(bucket);
  });

  it('gives each bucket its start time', () => {
    expect(msAtBucket(0, 100)).toBe(0);
    expect(msAtBucket(123, 100)).toBe(1230);
    expect(msAtBucket(3, 50)).toBe(60);
  });

  it('quantises to signed bytes and back, clipping outside −1…1', () => {
    expect(quantisePeak(0)).toBe(0);
    expect(quantisePeak(1)).toBe(127);
    expect(quantisePeak(-1)).toBe(129); // −127 as a byte
    expect(quantisePeak(3)).toBe(127);
    expect(quantisePeak(-3)).toBe(129);
    expect(peakValue(quantisePeak(0.5))).toBeCloseTo(0.5, 2);
    expect(peakValue(quantisePeak(-0.25))).toBeCloseTo(-0.25, 2);
  });
});

describe('columnPeaks', () => {
  const data = waveform([
    [-10, 10],
    [-20, 5],
    [-1, 100],
    [0, 0],
  ]);

  it('folds several buckets into one column by their extremes', () => {
    const columns = columnPeaks(data, { startMs: 0, spanMs: 40 }, 2);
    expect(Array.from(columns, (v) => Math.round(v * 127))).toEqual([-20, 10, -1, 100]);
  });

  it('gives a column narrower than a bucket the bucket it is in (zoomed far in)', () => {
    const columns = columnPeaks(data, { startMs: 10, spanMs: 10 }, 4);
    expect(Array.from(columns, (v) => Math.round(v * 127))).toEqual([-20, 5, -20, 5, -20, 5, -20, 5]);
  });

  it('leaves columns past the end flat', () => {
    const columns = columnPeaks(data, { startMs: 20, spanMs: 40 }, 4);
    expect(Array.from(columns, (v) => Math.round(v * 127))).toEqual([-1, 100, 0, 0, 0, 0, 0, 0]);
  });

  it('is empty for no columns or an empty waveform', () => {
    expect(columnPeaks(data, { startMs: 0, spanMs: 40 }, 0)).toHaveLength(0);
    expect(Array.from(columnPeaks(waveform([]), { startMs: 0, spanMs: 40 }, 2))).toEqual([0, 0, 0, 0]);
  });
});

describe('views', () => {
  const hour = 3_600_000;

  it('keeps a view inside the recording and no narrower than the minimum', () => {
    expect(clampView({ startMs: -500, spanMs: 10_000 }, hour)).toEqual({ startMs: 0, spanMs: 10_000 });
    expect(clampView({ startMs: hour, spanMs: 10_000 }, hour)).toEqual({
      startMs: hour - 10_000,
      spanMs: 10_000,
    });
    expect(clampView({ startMs: 0, spanMs: 10 }, hour).spanMs).toBe(MIN_VIEW_SPAN_MS);
    expect(clampView({ startMs: 0, spanMs: 2 * hour }, hour)).toEqual({ startMs: 0, spanMs: hour });
    // A recording shorter than the minimum span is shown whole.
    expect(clampView({ startMs: 0, spanMs: 10 }, 1500)).toEqual({ startMs: 0, spanMs: 1500 });
  });

  it('zooms around the anchor, which stays where it was on screen', () => {
    const view = { startMs: 0, spanMs: 60_000 };
    const zoomed = zoomView(view, 2, 45_000, hour);
    expect(zoomed.spanMs).toBe(30_000);
    expect((45_000 - zoomed.startMs) / zoomed.spanMs).toBeCloseTo(0.75);
    expect(zoomView(zoomed, 0.5, 45_000, hour)).toEqual(view);
  });

  it('scrolls within the recording', () => {
    expect(scrollView({ startMs: 1000, spanMs: 10_000 }, -5000, hour)).toEqual({
      startMs: 0,
      spanMs: 10_000,
    });
    expect(scrollView({ startMs: 1000, spanMs: 10_000 }, 5000, hour)).toEqual({
      startMs: 6000,
      spanMs: 10_000,
    });
  });

  it('reveals a time out of view with a margin, and leaves a view that shows it alone', () => {
    const view = { startMs: 10_000, spanMs: 10_000 };
    expect(revealInView(view, 15_000, hour)).toBe(view);
    expect(revealInView(view, 25_000, hour)).toEqual({ startMs: 16_000, spanMs: 10_000 });
    expect(revealInView(view, 5000, hour)).toEqual({ startMs: 4000, spanMs: 10_000 });
  });

  it('maps x to time and back', () => {
    const view = { startMs: 10_000, spanMs: 20_000 };
    expect(msAtX(0, 400, view)).toBe(10_000);
    expect(msAtX(100, 400, view)).toBe(15_000);
    expect(xAtMs(15_000, 400, view)).toBe(100);
    expect(xAtMs(5000, 400, view)).toBe(-100);
  });
});

describe('PeakBuilder', () => {
  it('takes each bucket’s extremes of the mono mix, across chunk edges', () => {
    const builder = new PeakBuilder(100);
    // 1000 Hz: 10 frames a bucket. Bucket 0 silent, bucket 1 a spike, bucket 2 half of it.
    const left = new Float32Array(30);
    const right = new Float32Array(30);
    left[12] = 1;
    right[12] = 0.5; // mean 0.75
    left[25] = -0.5;
    right[25] = -0.5;
    builder.push([left.subarray(0, 15), right.subarray(0, 15)], 1000);
    builder.push([left.subarray(15), right.subarray(15)], 1000);
    const data = builder.finish();
    expect(bucketCount(data)).toBe(3);
    expect(data.durationMs).toBe(30);
    expect(Array.from(data.peaks, peakValue).map((v) => Math.round(v * 100) / 100)).toEqual([
      0, 0, 0, 0.75, -0.5, 0,
    ]);
  });

  it('keeps a last partial bucket and starts every bucket at i / bucketsPerSecond', () => {
    const builder = new PeakBuilder(100);
    builder.push([new Float32Array(22050 + 100).fill(0.1)], 22050); // 1 s + 4.5 ms
    const data = builder.finish();
    expect(bucketCount(data)).toBe(101);
    expect(data.durationMs).toBeCloseTo(1004.5, 1);
  });

  it('gives nothing for nothing', () => {
    const data = new PeakBuilder().finish();
    expect(data.peaks).toHaveLength(0);
    expect(data.durationMs).toBe(0);
  });
});

describe('the cache file', () => {
  const data = waveform([
    [-10, 10],
    [-127, 127],
    [0, 3],
  ]);

  it('round-trips', () => {
    expect(decodeWaveformFile(encodeWaveformFile(data))).toEqual(data);
  });

  it('rejects a file cut short, damaged, or of another kind', () => {
    const bytes = encodeWaveformFile(data);
    expect(decodeWaveformFile(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeWaveformFile(bytes.subarray(0, 10))).toBeNull();
    const damaged = bytes.slice();
    damaged[damaged.length - 1] = damaged.at(-1)! ^ 0xff;
    expect(decodeWaveformFile(damaged)).toBeNull();
    expect(decodeWaveformFile(new TextEncoder().encode('not a waveform at all, no sir'))).toBeNull();
    expect(decodeWaveformFile(new Uint8Array())).toBeNull();
  });
});

describe('sniffAudioFormat', () => {
  const bytes = (text: string, at = 0, length = 64) => {
    const out = new Uint8Array(length);
    out.set(
      Array.from(text, (char) => char.charCodeAt(0)),
      at,
    );
    return out;
  };
  const withAt = (base: Uint8Array, text: string, at: number) => {
    base.set(
      Array.from(text, (char) => char.charCodeAt(0)),
      at,
    );
    return base;
  };

  it.each([
    ['RIFF/WAVE', withAt(bytes('RIFF'), 'WAVE', 8), 'wav'],
    ['fLaC', bytes('fLaC'), 'flac'],
    ['Ogg Vorbis', withAt(bytes('OggS'), '\x01vorbis', 28), 'oga'],
    ['Ogg Opus', withAt(bytes('OggS'), 'OpusHead', 28), 'opus'],
    ['MP4', withAt(bytes('\0\0\0\x20'), 'ftypisom', 4), 'm4a'],
    ['Matroska', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0]), 'webm'],
    ['MPEG frame', new Uint8Array([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['ADTS', new Uint8Array([0xff, 0xf1, 0x50, 0x80]), 'aac'],
    ['ID3 then MPEG', new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 2, 0, 0, 0xff, 0xfb, 0, 0]), 'mp3'],
  ] as const)('%s', (_name, head, format) => {
    expect(sniffAudioFormat(head)).toBe(format);
  });

  it('falls back to the extension, and gives null when neither says', () => {
    expect(sniffAudioFormat(new Uint8Array(16), 'episode.MP3')).toBe('mp3');
    expect(sniffAudioFormat(new Uint8Array(16), 'episode.mkv')).toBe('webm');
    expect(sniffAudioFormat(new Uint8Array(16), 'notes.txt')).toBeNull();
    expect(sniffAudioFormat(new Uint8Array(16))).toBeNull();
  });
});
