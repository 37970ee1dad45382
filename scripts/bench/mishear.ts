/**
 * How a speech recogniser mangles a name it does not know: letters that sound alike swapped, a
 * letter dropped or doubled, a word split in two or two words merged, a respelling by sound.
 */
import { pick, type Random } from './random';

export const MISHEARING_KINDS = ['similar-letters', 'drop-or-double', 'split', 'merge', 'by-sound'] as const;
export type MishearingKind = (typeof MISHEARING_KINDS)[number];

/** Spellings a recogniser confuses, both ways round. */
const SIMILAR: ReadonlyArray<readonly [string, string]> = [
  ['c', 'k'],
  ['ph', 'f'],
  ['v', 'w'],
  ['y', 'i'],
  ['s', 'z'],
  ['j', 'g'],
  ['d', 't'],
  ['b', 'p'],
  ['g', 'k'],
  ['ck', 'k'],
  ['x', 'ks'],
  ['qu', 'kw'],
  ['sch', 'sh'],
  ['th', 't'],
  ['ie', 'ee'],
  ['ei', 'ai'],
  ['ou', 'oo'],
  ['ae', 'e'],
];

/** Whole-sound respellings: what an English recogniser writes for a foreign-looking spelling. */
const BY_SOUND: ReadonlyArray<readonly [RegExp, string]> = [
  [/ch/g, 'tch'],
  [/kh/g, 'k'],
  [/zh/g, 'j'],
  [/ov$/g, 'off'],
  [/ev$/g, 'eff'],
  [/ski$/g, 'skee'],
  [/sky$/g, 'skee'],
  [/ez$/g, 'es'],
  [/eau/g, 'o'],
  [/eu/g, 'oy'],
  [/w/g, 'v'],
  [/j/g, 'y'],
  [/tz/g, 'ts'],
  [/gh/g, 'g'],
  [/ao/g, 'ow'],
  [/ui/g, 'wee'],
  [/ay/g, 'ai'],
  [/oo/g, 'u'],
  [/ll/g, 'y'],
  [/ñ/g, 'ny'],
  [/é/g, 'ay'],
];

const VOWELS = 'aeiou';

export interface Mishearing {
  text: string;
  kind: MishearingKind;
}

/** A mishearing of `term` that differs from it (case aside); the kind is drawn at random. */
export function mishear(term: string, random: Random): string {
  return mishearWithKind(term, random).text;
}

export function mishearWithKind(term: string, random: Random): Mishearing {
  const words = term.split(' ');
  for (let attempt = 0; attempt < 12; attempt++) {
    const kind = pick(random, MISHEARING_KINDS);
    const text = apply(kind, words, random);
    if (text && text.toLowerCase() !== term.toLowerCase()) return { text, kind };
  }
  // Every name has a letter that can be doubled.
  return { text: dropOrDouble(term, random, true), kind: 'drop-or-double' };
}

function apply(kind: MishearingKind, words: string[], random: Random): string | undefined {
  if (kind === 'merge') {
    if (words.length < 2) return undefined;
    const at = Math.floor(random() * (words.length - 1));
    const merged = words[at]! + words[at + 1]!.toLowerCase();
    return [...words.slice(0, at), merged, ...words.slice(at + 2)].join(' ');
  }
  const at = Math.floor(random() * words.length);
  const word = words[at]!;
  const changed = changeWord(kind, word, random);
  if (!changed) return undefined;
  return [...words.slice(0, at), changed, ...words.slice(at + 1)].join(' ');
}

function changeWord(kind: MishearingKind, word: string, random: Random): string | undefined {
  switch (kind) {
    case 'similar-letters':
      return similarLetters(word, random);
    case 'drop-or-double':
      return dropOrDouble(word, random, false);
    case 'split':
      return split(word, random);
    case 'by-sound':
      return bySound(word);
    case 'merge':
      return undefined;
  }
}

function similarLetters(word: string, random: Random): string | undefined {
  const lower = word.toLowerCase();
  const options: Array<{ at: number; from: string; to: string }> = [];
  for (const [a, b] of SIMILAR) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      for (let at = lower.indexOf(from); at !== -1; at = lower.indexOf(from, at + 1)) {
        options.push({ at, from, to });
      }
    }
  }
  if (options.length === 0) return undefined;
  const { at, from, to } = pick(random, options);
  return keepCase(word, word.slice(0, at) + to + word.slice(at + from.length));
}

function dropOrDouble(word: string, random: Random, forceDouble: boolean): string {
  const at = 1 + Math.floor(random() * Math.max(1, word.length - 1));
  const letter = word.charAt(at);
  if (!forceDouble && word.length > 4 && random() < 0.5) return word.slice(0, at) + word.slice(at + 1);
  if (!/\p{L}/u.test(letter)) return word + word.charAt(word.length - 1);
  return word.slice(0, at) + letter + word.slice(at);
}

/** "Kubernetes" → "Kuber Netes": at a vowel–consonant boundary near the middle. */
function split(word: string, random: Random): string | undefined {
  if (word.length < 6) return undefined;
  const cuts: number[] = [];
  for (let at = 2; at <= word.length - 3; at++) {
    const before = word.charAt(at - 1).toLowerCase();
    const after = word.charAt(at).toLowerCase();
    if (VOWELS.includes(before) !== VOWELS.includes(after)) cuts.push(at);
  }
  if (cuts.length === 0) return undefined;
  const at = pick(random, cuts);
  const second = word.slice(at);
  const tail = random() < 0.5 ? second.charAt(0).toUpperCase() + second.slice(1) : second;
  return `${word.slice(0, at)} ${tail}`;
}

function bySound(word: string): string | undefined {
  const lower = word.toLowerCase();
  for (const [pattern, replacement] of BY_SOUND) {
    if (pattern.test(lower)) {
      pattern.lastIndex = 0;
      return keepCase(word, lower.replace(pattern, replacement));
    }
    pattern.lastIndex = 0;
  }
  // No foreign-looking spelling: a vowel heard as its neighbour.
  const at = [...lower].findIndex((letter, i) => i > 0 && VOWELS.includes(letter));
  if (at === -1) return undefined;
  const vowel = lower.charAt(at);
  const swapped = vowel === 'a' ? 'e' : vowel === 'e' ? 'i' : vowel === 'i' ? 'e' : vowel === 'o' ? 'u' : 'o';
  return keepCase(word, lower.slice(0, at) + swapped + lower.slice(at + 1));
}

/** Capitalised like the original: all caps stay all caps, a capital initial stays. */
function keepCase(original: string, changed: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return changed.toUpperCase();
  const lower = changed.toLowerCase();
  if (original.charAt(0) === original.charAt(0).toUpperCase())
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}
