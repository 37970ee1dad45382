/**
 * Finds places in a transcript where a known variant of a glossary term was written, and proposes
 * the term. This is the exact-match tier of the correction engine: a variant matches when its
 * words equal the text's words, ignoring case, accents and punctuation.
 */
import type { TranscriptDocument } from '../document/model';
import { documentPlainText } from '../document/plain-text';
import type { GlossaryEntry } from '../glossary/types';
import type { Suggestion, SuggestionAlternative } from './suggestion';
import { phraseKey, tokenize, type Token } from './tokenize';

/** A known variant is strong evidence; learned ones (accepted by people) slightly more so. */
const VARIANT_BASE_SCORE = 0.95;
const VARIANT_LEARNED_BONUS = 0.04;
const MAX_ALTERNATIVES = 3;

interface VariantTarget {
  entry: GlossaryEntry;
  acceptedCount: number;
}

interface VariantIndex {
  /** Variant phrase key → every entry that lists it, best first. */
  byKey: Map<string, VariantTarget[]>;
  /** Keys that are a term or form of some entry: already correct, never "corrected". */
  correctKeys: Set<string>;
  longestVariantWords: number;
}

export function buildVariantIndex(entries: readonly GlossaryEntry[]): VariantIndex {
  const byKey = new Map<string, VariantTarget[]>();
  const correctKeys = new Set<string>();
  let longestVariantWords = 0;

  for (const entry of entries) {
    for (const correct of [entry.term, ...entry.forms]) correctKeys.add(phraseKey(correct));
  }
  for (const entry of entries) {
    for (const variant of entry.variants) {
      const key = phraseKey(variant.text);
      if (key === '' || correctKeys.has(key)) continue;
      const targets = byKey.get(key) ?? [];
      if (targets.some((target) => target.entry.id === entry.id)) continue;
      targets.push({ entry, acceptedCount: variant.acceptedCount });
      byKey.set(key, targets);
      longestVariantWords = Math.max(longestVariantWords, key.split(' ').length);
    }
  }
  for (const targets of byKey.values()) {
    // Explicit tie-break: more acceptances first, then the term alphabetically.
    targets.sort((a, b) => b.acceptedCount - a.acceptedCount || a.entry.term.localeCompare(b.entry.term));
  }
  return { byKey, correctKeys, longestVariantWords };
}

export function variantScore(acceptedCount: number): number {
  return VARIANT_BASE_SCORE + VARIANT_LEARNED_BONUS * (acceptedCount / (acceptedCount + 1));
}

/** Suggestions for a plain text, longest match first, never overlapping, in text order. */
export function checkText(text: string, entries: readonly GlossaryEntry[]): Suggestion[] {
  const index = buildVariantIndex(entries);
  const tokens = tokenize(text);
  const suggestions: Suggestion[] = [];

  for (let i = 0; i < tokens.length;) {
    const match = longestVariantAt(tokens, i, index, text);
    if (!match) {
      i++;
      continue;
    }
    suggestions.push(match.suggestion);
    i += match.words;
  }
  return suggestions;
}

export function checkDocument(doc: TranscriptDocument, entries: readonly GlossaryEntry[]): Suggestion[] {
  return checkText(documentPlainText(doc), entries);
}

function longestVariantAt(
  tokens: Token[],
  first: number,
  index: VariantIndex,
  text: string,
): { suggestion: Suggestion; words: number } | undefined {
  const maxWords = Math.min(index.longestVariantWords, tokens.length - first);
  for (let words = maxWords; words >= 1; words--) {
    const window = tokens.slice(first, first + words);
    // A possessive ending may only close the phrase: "Donbass's people", not "Donbass's" mid-name.
    if (window.slice(0, -1).some((token) => token.possessive)) continue;
    if (!sameParagraph(window, text)) continue;
    const key = window.map((token) => token.key).join(' ');
    const targets = index.byKey.get(key);
    if (!targets) continue;
    const [best, ...others] = targets;
    if (!best) continue;
    const start = window[0]!.start;
    const end = window[window.length - 1]!.end;
    const alternatives: SuggestionAlternative[] = others.slice(0, MAX_ALTERNATIVES).map((target) => ({
      replacement: target.entry.term,
      score: variantScore(target.acceptedCount),
      termId: target.entry.id,
    }));
    return {
      words,
      suggestion: {
        start,
        end,
        text: text.slice(start, end),
        replacement: best.entry.term,
        score: variantScore(best.acceptedCount),
        reason: 'variant',
        termId: best.entry.id,
        alternatives,
      },
    };
  }
  return undefined;
}

/** A phrase never spans a blank line (a segment boundary). */
function sameParagraph(window: Token[], text: string): boolean {
  for (let i = 1; i < window.length; i++) {
    if (text.slice(window[i - 1]!.end, window[i]!.start).includes('\n\n')) return false;
  }
  return true;
}
