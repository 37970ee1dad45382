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
import { analyseText } from './heard';
import { consistencySuggestions } from './consistency';
import type { Lexicon } from './lexicon';
import { coarseKey } from './phonetics/sound';
import { evaluate, SCORING, variantScore, type EvaluationContext } from './scoring';
import type { Suggestion, SuggestionAlternative, SuggestionReason } from './suggestion';
import type { Target } from './targets';
import type { TermIndex } from './term-index';
import { phraseKey } from './tokenize';

const MAX_ALTERNATIVES = 3;
/** Longest heard phrase looked at, in words, beyond the longest target. */
const EXTRA_WORDS = 1;
const MAX_PHRASE_WORDS = 6;

export interface MatcherData {
  index: TermIndex;
  /** phraseKey → entries it is a correct term, form or part of. */
  correct: Map<string, Set<string>>;
  /** phraseKey of a known variant → the entries' term targets and how often each was accepted. */
  variants: Map<string, Array<{ target: Target; acceptedCount: number }>>;
  glossaryWords: Set<string>;
  longestTargetWords: number;
  lexicon: Lexicon;
}

interface Candidate {
  first: number;
  last: number;
  target: Target;
  score: number;
  reason: SuggestionReason;
}

export function matchText(text: string, data: MatcherData): Suggestion[] {
  const tokens = analyseText(text, data.lexicon);
  /** For each token written exactly right: the entries it is right for (empty: not covered). */
  const covered: Array<ReadonlySet<string> | undefined> = new Array(tokens.length);
  const mentionedEntryIds = new Set<string>();
  const candidates: Candidate[] = [];
  const maxWords = Math.min(MAX_PHRASE_WORDS, data.longestTargetWords + EXTRA_WORDS);

  exactTier(tokens, data, maxWords, covered, mentionedEntryIds, candidates);

  const context: EvaluationContext = {
    glossaryWords: data.glossaryWords,
    mentionedEntryIds,
    transcriptHasCapitals: tokens.some((token) => token.capitalised && !token.sentenceStart),
  };
  fuzzyTier(tokens, data, maxWords, covered, context, candidates);
  const suggestions = select(candidates, tokens, text);

  const taken = new Uint8Array(tokens.length);
  for (const suggestion of suggestions) {
    tokens.forEach((token, i) => {
      if (token.start >= suggestion.start && token.end <= suggestion.end) taken[i] = 1;
    });
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
  covered: Array<ReadonlySet<string> | undefined>,
  mentioned: Set<string>,
  candidates: Candidate[],
): void {
  for (let i = 0; i < tokens.length;) {
    let matched = 0;
    let matchedFor: ReadonlySet<string> = new Set();
    // Punctuation inside is allowed here ("KoreaRiskGroup. com" is the term, only spaced oddly),
    // a blank line is not.
    for (let words = Math.min(maxWords, tokens.length - i); words >= 1 && matched === 0; words--) {
      if (tokens.slice(i + 1, i + words).some((token) => token.paragraphBefore)) continue;
      const key = tokens
        .slice(i, i + words)
        .map((token) => token.key)
        .join(' ');
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
  covered: Array<ReadonlySet<string> | undefined>,
  context: EvaluationContext,
  candidates: Candidate[],
): void {
  const seen = new Set<string>();
  const consider = (first: number, last: number, target: Target) => {
    if (first < 0 || last >= tokens.length || last < first) return;
    const pairKey = `${first}:${last}:${target.index}`;
    if (seen.has(pairKey)) return;
    seen.add(pairKey);
    if (!phraseIsCandidate(tokens, covered, first, last, target.entry.id)) return;
    const heard = tokens.slice(first, last + 1);
    if (Math.abs(heard.length - target.words.length) > 1) return;
    if (target.kind === 'part' && heard.length > 1) return;
    const evaluation = evaluate(heard, target, context);
    if (evaluation && evaluation.score >= SCORING.reportThreshold) {
      candidates.push({ first, last, target, ...evaluation });
    }
  };

  for (let first = 0; first < tokens.length; first++) {
    if (!tokens[first]!.nameLike) continue;
    // Whole phrases starting here, by their coarse key (as words, and with acronyms spelled).
    let sound = '';
    let spoken = '';
    for (let last = first; last < Math.min(tokens.length, first + maxWords); last++) {
      if (last > first && tokens[last]!.breakBefore) break;
      sound += tokens[last]!.sound;
      spoken += tokens[last]!.spokenSound;
      if (!tokens[last]!.nameLike) continue;
      const keys = new Set([coarseKey(sound), coarseKey(spoken)]);
      for (const key of keys)
        for (const target of data.index.candidatesForKey(key)) consider(first, last, target);
    }
    // An acronym heard with a letter or two that rhymes with the right one.
    for (const target of data.index.candidatesForAcronym(tokens[first]!.acronymKey))
      consider(first, first, target);
    // One word of a longer name: try the phrases that would line up with that name.
    for (const { target, wordIndex } of data.index.candidatesForWord(tokens[first]!.coarse)) {
      const length = target.words.length;
      for (const size of [length, length - 1, length + 1]) {
        if (size < 1) continue;
        for (const shift of [0, -1, 1]) {
          const start = first - wordIndex + shift;
          consider(start, start + size - 1, target);
        }
      }
    }
  }
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
  covered: ReadonlyArray<ReadonlySet<string> | undefined>,
  first: number,
  last: number,
  entryId: string,
): boolean {
  let allCovered = true;
  for (let i = first; i <= last; i++) {
    const rightFor = covered[i];
    if (rightFor && !rightFor.has(entryId)) return false;
    if (!rightFor) allCovered = false;
  }
  if (allCovered) return false;
  return tokens[first]!.nameLike && tokens[last]!.nameLike && phraseIsContiguous(tokens, first, last);
}

/** Best target per phrase, others as alternatives; overlapping phrases resolved by score. */
function select(all: Candidate[], tokens: readonly HeardToken[], text: string): Suggestion[] {
  // A whole name beats a part of it for the same entry: "Jenson Wang" → "Jensen Huang", not
  // "Jenson" → "Jensen" alone.
  const candidates = all.filter(
    (small) =>
      !all.some(
        (big) =>
          big !== small &&
          big.target.entry.id === small.target.entry.id &&
          big.first <= small.first &&
          big.last >= small.last &&
          big.last - big.first > small.last - small.first,
      ),
  );
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
