/**
 * How sure the engine is that a heard phrase is a mishearing of a target. Similarity of sound (or
 * spelling) is the evidence; the constants below say how much of it each length of name needs and
 * how other evidence (ordinary English words, capitals, names that are real in their own right)
 * moves the score. Every constant is named; every rule is a small pure function.
 */
import type { SuggestionReason } from './suggestion';
import type { HeardToken } from './heard';
import { letterSimilarity, soundSimilarity } from './phonetics/distance';
import type { Target } from './targets';

export const SCORING = {
  /** Suggestions below this score are not shown. */
  reportThreshold: 0.6,
  /** Similarity a target needs, by the length of its sound string: short names must match closely. */
  minSimilarityShort: 0.99, // up to 3 sounds ("Yoon")
  minSimilarityFour: 0.86,
  minSimilarityMedium: 0.78, // 5–6 sounds
  minSimilarityLong: 0.7, // 7 sounds or more
  /** A first name or surname said alone is weaker evidence than the full name. */
  partFactor: 0.9,
  /** A known name said alone ("Martin", "Schulz") is rarely a mishearing of a one-word form or part. */
  knownNameAsPartFactor: 0.6,
  /** A long term heard as ordinary words around an unknown piece, if it sounds this alike. */
  minSplitTermSounds: 8,
  minSplitTermSimilarity: 0.8,
  splitTermPieceFactor: 0.95,
  /** A surname or first name said alone right beside another name word. */
  besideOtherNameFactor: 0.5,
  /** Every differing word is itself a known name, word for word: "Maria Callas" is not "Kaja Kallas". */
  knownNamesSwapFactor: 0.7,
  /** Word by word, each differing word must still sound at least this much like its counterpart. */
  minWordSimilarity: 0.45,
  /** Heard words that are ordinary English are probably right as they are. */
  veryCommonWordPerMillion: 100,
  veryCommonWordFactor: 0.45,
  commonWordPerMillion: 10,
  commonWordFactor: 0.75,
  /** A known name ("Margaret") is less likely a mishearing than an unknown word. */
  knownNameFactor: 0.9,
  /** A word that is itself part of another glossary name ("Jong" in "Kim Jong Nam"). */
  otherGlossaryWordFactor: 0.75,
  /** A lower-case word where the transcript capitalises names. */
  lowerCaseFactor: 0.7,
  /** A spelled acronym that ordinary English knows (FBI, NBA): probably a different organisation. */
  knownAcronymFactor: 0.7,
  /** The entry is written correctly elsewhere in the same transcript. */
  mentionedElsewhereBonus: 0.08,
} as const;

/** A known variant is strong evidence; learned ones (accepted by people) slightly more so. */
const VARIANT_BASE_SCORE = 0.95;
const VARIANT_LEARNED_BONUS = 0.04;

export function variantScore(acceptedCount: number): number {
  return VARIANT_BASE_SCORE + VARIANT_LEARNED_BONUS * (acceptedCount / (acceptedCount + 1));
}

export interface Evaluation {
  score: number;
  reason: SuggestionReason;
}

export interface EvaluationContext {
  /** Folded words of every term and form in the glossary. */
  glossaryWords: ReadonlySet<string>;
  /** Entries written exactly right somewhere in the transcript. */
  mentionedEntryIds: ReadonlySet<string>;
  transcriptHasCapitals: boolean;
}

export function minSimilarity(soundLength: number): number {
  if (soundLength <= 3) return SCORING.minSimilarityShort;
  if (soundLength === 4) return SCORING.minSimilarityFour;
  if (soundLength <= 6) return SCORING.minSimilarityMedium;
  return SCORING.minSimilarityLong;
}

/** Best similarity over the ways both sides can be said, and whether spelling letters won. */
/** A heard phrase with its joined sound strings and letters, built once per phrase. */
export interface HeardPhrase {
  tokens: readonly HeardToken[];
  /** The words as written, joined by spaces: what makes two phrases the same for scoring. */
  text: string;
  sound: string;
  spoken: string;
  letters: string;
}

export function heardPhrase(tokens: readonly HeardToken[]): HeardPhrase {
  let sound = '';
  let spoken = '';
  let letters = '';
  for (const token of tokens) {
    sound += token.sound;
    spoken += token.spokenSound;
    letters += token.letters;
  }
  return { tokens, text: tokens.map((token) => token.text).join(' '), sound, spoken, letters };
}

/**
 * False when the lengths alone rule a match out: every sound of difference costs at least the
 * cheapest insertion, every letter one edit. Saves the full comparison for most candidates.
 */
export function couldMatch(heard: HeardPhrase, target: Target): boolean {
  const floor = minSimilarity(Math.min(target.sound.length, target.spokenSound.length));
  const soundGap = Math.min(
    Math.abs(heard.sound.length - target.sound.length),
    Math.abs(heard.spoken.length - target.spokenSound.length),
    Math.abs(heard.sound.length - target.spokenSound.length),
    Math.abs(heard.spoken.length - target.sound.length),
  );
  const soundLongest = Math.max(heard.sound.length, target.sound.length, 1);
  const letterGap = Math.abs(heard.letters.length - target.letters.length);
  const letterLongest = Math.max(heard.letters.length, target.letters.length, 1);
  return (
    1 - (soundGap * CHEAPEST_INDEL) / soundLongest >= floor - LENGTH_BOUND_SLACK ||
    1 - letterGap / letterLongest >= floor
  );
}

const CHEAPEST_INDEL = 0.4;
/** The sound bound mixes lengths of different readings; a little slack keeps it safe. */
const LENGTH_BOUND_SLACK = 0.1;

export function bestSimilarity(phrase: HeardPhrase, target: Target) {
  const heardSound = phrase.sound;
  const heardSpoken = phrase.spoken;
  let best = { similarity: soundSimilarity(heardSound, target.sound), soundLength: target.sound.length };
  let reason: SuggestionReason = 'sound';
  if (heardSpoken !== heardSound || target.spokenSound !== target.sound) {
    for (const [a, b] of [
      [heardSpoken, target.spokenSound],
      [heardSound, target.spokenSound],
      [heardSpoken, target.sound],
    ] as const) {
      const similarity = soundSimilarity(a, b);
      // Judge against the length actually compared: "NIS" said as letters is six sounds, not three.
      if (similarity > best.similarity) {
        best = { similarity, soundLength: Math.min(a.length, b.length) };
        reason = 'acronym';
      }
    }
  }
  const letters = letterSimilarity(phrase.letters, target.letters);
  if (letters > best.similarity) {
    best = { similarity: letters, soundLength: target.sound.length };
    reason = 'spelling';
  }
  return { ...best, reason };
}

export function evaluate(
  heard: HeardPhrase,
  target: Target,
  context: EvaluationContext,
  nextToOtherName = false,
): Evaluation | undefined {
  const { similarity, reason, soundLength } = bestSimilarity(heard, target);
  const floor = minSimilarity(soundLength);
  if (similarity < floor) return undefined;

  if (!wordsLineUp(heard, target)) return undefined;

  let score = 0.5 + (0.5 * (similarity - floor)) / (1 - floor + 1e-9);
  if (target.kind === 'part') score *= SCORING.partFactor;
  const saidAlone = target.words.length === 1 && target.kind !== 'term' && heard.tokens.length === 1;
  if (saidAlone && isKnownName(heard.tokens[0]!)) score *= SCORING.knownNameAsPartFactor;
  // "Martin Schulz", "Jimi Hendrix": the word is half of somebody else's full name.
  if (saidAlone && nextToOtherName) score *= SCORING.besideOtherNameFactor;
  if (isNameSwap(heard, target)) score *= SCORING.knownNamesSwapFactor;
  const targetWords = new Set(target.words);
  const targetSounds = new Set(target.wordSounds);
  const lowerCaseTarget = !/^\p{Lu}/u.test(target.text);
  // Pieces of a long term split into ordinary words ("sema glue tide") are ordinary by nature.
  const splitTerm =
    heard.tokens.length > 1 &&
    heard.tokens.some((token) => token.fragment) &&
    target.sound.length >= SCORING.minSplitTermSounds &&
    similarity >= SCORING.minSplitTermSimilarity;
  for (const token of heard.tokens) {
    // A word the target itself says ("Six" for "6") is no evidence against it.
    if (targetWords.has(token.letters) || targetSounds.has(token.sound)) continue;
    // A word said as a letter of the acronym it matched ("age" for H) is no ordinary word there.
    if (reason === 'acronym' && token.spokenSound !== token.sound && !token.acronymLike) continue;
    score *= splitTerm ? SCORING.splitTermPieceFactor : wordEvidenceFactor(token, context, lowerCaseTarget);
  }
  if (context.mentionedEntryIds.has(target.entry.id)) score += SCORING.mentionedElsewhereBonus;
  return { score: Math.min(1, Math.max(0, score)), reason };
}

function isKnownName(token: HeardToken): boolean {
  return token.mostlyCapitalised && token.frequency > 0;
}

/** As many words as the target, and every word that differs is a known name in its own right. */
function isNameSwap(heard: HeardPhrase, target: Target): boolean {
  if (heard.tokens.length !== target.words.length || heard.tokens.length < 2) return false;
  const differing = heard.tokens.filter((token, i) => token.letters !== target.words[i]);
  return differing.length > 0 && differing.every(isKnownName);
}

/**
 * When heard and target have as many words, each heard word that differs must still sound like its
 * counterpart: "Peter Drucker" is not "Daniel Drucker", however alike the whole phrases are.
 */
export function wordsLineUp(heard: HeardPhrase, target: Target): boolean {
  if (heard.tokens.length !== target.words.length || heard.tokens.length < 2) return true;
  return heard.tokens.every((token, i) => {
    if (token.letters === target.words[i]) return true;
    const targetSound = target.wordSounds[i]!;
    return (
      Math.max(soundSimilarity(token.sound, targetSound), soundSimilarity(token.spokenSound, targetSound)) >=
      SCORING.minWordSimilarity
    );
  });
}

/** How much one heard word that differs from the target lowers the score. */
export function wordEvidenceFactor(
  token: HeardToken,
  context: EvaluationContext,
  lowerCaseTarget = false,
): number {
  let factor = 1;
  if (token.acronymLike) {
    if (token.frequency > 0) factor *= SCORING.knownAcronymFactor;
  } else if (token.frequency >= SCORING.veryCommonWordPerMillion && !token.mostlyCapitalised) {
    factor *= SCORING.veryCommonWordFactor;
  } else if (token.frequency >= SCORING.commonWordPerMillion && !token.mostlyCapitalised) {
    factor *= SCORING.commonWordFactor;
  } else if (token.mostlyCapitalised && token.frequency > 0) {
    factor *= SCORING.knownNameFactor;
  }
  if (context.glossaryWords.has(token.letters)) factor *= SCORING.otherGlossaryWordFactor;
  if (context.transcriptHasCapitals && !lowerCaseTarget && !token.capitalised && !/\d/.test(token.text)) {
    factor *= SCORING.lowerCaseFactor;
  }
  return factor;
}
