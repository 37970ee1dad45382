/**
 * Spelling → sound string. ASR respells a name the way it sounds ("Zwetsloot" → "Wetzlud",
 * "Rutte" → "Ruta"), so names are compared by how they are said, not how they are written. These
 * rules turn a word into a compact sound string, language-neutral enough for names from many
 * languages: one character per sound, vowels reduced to five classes.
 *
 * Alphabet: consonants p b t d k g f v s z m n l r h w y, plus S (sh), Z (zh), C (ch), J (j as in
 * "jam"), T (th), N (ng); vowels a e i o u.
 */

const VOWEL_LETTERS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Multi-letter spellings, longest first; each becomes one sound. Order matters. */
const GRAPHEMES: ReadonlyArray<readonly [string, string]> = [
  ['tch', 'C'],
  ['sch', 'S'],
  ['ch', 'C'],
  ['sh', 'S'],
  ['zh', 'Z'],
  ['kh', 'k'],
  ['gh', 'g'],
  ['th', 'T'],
  ['ph', 'f'],
  ['ck', 'k'],
  ['qu', 'kw'],
  ['dg', 'J'],
  ['tz', 's'],
  ['ts', 's'],
  ['ee', 'i'],
  ['ea', 'i'],
  ['ie', 'i'],
  ['oo', 'u'],
  ['ou', 'u'],
  ['ue', 'u'],
  ['ew', 'u'],
  ['oa', 'o'],
  ['au', 'o'],
  ['aw', 'o'],
  ['ow', 'o'],
  ['oe', 'o'],
  ['ai', 'e'],
  ['ay', 'e'],
  ['ei', 'e'],
  ['ey', 'e'],
  ['oi', 'oi'],
  ['oy', 'oi'],
];

const SINGLE: Readonly<Record<string, string>> = {
  a: 'a',
  b: 'b',
  d: 'd',
  e: 'e',
  f: 'f',
  g: 'g',
  h: 'h',
  i: 'i',
  j: 'J',
  k: 'k',
  l: 'l',
  m: 'm',
  n: 'n',
  o: 'o',
  p: 'p',
  q: 'k',
  r: 'r',
  s: 's',
  t: 't',
  u: 'u',
  v: 'v',
  w: 'w',
  x: 'ks',
  z: 'z',
};

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Letter names as said aloud, for acronyms spoken letter by letter ("NIS" → "en-eye-ess"). */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  a: 'ei',
  b: 'bi',
  c: 'si',
  d: 'di',
  e: 'i',
  f: 'ef',
  g: 'Ji',
  h: 'eiC',
  i: 'ai',
  j: 'Jei',
  k: 'kei',
  l: 'el',
  m: 'em',
  n: 'en',
  o: 'o',
  p: 'pi',
  q: 'kiu',
  r: 'ar',
  s: 'es',
  t: 'ti',
  u: 'iu',
  v: 'vi',
  w: 'dabliu',
  x: 'eks',
  y: 'wai',
  z: 'zi',
};

/** Lower case ASCII letters and digits only: accents and punctuation do not change the sound. */
export function foldLetters(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The sound string of one word read as a word ("Rutte" → "rut"). Digits are read as numbers. */
export function wordSound(word: string): string {
  const letters = foldLetters(word);
  let out = '';
  let run = '';
  for (const char of letters) {
    if (char >= '0' && char <= '9') {
      out += lettersSound(run);
      run = '';
      out += lettersSound(DIGIT_WORDS[Number(char)]!);
    } else {
      run += char;
    }
  }
  return collapseRepeats(out + lettersSound(run));
}

/** The sound string of a word spelled out letter by letter ("NK" → "enkei"). */
export function spelledSound(word: string): string {
  let out = '';
  for (const char of foldLetters(word)) {
    out += char >= '0' && char <= '9' ? lettersSound(DIGIT_WORDS[Number(char)]!) : (LETTER_NAMES[char] ?? '');
  }
  return collapseRepeats(out);
}

function lettersSound(letters: string): string {
  if (letters === '') return '';
  // A silent final e ("Rutte", "Steve"), but not in short words ("Une", "Lee").
  const body =
    letters.length >= 4 && letters.endsWith('e') && !VOWEL_LETTERS.has(letters[letters.length - 2]!)
      ? letters.slice(0, -1)
      : letters;
  let out = '';
  for (let i = 0; i < body.length;) {
    const rest = body.slice(i);
    const next = body[i + 1];
    const char = body[i]!;
    if (char === 'y') {
      // Consonant before a vowel at the start of a syllable ("Yoon"), a vowel elsewhere ("Andrey").
      out +=
        next !== undefined && VOWEL_LETTERS.has(next) && (i === 0 || !VOWEL_LETTERS.has(body[i - 1]!))
          ? 'y'
          : 'i';
      i++;
      continue;
    }
    if (char === 'n' && next === 'g' && (i + 2 === body.length || !VOWEL_LETTERS.has(body[i + 2]!))) {
      out += 'N';
      i += 2;
      continue;
    }
    const grapheme = GRAPHEMES.find(([spelling]) => rest.startsWith(spelling));
    if (grapheme) {
      out += grapheme[1];
      i += grapheme[0].length;
      continue;
    }
    if (char === 'c') {
      out += next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
      i++;
      continue;
    }
    if (char === 'h' && i > 0) {
      i++; // h after a vowel or a consonant is not said ("Sarah", "Rahman")
      continue;
    }
    if (char === 'x' && i === 0) {
      out += 'z'; // "Xavier", "Xi"
      i++;
      continue;
    }
    out += SINGLE[char] ?? '';
    i++;
  }
  return out;
}

function collapseRepeats(sound: string): string {
  return sound.replace(/(.)\1+/g, '$1');
}

export function isVowelSound(char: string): boolean {
  return char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u';
}

/** Consonant classes for the coarse retrieval key: sounds a recogniser confuses share a class. */
const KEY_CLASS: Readonly<Record<string, string>> = {
  p: 'P',
  b: 'P',
  t: 'T',
  d: 'T',
  T: 'T',
  k: 'K',
  g: 'K',
  f: 'F',
  v: 'F',
  s: 'S',
  z: 'S',
  S: 'S',
  Z: 'S',
  C: 'S',
  J: 'S',
  m: 'M',
  n: 'N',
  N: 'N',
  l: 'L',
  r: 'R',
};

/**
 * The coarse key: consonant classes only, repeats collapsed ("Jacos Wetzlud" and "Jacco Zwetsloot"
 * both give SKSTSLT). Used to find candidates in an index; the fine comparison decides.
 */
export function coarseKey(sound: string): string {
  let key = '';
  for (const char of sound) {
    const cls = KEY_CLASS[char];
    if (cls && key[key.length - 1] !== cls) key += cls;
  }
  return key;
}

/**
 * Letter names that rhyme sound alike, and recognisers confuse them: B, C, D, E, G, P, T, V, Z all
 * end in "ee"; F, L, M, N, S, X start with "e". An acronym's key is the rhyme class of each letter,
 * so "ECD" finds "ECB".
 */
const LETTER_RHYME: Readonly<Record<string, string>> = {
  b: 'e',
  c: 'e',
  d: 'e',
  e: 'e',
  g: 'e',
  p: 'e',
  t: 'e',
  v: 'e',
  z: 'e',
  f: 'E',
  l: 'E',
  m: 'E',
  n: 'E',
  s: 'E',
  x: 'E',
  a: 'a',
  h: 'a',
  j: 'a',
  k: 'a',
  i: 'i',
  y: 'i',
  o: 'o',
  q: 'u',
  u: 'u',
  w: 'u',
  r: 'r',
};

export function acronymKey(word: string): string {
  let key = '';
  for (const char of foldLetters(word)) key += LETTER_RHYME[char] ?? char;
  return key;
}

/**
 * A finer key than coarseKey for short names, where one consonant class holds thousands of
 * names: the sounds themselves, every vowel written as "V" ("Yoon" → "yVn", "Rason" → "rVsVn").
 */
export function fineKey(sound: string): string {
  let key = '';
  for (const char of sound) {
    const next = isVowelSound(char) ? 'V' : char;
    if (key[key.length - 1] !== next) key += next;
  }
  return key;
}
