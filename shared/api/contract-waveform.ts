/**
 * The API call for a document's waveform (issue 6): the peaks of its linked recording, computed
 * off the main thread on the Node side and cached there. About 2 bytes per 10 ms (2 MB for three
 * hours); the bytes travel as a Uint8Array (see wire.ts for browser mode).
 */
import { z } from 'zod';
import type { WaveformData } from '../media/waveform';

export type { WaveformData };

export const waveformCalls = {
  /** Throws a one-line error when nothing is linked or the file cannot be decoded. */
  getWaveform: { args: z.strictObject({ documentId: z.uuid() }), result: null as unknown as WaveformData },
} as const;
