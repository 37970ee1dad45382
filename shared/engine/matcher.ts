/**
 * The matcher: finds, in a text, the phrases that are already right, the known variants, and the
 * likely mishearings, and picks the best non-overlapping suggestions.
 *
 *   1. exact tier — phrases equal to a term, form or name part are right and left alone; phrases
 *      equal to a known variant are suggested with reason "variant";
 *   2. fuzzy tier — the remaining name-like phrases look up candidates in the TermIndex (by their
 *      whole coarse key, and word by word) and each candidate is scored (scoring.ts);
 *   3. selection — per phrase the best target wins and the next entries become alternatives;
 *      overlapping phrases are resolved by score.
 */
import type { HeardToken } from './heard';
import { analyseText, hasNameCapitals, type WordFactsCache } from './heard';
import { consistencySuggestions } from './consistency';
import { fineKey } from './phonetics/sound';
import {
  couldMatch,
  evaluate,
  heardPhrase,
  SCORING,
  variantScore,
  type Evaluation,
  type EvaluationContext,
  type HeardPhrase,
} from './scoring';
import type { Suggestion, SuggestionAlternative, SuggestionReason } from './suggestion';
import type { Target } from './targets';
import type { TermIndex } from './term-index';
import { phraseKey } from './tokenize';

const MAX_ALTERNATIVES = 3;
/** Longest heard phrase looked at, in words, beyond the longest target. */
const EXTRA_WORDS = 1;
const MAX_PHRASE_WORDS = 6;
const MAX_EXTRA_WORDS = 1;
/** Words looked at on each side of an unknown lower-case piece of a split term. */
const MAX_FRAGMENT_REACH = 2;
/** Only long terms are rebuilt from pieces: short ones would match ordinary words too easily. */
const MIN_FRAGMENTED_TERM_SOUNDS = 8;
/** Titles stand before names but are not names: "President Yun" is Yoon, not half of a name. */
const TITLES = new Set(
  (
    'president vice prime minister secretary general chancellor king queen prince princess emperor ' +
    'pope saint st dr doctor mr mrs ms miss sir dame lord lady senator governor mayor judge justice ' +
    'chairman chairwoman chair director professor prof coach captain commissioner ambassador premier ' +
    'chief commander colonel major lieutenant sergeant officer agent detective father sister brother ' +
    'rev reverend rabbi imam sheikh president-elect leader speaker deputy representative rep'
  ).split(' '),
);
/** A word rarer than this (per million) is no ordinary English word: likely a name. */
const RARE_WORD_PER_MILLION = 1;
const MAX_MISSING_WORDS = 1;
const MAX_MERGED_WORDS = 2;

export interface MatcherData {
  index: TermIndex;
  /** phraseKey → entries it is a correct term, form or part of. */
  correct: Map<string, string[]>;
  /** phraseKey of a known variant → the entries' term targets and how often each was accepted. */
  variants: Map<string, Array<{ target: Target; acceptedCount: number }>>;
  glossaryWords: Set<string>;
  longestTargetWords: number;
  words: WordFactsCache;
  /** Each entry's targets (term, forms, parts). */
  targetsByEntry: Map<string, Target[]>;
  /** Every prefix (whole words) of every correct phrase and known variant. */
  exactPrefixes: Set<string>;
}

interface Candidate {
  first: number;
  last: number;
  target: Target;
  score: number;
  reason: SuggestionReason;
}

/**
 * What a whole document says that a single paragraph of it cannot: which entries it spells right
 * somewhere, and whether it capitalises names. Used when re-checking one edited paragraph.
 */
export interface DocumentEvidence {
  mentionedEntryIds: ReadonlySet<string>;
  hasCapitals: boolean;
}

export function gatherEvidence(text: string, data: MatcherData): DocumentEvidence {
  const tokens = analyseText(text, data.words);
  const mentionedEntryIds = new Set<string>();
  const maxWords = Math.min(MAX_PHRASE_WORDS, data.longestTargetWords + EXTRA_WORDS);
  exactTier(tokens, data, maxWords, new Array(tokens.length), mentionedEntryIds, []);
  return { mentionedEntryIds, hasCapitals: hasNameCapitals(tokens) };
}

export function matchText(text: string, data: MatcherData, evidence?: DocumentEvidence): Suggestion[] {
  const tokens = analyseText(text, data.words, evidence?.hasCapitals);
  /** For each token written exactly right: the entries it is right for (empty: not covered). */
  const covered: Array<readonly string[] | undefined> = new Array(tokens.length);
  const mentionedEntryIds = new Set<string>(evidence?.mentionedEntryIds);
  const candidates: Candidate[] = [];
  const maxWords = Math.min(MAX_PHRASE_WORDS, data.longestTargetWords + EXTRA_WORDS);

  exactTier(tokens, data, maxWords, covered, mentionedEntryIds, candidates);

  const context: EvaluationContext = {
    glossaryWords: data.glossaryWords,
    mentionedEntryIds,
    transcriptHasCapitals: evidence?.hasCapitals === true || hasNameCapitals(tokens),
  };
  fuzzyTier(tokens, data, maxWords, covered, context, candidates);
  const suggestions = select(candidates, tokens, text);

  const taken = new Uint8Array(tokens.length);
  let t = 0;
  for (const suggestion of suggestions) {
    while (t < tokens.length && tokens[t]!.start < suggestion.start) t++;
    for (let i = t; i < tokens.length && tokens[i]!.end <= suggestion.end; i++) taken[i] = 1;
  }
  const isKnown = (first: number, last: number) =>
    covered.slice(first, last + 1).some((rightFor) => rightFor);
  return [...suggestions, ...consistencySuggestions(tokens, text, isKnown, taken)].sort(
    (a, b) => a.start - b.start,
  );
}

function exactTier(
  tokens: HeardToken[],
  data: MatcherData,
  maxWords: number,
  covered: Array<readonly string[] | undefined>,
  mentioned: Set<string>,
  candidates: Candidate[],
): void {
  for (let i = 0; i < tokens.length;) {
    let matched = 0;
    let matchedFor: readonly string[] = [];
    if (data.exactPrefixes.has(tokens[i]!.key)) {
      // Keys of the phrases starting here that could still be exact, shortest first; a blank line
      // ends them. Punctuation inside is allowed ("KoreaRiskGroup. com" is the term, spaced oddly).
      const keys: string[] = [tokens[i]!.key];
      for (let j = i + 1; j < Math.min(tokens.length, i + maxWords) && !tokens[j]!.paragraphBefore; j++) {
        const longer = `${keys[keys.length - 1]} ${tokens[j]!.key}`;
        if (!data.exactPrefixes.has(longer)) break;
        keys.push(longer);
      }
      for (let words = keys.length; words >= 1 && matched === 0; words--) {
        const key = keys[words - 1]!;
        const correctFor = data.correct.get(key);
        if (correctFor) {
          for (const id of correctFor) mentioned.add(id);
          matched = words;
          matchedFor = correctFor;
          continue;
        }
        const variants = data.variants.get(key);
        if (variants) {
          for (const { target, acceptedCount } of variants) {
            candidates.push({
              first: i,
              last: i + words - 1,
              target,
              score: variantScore(acceptedCount),
              reason: 'variant',
            });
          }
          matched = words;
        }
      }
    }
    if (matched > 0) {
      covered.fill(matchedFor, i, i + matched);
      i += matched;
    } else {
      i++;
    }
  }
}

function fuzzyTier(
  tokens: HeardToken[],
  data: MatcherData,
  maxWords: number,
  covered: Array<readonly string[] | undefined>,
  context: EvaluationContext,
  candidates: Candidate[],
): void {
  /** (phrase start × length) → targets already considered for that phrase. */
  const seen = new Map<number, Set<number>>();
  /** Phrase text → (target index × 2 + beside-another-name) → evaluation. */
  const evaluations = new Map<string, Map<number, Evaluation | null>>();
  const phrases = new Map<number, HeardPhrase>();
  const phraseAt = (first: number, length: number): HeardPhrase => {
    const key = first * MAX_PHRASE_WORDS + (length - 1);
    let phrase = phrases.get(key);
    if (!phrase) {
      phrase = heardPhrase(tokens.slice(first, first + length));
      phrases.set(key, phrase);
    }
    return phrase;
  };
  const consider = (first: number, last: number, target: Target, aroundFragment = false) => {
    if (first < 0 || last >= tokens.length || last < first) return;
    const length = last - first + 1;
    if (target.kind === 'part' && length > 1) return;
    // A term split into pieces may come as up to three more words than it has.
    if (aroundFragment ? length - target.length > MAX_FRAGMENT_REACH : !wordCountsFit(length, target)) return;
    if (!phraseIsCandidate(tokens, covered, first, last, target.entry.id, aroundFragment)) return;
    const phrase = phraseAt(first, length);
    if (alreadySaysTarget(phrase, target)) return;
    if (!couldMatch(phrase, target)) return;
    const phraseSlot = first * MAX_PHRASE_WORDS + (length - 1);
    let seenHere = seen.get(phraseSlot);
    if (!seenHere) seen.set(phraseSlot, (seenHere = new Set()));
    if (seenHere.has(target.index)) return;
    seenHere.add(target.index);
    // The same name recurs through a transcript: judge each spelling against each target once.
    const beside = besideOtherName(tokens, first, last, target);
    let forPhrase = evaluations.get(phrase.text);
    if (!forPhrase) evaluations.set(phrase.text, (forPhrase = new Map()));
    const memoKey = target.index * 2 + (beside ? 1 : 0);
    let evaluation = forPhrase.get(memoKey);
    if (evaluation === undefined) {
      evaluation = evaluate(phrase, target, context, beside) ?? null;
      forPhrase.set(memoKey, evaluation);
    }
    if (evaluation && evaluation.score >= SCORING.reportThreshold) {
      candidates.push({ first, last, target, ...evaluation });
    }
  };

  for (let first = 0; first < tokens.length; first++) {
    // A term split into ordinary words around an unknown piece: "sema glue tide", "or for glipron".
    if (tokens[first]!.fragment && !covered[first]) {
      for (let start = Math.max(0, first - MAX_FRAGMENT_REACH); start <= first; start++) {
        for (let end = first; end <= Math.min(tokens.length - 1, first + MAX_FRAGMENT_REACH); end++) {
          if (end === start || !phraseIsContiguous(tokens, start, end)) continue;
          const phrase = phraseAt(start, end - start + 1);
          const fineKeys = [fineKey(phrase.sound)];
          const visit = (target: Target) => {
            if (target.soundLength >= MIN_FRAGMENTED_TERM_SOUNDS) consider(start, end, target, true);
          };
          data.index.forCandidatesOfKey(coarseKeyOf(phrase), fineKeys, visit);
        }
      }
    }
    if (!tokens[first]!.nameLike) continue;
    // Whole phrases starting here, by their coarse key (as words, and with acronyms spelled).
    let key = '';
    let spokenKey = '';
    let sound = '';
    let spoken = '';
    // Entries every word so far is right for; undefined while no word is (see phraseIsCandidate).
    let rightFor: readonly string[] | undefined;
    for (let last = first; last < Math.min(tokens.length, first + maxWords); last++) {
      if (last > first && tokens[last]!.breakBefore) break;
      const coveredBy = covered[last];
      if (coveredBy) {
        rightFor = rightFor ? rightFor.filter((id) => coveredBy.includes(id)) : coveredBy;
        if (rightFor.length === 0) break;
      }
      key = joinCoarseKeys(key, tokens[last]!.coarse);
      spokenKey = joinCoarseKeys(spokenKey, tokens[last]!.spokenCoarse);
      sound += tokens[last]!.sound;
      spoken += tokens[last]!.spokenSound;
      if (!tokens[last]!.nameLike) continue;
      const visit = (target: Target) => consider(first, last, target);
      if (rightFor) {
        // Part of the phrase is already right for an entry: only that entry's names can fit.
        for (const id of rightFor) for (const target of data.targetsByEntry.get(id) ?? []) visit(target);
        continue;
      }
      const fineKeys = sound === spoken ? [fineKey(sound)] : [fineKey(sound), fineKey(spoken)];
      data.index.forCandidatesOfKey(key, fineKeys, visit);
      if (spokenKey !== key) data.index.forCandidatesOfKey(spokenKey, fineKeys, visit);
    }
    // An acronym heard with a letter or two that rhymes with the right one.
    for (const target of data.index.candidatesForAcronym(tokens[first]!.acronymKey))
      consider(first, first, target);
    // One word of a longer name: try the phrases that would line up with that name.
    for (const { target, wordIndex } of data.index.candidatesForWord(tokens[first]!.coarse)) {
      const length = target.length;
      for (const size of [length, length - 1, length + 1]) {
        if (size < 1) continue;
        for (const shift of [0, -1, 1]) {
          const start = first - wordIndex + shift;
          const end = start + size - 1;
          // Cheap checks first: most of these phrases cannot start or end on a name.
          if (start >= 0 && end < tokens.length && tokens[start]!.nameLike && tokens[end]!.nameLike) {
            consider(start, end, target);
          }
        }
      }
    }
  }
}

function coarseKeyOf(phrase: HeardPhrase): string {
  return phrase.tokens.reduce((key, token) => joinCoarseKeys(key, token.coarse), '');
}

/**
 * A phrase has about as many words as the target: one more or one fewer, or up to two fewer when
 * the recogniser merged a name into one word ("Vonderlayen").
 */
function wordCountsFit(length: number, target: Target): boolean {
  const extra = length - target.length;
  return extra <= MAX_EXTRA_WORDS && extra >= (length === 1 ? -MAX_MERGED_WORDS : -MAX_MISSING_WORDS);
}

/** The coarse key of two words said together: a class repeated across the boundary collapses. */
function joinCoarseKeys(left: string, right: string): string {
  return left !== '' && right !== '' && left[left.length - 1] === right[0]
    ? left + right.slice(1)
    : left + right;
}

/**
 * True when the phrase is no mishearing of the target but a correct mention of (part of) it: all
 * its words are the target's own ("Music" for "6 Music"), or it holds the whole target plus a word
 * ("I'm Hanna Kowalczyk").
 */
function alreadySaysTarget(phrase: HeardPhrase, target: Target): boolean {
  const targetWords = new Set(target.words);
  const ownWords = phrase.tokens.filter((token) => targetWords.has(token.letters)).length;
  if (ownWords === phrase.tokens.length && phrase.tokens.length <= target.words.length) return true;
  return ownWords >= target.words.length && phrase.letters.includes(target.letters);
}

/**
 * True when the phrase has a neighbour, with no punctuation between, that is a name word not
 * belonging to the target: the phrase is then likely part of another person's name.
 */
function besideOtherName(
  tokens: readonly HeardToken[],
  first: number,
  last: number,
  target: Target,
): boolean {
  const isOtherName = (token: HeardToken | undefined) =>
    token !== undefined &&
    token.capitalised &&
    !token.acronymLike &&
    !TITLES.has(token.key) &&
    (token.mostlyCapitalised || token.frequency < RARE_WORD_PER_MILLION) &&
    !target.words.includes(token.letters);
  const before = first > 0 && !tokens[first]!.breakBefore ? tokens[first - 1] : undefined;
  const after = last + 1 < tokens.length && !tokens[last + 1]!.breakBefore ? tokens[last + 1] : undefined;
  return isOtherName(before) || isOtherName(after);
}

/** No sentence or clause punctuation inside the phrase. */
function phraseIsContiguous(tokens: readonly HeardToken[], first: number, last: number): boolean {
  for (let i = first + 1; i <= last; i++) if (tokens[i]!.breakBefore) return false;
  return true;
}

/**
 * A phrase may be corrected to an entry if it starts and ends like a name and has no word that is
 * already right for another entry: "Satchel Nadella" may become "Satya Nadella" though "Nadella"
 * is right, but "Kim Jong-il" never becomes "Kim Jong Un".
 */
function phraseIsCandidate(
  tokens: readonly HeardToken[],
  covered: ReadonlyArray<readonly string[] | undefined>,
  first: number,
  last: number,
  entryId: string,
  aroundFragment = false,
): boolean {
  let allCovered = true;
  for (let i = first; i <= last; i++) {
    const rightFor = covered[i];
    if (rightFor && !rightFor.includes(entryId)) return false;
    if (!rightFor) allCovered = false;
  }
  if (allCovered) return false;
  if (aroundFragment) return phraseIsContiguous(tokens, first, last);
  return tokens[first]!.nameLike && tokens[last]!.nameLike && phraseIsContiguous(tokens, first, last);
}

/** Best target per phrase, others as alternatives; overlapping phrases resolved by score. */
function select(all: Candidate[], tokens: readonly HeardToken[], text: string): Suggestion[] {
  // A whole name beats a part of it for the same entry: "Jenson Wang" → "Jensen Huang", not
  // "Jenson" → "Jensen" alone.
  const candidates = withoutPartsOfLongerMatches(all);
  const bySpan = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.first}:${candidate.last}`;
    const list = bySpan.get(key);
    if (list) list.push(candidate);
    else bySpan.set(key, [candidate]);
  }
  const spans = [...bySpan.values()].map((list) =>
    list.sort(
      (a, b) =>
        b.score - a.score ||
        kindRank(a.target) - kindRank(b.target) ||
        a.target.entry.term.localeCompare(b.target.entry.term),
    ),
  );
  // Explicit tie-breaks: higher score, then the longer phrase, then the earlier one.
  spans.sort((a, b) => {
    const x = a[0]!;
    const y = b[0]!;
    return y.score - x.score || y.last - y.first - (x.last - x.first) || x.first - y.first;
  });

  const taken = new Uint8Array(tokens.length);
  const suggestions: Suggestion[] = [];
  for (const list of spans) {
    const best = list[0]!;
    if (taken.subarray(best.first, best.last + 1).some((flag) => flag === 1)) continue;
    taken.fill(1, best.first, best.last + 1);
    const start = tokens[best.first]!.start;
    const end = tokens[best.last]!.end;
    const heardText = text.slice(start, end);
    suggestions.push({
      start,
      end,
      text: heardText,
      replacement: best.target.text,
      score: round(best.score),
      reason: best.reason,
      termId: best.target.entry.id,
      alternatives: alternativesFor(list, best, heardText),
    });
  }
  return suggestions
    .filter((suggestion) => phraseKey(suggestion.replacement) !== phraseKey(suggestion.text))
    .sort((a, b) => a.start - b.start);
}

/** Drops a candidate when a longer phrase containing it matches the same entry. */
function withoutPartsOfLongerMatches(all: readonly Candidate[]): Candidate[] {
  const byEntry = new Map<string, Candidate[]>();
  for (const candidate of all) {
    const list = byEntry.get(candidate.target.entry.id);
    if (list) list.push(candidate);
    else byEntry.set(candidate.target.entry.id, [candidate]);
  }
  return all.filter((small) =>
    byEntry
      .get(small.target.entry.id)!
      .every(
        (big) =>
          big === small ||
          !(
            big.first <= small.first &&
            big.last >= small.last &&
            big.last - big.first > small.last - small.first
          ),
      ),
  );
}

function alternativesFor(list: Candidate[], best: Candidate, heardText: string): SuggestionAlternative[] {
  const seen = new Set([best.target.text, heardText]);
  const alternatives: SuggestionAlternative[] = [];
  for (const candidate of list.slice(1)) {
    if (seen.has(candidate.target.text)) continue;
    seen.add(candidate.target.text);
    alternatives.push({
      replacement: candidate.target.text,
      score: round(candidate.score),
      termId: candidate.target.entry.id,
    });
    if (alternatives.length === MAX_ALTERNATIVES) break;
  }
  return alternatives;
}

function kindRank(target: Target): number {
  return target.kind === 'term' ? 0 : target.kind === 'form' ? 1 : 2;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
