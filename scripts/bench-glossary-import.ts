/**
 * Benchmark: import a generated 100,000-row glossary CSV into a fresh database five times, then
 * time a few searches. Prints one JSON line per measurement on stdout; progress goes to stderr.
 *
 *   npx tsx scripts/bench-glossary-import.ts [--save-csv <file>]   (keeps the generated CSV for inspection)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { GlossaryStore } from '../electron/services/glossary/glossary-store';

const ROWS = 100_000;
const IMPORT_RUNS = 5;
const SEARCH_REPEATS = 25;
const SEARCH_QUERIES = ['kim', 'zwe', 'vlad', 'institute', 'ar', 'KN-2', "o'c", 'novo', 'anna kar', 'zzzz'];

const FIRST_NAMES = [
  'Kim',
  'Park',
  'Lee',
  'Choi',
  'Jung',
  'Anna',
  'Olga',
  'Ivan',
  'Sergei',
  'Dmitri',
  'Andrei',
  'Yuri',
  'Maria',
  'Elena',
  'Natalia',
  'Mikhail',
  'Jacco',
  'Chad',
  'Colin',
  'Mark',
  'Vladimir',
  'Choe',
  'Ri',
  'Hyun',
  'Min',
  'Jae',
  'Seo',
  'Ji',
  'Sung',
  'Tae',
  'Hans',
  'Pieter',
  'Sven',
  'Lars',
  'Jan',
  'Eva',
  'Sofia',
  'Lucia',
  'Mateo',
  'Diego',
  'Ahmed',
  'Fatima',
  'Omar',
  'Layla',
  'Kenji',
  'Yuki',
  'Haruto',
  'Aiko',
  'Wei',
  'Li',
  'Zhang',
  'Chen',
  'Nguyen',
  'Linh',
  'Tuan',
  'Priya',
  'Ravi',
  'Arjun',
  'Zoë',
  'Jürgen',
  'Søren',
  'Béatrice',
  'François',
  'Łukasz',
  'Ştefan',
  'Dragoș',
  'Émile',
  'Inés',
  'João',
];
const SURNAMES = [
  'Zwetsloot',
  'Sokolin',
  'Lankov',
  'Zwirko',
  "O'Carroll",
  'Rutte',
  'Putin',
  'Shoigu',
  'Ivanov',
  'Petrov',
  'Smirnov',
  'Kuznetsov',
  'Popov',
  'Vasiliev',
  'Sokolov',
  'Mikhailov',
  'Novikov',
  'Fedorov',
  'Morozov',
  'Volkov',
  'Alekseev',
  'Lebedev',
  'Semenov',
  'Egorov',
  'Pavlov',
  'Kozlov',
  'Stepanov',
  'Nikolaev',
  'Orlov',
  'Andreev',
  'Makarov',
  'Nikitin',
  'Zakharov',
  'Zaitsev',
  'Solovyov',
  'Borisov',
  'Yakovlev',
  'Grigoriev',
  'Romanov',
  'Vorobyov',
  'de Vries',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Müller',
  'Schröder',
  'Kowalski',
  'Nowak',
  'Horvát',
  'Dvořák',
  'García',
  'Fernández',
  'Núñez',
];
const SYLLABLES = [
  'ka',
  'ko',
  'ku',
  'ki',
  'ma',
  'mi',
  'mo',
  'na',
  'ni',
  'no',
  'ra',
  'ri',
  'ro',
  'sa',
  'si',
  'so',
  'ta',
  'ti',
  'to',
  'va',
  'vi',
  'vo',
  'za',
  'zi',
  'zo',
  'pyong',
  'chong',
  'han',
  'gyong',
  'sin',
  'jin',
  'dong',
  'bel',
  'gor',
  'vla',
  'di',
  'vos',
  'tok',
  'khab',
  'ar',
  'ovsk',
  'lin',
  'ber',
  'stad',
  'holm',
];
const PLACE_SUFFIXES = ['sk', 'grad', 'burg', 'ville', 'ovo', 'ino', 'pol', 'do', 'ri', 'gun'];
const ORGANIZATION_NOUNS = [
  'Institute',
  'Group',
  'Agency',
  'Ministry',
  'Committee',
  'Bureau',
  'Bank',
  'Corporation',
];
const NOTES = [
  'Spelled as in house style',
  'Named in a 2024 report',
  'Confirm spelling with the desk',
  'Transliteration follows McCune–Reischauer',
  'Often misheard by the recogniser',
];

/** Deterministic, so every run imports the same file (mulberry32). */
function randomGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCsv(rowCount: number): string {
  const random = randomGenerator(20_240_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const syllabicWord = (min: number, max: number) => {
    const count = min + Math.floor(random() * (max - min + 1));
    return capitalise(Array.from({ length: count }, () => pick(SYLLABLES)).join(''));
  };
  /** A plausible mishearing: one vowel changed or one letter doubled. */
  const mishear = (word: string) => {
    const index = 1 + Math.floor(random() * (word.length - 1));
    const letter = word.charAt(index);
    const otherVowels = ['a', 'e', 'i', 'o', 'u'].filter((vowel) => vowel !== letter);
    if ('aeiou'.includes(letter)) return word.slice(0, index) + pick(otherVowels) + word.slice(index + 1);
    // Doubling a space or a hyphen would not change how the word sounds or its key.
    const replaced = /\p{L}/u.test(letter) ? letter + letter : letter;
    return word.slice(0, index) + replaced + word.slice(index + 1);
  };

  const seen = new Set<string>();
  const rows: string[][] = [['term', 'category', 'variants', 'forms', 'notes', 'source']];
  while (rows.length <= rowCount) {
    const kind = random();
    let term: string;
    let category: string;
    let form = '';
    if (kind < 0.5) {
      const surname = random() < 0.5 ? pick(SURNAMES) : syllabicWord(2, 3);
      term = `${pick(FIRST_NAMES)} ${random() < 0.4 ? `${syllabicWord(1, 2)} ` : ''}${surname}`;
      category = 'person';
      if (random() < 0.2) form = surname;
    } else if (kind < 0.75) {
      term = `${syllabicWord(1, 3)}${pick(PLACE_SUFFIXES)}`;
      category = 'place';
    } else if (kind < 0.9) {
      term = `${syllabicWord(2, 3)} ${pick(ORGANIZATION_NOUNS)}`;
      category = 'organization';
    } else {
      const letters = Array.from({ length: 2 + Math.floor(random() * 2) }, () =>
        String.fromCharCode(65 + Math.floor(random() * 26)),
      ).join('');
      term = `${letters}-${Math.floor(random() * 100)}`;
      category = 'term';
    }
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const variant = random() < 0.3 ? mishear(term) : '';
    const usableVariant =
      variant.toLowerCase() !== key && variant.toLowerCase() !== form.toLowerCase() ? variant : '';
    const notes = random() < 0.5 ? pick(NOTES) : '';
    const source = random() < 0.1 ? `https://example.org/names/${rows.length}` : '';
    rows.push([term, category, usableVariant, form, notes, source]);
  }
  return stringify(rows);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

function main(): void {
  const csv = generateCsv(ROWS);
  console.error(`generated ${ROWS} rows (${(csv.length / 1e6).toFixed(1)} MB)`);
  const saveAt = process.argv.indexOf('--save-csv');
  const savePath = saveAt === -1 ? undefined : process.argv[saveAt + 1];
  if (savePath) fs.writeFileSync(savePath, csv);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-'));
  try {
    const runs: number[] = [];
    let lastStore: GlossaryStore | undefined;
    for (let run = 0; run < IMPORT_RUNS; run++) {
      lastStore?.close();
      const store = GlossaryStore.open(path.join(folder, `run-${run}.sqlite`), { author: 'bench' });
      const started = performance.now();
      const summary = store.importCsv(csv, 'bench.csv');
      runs.push(Math.round(performance.now() - started));
      if (summary.created !== ROWS)
        throw new Error(`expected ${ROWS} created, got ${JSON.stringify(summary)}`);
      console.error(`import run ${run + 1}: ${runs.at(-1)} ms`);
      lastStore = store;
    }
    console.log(JSON.stringify({ name: 'glossary_import_100k', median_ms: median(runs), runs }));

    const store = lastStore as GlossaryStore;
    const timings: number[] = [];
    const perQuery: Record<string, number> = {};
    for (const query of SEARCH_QUERIES) {
      const queryTimings: number[] = [];
      for (let repeat = 0; repeat < SEARCH_REPEATS; repeat++) {
        const started = performance.now();
        store.search(query);
        queryTimings.push(performance.now() - started);
      }
      perQuery[query] = median(queryTimings);
      timings.push(...queryTimings);
    }
    console.log(JSON.stringify({ name: 'glossary_search', median_ms: median(timings), queries: perQuery }));
    store.close();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main();
