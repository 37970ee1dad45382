/**
 * Waveforms of real files: speech spoken by espeak-ng between stretches of silence (sox `pad`),
 * written as WAV, FLAC and Ogg Vorbis at test time (nothing committed), computed in the real worker.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaveformError, WaveformService, waveformStats } from '../../../../electron/services/media/waveform';
import { bucketAtMs, bucketCount, peakValue, type WaveformData } from '../../../../shared/media/waveform';

const run = promisify(execFile);

/** Silence before and after the speech, in seconds. */
const LEAD = 2;
const TAIL = 1.5;

let dir: string;
let speechSeconds: number;
const files: Record<'wav' | 'flac' | 'ogg', string> = { wav: '', flac: '', ogg: '' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-waveform-'));
  const spoken = path.join(dir, 'spoken.wav');
  await run('espeak-ng', ['-v', 'en', '-w', spoken, 'Welcome back to the North Korea News podcast.']);
  speechSeconds = Number((await run('soxi', ['-D', spoken])).stdout.trim());
  for (const format of ['wav', 'flac', 'ogg'] as const) {
    files[format] = path.join(dir, `episode.${format}`);
    await run('sox', [spoken, files[format], 'pad', String(LEAD), String(TAIL)]);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The largest |sample| in the buckets from `fromMs` to `toMs`. */
function loudest(data: WaveformData, fromMs: number, toMs: number): number {
  let peak = 0;
  const end = Math.min(bucketCount(data), bucketAtMs(toMs, data.bucketsPerSecond));
  for (let bucket = bucketAtMs(fromMs, data.bucketsPerSecond); bucket < end; bucket++) {
    peak = Math.max(
      peak,
      Math.abs(peakValue(data.peaks[bucket * 2]!)),
      Math.abs(peakValue(data.peaks[bucket * 2 + 1]!)),
    );
  }
  return peak;
}

describe.each(['wav', 'flac', 'ogg'] as const)('a %s recording', (format) => {
  it('has near-zero buckets where it is silent and loud ones where the speech is', async () => {
    const service = new WaveformService(path.join(dir, `cache-${format}`));
    const data = await service.get({ path: files[format] });
    const totalMs = (LEAD + speechSeconds + TAIL) * 1000;
    expect(data.bucketsPerSecond).toBe(100);
    expect(data.durationMs).toBeGreaterThan(totalMs - 50);
    expect(data.durationMs).toBeLessThan(totalMs + 50);
    expect(bucketCount(data)).toBe(Math.ceil(data.durationMs / 10));

    const speechStart = LEAD * 1000;
    const speechEnd = speechStart + speechSeconds * 1000;
    // A little slack at the edges: lossy codecs smear a few ms.
    expect(loudest(data, 0, speechStart - 100)).toBeLessThan(0.02);
    expect(loudest(data, speechEnd + 100, totalMs)).toBeLessThan(0.02);
    expect(loudest(data, speechStart, speechEnd)).toBeGreaterThan(0.2);
    // Speech throughout: every half second of it has a loud bucket somewhere.
    for (let ms = speechStart; ms + 500 <= speechEnd - 300; ms += 500) {
      expect(loudest(data, ms, ms + 500), `at ${ms} ms`).toBeGreaterThan(0.05);
    }
  });
});

describe('the cache', () => {
  it('is written once and reused, also by a new service on the same folder', async () => {
    const cacheDir = path.join(dir, 'cache-reuse');
    const before = waveformStats.computations;
    const first = await new WaveformService(cacheDir).get({ path: files.flac });
    expect(waveformStats.computations).toBe(before + 1);
    const [cacheFile] = await readdir(cacheDir);
    expect(cacheFile).toMatch(/^[0-9a-f]{64}\.bin$/);
    const written = (await stat(path.join(cacheDir, cacheFile!))).mtimeMs;

    const again = await new WaveformService(cacheDir).get({ path: files.flac });
    expect(waveformStats.computations).toBe(before + 1);
    expect(again).toEqual(first);
    expect((await stat(path.join(cacheDir, cacheFile!))).mtimeMs).toBe(written);
    // Only the cache file: the temporary one was renamed.
    expect(await readdir(cacheDir)).toEqual([cacheFile]);
  });

  it('shares one computation between requests that arrive together', async () => {
    const service = new WaveformService(path.join(dir, 'cache-shared'));
    const before = waveformStats.computations;
    const [a, b] = await Promise.all([service.get({ path: files.wav }), service.get({ path: files.wav })]);
    expect(waveformStats.computations).toBe(before + 1);
    expect(a).toBe(b);
  });

  it('computes again when the cache file is cut short or damaged', async () => {
    const cacheDir = path.join(dir, 'cache-corrupt');
    const service = new WaveformService(cacheDir);
    const good = await service.get({ path: files.wav });
    const [cacheFile] = await readdir(cacheDir);
    const cachePath = path.join(cacheDir, cacheFile!);

    await truncate(cachePath, 100);
    let before = waveformStats.computations;
    expect(await new WaveformService(cacheDir).get({ path: files.wav })).toEqual(good);
    expect(waveformStats.computations).toBe(before + 1);

    await writeFile(cachePath, 'GLWF and then nonsense');
    before = waveformStats.computations;
    expect(await new WaveformService(cacheDir).get({ path: files.wav })).toEqual(good);
    expect(waveformStats.computations).toBe(before + 1);
    // Repaired: the next service reads it.
    before = waveformStats.computations;
    await new WaveformService(cacheDir).get({ path: files.wav });
    expect(waveformStats.computations).toBe(before);
  });

  it('is a new one when the file changes (its size and time are in the key)', async () => {
    const cacheDir = path.join(dir, 'cache-changed');
    const copy = path.join(dir, 'changing.wav');
    await run('sox', [files.wav, copy]);
    await new WaveformService(cacheDir).get({ path: copy });
    await run('sox', [files.wav, copy, 'trim', '0', '1']);
    const shorter = await new WaveformService(cacheDir).get({ path: copy });
    expect(shorter.durationMs).toBeCloseTo(1000, -1);
    expect(await readdir(cacheDir)).toHaveLength(2);
  });
});

describe('a file that cannot be drawn', () => {
  it('gives one clear line naming the file', async () => {
    const bogus = path.join(dir, 'episode.mkv');
    await writeFile(bogus, 'This is not a video, it is a text file with the wrong name.\n'.repeat(100));
    const service = new WaveformService(path.join(dir, 'cache-bogus'));
    const error = await service.get({ path: bogus }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaveformError);
    expect((error as Error).message).toMatch(/^Cannot draw the waveform of episode\.mkv: \S/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('says so for a file of no known format', async () => {
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'just words');
    const error = await new WaveformService(path.join(dir, 'cache-text'))
      .get({ path: text })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Cannot draw the waveform of notes.txt: its format is not one Glossa can read',
    );
  });

  it('says where it looked for a file that is gone, using the name given', async () => {
    const gone = path.join(dir, 'gone.flac');
    const error = await new WaveformService(path.join(dir, 'cache-gone'))
      .get({ path: gone, name: 'Episode 12.flac' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Cannot draw the waveform of Episode 12.flac: the file is no longer at ${gone}`,
    );
  });
});
