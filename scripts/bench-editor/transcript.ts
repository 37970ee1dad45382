/**
 * A 3-hour WhisperX transcript for the editor benchmark, made from the real seed episode: its
 * sentences are cycled (each seed paragraph is one speaker turn, the two speakers alternating) until
 * the transcript holds about 30,000 words, so it carries the seed's real mishearings over and over.
 * Each cycle also writes some of the correct mentions of a misheard term the way the recogniser
 * misheard it elsewhere in the episode (e.g. "NIS" → "NAS"), so the density of suggestions is a
 * little above the seed's own. Every Whisper word has a start, an end and a score; words the
 * recogniser got wrong get a low score, so the low-confidence layer is painted too.
 */
import type { SegmentSuggestion } from '../../shared/workspace/types';
import { between, type Random } from '../bench/random';

export interface SeedText {
  /** The seed episode's paragraphs (one speaker turn each), as its importer reads them. */
  paragraphs: readonly string[];
  /** What the engine suggests on the seed: the real mishearings. */
  suggestions: readonly Pick<SegmentSuggestion, 'text' | 'replacement'>[];
}

export interface TranscriptOptions {
  words: number;
  durationMs: number;
  /** Share of the correct mentions of a misheard term that are written misheard (per cycle). */
  mishearShare: number;
}

export interface WhisperXWord {
  word: string;
  start: number;
  end: number;
  score: number;
}

export interface WhisperXSegment {
  start: number;
  end: number;
  text: string;
  speaker: string;
  words: WhisperXWord[];
}

export interface BenchTranscript {
  json: { language: string; segments: WhisperXSegment[] };
  words: number;
  segments: number;
  turns: number;
  cycles: number;
  /** Correct mentions rewritten as a seed mishearing. */
  rewritten: number;
}

/** Whisper segments are a sentence or two; longer sentences are cut about here. */
const MAX_SEGMENT_WORDS = 13;
const SHORT_SENTENCE_WORDS = 4;
/** Silence between segments, and a longer one where the speaker changes. */
const SEGMENT_GAP_MS = { min: 150, max: 700 };
const TURN_GAP_MS = { min: 500, max: 1500 };
const RANDOM_LOW_CONFIDENCE_SHARE = 0.03;

const words = (text: string): string[] => text.split(/\s+/u).filter((w) => w !== '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function buildTranscript(seed: SeedText, options: TranscriptOptions, random: Random): BenchTranscript {
  const turns = seed.paragraphs.map(sentenceChunks).filter((turn) => turn.length > 0);
  if (turns.length === 0) throw new Error('the seed transcript has no text');
  const mishearings = mishearingsByTerm(seed.suggestions);
  const heardWords = new Set(seed.suggestions.flatMap((s) => words(s.text.toLowerCase())));

  // Turns of text first (speaker, segment texts), then timings spread over the duration.
  const planned: Array<{ speaker: string; texts: string[] }> = [];
  let total = 0;
  let cycles = 0;
  let rewritten = 0;
  outer: for (;;) {
    cycles++;
    for (const turn of turns) {
      const texts: string[] = [];
      for (const chunk of turn) {
        const { text, count } =
          cycles === 1
            ? { text: chunk, count: 0 }
            : mishear(chunk, mishearings, options.mishearShare, random);
        rewritten += count;
        texts.push(text);
        total += words(text).length;
        if (total >= options.words) {
          planned.push({ speaker: speakerOf(planned.length), texts });
          break outer;
        }
      }
      planned.push({ speaker: speakerOf(planned.length), texts });
    }
  }

  // Word durations in proportion to their length, pauses between segments, scaled to the duration.
  const gaps: number[] = [];
  const wordWeights: number[][] = [];
  for (const [t, turn] of planned.entries()) {
    for (const [s, text] of turn.texts.entries()) {
      gaps.push(
        t > 0 && s === 0
          ? between(random, TURN_GAP_MS.min, TURN_GAP_MS.max)
          : between(random, SEGMENT_GAP_MS.min, SEGMENT_GAP_MS.max),
      );
      wordWeights.push(words(text).map((w) => 2 + w.length));
    }
  }
  const gapTotal = gaps.reduce((a, b) => a + b, 0);
  const weightTotal = wordWeights.flat().reduce((a, b) => a + b, 0);
  const msPerWeight = (options.durationMs - gapTotal) / weightTotal;

  const segments: WhisperXSegment[] = [];
  let clock = 0;
  let index = 0;
  for (const turn of planned) {
    for (const text of turn.texts) {
      clock += gaps[index] ?? 0;
      const segmentStart = clock;
      const segmentWords = words(text).map((word, w) => {
        const length = (wordWeights[index]?.[w] ?? 4) * msPerWeight;
        const start = clock;
        clock += length;
        // Words run into each other a little less than their slot: Whisper's word ends come early.
        return {
          word: ` ${word}`,
          start: seconds(start),
          end: seconds(start + length * 0.85),
          score: confidence(word, heardWords, random),
        };
      });
      segments.push({
        start: seconds(segmentStart),
        end: seconds(clock),
        text: ` ${text}`,
        speaker: turn.speaker,
        words: segmentWords,
      });
      index++;
    }
  }
  return {
    json: { language: 'en', segments },
    words: total,
    segments: segments.length,
    turns: planned.length,
    cycles,
    rewritten,
  };
}

/** A seed paragraph as Whisper would cut it: sentences, short ones joined, long ones split. */
export function sentenceChunks(paragraph: string): string[] {
  const sentences = paragraph
    .split(/(?<=[.?!…])\s+(?=\S)/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const chunks: string[] = [];
  let pending = '';
  for (const sentence of sentences) {
    const joined = pending === '' ? sentence : `${pending} ${sentence}`;
    if (words(joined).length < SHORT_SENTENCE_WORDS) {
      pending = joined;
      continue;
    }
    pending = '';
    chunks.push(...splitLong(joined));
  }
  if (pending !== '') chunks.push(pending);
  return chunks;
}

/** Splits a long sentence into pieces of at most MAX_SEGMENT_WORDS, after a comma where one is near. */
function splitLong(sentence: string): string[] {
  const all = words(sentence);
  const pieces: string[] = [];
  let from = 0;
  while (all.length - from > MAX_SEGMENT_WORDS) {
    let cut = from + MAX_SEGMENT_WORDS;
    for (let i = cut - 1; i > from + MAX_SEGMENT_WORDS / 2; i--) {
      if (/[,;:]$/u.test(all[i] ?? '')) {
        cut = i + 1;
        break;
      }
    }
    pieces.push(all.slice(from, cut).join(' '));
    from = cut;
  }
  pieces.push(all.slice(from).join(' '));
  return pieces;
}

function mishearingsByTerm(suggestions: SeedText['suggestions']): Map<string, string[]> {
  const byTerm = new Map<string, string[]>();
  for (const { text, replacement } of suggestions) {
    const list = byTerm.get(replacement) ?? [];
    if (!list.includes(text)) list.push(text);
    byTerm.set(replacement, list);
  }
  return byTerm;
}

/** Writes some correct mentions of misheard terms as one of their seed mishearings. */
function mishear(
  text: string,
  mishearings: ReadonlyMap<string, readonly string[]>,
  share: number,
  random: Random,
): { text: string; count: number } {
  let count = 0;
  let result = text;
  for (const [term, heard] of mishearings) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'gu');
    result = result.replace(pattern, (match) => {
      if (random() >= share) return match;
      count++;
      return heard[Math.floor(random() * heard.length)] ?? match;
    });
  }
  return { text: result, count };
}

function confidence(word: string, heardWords: ReadonlySet<string>, random: Random): number {
  const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (heardWords.has(bare)) return round3(0.25 + random() * 0.35);
  if (random() < RANDOM_LOW_CONFIDENCE_SHARE) return round3(0.2 + random() * 0.3);
  return round3(0.62 + random() * 0.379);
}

/** The host speaks first; the seed's paragraphs alternate between host and guest. */
function speakerOf(turnIndex: number): string {
  return turnIndex % 2 === 0 ? 'SPEAKER_00' : 'SPEAKER_01';
}

const seconds = (ms: number) => Math.round(ms) / 1000;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
