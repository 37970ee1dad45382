/**
 * Splits text into word tokens with their offsets. Hyphens, dots and slashes split words
 * ("Jong-nam" is two tokens), so "Kim Jong-nam" and "Kim Jong Nam" compare equal; apostrophes stay
 * inside a word ("O'Carroll"), but a trailing possessive is reported separately so a correction
 * can keep it ("Donbass's" → "Donbas's").
 */

export interface Token {
  /** Offsets into the text; [start, end) covers the word without a possessive ending. */
  start: number;
  end: number;
  /** The word as written (without the possessive ending). */
  text: string;
  /** Lower case, without accents or apostrophes: what matching compares. */
  key: string;
  /** True when "'s" or "’s" followed the word. */
  possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/iu;

/**
 * `keyOf` lets a caller that sees the same words again and again (a 3-hour transcript) look keys
 * up in a cache instead of normalising every occurrence.
 */
export function tokenize(text: string, keyOf: (word: string) => string = normalizeWord): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    const possessive = POSSESSIVE.test(word) && word.length > 2;
    if (possessive) word = word.slice(0, -2);
    tokens.push({ start, end: start + word.length, text: word, key: keyOf(word), possessive });
  }
  return tokens;
}

/** The comparison key of one word: case, accents and apostrophes do not count. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’]/g, '').toLowerCase();
}

/** The comparison key of a phrase: its words' keys joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.key)
    .join(' ');
}
