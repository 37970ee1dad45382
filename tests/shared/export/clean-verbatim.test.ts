/** Clean verbatim: what goes, what stays (including the near misses that must stay). */
import { describe, expect, it } from 'vitest';
import { cleanVerbatim, FILLERS, fillersFor } from '../../../shared/export/clean-verbatim';

const EN = fillersFor('en');

const CASES: Array<{ name: string; text: string; expected: string; fillers?: readonly string[] }> = [
  // Fillers
  {
    name: 'filler set off by commas keeps the comma before it',
    text: 'So, um, the NIS',
    expected: 'So, the NIS',
  },
  { name: 'filler between words', text: 'We uh went home', expected: 'We went home' },
  { name: 'sentence-initial filler hands on its capital', text: 'Um, we went', expected: 'We went' },
  { name: 'filler after a full stop', text: 'Fine. Uh, we left.', expected: 'Fine. We left.' },
  { name: 'filler at the end', text: 'It was big, um.', expected: 'It was big.' },
  { name: 'filler before a full stop mid-text', text: 'It was big, um. Then', expected: 'It was big. Then' },
  { name: 'case-insensitive', text: 'UM, UH, hello', expected: 'Hello' },
  { name: 'several fillers', text: 'Er, I, erm, know', expected: 'I, know' },
  { name: 'phrase set off by commas', text: 'It was, you know, big', expected: 'It was, big' },
  { name: 'phrase at the start', text: 'You know, it works.', expected: 'It works.' },
  { name: 'curly apostrophes', text: 'Well, um, it’s fine', expected: 'Well, it’s fine' },
  { name: 'only a filler', text: 'Um.', expected: '' },
  { name: 'configured fillers', text: 'So like, it was', expected: 'So it was', fillers: ['like'] },
  { name: 'Dutch', text: 'Ehm, we gaan', expected: 'We gaan', fillers: FILLERS.nl },
  {
    name: 'German keeps "er" (he)',
    text: 'Äh, er kommt',
    expected: 'Er kommt',
    fillers: fillersFor('de-AT'),
  },
  { name: 'French', text: 'Euh, je pense', expected: 'Je pense', fillers: fillersFor('fr') },
  // Non-cases: never inside words, phrases that are part of the sentence
  {
    name: 'words containing fillers',
    text: 'The umbrella under Hermes',
    expected: 'The umbrella under Hermes',
  },
  { name: '"uh-huh" is a word', text: 'Uh-huh, right', expected: 'Uh-huh, right' },
  {
    name: '"you know what I mean" is a sentence',
    text: 'You know what I mean',
    expected: 'You know what I mean',
  },
  { name: '"you know" as verb phrase', text: 'I think you know him', expected: 'I think you know him' },
  // Stutters
  { name: 'hyphenated stutter', text: 'I-I-I think so', expected: 'I think so' },
  { name: 'letter stutter', text: 'W-w-we went', expected: 'We went' },
  { name: 'one-letter stutter', text: 'in t-the end', expected: 'in the end' },
  { name: 'cut-off fragment', text: 'and th- the end', expected: 'and the end' },
  { name: 'cut-off fragment opening a sentence', text: 'Th- the end', expected: 'The end' },
  {
    name: 'reduplications stay',
    text: 'bye-bye, so-so, re-read, D-Day',
    expected: 'bye-bye, so-so, re-read, D-Day',
  },
  { name: 'a false start stays', text: 'I was go- went', expected: 'I was go- went' },
  // Repeats
  { name: 'repeat after a comma', text: 'I, I think', expected: 'I think' },
  { name: 'repeat after a space', text: 'the the cat', expected: 'the cat' },
  { name: 'triple', text: 'I, I, I think', expected: 'I think' },
  { name: 'repeated phrase', text: 'in the, in the morning', expected: 'in the morning' },
  { name: 'repeat keeps the later punctuation', text: 'It was the, the.', expected: 'It was the.' },
  { name: 'repeat revealed by a filler', text: 'the, um, the end', expected: 'the end' },
  { name: 'grammatical "had had"', text: 'She had had enough', expected: 'She had had enough' },
  { name: 'grammatical "that that"', text: 'I said that that was it', expected: 'I said that that was it' },
  { name: '"that, that" is a repeat', text: 'I think that, that was it', expected: 'I think that was it' },
  { name: 'repeats across sentences stay', text: 'No. No.', expected: 'No. No.' },
  { name: 'different words stay', text: 'then than', expected: 'then than' },
];

describe('cleanVerbatim', () => {
  it.each(CASES)('$name', ({ text, expected, fillers }) => {
    expect(cleanVerbatim(text, fillers ?? EN)).toBe(expected);
  });
});

describe('fillersFor', () => {
  it.each([
    { language: undefined, expected: FILLERS.en },
    { language: 'en-GB', expected: FILLERS.en },
    { language: 'NL', expected: FILLERS.nl },
    { language: 'de_CH', expected: FILLERS.de },
    { language: 'xx', expected: FILLERS.en },
  ])('$language', ({ language, expected }) => {
    expect(fillersFor(language)).toBe(expected);
  });
});
