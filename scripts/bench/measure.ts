/** Timing helpers: warm-up runs are discarded, the median of the rest is reported. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Rounds a figure for printing: 3 significant decimals below 10, 1 above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 3 : 1;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface TimeOptions<T> {
  runs: number;
  warmUp: number;
  /**
   * Once this many milliseconds have gone by (warm-ups included), stop after the current run, as
   * long as one timed run is done: a slow engine gets fewer runs rather than a bench of an hour.
   */
  budgetMs?: number;
  onRun?: (ms: number, result: T) => void;
}

/** Runs `work` up to warmUp + runs times and returns the timed runs' durations in milliseconds. */
export function time<T>(work: () => T, options: TimeOptions<T>): number[] {
  const { runs, warmUp, budgetMs = Infinity, onRun } = options;
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < warmUp + runs; i++) {
    if (durations.length > 0 && performance.now() - started > budgetMs) break;
    // Collect the previous run's garbage (node --expose-gc) so peak memory is one run's, not nine.
    (globalThis as { gc?: () => void }).gc?.();
    const runStarted = performance.now();
    const result = work();
    const ms = performance.now() - runStarted;
    // A warm-up is skipped once the budget is spent, so at least one run is timed.
    if (i >= warmUp || performance.now() - started > budgetMs) durations.push(ms);
    onRun?.(ms, result);
  }
  return durations;
}

/** Progress for a person watching: stderr only, so stdout stays one JSON object per line. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function report(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
