/**
 * Within one transcript, one name spelled several ways ("Anton Sokolin", "Anton Sokolyn") is
 * almost always one name misheard. This finds such groups among the capitalised names that the
 * glossary does not know, and proposes the spelling used most often for the others.
 */
import type { HeardToken } from './heard';
import { COST, soundSimilarity } from './phonetics/distance';
import type { Suggestion } from './suggestion';

export const CONSISTENCY = {
  /** Spellings must sound this alike to be one name. */
  minSimilarity: 0.85,
  /** Too short a name ("Lee", "Li") sounds like too many others. */
  minSoundLength: 6,
  /** The spelling proposed must be used at least this many times as often as the one it replaces. */
  minDominance: 2,
  score: 0.62,
  maxWords: 3,
} as const;

interface Spelling {
  key: string;
  sound: string;
  words: number;
  occurrences: Array<{ first: number; last: number }>;
  text: string;
}

/**
 * Suggestions that bring rare spellings of a name in line with its usual spelling. `isKnown` says
 * whether a phrase is already handled by the glossary (those are left to the matcher);
 * `taken` marks tokens that already carry a suggestion.
 */
export function consistencySuggestions(
  tokens: readonly HeardToken[],
  text: string,
  isKnown: (first: number, last: number) => boolean,
  taken: Uint8Array,
): Suggestion[] {
  const spellings = collectNamePhrases(tokens, text, isKnown);
  const suggestions: Suggestion[] = [];
  // Only spellings used at least twice can be "the usual one"; most names occur once.
  const frequent = spellings.filter((spelling) => spelling.occurrences.length >= CONSISTENCY.minDominance);
  for (const rare of spellings) {
    let usual: { other: Spelling; similarity: number } | undefined;
    for (const other of frequent) {
      if (
        other === rare ||
        Math.abs(other.words - rare.words) > 1 ||
        other.occurrences.length < CONSISTENCY.minDominance * rare.occurrences.length ||
        // Too different in length to reach minSimilarity: every missing sound costs at least a glide.
        Math.abs(other.sound.length - rare.sound.length) * COST.glideInsertDelete >
          (1 - CONSISTENCY.minSimilarity) * Math.max(other.sound.length, rare.sound.length)
      ) {
        continue;
      }
      const similarity = soundSimilarity(rare.sound, other.sound);
      if (similarity < CONSISTENCY.minSimilarity) continue;
      if (
        !usual ||
        similarity > usual.similarity ||
        (similarity === usual.similarity && other.occurrences.length > usual.other.occurrences.length)
      ) {
        usual = { other, similarity };
      }
    }
    if (!usual) continue;
    for (const { first, last } of rare.occurrences) {
      if (taken.subarray(first, last + 1).some((flag) => flag === 1)) continue;
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      suggestions.push({
        start,
        end,
        text: text.slice(start, end),
        replacement: usual.other.text,
        score: CONSISTENCY.score,
        reason: 'consistency',
        termId: '',
        alternatives: [],
      });
    }
  }
  return suggestions;
}

/** Maximal runs of capitalised name-like words, grouped by spelling (case-insensitive). */
function collectNamePhrases(
  tokens: readonly HeardToken[],
  text: string,
  isKnown: (first: number, last: number) => boolean,
): Spelling[] {
  const byKey = new Map<string, Spelling>();
  for (let first = 0; first < tokens.length; first++) {
    if (!isNameWord(tokens[first]!)) continue;
    let last = first;
    while (
      last + 1 < tokens.length &&
      last - first + 1 < CONSISTENCY.maxWords &&
      isNameWord(tokens[last + 1]!) &&
      !tokens[last + 1]!.breakBefore
    ) {
      last++;
    }
    if (!isKnown(first, last)) {
      const run = tokens.slice(first, last + 1);
      const sound = run.map((token) => token.sound).join('');
      if (sound.length >= CONSISTENCY.minSoundLength) {
        const key = run.map((token) => token.key).join(' ');
        const spelling = byKey.get(key) ?? {
          key,
          sound,
          words: run.length,
          occurrences: [],
          text: text.slice(run[0]!.start, run[run.length - 1]!.end),
        };
        spelling.occurrences.push({ first, last });
        byKey.set(key, spelling);
      }
    }
    first = last;
  }
  return [...byKey.values()];
}

function isNameWord(token: HeardToken): boolean {
  return token.nameLike && token.capitalised && !token.acronymLike && token.frequency < 1;
}
