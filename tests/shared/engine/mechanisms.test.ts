/**
 * One table per mechanism of the correction engine, with names and mishearings from fields other
 * than the seed transcript's (tech, sport, science, European politics, medicine).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../shared/engine/engine';
import { entry } from './fixtures';

const glossary = [
  entry('Satya Nadella', 'person'),
  entry('Jensen Huang', 'person'),
  entry('Kubernetes', 'term'),
  entry('NVIDIA', 'organization'),
  entry('Ursula von der Leyen', 'person', { forms: ['von der Leyen'] }),
  entry('Kylian Mbappé', 'person', { forms: ['Mbappé'] }),
  entry('Wojciech Szczęsny', 'person'),
  entry('Jennifer Doudna', 'person'),
  entry('CRISPR', 'term'),
  entry('Ozempic', 'term'),
  entry('semaglutide', 'term'),
  entry('Novo Nordisk', 'organization'),
  entry('ECB', 'organization', { forms: ['European Central Bank'] }),
  entry('Christine Lagarde', 'person', { forms: ['Lagarde'] }),
  entry('Paris', 'place'),
  entry('Bratislava', 'place'),
  entry('Ljubljana', 'place'),
  entry('PostgreSQL', 'term', { variants: ['Postgres Q L'] }),
  entry('Tedros Adhanom Ghebreyesus', 'person', { forms: ['Tedros'] }),
];
const engine = createEngine({ entries: glossary });

function corrections(text: string): Array<[string, string]> {
  return engine.check(text).map((s) => [s.text, s.replacement]);
}

describe('names respelled by sound', () => {
  it.each([
    ['Microsoft chief Satchel Nadella spoke first.', 'Satchel Nadella', 'Satya Nadella'],
    ['Then Jenson Wang took the stage.', 'Jenson Wang', 'Jensen Huang'],
    ['The Nobel went to Jennifer Dowdna in 2020.', 'Jennifer Dowdna', 'Jennifer Doudna'],
    ['We drove on to Bratislawa that night.', 'Bratislawa', 'Bratislava'],
    ['Shares of Novo Nordisc rose.', 'Novo Nordisc', 'Novo Nordisk'],
  ])('%s', (text, heard, term) => {
    expect(corrections(text)).toContainEqual([heard, term]);
  });
});

describe('words split or merged differently from the term', () => {
  it.each([
    ['We deploy everything on Cooper Netties now.', 'Cooper Netties', 'Kubernetes'],
    ['Commission president Ursula fonder Lyon said so.', 'Ursula fonder Lyon', 'Ursula von der Leyen'],
    ['The patients on Oz Empic lost weight.', 'Oz Empic', 'Ozempic'],
  ])('%s', (text, heard, term) => {
    expect(corrections(text)).toContainEqual([heard, term]);
  });
});

describe('acronyms spoken as letters or as a word', () => {
  it.each([
    ['The chips come from NVIDA and AMD.', 'NVIDA', 'NVIDIA'],
    ['Rates were held by the ECD on Thursday.', 'ECD', 'ECB'],
    ['Gene editing with Crisper is cheap.', 'Crisper', 'CRISPR'],
  ])('%s', (text, heard, term) => {
    expect(corrections(text)).toContainEqual([heard, term]);
  });
});

describe('short forms: a surname or first name alone', () => {
  it.each([
    ['Then Lagard raised rates.', 'Lagard', 'Lagarde'],
    ['A goal from Mbape in the last minute.', 'Mbape', 'Mbappé'],
    ['Next question for Sathya.', 'Sathya', 'Satya'],
  ])('%s', (text, heard, term) => {
    expect(corrections(text)).toContainEqual([heard, term]);
  });
});

describe('known variants and possessives', () => {
  it('matches a known variant exactly, whatever its case and punctuation', () => {
    const [suggestion] = engine.check('We migrated to postgres-q-l last year.');
    expect(suggestion).toMatchObject({ text: 'postgres-q-l', replacement: 'PostgreSQL', reason: 'variant' });
  });

  it("keeps a possessive outside the correction: Nadela's → Nadella's", () => {
    const text = "It was Satya Nadela's call.";
    const [suggestion] = engine.check(text);
    expect(suggestion).toMatchObject({ text: 'Satya Nadela', replacement: 'Satya Nadella' });
    expect(text.slice(suggestion!.end)).toBe("'s call.");
  });
});

describe('what must not be touched', () => {
  it.each([
    ['Satya Nadella and Jensen Huang met in Paris.'],
    ['Ursula von der Leyen spoke; von der Leyen then left.'],
    ['There is no reason to panic, the news said.'],
    ['They were putting the parts back.'],
    ['Paris Hilton was not there.'], // Paris is right; Hilton is not in the glossary
    ['Christine Lagarde and Tedros met.'],
  ])('%s', (text) => {
    expect(corrections(text)).toEqual([]);
  });

  it('does not turn ordinary English words into names', () => {
    expect(corrections('Her novel was nordic in tone, and the news came in crisp.')).toEqual([]);
  });
});

describe('scores', () => {
  it('are in 0..1, have a reason, the entry and at most 3 alternatives', () => {
    const suggestions = engine.check('Satchel Nadella met Jenson Wang. NVIDA rose. Lagard spoke.');
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of suggestions) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(['variant', 'sound', 'spelling', 'acronym', 'consistency']).toContain(s.reason);
      expect(glossary.some((e) => e.id === s.termId)).toBe(true);
      expect(s.alternatives.length).toBeLessThanOrEqual(3);
    }
  });

  it('rank a close sound match above a loose one', () => {
    const [close] = engine.check('Then Jensen Hwang spoke.');
    const [loose] = engine.check('Then Johnson Wong spoke.');
    expect(close!.score).toBeGreaterThan(loose?.score ?? 0);
  });
});

describe('consistency within one transcript', () => {
  it('brings a rare spelling of a name the glossary does not know in line with the usual one', () => {
    const text = [
      'Our guest today is Dr. Amara Okonkwo.',
      'Amara Okonkwo studies coral reefs.',
      'As Amara Okonkwo told us, the reefs recover.',
      'Thank you, Amara Okonkow, for joining us.',
    ].join('\n\n');
    const suggestions = engine.check(text).filter((s) => s.reason === 'consistency');
    expect(suggestions.map((s) => [s.text, s.replacement])).toEqual([['Amara Okonkow', 'Amara Okonkwo']]);
  });

  it('leaves two different names alone when neither dominates', () => {
    const text = 'Marta Kowalczyk met Marta Kowalski. Later Kowalczyk and Kowalski spoke.';
    expect(engine.check(text).filter((s) => s.reason === 'consistency')).toEqual([]);
  });
});

describe('real names that merely resemble a glossary name', () => {
  const politics = createEngine({
    entries: [
      entry('Olaf Scholz', 'person', { forms: ['Scholz'] }),
      entry('Kaja Kallas', 'person', { forms: ['Kallas'] }),
      entry('Yoon Suk Yeol', 'person', { forms: ['Yoon'] }),
      entry('6 Music', 'organization'),
      entry('Hanna Kowalczyk', 'person'),
    ],
  });
  const check = (text: string) => politics.check(text).map((s) => [s.text, s.replacement]);

  it('leaves half of somebody else’s full name alone', () => {
    expect(check('Former president Martin Schulz spoke in Brussels.')).toEqual([]);
    expect(check('We listened to Maria Callas all evening.')).toEqual([]);
  });

  it('still corrects a name after a title', () => {
    expect(check('He met President Yun in Seoul.')).toEqual([['Yun', 'Yoon']]);
  });

  it('does not "complete" a correct partial mention or swallow the word before a name', () => {
    expect(check('You are listening to Music on the radio.')).toEqual([]);
    expect(check("Hello, I'm Hanna Kowalczyk.")).toEqual([]);
  });
});

describe('long terms split into ordinary words around an unknown piece', () => {
  const pharma = createEngine({
    entries: [
      entry('semaglutide', 'term'),
      entry('tirzepatide', 'term'),
      entry('Novo Nordisk', 'organization'),
    ],
  });
  const check = (text: string) => pharma.check(text).map((s) => [s.text, s.replacement]);

  it('rebuilds the term from its pieces', () => {
    expect(check('Then Novo Nordisk made sema glue tide, which lasts a week.')).toEqual([
      ['sema glue tide', 'semaglutide'],
    ]);
    expect(check('After that came tear zepatide from Lilly.')).toEqual([['tear zepatide', 'tirzepatide']]);
  });

  it('leaves ordinary words around an unknown word alone when they do not sound like a term', () => {
    expect(check('We saw a glorbix near the tide pools.')).toEqual([]);
  });
});

describe('letters and numbers said as words beside an acronym', () => {
  const chips = createEngine({
    entries: [entry('HBM', 'term'), entry('H100', 'term'), entry('NATO', 'organization')],
  });
  const check = (text: string) => chips.check(text).map((s) => [s.text, s.replacement]);

  it('reads "age" as the letter H', () => {
    expect(check('The chips use age BM memory.')).toEqual([['age BM', 'HBM']]);
    expect(check('The age 100 is fast.')).toEqual([['age 100', 'H100']]);
  });

  it('leaves those words alone away from acronyms', () => {
    expect(check('Did you see you at the HBM event? Are you in NATO? You are.')).toEqual([]);
  });
});
