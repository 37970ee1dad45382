/**
 * Scores the correction engine on the evaluation corpus.
 *
 *   npx tsx scripts/score-engine.ts [--verbose]
 *
 * For every set under tests/fixtures/engine/<name>/ (transcript.txt, glossary.csv, gold.jsonl,
 * keep.jsonl) and for the seed in ../shared/seeds (its glossary reduced to terms and forms: the
 * variants column is emptied, as the engine issue's quality bar asks), this builds the engine from
 * the glossary, checks the transcript as `glossa check` does (import, then checkDocument), writes
 * the suggestions in the CLI's JSON shape to a temporary file and runs
 * `node ../shared/tools/score-suggestions.mjs GOLD SUGGESTIONS KEEP`. It prints each set's summary
 * line, a micro-averaged total, and recall by the mechanism of the error (the gold lines' "how").
 * --verbose prints the scorer's whole table (every gold error and every false positive).
 * Fixture mistakes (a gold "wrong" or a keep text missing from its transcript) are reported as
 * warnings on stderr.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { createEngine } from '../shared/engine/engine';
import { importTranscript } from '../shared/formats';
import { TERM_CATEGORIES, type GlossaryEntry, type TermCategory } from '../shared/glossary/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'engine');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const SCORER = path.resolve(ROOT, '..', 'shared', 'tools', 'score-suggestions.mjs');
const LIST_SEPARATOR = '|';
const TIMESTAMP = '2025-01-01T00:00:00.000Z';

interface EvalSet {
  name: string;
  transcript: string;
  glossary: string;
  gold: string;
  keep: string | undefined;
  /** The seed is scored without its variants. */
  dropVariants: boolean;
}

interface GoldLine {
  wrong: string;
  right: string | string[];
  count: number;
  kind?: string;
  how?: string;
}

interface Score {
  tp: number;
  fn: number;
  fp: number;
  keepBroken: number;
}

const verbose = process.argv.includes('--verbose');

function main(): number {
  if (!fs.existsSync(SCORER)) {
    console.error(
      `score-engine: the scorer is missing: ${SCORER} (expected ../shared/tools beside the repo)`,
    );
    return 2;
  }
  const sets = [...fixtureSets(), ...seedSets()];
  if (sets.length === 0) {
    console.error(`score-engine: no evaluation sets under ${FIXTURES}`);
    return 2;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-score-'));
  const total: Score = { tp: 0, fn: 0, fp: 0, keepBroken: 0 };
  const byHow = new Map<string, { hits: number; total: number }>();
  try {
    for (const set of sets) {
      const result = scoreSet(set, folder);
      if (!result) continue;
      const { score, summary, table, hitsPerGold, gold } = result;
      if (verbose) console.log(`\n== ${set.name}\n${table}`);
      console.log(`${set.name.padEnd(44)} ${summary}`);
      total.tp += score.tp;
      total.fn += score.fn;
      total.fp += score.fp;
      total.keepBroken += score.keepBroken;
      gold.forEach((line, i) => {
        const how = (line.how ?? 'unlabelled (seed)').split('+')[0] ?? 'unlabelled (seed)';
        const tally = byHow.get(how) ?? { hits: 0, total: 0 };
        tally.hits += Math.min(hitsPerGold[i] ?? 0, line.count);
        tally.total += line.count;
        byHow.set(how, tally);
      });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const recall = total.tp + total.fn ? total.tp / (total.tp + total.fn) : 0;
  const precision = total.tp + total.fp ? total.tp / (total.tp + total.fp) : 0;
  console.log(
    `${'TOTAL (micro-averaged)'.padEnd(44)} recall=${recall.toFixed(3)} precision=${precision.toFixed(3)} ` +
      `tp=${total.tp} fn=${total.fn} fp=${total.fp} keep_broken=${total.keepBroken}`,
  );
  const mechanisms = [...byHow.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .map(([how, { hits, total: count }]) => `${how} ${hits}/${count}`);
  console.log(`${'recall by mechanism'.padEnd(44)} ${mechanisms.join(', ')}`);
  return 0;
}

function fixtureSets(): EvalSet[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = path.join(FIXTURES, name);
      const keep = path.join(dir, 'keep.jsonl');
      return {
        name,
        transcript: path.join(dir, 'transcript.txt'),
        glossary: path.join(dir, 'glossary.csv'),
        gold: path.join(dir, 'gold.jsonl'),
        keep: fs.existsSync(keep) ? keep : undefined,
        dropVariants: false,
      };
    });
}

/** ../shared/seeds: NAME.gold.jsonl, NAME.keep.jsonl, a NAME*.txt transcript and one glossary CSV. */
function seedSets(): EvalSet[] {
  if (!fs.existsSync(SEEDS)) {
    console.error(`score-engine: no seed folder at ${SEEDS}; scoring the fixtures only`);
    return [];
  }
  const files = fs.readdirSync(SEEDS).sort();
  const csvs = files.filter((file) => file.endsWith('.csv'));
  return files
    .filter((file) => file.endsWith('.gold.jsonl'))
    .flatMap((goldFile) => {
      const name = goldFile.slice(0, -'.gold.jsonl'.length);
      const transcript = files.find((file) => file.endsWith('.txt') && file.startsWith(name));
      const glossary = longestCommonPrefix(csvs, name);
      if (!transcript || !glossary) {
        console.error(`score-engine: seed ${name}: no transcript or glossary beside it; skipped`);
        return [];
      }
      const keep = `${name}.keep.jsonl`;
      return [
        {
          name: `seed:${name} (no variants)`,
          transcript: path.join(SEEDS, transcript),
          glossary: path.join(SEEDS, glossary),
          gold: path.join(SEEDS, goldFile),
          keep: files.includes(keep) ? path.join(SEEDS, keep) : undefined,
          dropVariants: true,
        },
      ];
    });
}

function longestCommonPrefix(candidates: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const candidate of candidates) {
    let length = 0;
    while (length < candidate.length && candidate[length] === name[length]) length++;
    if (length > bestLength) [best, bestLength] = [candidate, length];
  }
  return best;
}

function scoreSet(set: EvalSet, folder: string) {
  const entries = readGlossary(set.glossary, set.dropVariants);
  const bytes = fs.readFileSync(set.transcript);
  const document = importTranscript({ bytes, fileName: path.basename(set.transcript) });
  const engine = createEngine({ entries });
  const suggestions = engine.checkDocument(document);

  const gold = readJsonl<GoldLine>(set.gold);
  const keep = set.keep ? readJsonl<{ text: string }>(set.keep) : [];
  checkFixture(set, bytes.toString('utf8'), gold, keep);

  const suggestionsFile = path.join(folder, `${set.name.replace(/[^\w.-]+/g, '_')}.json`);
  fs.writeFileSync(suggestionsFile, JSON.stringify({ suggestions }, null, 2));
  const args = [SCORER, set.gold, suggestionsFile, ...(set.keep ? [set.keep] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`score-engine: ${set.name}: the scorer failed (${run.status}): ${run.stderr.trim()}`);
    return undefined;
  }
  const lines = run.stdout.trimEnd().split('\n');
  const summary = lines.at(-1) ?? '';
  const field = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(summary)?.[1] ?? 0);
  // The scorer prints one "ok|part|miss hits/count" line per gold line, in gold order.
  const hitsPerGold = lines
    .filter((line) => /^(ok|part|miss)\s/.test(line))
    .map((line) => Number(/\s(\d+)\/\d+\s/.exec(line)?.[1] ?? 0));
  return {
    score: { tp: field('tp'), fn: field('fn'), fp: field('fp'), keepBroken: field('keep_broken') },
    summary,
    table: lines.slice(0, -1).join('\n'),
    hitsPerGold,
    gold,
  };
}

function readGlossary(file: string, dropVariants: boolean): GlossaryEntry[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string | undefined>>;
  return rows.map((row) => {
    const term = (row.term ?? '').trim();
    const category = (row.category ?? '').trim() || 'other';
    if (!isCategory(category)) throw new Error(`${file}: "${term}" has an unknown category "${category}"`);
    return {
      id: stableId(term),
      term,
      category,
      forms: splitList(row.forms),
      variants: dropVariants ? [] : splitList(row.variants).map((text) => ({ text, acceptedCount: 0 })),
      notes: row.notes ?? '',
      source: row.source ?? '',
      createdAt: TIMESTAMP,
      updatedAt: TIMESTAMP,
      createdBy: 'score-engine',
      updatedBy: 'score-engine',
    };
  });
}

function isCategory(value: string): value is TermCategory {
  return (TERM_CATEGORIES as readonly string[]).includes(value);
}

function splitList(field: string | undefined): string[] {
  return (field ?? '')
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A UUID-shaped id derived from the term, so runs compare. */
function stableId(term: string): string {
  const hex = createHash('sha1').update(term).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Warns when a gold error occurs fewer times than it counts, or a keep text is not there. */
function checkFixture(
  set: EvalSet,
  text: string,
  gold: readonly GoldLine[],
  keep: ReadonlyArray<{ text: string }>,
) {
  for (const line of gold) {
    const found = occurrences(text, line.wrong);
    if (found < line.count)
      console.error(
        `warning: ${set.name}: gold "${line.wrong}" occurs ${found} times, counted ${line.count}`,
      );
  }
  for (const line of keep) {
    if (occurrences(text, line.text) === 0)
      console.error(`warning: ${set.name}: keep text "${line.text}" is not in the transcript`);
  }
}

function occurrences(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))].length;
}

process.exitCode = main();
