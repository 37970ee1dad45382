/**
 * Weighted edit distance between sound strings: the cost of turning what was heard into the
 * term. Confusions a recogniser makes are cheap (one vowel for another, voiced for voiceless,
 * m for n); dropping or adding a consonant is dear. Also a plain letter distance for spelling.
 */
import { isVowelSound } from './sound';

export const COST = {
  vowelForVowel: 0.3,
  vowelInsertDelete: 0.5,
  /** h, w, y come and go in transcriptions ("Sarah"/"Sara", "Zwirko"/"Zirko"). */
  glideInsertDelete: 0.4,
  consonantInsertDelete: 0.9,
  similarConsonants: 0.4,
  /** Same manner, another place: stops for stops ("ECD" for "ECB"), fricatives for fricatives. */
  sameMannerConsonants: 0.7,
  otherConsonants: 1,
  vowelForConsonant: 1,
} as const;

/** Consonants a listener (or a recogniser) confuses, as groups. */
const SIMILAR_GROUPS = [
  'pb',
  'td',
  'kg',
  'fv',
  'sz',
  'SZCJ',
  'mnN',
  'lr',
  'vw',
  'yJ',
  'Tft',
  'sS',
  'Cts',
  'Jdz',
  'kx',
];
const SIMILAR = new Set<string>();
for (const group of SIMILAR_GROUPS) {
  for (const a of group) for (const b of group) if (a !== b) SIMILAR.add(a + b);
}

const MANNER: Readonly<Record<string, string>> = {
  p: 'stop',
  b: 'stop',
  t: 'stop',
  d: 'stop',
  k: 'stop',
  g: 'stop',
  f: 'fricative',
  v: 'fricative',
  s: 'fricative',
  z: 'fricative',
  S: 'fricative',
  Z: 'fricative',
  T: 'fricative',
  h: 'fricative',
  C: 'affricate',
  J: 'affricate',
  m: 'nasal',
  n: 'nasal',
  N: 'nasal',
  l: 'liquid',
  r: 'liquid',
  w: 'glide',
  y: 'glide',
};

function substitutionRule(a: string, b: string): number {
  if (a === b) return 0;
  const av = isVowelSound(a);
  const bv = isVowelSound(b);
  if (av && bv) return COST.vowelForVowel;
  if (av || bv) return COST.vowelForConsonant;
  if (SIMILAR.has(a + b)) return COST.similarConsonants;
  return MANNER[a] === MANNER[b] ? COST.sameMannerConsonants : COST.otherConsonants;
}

function indelRule(char: string): number {
  if (isVowelSound(char)) return COST.vowelInsertDelete;
  if (char === 'h' || char === 'w' || char === 'y') return COST.glideInsertDelete;
  return COST.consonantInsertDelete;
}

/**
 * The rules above as tables indexed by character code, worked out once: the distance runs for
 * every candidate of a 3-hour transcript and must not build strings per cell.
 */
const TABLE_SIZE = 128;
const SUBSTITUTION = new Float64Array(TABLE_SIZE * TABLE_SIZE).fill(COST.otherConsonants);
const INDEL = new Float64Array(TABLE_SIZE).fill(COST.consonantInsertDelete);
const SOUND_ALPHABET = 'aeioupbtdkgfvszmnlrhwySZCJTN';
for (const a of SOUND_ALPHABET) {
  INDEL[a.charCodeAt(0)] = indelRule(a);
  for (const b of SOUND_ALPHABET)
    SUBSTITUTION[a.charCodeAt(0) * TABLE_SIZE + b.charCodeAt(0)] = substitutionRule(a, b);
}

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return a < TABLE_SIZE && b < TABLE_SIZE ? SUBSTITUTION[a * TABLE_SIZE + b]! : COST.otherConsonants;
}

function indelCost(code: number): number {
  return code < TABLE_SIZE ? INDEL[code]! : COST.consonantInsertDelete;
}

/** Reused rows: the distance runs millions of times in a full check. */
let previous = new Float64Array(64);
let current = new Float64Array(64);

export function soundDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (b.length + 1 > previous.length) {
    previous = new Float64Array(b.length * 2 + 2);
    current = new Float64Array(b.length * 2 + 2);
  }
  previous[0] = 0;
  for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1]! + indelCost(b.charCodeAt(j - 1));
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const deleteA = indelCost(ca);
    current[0] = previous[0]! + deleteA;
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      current[j] = Math.min(
        previous[j]! + deleteA,
        current[j - 1]! + indelCost(cb),
        previous[j - 1]! + substitutionCost(ca, cb),
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 1 for the same sound, towards 0 as the sounds part. */
export function soundSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return Math.max(0, 1 - soundDistance(a, b) / longest);
}

/** Plain Levenshtein similarity of two letter strings (spelling, not sound). */
export function letterSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  if (b.length + 1 > letterPrevious.length) {
    letterPrevious = new Uint16Array(b.length * 2 + 2);
    letterCurrent = new Uint16Array(b.length * 2 + 2);
  }
  for (let j = 0; j <= b.length; j++) letterPrevious[j] = j;
  for (let i = 1; i <= a.length; i++) {
    letterCurrent[0] = i;
    for (let j = 1; j <= b.length; j++) {
      letterCurrent[j] = Math.min(
        letterPrevious[j]! + 1,
        letterCurrent[j - 1]! + 1,
        letterPrevious[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    [letterPrevious, letterCurrent] = [letterCurrent, letterPrevious];
  }
  return 1 - letterPrevious[b.length]! / longest;
}

let letterPrevious = new Uint16Array(64);
let letterCurrent = new Uint16Array(64);
