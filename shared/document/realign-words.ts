/**
 * Word timings survive edits: after a segment's text changes, its words are re-aligned against the
 * new tokens so playback highlighting and subtitle timings stay right around the edited part.
 */
import { diffSequences } from './diff-sequences';
import type { TranscriptWord } from './model';

const TOKEN = /\S+/g;

/** The offsets of the whitespace-separated tokens of a text: the words a segment's text has. */
export function wordSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(TOKEN)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * One word per token of `text`, in order, with `word.text === token`, timed from `previous`.
 *
 * - Words whose text is unchanged keep startMs, endMs and confidence.
 * - A token equal to an old word ignoring case and surrounding punctuation ("marco" → "Marco,")
 *   keeps the old timing but loses its confidence: a person touched it, so it is certain.
 * - In a changed run that replaces k old words with k new ones, new word i takes old word i's timing.
 * - Otherwise the run's new words share its time evenly: the replaced words' span, or for pure
 *   insertions the gap between the neighbouring kept words (zero-length at either end).
 * - Edited and inserted words have no confidence.
 *
 * A segment without word timings stays without them: an empty `previous` gives [].
 */
export function realignWords(previous: readonly TranscriptWord[], text: string): TranscriptWord[] {
  if (previous.length === 0) return [];
  const tokens = text.match(TOKEN) ?? [];
  if (tokens.length === 0) return [];

  const oldTexts = previous.map((word) => word.text);
  // matchOf[j]: the old word token j keeps the timing of, or -1 when token j is new or edited.
  const matchOf = new Int32Array(tokens.length).fill(-1);

  // Exact text first, so a repeated word pairs with its identical twin, not a look-alike...
  matchCommon(oldTexts, tokens, { a0: 0, a1: oldTexts.length, b0: 0, b1: tokens.length }, matchOf);
  // ...then, inside each changed run, words equal ignoring case and surrounding punctuation.
  // Keys are computed only for the changed runs, which are usually a handful of words.
  const looseOld: string[] = [];
  const looseNew: string[] = [];
  for (const run of changedRuns(matchOf, oldTexts.length)) {
    if (run.a0 === run.a1) continue;
    for (let i = run.a0; i < run.a1; i++) looseOld[i] = looseKey(oldTexts[i] as string);
    for (let j = run.b0; j < run.b1; j++) looseNew[j] = looseKey(tokens[j] as string);
    matchCommon(looseOld, looseNew, run, matchOf);
  }

  const words: TranscriptWord[] = [];
  let run = 0;
  const runs = changedRuns(matchOf, previous.length);
  for (let j = 0; j < tokens.length;) {
    const kept = matchOf[j] as number;
    if (kept >= 0) {
      words.push(keptWord(previous[kept] as TranscriptWord, tokens[j] as string));
      j++;
      continue;
    }
    const { a0, a1, b1 } = runs[run++] as Run;
    for (const word of timeRun(previous, a0, a1, tokens.slice(j, b1))) words.push(word);
    j = b1;
  }
  return words;
}

/** The time a segment's words cover, or null when it has none. */
export function segmentTimes(words: readonly TranscriptWord[]): { startMs: number; endMs: number } | null {
  if (words.length === 0) return null;
  let startMs = Infinity;
  let endMs = -Infinity;
  // Min and max rather than first and last: recognisers occasionally emit overlapping words.
  for (const word of words) {
    startMs = Math.min(startMs, word.startMs);
    endMs = Math.max(endMs, word.endMs);
  }
  return { startMs, endMs };
}

/** Old words a0..a1 replaced by new tokens b0..b1 (either side may be empty). */
interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * About 25 ns each, and the exact and the loose pass each have this budget: a 300-word segment
 * rewritten end to end still aligns, a 3,000-word one gives up after a few milliseconds.
 */
const MAX_COMPARISONS = 150_000;
const OVER_BUDGET = Symbol('over budget');

/**
 * Pairs old words a0..a1 with new tokens b0..b1 along a longest common subsequence of their keys,
 * recording each pair in matchOf.
 */
function matchCommon(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  run: Run,
  matchOf: Int32Array,
): void {
  let { a0, a1, b0, b1 } = run;
  // Common ends, the whole segment but the edit in the usual case, need no diff.
  while (a0 < a1 && b0 < b1 && oldKeys[a0] === newKeys[b0]) matchOf[b0++] = a0++;
  while (a0 < a1 && b0 < b1 && oldKeys[a1 - 1] === newKeys[b1 - 1]) matchOf[--b1] = --a1;
  if (a0 === a1 || b0 === b1) return;
  // A key found on one side only can never be common. Leaving those words out keeps a rewritten
  // or pasted-over segment from costing the diff's worst case, O(N·D) with D ≈ 2N.
  const a = onlyShared(oldKeys, a0, a1, new Set(newKeys.slice(b0, b1)));
  const b = onlyShared(newKeys, b0, b1, new Set(oldKeys.slice(a0, a1)));
  if (a.length === 0 || b.length === 0) return;
  // Still a rewrite when most words are common ones ("the", "and"): past a budget of comparisons
  // (a few milliseconds), give up and treat the rest as one changed run, timed evenly.
  let comparisons = 0;
  const pairs: number[] = [];
  try {
    diffSequences(
      a.length,
      b.length,
      (i, j) => {
        if (++comparisons > MAX_COMPARISONS) throw OVER_BUDGET;
        return oldKeys[a[i] as number] === newKeys[b[j] as number];
      },
      (nCommon, aCommon, bCommon) => {
        for (let k = 0; k < nCommon; k++) pairs.push(a[aCommon + k] as number, b[bCommon + k] as number);
      },
    );
  } catch (error) {
    if (error === OVER_BUDGET) return;
    throw error;
  }
  for (let k = 0; k < pairs.length; k += 2) matchOf[pairs[k + 1] as number] = pairs[k] as number;
}

/** The indices from..to whose key is in `other`. */
function onlyShared(keys: readonly string[], from: number, to: number, other: ReadonlySet<string>): number[] {
  const indices: number[] = [];
  for (let i = from; i < to; i++) if (other.has(keys[i] as string)) indices.push(i);
  return indices;
}

/** The runs of unmatched new tokens, each with the old words between its matched neighbours. */
function changedRuns(matchOf: Int32Array, oldLength: number): Run[] {
  const runs: Run[] = [];
  let lastKept = -1;
  for (let j = 0; j < matchOf.length;) {
    const kept = matchOf[j] as number;
    if (kept >= 0) {
      lastKept = kept;
      j++;
      continue;
    }
    let end = j;
    while (end < matchOf.length && (matchOf[end] as number) < 0) end++;
    const nextKept = end < matchOf.length ? (matchOf[end] as number) : oldLength;
    runs.push({ a0: lastKept + 1, a1: nextKept, b0: j, b1: end });
    j = end;
  }
  return runs;
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Case and surrounding punctuation ignored; a token of punctuation only is its own key. */
function looseKey(token: string): string {
  const core = token.normalize('NFC').replace(EDGE_PUNCTUATION, '').toLowerCase();
  return core === '' ? token : core;
}

function keptWord(old: TranscriptWord, token: string): TranscriptWord {
  const word: TranscriptWord = { text: token, startMs: old.startMs, endMs: Math.max(old.startMs, old.endMs) };
  // Confidence describes the recogniser's spelling; once a person changed it, it no longer applies.
  if (old.text === token && old.confidence !== undefined) word.confidence = old.confidence;
  return word;
}

/** Times a run of new tokens that replaces previous[a0..a1), between the kept words around it. */
function timeRun(
  previous: readonly TranscriptWord[],
  a0: number,
  a1: number,
  tokens: readonly string[],
): TranscriptWord[] {
  const replaced = previous.slice(a0, a1);
  if (replaced.length === tokens.length) {
    return tokens.map((text, i) => {
      const old = replaced[i] as TranscriptWord;
      return { text, startMs: old.startMs, endMs: Math.max(old.startMs, old.endMs) };
    });
  }
  let startMs: number;
  let endMs: number;
  if (replaced.length > 0) {
    // The replaced words' own span: where the edited speech is, without the pauses around it.
    startMs = Infinity;
    endMs = -Infinity;
    for (const word of replaced) {
      startMs = Math.min(startMs, word.startMs);
      endMs = Math.max(endMs, word.startMs, word.endMs);
    }
  } else {
    const before = previous[a0 - 1];
    const after = previous[a1];
    startMs = before ? before.endMs : (after as TranscriptWord).startMs;
    endMs = after ? after.startMs : startMs;
    // Overlapping neighbours leave no gap: the inserted words are zero-length at the boundary.
    endMs = Math.max(startMs, endMs);
  }
  return spreadEvenly(tokens, startMs, endMs);
}

function spreadEvenly(tokens: readonly string[], startMs: number, endMs: number): TranscriptWord[] {
  const span = endMs - startMs;
  const n = tokens.length;
  // Rounded cumulative cut points: integer milliseconds, contiguous, exactly filling the span.
  return tokens.map((text, i) => ({
    text,
    startMs: startMs + Math.round((span * i) / n),
    endMs: startMs + Math.round((span * (i + 1)) / n),
  }));
}
