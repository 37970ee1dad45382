/**
 * Benchmark of the correction engine on a 100,000-entry glossary and a 3-hour transcript.
 *
 *   npm run bench                   full run (100k entries, 30,000 words, 7 timed runs after 2 warm-ups)
 *   npm run bench -- --quick        smaller run (10k entries, 5,000 words, 3 timed runs after 1 warm-up)
 *   npm run bench -- --no-import    skip the glossary import benchmark at the end
 *
 * `npm run bench` (scripts/run-bench.mjs) bundles this file the way the app bundles the engine,
 * generates the glossary and transcript in one process (--generate FILE) and measures in a second
 * one (--data FILE), so the figures, peak memory included, are the engine's and not those of the
 * city list the data is made from or of the TypeScript loader. `npx tsx scripts/bench.ts` still
 * runs everything in one process.
 *
 * Prints one JSON object per line on stdout (medians in ms; context figures as "value"); progress
 * goes to stderr. Everything is generated from a seeded PRNG, so runs compare. A slow measurement
 * gets fewer runs after BUDGET_MS (each line says how many were timed). The figures are reported,
 * never asserted. At the end it runs scripts/bench-glossary-import.ts (SQLite import of a 100k-row
 * CSV, about 30 s), whose JSON lines follow on stdout.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../shared/engine/engine';
import type { Suggestion } from '../shared/engine/suggestion';
import { tokenize } from '../shared/engine/tokenize';
import { buildGlossary } from './bench/glossary';
import { median, progress, report, round, time } from './bench/measure';
import { mulberry32 } from './bench/random';
import { countWords, generateTranscript, type PlantedName } from './bench/transcript';

const SEED = 20_250_115;
const PARAGRAPH_WORDS = { min: 90, max: 120 };
const PARAGRAPH_SAMPLE = 40;
/** Each slow measurement stops adding runs after this long (at least one run is timed). */
const BUDGET_MS = 90_000;

const args = new Set(process.argv.slice(2));
/** True when run by scripts/run-bench.mjs, which runs the import benchmark itself. */
const measuredByRunner = args.has('--data');
const quick = args.has('--quick');
const config = quick
  ? { entries: 10_000, words: 5_000, runs: 3, warmUp: 1 }
  : { entries: 100_000, words: 30_000, runs: 7, warmUp: 2 };

interface BenchData {
  glossary: ReturnType<typeof buildGlossary>;
  transcript: ReturnType<typeof generateTranscript>;
}

function generate(): BenchData {
  const random = mulberry32(SEED);
  progress(`building a ${config.entries}-entry glossary…`);
  const glossary = buildGlossary(config.entries, random);
  progress(`generating a ${config.words}-word transcript…`);
  const transcript = generateTranscript(config.words, glossary.entries, random);
  return { glossary, transcript };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function main(): void {
  const generateTo = argument('--generate');
  if (generateTo) {
    writeFileSync(generateTo, JSON.stringify(generate()));
    return;
  }
  const dataFile = argument('--data');
  const { glossary, transcript } = dataFile
    ? (JSON.parse(readFileSync(dataFile, 'utf8')) as BenchData)
    : generate();
  const { text } = transcript;
  progress(
    `glossary: ${glossary.entries.length} entries ${JSON.stringify(glossary.counts)}; ` +
      `transcript: ${transcript.words} words, ${text.length} chars, ${transcript.paragraphs.length} paragraphs`,
  );

  // --phase build | check: run-bench.mjs times the index builds in one process and the checks in
  // another, so the checking process's peak memory is that of one engine, as in the app.
  const phase = argument('--phase');
  if (phase !== 'check') {
    const buildRuns = time(() => createEngine({ entries: glossary.entries }), {
      ...config,
      budgetMs: BUDGET_MS,
      onRun: (ms) => progress(`createEngine: ${ms.toFixed(1)} ms`),
    });
    report({ name: 'index_build', median_ms: round(median(buildRuns)), runs: buildRuns.length });
    if (phase === 'build') return;
  }

  const tokenizeRuns = time(() => tokenize(text), config);
  report({ name: 'tokenize', median_ms: round(median(tokenizeRuns)), runs: tokenizeRuns.length });

  const engine = createEngine({ entries: glossary.entries });
  let suggestions: Suggestion[] = [];
  const checkRuns = time(() => engine.check(text), {
    ...config,
    budgetMs: BUDGET_MS,
    onRun: (ms, result) => {
      suggestions = result;
      progress(`check (whole transcript): ${ms.toFixed(1)} ms, ${result.length} suggestions`);
    },
  });
  report({ name: 'full_check', median_ms: round(median(checkRuns)), runs: checkRuns.length });

  const paragraphs = typicalParagraphs(transcript.text);
  const paragraphTimings: number[] = [];
  const paragraphStarted = performance.now();
  let timedPasses = 0;
  for (let pass = 0; pass < config.warmUp + config.runs; pass++) {
    // A slow engine gets fewer passes (at least one timed), so the whole run stays a few minutes.
    if (timedPasses > 0 && performance.now() - paragraphStarted > BUDGET_MS) break;
    for (const { paragraph, offset } of paragraphs) {
      const ms = time(() => engine.checkParagraph(paragraph, offset), { runs: 1, warmUp: 0 })[0] ?? 0;
      if (pass >= config.warmUp) paragraphTimings.push(ms);
    }
    if (pass >= config.warmUp) timedPasses++;
  }
  report({
    name: 'paragraph_check',
    median_ms: round(median(paragraphTimings)),
    paragraphs: paragraphs.length,
    timed_passes: timedPasses,
    words_per_paragraph: round(median(paragraphs.map((p) => countWords(p.paragraph)))),
  });

  const tokenizeMs = median(tokenizeRuns);
  report({
    name: 'full_check_vs_tokenize',
    value: round(tokenizeMs > 0 ? median(checkRuns) / tokenizeMs : 0),
  });
  report({ name: 'glossary_entries', value: glossary.entries.length, ...glossary.counts });
  report({
    name: 'transcript_words',
    value: transcript.words,
    chars: text.length,
    paragraphs: transcript.paragraphs.length,
  });
  const misheard = transcript.planted.filter((p) => p.kind !== 'correct');
  report({
    name: 'planted_names',
    value: transcript.planted.length,
    misheard: misheard.length,
    by_kind: countBy(transcript.planted, (p) => p.kind),
  });
  report({ name: 'suggestions', value: suggestions.length });
  report({ name: 'planted_misheard_found', value: plantedFound(misheard, suggestions) });
  report({ name: 'peak_rss_mb', value: round(process.resourceUsage().maxRSS / 1024) });

  if (!quick && !args.has('--no-import') && !measuredByRunner) runImportBenchmark();
}

/** Paragraphs of about 100 words, spread over the transcript, with their offsets in it. */
function typicalParagraphs(text: string): Array<{ paragraph: string; offset: number }> {
  const all: Array<{ paragraph: string; offset: number }> = [];
  let offset = 0;
  for (const paragraph of text.split('\n\n')) {
    const words = countWords(paragraph);
    if (words >= PARAGRAPH_WORDS.min && words <= PARAGRAPH_WORDS.max) all.push({ paragraph, offset });
    offset += paragraph.length + 2;
  }
  const step = Math.max(1, Math.floor(all.length / PARAGRAPH_SAMPLE));
  return all.filter((_, i) => i % step === 0).slice(0, PARAGRAPH_SAMPLE);
}

/** How many misheard names got a suggestion that writes the right term over exactly them. */
function plantedFound(misheard: readonly PlantedName[], suggestions: readonly Suggestion[]): number {
  const wanted = new Map<string, number>();
  for (const p of misheard) {
    const key = `${p.heard.toLowerCase()}\u0000${p.term}`;
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  let found = 0;
  for (const s of suggestions) {
    const key = `${s.text.toLowerCase()}\u0000${s.replacement}`;
    const left = wanted.get(key) ?? 0;
    if (left > 0) {
      wanted.set(key, left - 1);
      found++;
    }
  }
  return found;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function runImportBenchmark(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  progress('running scripts/bench-glossary-import.ts…');
  const result = spawnSync('npx', ['tsx', 'scripts/bench-glossary-import.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) progress(`bench-glossary-import exited with ${result.status ?? result.signal}`);
}

main();
