/**
 * Builds a waveform (see waveform.ts) from decoded audio as it arrives, chunk by chunk, so a
 * three-hour recording never has to be held in memory: only the peaks grow (2 bytes a bucket).
 */
import { BUCKETS_PER_SECOND, quantisePeak, type WaveformData } from './waveform';

const INITIAL_BUCKETS = 64 * 1024;

export class PeakBuilder {
  private peaks = new Uint8Array(INITIAL_BUCKETS * 2);
  private buckets = 0;
  private sampleRate = 0;
  /** Frames (samples per channel) seen so far. */
  private frames = 0;
  /** The frame at which the current bucket ends. */
  private boundary = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(readonly bucketsPerSecond = BUCKETS_PER_SECOND) {}

  /** Adds the next decoded chunk: one Float32Array per channel, all the same length. */
  push(channelData: readonly Float32Array[], sampleRate: number): void {
    const first = channelData[0];
    if (!first || first.length === 0 || !(sampleRate > 0)) return;
    if (this.sampleRate === 0) {
      this.sampleRate = sampleRate;
      this.boundary = this.bucketEnd(0);
    }
    const channels = channelData.length;
    const length = first.length;
    for (let i = 0; i < length; i++) {
      // Mono mix: the mean of the channels.
      let value = first[i] as number;
      for (let c = 1; c < channels; c++) value += (channelData[c] as Float32Array)[i] as number;
      if (channels > 1) value /= channels;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      this.frames++;
      if (this.frames >= this.boundary) this.closeBucket();
    }
  }

  /** The waveform of everything pushed; a last partial bucket is kept. */
  finish(): WaveformData {
    if (this.min <= this.max) this.closeBucket();
    const durationMs = this.sampleRate > 0 ? (this.frames / this.sampleRate) * 1000 : 0;
    return {
      peaks: this.peaks.slice(0, this.buckets * 2),
      bucketsPerSecond: this.bucketsPerSecond,
      sampleRate: this.sampleRate,
      durationMs,
    };
  }

  /** How much audio has been pushed, in ms. */
  get decodedMs(): number {
    return this.sampleRate > 0 ? (this.frames / this.sampleRate) * 1000 : 0;
  }

  private bucketEnd(bucket: number): number {
    // Rounded per bucket (not a fixed step), so 22 050 Hz buckets alternate 220 and 221 frames
    // and bucket i always starts at i/bucketsPerSecond s.
    return Math.round(((bucket + 1) * this.sampleRate) / this.bucketsPerSecond);
  }

  private closeBucket(): void {
    if (this.buckets * 2 >= this.peaks.length) {
      const grown = new Uint8Array(this.peaks.length * 2);
      grown.set(this.peaks);
      this.peaks = grown;
    }
    const hasSamples = this.min <= this.max;
    this.peaks[this.buckets * 2] = hasSamples ? quantisePeak(this.min) : 0;
    this.peaks[this.buckets * 2 + 1] = hasSamples ? quantisePeak(this.max) : 0;
    this.buckets++;
    this.boundary = this.bucketEnd(this.buckets);
    this.min = Infinity;
    this.max = -Infinity;
  }
}
