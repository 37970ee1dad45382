/**
 * The waveform computation, in a worker thread so neither the main process nor the browser-mode
 * server stops answering while a long recording is decoded. It streams the file through
 * audio-decode's chunked decoder into a PeakBuilder: memory holds one decoded chunk and the peaks,
 * never the whole recording's samples.
 *
 * In: workerData = WaveformJob. Out: one WaveformWorkerMessage of type 'done' or 'error' (and
 * 'progress' now and then before it).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeChunked } from 'audio-decode/stream';
import { sniffAudioFormat, SNIFF_BYTES } from '../../../shared/media/audio-format';
import { PeakBuilder } from '../../../shared/media/peak-builder';
import type { WaveformData } from '../../../shared/media/waveform';

export interface WaveformJob {
  path: string;
  /** The name to speak of (the link's name), for the format guess when the bytes say nothing. */
  name: string;
  bucketsPerSecond: number;
}

export type WaveformWorkerMessage =
  | { type: 'progress'; decodedMs: number }
  | { type: 'done'; data: WaveformData }
  | { type: 'error'; message: string };

/** Read size: large enough for few decoder calls, small enough to stay out of the way. */
const READ_CHUNK_BYTES = 256 * 1024;
const PROGRESS_EVERY_MS = 60_000;

async function compute(
  job: WaveformJob,
  report: (message: WaveformWorkerMessage) => void,
): Promise<WaveformData> {
  const format = sniffAudioFormat(await readHead(job.path), job.name);
  if (!format) throw new Error('its format is not one Glossa can read');
  const builder = new PeakBuilder(job.bucketsPerSecond);
  let nextReport = PROGRESS_EVERY_MS;
  const source = createReadStream(job.path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const { channelData, sampleRate } of decodeChunked(source, format)) {
      builder.push(channelData, sampleRate);
      if (builder.decodedMs >= nextReport) {
        report({ type: 'progress', decodedMs: builder.decodedMs });
        nextReport += PROGRESS_EVERY_MS;
      }
    }
  } finally {
    source.destroy();
  }
  const data = builder.finish();
  if (data.peaks.length === 0) throw new Error('no audio was found in it');
  return data;
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const port = parentPort;
if (port) {
  const post = (message: WaveformWorkerMessage) => port.postMessage(message);
  compute(workerData as WaveformJob, post).then(
    (data) =>
      port.postMessage({ type: 'done', data } satisfies WaveformWorkerMessage, [
        data.peaks.buffer as ArrayBuffer,
      ]),
    (error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}
