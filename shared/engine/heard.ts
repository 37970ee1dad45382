/**
 * The transcript side: tokens with what the matcher needs to know about each — how it sounds, how
 * it is capitalised, whether it starts a sentence, whether punctuation separates it from the word
 * before, and whether it is an ordinary English word.
 */
import type { Lexicon } from './lexicon';
import { acronymKey, coarseKey, foldLetters, spelledSound, wordSound } from './phonetics/sound';
import { isAcronym } from './targets';
import { tokenize, type Token } from './tokenize';

export interface HeardToken extends Token {
  letters: string;
  sound: string;
  /** The sound with acronyms and letter-digit mixes ("9K") spelled out; equal to sound otherwise. */
  spokenSound: string;
  coarse: string;
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
}

/** An ordinary word this frequent is taken as itself at the start of a sentence. */
const COMMON_AT_SENTENCE_START_PER_MILLION = 20;
/** In a transcript without capitals, only words rarer than this can start a name. */
const RARE_WORD_PER_MILLION = 1;

export function analyseText(text: string, lexicon: Lexicon): HeardToken[] {
  const tokens = tokenize(text);
  const heard: HeardToken[] = tokens.map((token, i) => {
    const previous = i > 0 ? tokens[i - 1]! : undefined;
    const gap = text.slice(previous ? previous.end : 0, token.start);
    const sentenceStart = !previous || /[.!?]["'”’)]*\s*$/.test(gap) || /\n\s*\n/.test(gap);
    const acronymLike = isAcronym(token.text) || (/\d/.test(token.text) && /\p{L}/u.test(token.text));
    const sound = wordSound(token.text);
    const spokenSound = acronymLike ? spelledSound(token.text) : sound;
    return {
      ...token,
      letters: foldLetters(token.text),
      sound,
      spokenSound,
      coarse: coarseKey(sound),
      acronymKey: acronymLike ? acronymKey(token.text) : '',
      capitalised: /^\p{Lu}/u.test(token.text),
      acronymLike,
      sentenceStart,
      breakBefore:
        previous !== undefined && (/[^\s\-‐‑'’]/u.test(gap.replace(/['’]s\b/giu, '')) || /\n\s*\n/.test(gap)),
      paragraphBefore: previous !== undefined && /\n\s*\n/.test(gap),
      frequency: lexicon.perMillion(token.text),
      mostlyCapitalised: lexicon.isMostlyCapitalised(token.text),
      nameLike: false,
    };
  });

  const transcriptHasCapitals = heard.some((token) => token.capitalised && !token.sentenceStart);
  for (const token of heard) {
    token.nameLike = transcriptHasCapitals
      ? token.acronymLike ||
        /\d/.test(token.text) ||
        (token.capitalised &&
          (!token.sentenceStart ||
            token.mostlyCapitalised ||
            token.frequency < COMMON_AT_SENTENCE_START_PER_MILLION))
      : token.frequency < RARE_WORD_PER_MILLION || /\d/.test(token.text);
  }
  return heard;
}
