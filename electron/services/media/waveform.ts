/**
 * Waveforms of linked recordings: computed once per file version in a worker thread
 * (waveform-worker.ts) and kept in `<userData>/waveforms/<sha256 of path, size, mtime>.bin`, so
 * reopening a document draws at once. Concurrent requests for one file share one computation; a
 * cache file that is cut short or damaged is ignored and written again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUCKETS_PER_SECOND, type WaveformData } from '../../../shared/media/waveform';
import { decodeWaveformFile, encodeWaveformFile } from '../../../shared/media/waveform-file';
import { writeFileAtomic } from '../atomic-write';
import type { WaveformJob, WaveformWorkerMessage } from './waveform-worker';
import { firstLine } from '../api-errors';

export const WAVEFORMS_DIR_NAME = 'waveforms';

/** A waveform that cannot be drawn; the message is one line for the person (see api-errors.ts). */
export class WaveformError extends Error {
  override readonly name = 'WaveformError';
  readonly code = 'waveform';
}

/** The recording to draw: where it is and what to call it. */
export interface WaveformSource {
  path: string;
  /** Shown in messages; defaults to the path's base name. */
  name?: string;
}

/** How many times a worker was started (tests check that a cached waveform is not decoded again). */
export const waveformStats = { computations: 0 };

/** The worker's heap may not grow past this; a decoder gone wrong fails instead of eating memory. */
const WORKER_HEAP_MB = 256;

export class WaveformService {
  private readonly running = new Map<string, Promise<WaveformData>>();
  private readonly bucketsPerSecond: number;

  constructor(
    private readonly cacheDir: string,
    options: { bucketsPerSecond?: number } = {},
  ) {
    this.bucketsPerSecond = options.bucketsPerSecond ?? BUCKETS_PER_SECOND;
  }

  /** The waveform of the file as it is now on disk; throws WaveformError with the reason. */
  async get(source: WaveformSource): Promise<WaveformData> {
    const name = source.name ?? basename(source.path);
    let key: string;
    try {
      const info = await stat(source.path);
      if (!info.isFile()) throw new Error('not a file');
      key = cacheKey(source.path, info.size, info.mtimeMs);
    } catch {
      throw new WaveformError(`Cannot draw the waveform of ${name}: the file is no longer at ${source.path}`);
    }
    const running = this.running.get(key);
    if (running) return running;
    const promise = this.load(key, source.path, name).finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return promise;
  }

  private async load(key: string, path: string, name: string): Promise<WaveformData> {
    const file = join(this.cacheDir, `${key}.bin`);
    const cached = await readCache(file);
    if (cached && cached.bucketsPerSecond === this.bucketsPerSecond) return cached;
    let data: WaveformData;
    try {
      data = await runWorker({ path, name, bucketsPerSecond: this.bucketsPerSecond });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new WaveformError(`Cannot draw the waveform of ${name}: ${firstLine(reason)}`);
    }
    try {
      await mkdir(this.cacheDir, { recursive: true });
      writeFileAtomic(file, encodeWaveformFile(data));
    } catch (error) {
      // No cache (a read-only or full disk) only costs time next time.
      console.warn(`Glossa could not keep the waveform of ${name}: ${String(error)}`);
    }
    return data;
  }
}

/** The cache file's name: it changes when the file is moved, replaced or edited. */
export function cacheKey(path: string, size: number, mtimeMs: number): string {
  return createHash('sha256').update(`${path}\0${size}\0${mtimeMs}`).digest('hex');
}

async function readCache(file: string): Promise<WaveformData | null> {
  try {
    return decodeWaveformFile(new Uint8Array(await readFile(file)));
  } catch {
    return null;
  }
}

function runWorker(job: WaveformJob): Promise<WaveformData> {
  waveformStats.computations++;
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.on('message', (message: WaveformWorkerMessage) => {
      if (message.type === 'done') settle(() => resolve(message.data));
      else if (message.type === 'error') settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the decoder stopped (exit code ${code})`))));
  });
}

/**
 * Built (dist/electron), the worker is the bundled waveform-worker.mjs beside main.cjs. From source
 * (tsx, vitest) it is waveform-worker.ts, loaded through waveform-worker-dev.mjs.
 */
function startWorker(job: WaveformJob): Worker {
  const here = import.meta.dirname;
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const bundled = join(here, 'waveform-worker.mjs');
  return new Worker(existsSync(bundled) ? bundled : join(here, 'waveform-worker-dev.mjs'), options);
}
