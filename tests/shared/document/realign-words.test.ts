import { describe, expect, it } from 'vitest';
import type { TranscriptWord } from '../../../shared/document/model';
import { realignWords, segmentTimes, wordSpans } from '../../../shared/document/realign-words';

function w(text: string, startMs: number, endMs: number, confidence?: number): TranscriptWord {
  return confidence === undefined ? { text, startMs, endMs } : { text, startMs, endMs, confidence };
}

// "Today Marco Ruta said hello." with a pause after Ruta.
const SENTENCE: readonly TranscriptWord[] = [
  w('Today', 0, 400, 0.9),
  w('Marco', 500, 900, 0.4),
  w('Ruta', 950, 1300, 0.3),
  w('said', 1400, 1700, 0.95),
  w('hello.', 1750, 2200, 0.9),
];
const [TODAY, MARCO, RUTA, SAID, HELLO] = SENTENCE as [
  TranscriptWord,
  TranscriptWord,
  TranscriptWord,
  TranscriptWord,
  TranscriptWord,
];

describe('realignWords', () => {
  const cases: Array<{
    name: string;
    previous: readonly TranscriptWord[];
    text: string;
    expected: TranscriptWord[];
  }> = [
    {
      name: 'unchanged text keeps every word as it was',
      previous: SENTENCE,
      text: 'Today Marco Ruta said hello.',
      expected: [...SENTENCE],
    },
    {
      name: 'whitespace changes alone change nothing',
      previous: SENTENCE,
      text: '  Today   Marco\nRuta said hello. ',
      expected: [...SENTENCE],
    },
    {
      name: 'a corrected name takes the old timings one to one, without confidence',
      previous: SENTENCE,
      text: 'Today Mark Rutte said hello.',
      expected: [TODAY, w('Mark', 500, 900), w('Rutte', 950, 1300), SAID, HELLO],
    },
    {
      name: 'a word split in two shares its time evenly',
      previous: SENTENCE,
      text: 'Today Mar co Ruta said hello.',
      expected: [TODAY, w('Mar', 500, 700), w('co', 700, 900), RUTA, SAID, HELLO],
    },
    {
      name: 'two words replaced by three spread over the replaced span, in whole milliseconds',
      previous: SENTENCE,
      text: 'Today Mark Rutte Jr said hello.',
      expected: [TODAY, w('Mark', 500, 767), w('Rutte', 767, 1033), w('Jr', 1033, 1300), SAID, HELLO],
    },
    {
      name: 'two words merged into one cover both',
      previous: SENTENCE,
      text: 'Today MarcoRuta said hello.',
      expected: [TODAY, w('MarcoRuta', 500, 1300), SAID, HELLO],
    },
    {
      name: 'deleted words leave the rest untouched',
      previous: SENTENCE,
      text: 'Today said hello.',
      expected: [TODAY, SAID, HELLO],
    },
    {
      name: 'an insertion between words fills the pause between them',
      previous: SENTENCE,
      text: 'Today Marco Ruta then said hello.',
      expected: [TODAY, MARCO, RUTA, w('then', 1300, 1400), SAID, HELLO],
    },
    {
      name: 'an insertion at the start is zero-length at the first word',
      previous: SENTENCE,
      text: 'Well, Today Marco Ruta said hello.',
      expected: [w('Well,', 0, 0), ...SENTENCE],
    },
    {
      name: 'an insertion at the end is zero-length at the last word',
      previous: SENTENCE,
      text: 'Today Marco Ruta said hello. Bye',
      expected: [...SENTENCE, w('Bye', 2200, 2200)],
    },
    {
      name: 'two insertions between contiguous words are zero-length',
      previous: [w('a', 0, 100, 0.5), w('b', 100, 200, 0.5)],
      text: 'a x y b',
      expected: [w('a', 0, 100, 0.5), w('x', 100, 100), w('y', 100, 100), w('b', 100, 200, 0.5)],
    },
    {
      // Choice: a token equal ignoring case and surrounding punctuation keeps its timing, but
      // its confidence only if its text is exactly unchanged — a person touched it.
      name: 'case and punctuation changes keep the timing and lose the confidence',
      previous: SENTENCE,
      text: 'today, Marco Ruta said "Hello"',
      expected: [w('today,', 0, 400), MARCO, RUTA, SAID, w('"Hello"', 1750, 2200)],
    },
    {
      name: 'exact text pairs before look-alikes: the repeated word keeps its own timing',
      previous: [w('the', 0, 100, 0.2), w('The', 200, 300, 0.8), w('cat', 300, 600, 0.9)],
      text: 'The cat',
      expected: [w('The', 200, 300, 0.8), w('cat', 300, 600, 0.9)],
    },
    {
      name: 'a punctuation-only token is not equal to a different one',
      previous: [w('a', 0, 100, 0.5), w('-', 100, 200, 0.5), w('b', 200, 300, 0.5)],
      text: 'a ... b',
      expected: [w('a', 0, 100, 0.5), w('...', 100, 200), w('b', 200, 300, 0.5)],
    },
    {
      name: 'everything rewritten spreads over the whole previous span',
      previous: SENTENCE,
      text: 'one two three four',
      expected: [w('one', 0, 550), w('two', 550, 1100), w('three', 1100, 1650), w('four', 1650, 2200)],
    },
    {
      name: 'a replacement spans the replaced words even when they overlap',
      previous: [w('a', 0, 100), w('b', 80, 300), w('c', 250, 260), w('d', 400, 500)],
      text: 'a x d',
      expected: [w('a', 0, 100), w('x', 80, 300), w('d', 400, 500)],
    },
    { name: 'an empty text has no words', previous: SENTENCE, text: '  \n ', expected: [] },
    { name: 'a segment without timings stays without them', previous: [], text: 'Hello there', expected: [] },
  ];

  it.each(cases)('$name', ({ previous, text, expected }) => {
    const before = structuredClone(previous);
    expect(realignWords(previous, text)).toStrictEqual(expected);
    expect(previous).toStrictEqual(before);
  });

  it('a long segment rewritten in its middle keeps the untouched ends exactly', () => {
    const random = prng(9);
    const previous = timedWords(3_000, random);
    // The same small vocabulary, so nearly every word is "common": the diff's worst case.
    const middle = timedWords(2_800, random).map((word) => word.text);
    const tokens = [...previous.slice(0, 100).map((word) => word.text), ...middle];
    tokens.push(...previous.slice(2_900).map((word) => word.text));
    const result = realignWords(previous, tokens.join(' '));
    expect(result.map((word) => word.text)).toStrictEqual(tokens);
    expect(result.slice(0, 100)).toStrictEqual(previous.slice(0, 100));
    expect(result.slice(-100)).toStrictEqual(previous.slice(-100));
  });

  it('returns fresh word objects, never the previous ones', () => {
    const words = realignWords(SENTENCE, 'Today Marco Ruta said hello.');
    words.forEach((word, i) => expect(word).not.toBe(SENTENCE[i]));
  });

  it('works under Node module interop too (the CLI loads diff-sequences through Node ESM)', async () => {
    const imported: unknown = (await import('diff-sequences')).default;
    const fn = typeof imported === 'function' ? imported : (imported as { default: unknown }).default;
    expect(typeof fn).toBe('function');
  });
});

/** A small deterministic generator, so the randomised tables are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY = ['the', 'minister', 'Marco', 'Ruta,', 'said', 'that', 'troops', 'Kursk.', '"we', 'will'];

function timedWords(count: number, random: () => number): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  let time = 1_000;
  for (let i = 0; i < count; i++) {
    const start = time + Math.floor(random() * 200);
    const end = start + 50 + Math.floor(random() * 400);
    const text = VOCABULARY[Math.floor(random() * VOCABULARY.length)] as string;
    words.push(w(text, start, end, Math.round(random() * 100) / 100));
    time = end;
  }
  return words;
}

/** Deletes, inserts and replaces tokens at random places. */
function edit(tokens: readonly string[], edits: number, random: () => number): string[] {
  const out = [...tokens];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.33) out.splice(at, 1 + Math.floor(random() * 3));
    else if (kind < 0.66) out.splice(at, 0, ...['new', 'Words'].slice(0, 1 + Math.floor(random() * 2)));
    else out.splice(at, 1, 'MARCO', 'rutte');
  }
  return out;
}

describe('realignWords invariants', () => {
  const cases = [
    { name: 'a short segment, many edits', words: 12, edits: 6, seed: 1 },
    { name: 'a paragraph, a few edits', words: 200, edits: 5, seed: 2 },
    { name: 'a paragraph rewritten heavily', words: 200, edits: 120, seed: 3 },
    { name: 'a 3,000-word segment, a few edits', words: 3_000, edits: 4, seed: 4 },
    { name: 'a 3,000-word segment, many edits', words: 3_000, edits: 400, seed: 6 },
    { name: 'a 20,000-word segment, a few edits', words: 20_000, edits: 10, seed: 5 },
  ];

  it.each(cases)('$name: one word per token, ordered, inside the old span', ({ words, edits, seed }) => {
    const random = prng(seed);
    const previous = timedWords(words, random);
    const span = segmentTimes(previous);
    if (!span) throw new Error('no span');
    for (let round = 0; round < 5; round++) {
      const tokens = edit(
        previous.map((word) => word.text),
        edits,
        random,
      );
      const result = realignWords(previous, tokens.join(' '));
      expect(result.map((word) => word.text)).toStrictEqual(tokens);
      // Collected rather than asserted per word: thousands of expect() calls would dominate the run.
      const problems: string[] = [];
      let lastStart = -Infinity;
      for (const [i, word] of result.entries()) {
        if (word.endMs < word.startMs) problems.push(`${i}: ends before it starts`);
        if (word.startMs < span.startMs || word.endMs > span.endMs)
          problems.push(`${i}: outside the old span`);
        if (word.startMs < lastStart) problems.push(`${i}: starts before the word before it`);
        if (!Number.isInteger(word.startMs) || !Number.isInteger(word.endMs))
          problems.push(`${i}: fractional ms`);
        lastStart = word.startMs;
      }
      expect(problems).toStrictEqual([]);
      const kept = result.filter((word) => word.confidence !== undefined).length;
      // Only a handful of tokens were touched, so nearly every word keeps its confidence.
      if (edits < 20) expect(kept).toBeGreaterThan(tokens.length - edits * 4);
    }
  });
});

describe('wordSpans', () => {
  const cases = [
    { text: '', expected: [] },
    { text: '   ', expected: [] },
    { text: 'one', expected: [{ start: 0, end: 3 }] },
    {
      text: ' Marco  Ruta,\nsaid',
      expected: [
        { start: 1, end: 6 },
        { start: 8, end: 13 },
        { start: 14, end: 18 },
      ],
    },
    {
      text: 'café\u00a0crème',
      expected: [
        { start: 0, end: 4 },
        { start: 5, end: 10 },
      ],
    },
  ];

  it.each(cases)('$text', ({ text, expected }) => {
    expect(wordSpans(text)).toStrictEqual(expected);
  });

  it('has one span per word realignWords produces', () => {
    const text = ' Today  Mark Rutte said\thello. ';
    const spans = wordSpans(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toStrictEqual(
      realignWords(SENTENCE, text).map((word) => word.text),
    );
  });
});

describe('segmentTimes', () => {
  const cases: Array<{
    name: string;
    words: TranscriptWord[];
    expected: { startMs: number; endMs: number } | null;
  }> = [
    { name: 'no words', words: [], expected: null },
    { name: 'one word', words: [w('a', 10, 20)], expected: { startMs: 10, endMs: 20 } },
    { name: 'ordered words', words: [...SENTENCE], expected: { startMs: 0, endMs: 2200 } },
    {
      name: 'overlapping words: the earliest start and the latest end',
      words: [w('a', 100, 900), w('b', 50, 300)],
      expected: { startMs: 50, endMs: 900 },
    },
  ];

  it.each(cases)('$name', ({ words, expected }) => {
    expect(segmentTimes(words)).toStrictEqual(expected);
  });
});
