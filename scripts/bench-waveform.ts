/**
 * Benchmark: the waveform of a 3-hour recording (16 kHz mono FLAC of speech-like noise, made by
 * sox in a temp folder and deleted afterwards). Prints one JSON line per measurement on stdout:
 * the first computation (in the worker thread), the main thread's longest stall meanwhile, the
 * process's peak RSS (the idle main thread plus the worker), and a cache hit. Progress on stderr.
 *
 *   npx tsx scripts/bench-waveform.ts [--quick]   (--quick: 20 minutes instead of 3 hours)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WaveformService } from '../electron/services/media/waveform';
import { bucketCount } from '../shared/media/waveform';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 20 * 60 : 3 * 60 * 60;
const MB = 1024 * 1024;

const dir = mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-waveform-'));
try {
  const file = path.join(dir, 'episode.flac');
  process.stderr.write(`generating ${SECONDS / 60} minutes of 16 kHz speech-like noise with sox…\n`);
  // Pink noise, its loudness swinging a few times a second, like syllables.
  execFileSync('sox', [
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    file,
    'synth',
    String(SECONDS),
    'pinknoise',
    'tremolo',
    '3',
    '90',
    'vol',
    '0.5',
  ]);
  const fileMb = statSync(file).size / MB;
  const cacheDir = path.join(dir, 'waveforms');
  const rssBeforeMb = process.memoryUsage().rss / MB;

  // The main thread's longest stall while the worker decodes: how long a click would wait.
  let longestStallMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last - 10);
    last = now;
  }, 10);

  process.stderr.write('computing the waveform…\n');
  let started = performance.now();
  const data = await new WaveformService(cacheDir).get({ path: file });
  const computeMs = performance.now() - started;
  clearInterval(ticker);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  print({
    measure: 'waveform compute (worker)',
    recordingMinutes: SECONDS / 60,
    fileMb: round(fileMb),
    ms: Math.round(computeMs),
    realtimeFactor: Math.round((SECONDS * 1000) / computeMs),
    buckets: bucketCount(data),
    peaksMb: round(data.peaks.length / MB),
    mainThreadLongestStallMs: round(longestStallMs),
  });
  print({
    measure: 'waveform peak RSS (process: main + worker)',
    beforeMb: round(rssBeforeMb),
    peakMb: round(peakRssMb),
  });

  started = performance.now();
  await new WaveformService(cacheDir).get({ path: file });
  print({ measure: 'waveform cache hit', ms: round(performance.now() - started) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
