/**
 * The waveform cache's file format: a fixed header, the peaks, and a checksum, so a file cut short
 * or damaged on disk is recognised and computed again rather than drawn wrong.
 *
 *   0  "GLWF"   4  version (u16)   6  bucketsPerSecond (u16)   8  sampleRate (u32)
 *   12 durationMs (f64)   20 peak bytes (u32)   24 FNV-1a of the peaks (u32)   28 peaks…
 */
import type { WaveformData } from './waveform';

const MAGIC = [0x47, 0x4c, 0x57, 0x46]; // GLWF
export const WAVEFORM_FILE_VERSION = 1;
const HEADER_BYTES = 28;

export function encodeWaveformFile(data: WaveformData): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + data.peaks.length);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(4, WAVEFORM_FILE_VERSION, true);
  view.setUint16(6, data.bucketsPerSecond, true);
  view.setUint32(8, data.sampleRate, true);
  view.setFloat64(12, data.durationMs, true);
  view.setUint32(20, data.peaks.length, true);
  view.setUint32(24, fnv1a(data.peaks), true);
  bytes.set(data.peaks, HEADER_BYTES);
  return bytes;
}

/** The waveform in a cache file, or null when the file is not a complete, intact one. */
export function decodeWaveformFile(bytes: Uint8Array): WaveformData | null {
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(4, true) !== WAVEFORM_FILE_VERSION) return null;
  const bucketsPerSecond = view.getUint16(6, true);
  const sampleRate = view.getUint32(8, true);
  const durationMs = view.getFloat64(12, true);
  const length = view.getUint32(20, true);
  if (bucketsPerSecond === 0 || !Number.isFinite(durationMs) || durationMs < 0) return null;
  if (length % 2 !== 0 || bytes.length !== HEADER_BYTES + length) return null;
  const peaks = bytes.slice(HEADER_BYTES);
  if (fnv1a(peaks) !== view.getUint32(24, true)) return null;
  return { peaks, bucketsPerSecond, sampleRate, durationMs };
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
