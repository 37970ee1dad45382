/**
 * The transcript side: tokens with what the matcher needs to know about each — how it sounds, how
 * it is capitalised, whether it starts a sentence, whether punctuation separates it from the word
 * before, and whether it is an ordinary English word.
 */
import type { Lexicon } from './lexicon';
import { acronymKey, coarseKey, foldLetters, spelledSound, wordSound } from './phonetics/sound';
import { isAcronym } from './targets';
import { normalizeWord, tokenize, type Token } from './tokenize';

export interface HeardToken extends Token {
  letters: string;
  sound: string;
  /** The sound with acronyms and letter-digit mixes ("9K") spelled out; equal to sound otherwise. */
  spokenSound: string;
  coarse: string;
  /** The coarse key of the spoken sound (acronyms spelled out). */
  spokenCoarse: string;
  /** Rhyme classes of the letters, for acronym-like tokens (see acronymKey); else ''. */
  acronymKey: string;
  capitalised: boolean;
  acronymLike: boolean;
  sentenceStart: boolean;
  /** Punctuation other than a hyphen or an apostrophe, or a blank line, before this token. */
  breakBefore: boolean;
  /** A blank line (a segment boundary) before this token: no phrase ever spans it. */
  paragraphBefore: boolean;
  /** Occurrences per million words of spoken English (0 when unknown). */
  frequency: number;
  mostlyCapitalised: boolean;
  /** Could be (part of) a name: the matcher only starts and ends phrases on such tokens. */
  nameLike: boolean;
  /**
   * A lower-case word no dictionary knows: likely a piece of a term split into ordinary words
   * ("sema glue tide" for semaglutide).
   */
  fragment: boolean;
}

/** An ordinary word this frequent is taken as itself at the start of a sentence. */
const COMMON_AT_SENTENCE_START_PER_MILLION = 20;
/** In a transcript without capitals, only words rarer than this can start a name. */
const RARE_WORD_PER_MILLION = 1;
/** Words this frequent are never names, capitalised or not: "I", "I'm", "OK". */
const PRONOUN_LIKE_PER_MILLION = 500;
/** Shorter unknown lower-case words are too often typos or interjections to anchor a term. */
const MIN_FRAGMENT_LETTERS = 4;
/** Words that sound like a letter of the alphabet said aloud, and the letter. */
const LETTER_NAME_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    age: 'h',
    bee: 'b',
    be: 'b',
    see: 'c',
    sea: 'c',
    dee: 'd',
    gee: 'g',
    jay: 'j',
    kay: 'k',
    el: 'l',
    em: 'm',
    en: 'n',
    oh: 'o',
    owe: 'o',
    pee: 'p',
    cue: 'q',
    queue: 'q',
    are: 'r',
    ess: 's',
    tea: 't',
    tee: 't',
    you: 'u',
    vee: 'v',
    ex: 'x',
    why: 'y',
    zed: 'z',
    zee: 'z',
    eye: 'i',
    aye: 'i',
  }),
);
const NUMBER_WORDS = new Set([
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]);

/** What a word is, whatever its place: computed once per distinct spelling and cached. */
type WordFacts = Pick<
  HeardToken,
  | 'key'
  | 'letters'
  | 'sound'
  | 'spokenSound'
  | 'coarse'
  | 'spokenCoarse'
  | 'acronymKey'
  | 'capitalised'
  | 'acronymLike'
  | 'frequency'
  | 'mostlyCapitalised'
>;

/** Word facts by spelling; bounded so a long session's cache cannot grow without end. */
export class WordFactsCache {
  private readonly facts = new Map<string, WordFacts>();
  constructor(
    private readonly lexicon: Lexicon,
    private readonly maxSize = 200_000,
  ) {}

  get(word: string): WordFacts {
    let facts = this.facts.get(word);
    if (!facts) {
      if (this.facts.size >= this.maxSize) this.facts.clear();
      facts = wordFacts(word, this.lexicon);
      this.facts.set(word, facts);
    }
    return facts;
  }
}

function wordFacts(word: string, lexicon: Lexicon): WordFacts {
  const acronymLike = isAcronym(word) || (/\d/.test(word) && /\p{L}/u.test(word));
  const sound = wordSound(word);
  const letter = LETTER_NAME_WORDS.get(word.toLowerCase());
  // Said as letters: an acronym spelled out, or a word that is a letter's name ("age" is H).
  const spokenSound = acronymLike ? spelledSound(word) : letter ? spelledSound(letter) : sound;
  return {
    key: normalizeWord(word),
    letters: foldLetters(word),
    sound,
    spokenSound,
    coarse: coarseKey(sound),
    spokenCoarse: coarseKey(spokenSound),
    acronymKey: acronymLike ? acronymKey(word) : '',
    capitalised: /^\p{Lu}/u.test(word),
    acronymLike,
    frequency: lexicon.perMillion(word),
    mostlyCapitalised: lexicon.isMostlyCapitalised(word),
  };
}

const SENTENCE_END = /[.!?]["'”’)]*\s*$/;
const BLANK_LINE = /\n\s*\n/;
const PUNCTUATION = /[^\s\-‐‑'’]/u;

/**
 * `documentHasCapitals`: when checking one paragraph of a longer document, whether the document
 * (not just this paragraph) uses capitals for names.
 */
export function analyseText(
  text: string,
  source: WordFactsCache | Lexicon,
  documentHasCapitals = false,
): HeardToken[] {
  const words = source instanceof WordFactsCache ? source : new WordFactsCache(source);
  const tokens = tokenize(text, (word) => words.get(word).key);
  const heard: HeardToken[] = tokens.map((token, i) => {
    const previous = i > 0 ? tokens[i - 1]! : undefined;
    const gap = previous ? text.slice(previous.end, token.start) : '';
    const blankLine = previous !== undefined && gap.includes('\n') && BLANK_LINE.test(gap);
    const punctuation =
      previous !== undefined && gap.trim() !== '' && PUNCTUATION.test(gap.replace(/['’]s\b/giu, ''));
    const facts = words.get(token.text);
    // Spelled out, not spread: this runs for every word of a 3-hour transcript.
    return {
      start: token.start,
      end: token.end,
      text: token.text,
      key: token.key,
      possessive: token.possessive,
      letters: facts.letters,
      sound: facts.sound,
      spokenSound: facts.spokenSound,
      coarse: facts.coarse,
      spokenCoarse: facts.spokenCoarse,
      acronymKey: facts.acronymKey,
      capitalised: facts.capitalised,
      acronymLike: facts.acronymLike,
      frequency: facts.frequency,
      mostlyCapitalised: facts.mostlyCapitalised,
      sentenceStart: !previous || blankLine || (punctuation && SENTENCE_END.test(gap)),
      breakBefore: punctuation || blankLine,
      paragraphBefore: blankLine,
      nameLike: false,
      fragment: false,
    };
  });

  const transcriptHasCapitals = documentHasCapitals || hasNameCapitals(heard);
  for (const token of heard) {
    token.nameLike =
      token.frequency < PRONOUN_LIKE_PER_MILLION &&
      (transcriptHasCapitals
        ? token.acronymLike ||
          /\d/.test(token.text) ||
          (token.capitalised &&
            (!token.sentenceStart ||
              token.mostlyCapitalised ||
              token.frequency < COMMON_AT_SENTENCE_START_PER_MILLION))
        : token.frequency < RARE_WORD_PER_MILLION || /\d/.test(token.text));
  }
  for (const token of heard) {
    // Contractions ("don't") are not in the word list but are ordinary words.
    token.fragment =
      !token.capitalised &&
      token.frequency === 0 &&
      token.letters.length >= MIN_FRAGMENT_LETTERS &&
      !/['’]/.test(token.text);
  }
  // Numbers and letters said as words next to an acronym or a number belong to it: "GLP one" is
  // GLP-1, "age BM" is HBM, "CD you" is CDU.
  const spelledPart = (token: HeardToken | undefined) =>
    token !== undefined && (token.acronymLike || /\d/.test(token.text));
  heard.forEach((token, i) => {
    if (!NUMBER_WORDS.has(token.key) && !LETTER_NAME_WORDS.has(token.key)) return;
    const before = i > 0 && !token.breakBefore ? heard[i - 1] : undefined;
    const after = i + 1 < heard.length && !heard[i + 1]!.breakBefore ? heard[i + 1] : undefined;
    if (spelledPart(before) || spelledPart(after)) token.nameLike = true;
  });
  return heard;
}

/** True when some word is capitalised where a sentence does not start: the text capitalises names. */
export function hasNameCapitals(tokens: readonly HeardToken[]): boolean {
  return tokens.some((token) => token.capitalised && !token.sentenceStart);
}
