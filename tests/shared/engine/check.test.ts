import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../shared/engine/engine';
import { tokenize } from '../../../shared/engine/tokenize';
import type { GlossaryEntry, TermCategory } from '../../../shared/glossary/types';
import { entry as glossaryEntry } from './fixtures';

function entry(
  term: string,
  variants: string[] = [],
  forms: string[] = [],
  category: TermCategory = 'other',
): GlossaryEntry {
  return glossaryEntry(term, category, { variants, forms });
}

describe('tokenize', () => {
  it('splits hyphenated names, keeps apostrophes inside words and reports possessives', () => {
    const tokens = tokenize("Kim Jong-nam's car met O'Carroll.");
    expect(tokens.map((t) => t.text)).toEqual(['Kim', 'Jong', 'nam', 'car', 'met', "O'Carroll"]);
    expect(tokens[2]).toMatchObject({ possessive: true, key: 'nam' });
    expect(tokens[5]!.key).toBe('ocarroll');
  });

  it('gives offsets that index the original text', () => {
    const text = '  Café  au-lait’s ';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});

/** One check with a fresh engine, as a caller that checks once would run it. */
function checkText(text: string, entries: readonly GlossaryEntry[]) {
  return createEngine({ entries }).check(text);
}

describe('checkText: known variants', () => {
  const donbas = entry('Donbas', ['Donbass']);
  const tsai = entry('Tsai Ing-wen', ['Tsai Ying-wen', 'Cai Yingwen']);
  const whoEntry = entry('Tedros Adhanom Ghebreyesus', ['Tedros Adanom']);
  const glossary = [donbas, tsai, whoEntry];

  const cases: Array<{ text: string; expected: Array<[string, string]> }> = [
    { text: 'Fighting in the Donbass continued.', expected: [['Donbass', 'Donbas']] },
    {
      text: 'DONBASS and donbass',
      expected: [
        ['DONBASS', 'Donbas'],
        ['donbass', 'Donbas'],
      ],
    },
    { text: "The Donbass's mines", expected: [['Donbass', 'Donbas']] },
    { text: 'President Tsai Ying Wen said', expected: [['Tsai Ying Wen', 'Tsai Ing-wen']] },
    { text: 'Cai Yingwen.', expected: [['Cai Yingwen', 'Tsai Ing-wen']] },
    { text: 'Dr. Tedros Adanom spoke', expected: [['Tedros Adanom', 'Tedros Adhanom Ghebreyesus']] },
    { text: 'The Donbas is already right.', expected: [] },
    { text: 'Tsai\n\nYing-wen across segments', expected: [] },
  ];

  it.each(cases)('$text', ({ text, expected }) => {
    const suggestions = checkText(text, glossary);
    expect(suggestions.map((s) => [s.text, s.replacement])).toEqual(expected);
    for (const s of suggestions) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.reason).toBe('variant');
      expect(s.score).toBeGreaterThan(0.9);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('never proposes a variant that is also a correct term or form of another entry', () => {
    const paris = entry('Paris', [], [], 'place');
    const parisHilton = entry('Paris Hilton', ['Paris'], [], 'person');
    expect(checkText('We flew to Paris.', [paris, parisHilton])).toEqual([]);
  });

  it('lists other entries sharing the variant as alternatives, learned ones first', () => {
    const a = entry('Jon Stewart', ['John Stuart']);
    const b = entry('John Stewart', []);
    b.variants = [{ text: 'John Stuart', acceptedCount: 3 }];
    const [suggestion] = checkText('John Stuart hosted.', [a, b]);
    expect(suggestion!.replacement).toBe('John Stewart');
    expect(suggestion!.alternatives).toEqual([
      { replacement: 'Jon Stewart', score: expect.any(Number), termId: a.id },
    ]);
    expect(suggestion!.score).toBeGreaterThan(suggestion!.alternatives[0]!.score);
  });
});
