/**
 * The correction engine's public face: build once from the glossary (and the user's past
 * decisions), then check whole documents or single paragraphs. Pure TypeScript: the CLI, the app's
 * main process, a worker and the tests all use it the same way.
 */
import type { TranscriptDocument } from '../document/model';
import { documentPlainText } from '../document/plain-text';
import type { GlossaryEntry } from '../glossary/types';
import { englishLexicon, type Lexicon } from './lexicon';
import { WordFactsCache } from './heard';
import { gatherEvidence, matchText, type DocumentEvidence, type MatcherData } from './matcher';

export type { DocumentEvidence };
import type { Suggestion } from './suggestion';
import { buildTargets, type Target } from './targets';
import { TermIndex } from './term-index';
import { phraseKey } from './tokenize';

/** "This heard text is not that entry": recorded when a person rejects a suggestion. */
export interface Rejection {
  termId: string;
  /** The heard text as it was in the transcript; compared by phraseKey (case and punctuation ignored). */
  heard: string;
}

export interface EngineInput {
  entries: readonly GlossaryEntry[];
  rejections?: readonly Rejection[];
  /** Evidence about ordinary English; SUBTLEX-US by default. */
  lexicon?: Lexicon;
}

export interface CorrectionEngine {
  /** Suggestions for a plain text (segments separated by blank lines). */
  check(text: string): Suggestion[];
  checkDocument(doc: TranscriptDocument): Suggestion[];
  /**
   * Suggestions for one paragraph that starts at `offset` in the document's plain text; offsets in
   * the result are document offsets. Used to re-check an edited paragraph; pass the document's
   * evidence so the paragraph is judged as it would be in the whole document.
   */
  checkParagraph(paragraph: string, offset: number, evidence?: DocumentEvidence): Suggestion[];
  /** What the whole document tells about each of its paragraphs (see DocumentEvidence). */
  documentEvidence(doc: TranscriptDocument): DocumentEvidence;
}

export function createEngine(input: EngineInput): CorrectionEngine {
  const data = buildMatcherData(input.entries, input.lexicon ?? englishLexicon());
  const rejected = new Set((input.rejections ?? []).map((r) => rejectionKey(r.termId, r.heard)));
  const check = (text: string, evidence?: DocumentEvidence) =>
    matchText(text, data, evidence).flatMap((suggestion) => withoutRejected(suggestion, rejected));
  return {
    check,
    checkDocument: (doc) => check(documentPlainText(doc)),
    checkParagraph: (paragraph, offset, evidence) =>
      check(paragraph, evidence).map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })),
    documentEvidence: (doc) => gatherEvidence(documentPlainText(doc), data),
  };
}

function buildMatcherData(entries: readonly GlossaryEntry[], lexicon: Lexicon): MatcherData {
  const targets = buildTargets(entries);
  const correct = new Map<string, string[]>();
  const glossaryWords = new Set<string>();
  const termTargets = new Map<string, Target>();
  const targetsByEntry = new Map<string, Target[]>();
  let longestTargetWords = 1;
  for (const target of targets) {
    const ids = correct.get(target.key);
    if (!ids) correct.set(target.key, [target.entry.id]);
    else if (!ids.includes(target.entry.id)) ids.push(target.entry.id);
    if (target.kind !== 'part') for (const word of target.wordInfo) glossaryWords.add(word.letters);
    if (target.kind === 'term') termTargets.set(target.entry.id, target);
    const ofEntry = targetsByEntry.get(target.entry.id);
    if (ofEntry) ofEntry.push(target);
    else targetsByEntry.set(target.entry.id, [target]);
    longestTargetWords = Math.max(longestTargetWords, target.length);
  }

  const variants: MatcherData['variants'] = new Map();
  for (const entry of entries) {
    const target = termTargets.get(entry.id);
    if (!target) continue;
    for (const variant of entry.variants) {
      const key = phraseKey(variant.text);
      if (key === '' || correct.has(key)) continue;
      const list = variants.get(key) ?? [];
      if (list.some((item) => item.target.entry.id === entry.id)) continue;
      list.push({ target, acceptedCount: variant.acceptedCount });
      variants.set(key, list);
      longestTargetWords = Math.max(longestTargetWords, key.split(' ').length);
    }
  }
  // Every word-boundary prefix of every exact phrase: a phrase is only extended while it can
  // still become one.
  const exactPrefixes = new Set<string>();
  for (const key of [...correct.keys(), ...variants.keys()]) {
    for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) {
      exactPrefixes.add(key.slice(0, space));
    }
    exactPrefixes.add(key);
  }
  return {
    index: new TermIndex(targets),
    correct,
    variants,
    glossaryWords,
    longestTargetWords,
    words: new WordFactsCache(lexicon),
    exactPrefixes,
    targetsByEntry,
  };
}

function rejectionKey(termId: string, heard: string): string {
  return `${termId}\u0000${phraseKey(heard)}`;
}

/** Drops a rejected proposal; its best remaining alternative takes its place. */
function withoutRejected(suggestion: Suggestion, rejected: ReadonlySet<string>): Suggestion[] {
  if (!rejected.has(rejectionKey(suggestion.termId, suggestion.text))) return [suggestion];
  const [next, ...rest] = suggestion.alternatives.filter(
    (alternative) => !rejected.has(rejectionKey(alternative.termId, suggestion.text)),
  );
  if (!next) return [];
  return [
    {
      ...suggestion,
      replacement: next.replacement,
      score: next.score,
      termId: next.termId,
      alternatives: rest,
    },
  ];
}
