import { describe, expect, it } from 'vitest';
import { englishLexicon } from '../../../shared/engine/lexicon';
import { findNameCandidates } from '../../../shared/engine/name-candidates';
import type { GlossaryEntry, TermCategory } from '../../../shared/glossary/types';
import { entry as glossaryEntry } from './fixtures';

/** People by default, as most names here are. */
function entry(
  term: string,
  options: { forms?: string[]; variants?: string[]; category?: TermCategory } = {},
): GlossaryEntry {
  return glossaryEntry(term, options.category ?? 'person', options);
}

const lexicon = englishLexicon();

/** name → count, in the order findNameCandidates reports them. */
function names(text: string, entries: GlossaryEntry[] = []): Array<[string, number]> {
  return findNameCandidates(text, entries, lexicon).map((c) => [c.name, c.count]);
}

const glossary = [
  entry('Oskar Lindqvist', { forms: ['Lindqvist'], variants: ['Oscar Linquist'] }),
  entry('Vestfold Tidende', { category: 'publication' }),
  entry('UNHCR', { category: 'organization' }),
];

describe('findNameCandidates', () => {
  it.each<[string, string, Array<[string, number]>]>([
    [
      'counts each name, most frequent first, then by first appearance',
      'We met Teodor Brannigan in Tallinn. Margit Oksanen joined us, and Teodor Brannigan left early. ' +
        'Later Margit Oksanen wrote to Teodor Brannigan.',
      [
        ['Teodor Brannigan', 3],
        ['Margit Oksanen', 2],
        ['Tallinn', 1],
      ],
    ],
    [
      'leaves out glossary terms, forms and variants, and the words of a term said alone',
      'Oskar Lindqvist spoke first. Then Oskar thanked Lindqvist, the paper Vestfold Tidende quoted ' +
        'Oscar Linquist, Tidende printed it, and the UNHCR agreed with Halvard Aalto.',
      [['Halvard Aalto', 1]],
    ],
    [
      'leaves out ordinary words that only start a sentence',
      'Well, we started. And then nothing. The end came. So it goes. Certainly not. ' +
        'Today Margit Oksanen arrived. Yesterday, Halvard Aalto left. Great Job everyone.',
      [
        ['Margit Oksanen', 1],
        ['Halvard Aalto', 1],
      ],
    ],
    [
      'leaves out "I", contractions, months and weekdays',
      "I think I'm right, and I'll say so. Don't worry. Isn't it odd? On Tuesday in October, " +
        'or on a Sunday in May, we saw Signe Halvorsen.',
      [['Signe Halvorsen', 1]],
    ],
    [
      'keeps particles inside a name',
      "Ursula von der Leyen met the heirs of Leonardo da Vinci. Later, Ursula von der Leyen's aide spoke.",
      [
        ['Ursula von der Leyen', 2],
        ['Leonardo da Vinci', 1],
      ],
    ],
    [
      'keeps hyphenated names whole and counts a possessive as the name',
      "We read Jean-Luc's letter. Later, Jean-Luc phoned Ri Yong-ho about the Pyeongtaek-based unit.",
      [
        ['Jean-Luc', 2],
        ['Ri Yong-ho', 1],
        ['Pyeongtaek', 1],
      ],
    ],
    [
      'finds acronyms but not acronyms that are ordinary words',
      'Inspectors from the IAEA and the OPCW said it was OK on TV. The IAEA has offices in Vienna.',
      [
        ['IAEA', 2],
        ['OPCW', 1],
        ['Vienna', 1],
      ],
    ],
    [
      'keeps names the lexicon knows as names, and standalone ordinary words stay out',
      'We flew to Lisbon with Margaret and asked the Service about it.',
      [
        ['Lisbon', 1],
        ['Margaret', 1],
      ],
    ],
    [
      'drops titles before a name',
      'President Okonkwo called Foreign Minister Adeyemi and Mr Aalto. Data Analyst Oskar Lindqvist listened.',
      [
        ['Okonkwo', 1],
        ['Adeyemi', 1],
        ['Aalto', 1],
      ],
    ],
    [
      'never joins words across punctuation or a blank line',
      'Margit Oksanen\n\nTeodor Brannigan met Oksanen, Brannigan and Aalto.',
      [
        ['Margit Oksanen', 1],
        ['Teodor Brannigan', 1],
        ['Oksanen', 1],
        ['Brannigan', 1],
        ['Aalto', 1],
      ],
    ],
    [
      'counts a sentence-start name of ordinary words when it also occurs inside a sentence',
      'National Security Council staff met. We wrote to the National Security Council twice.',
      [['National Security Council', 2]],
    ],
    [
      'counts a sentence-start "New Amsterdam" with the same name elsewhere, not as "Amsterdam"',
      'New Amsterdam is old. We sailed to New Amsterdam in spring.',
      [['New Amsterdam', 2]],
    ],
  ])('%s', (_, text, expected) => {
    expect(names(text, glossary)).toEqual(expected);
  });

  it('groups spellings by their words, whatever the case or hyphens, and reports each spelling', () => {
    const text = 'Ri Yong-ho spoke. Later Ri Yong Ho left, and Ri Yong-ho returned with Ri Yong-Ho.';
    expect(findNameCandidates(text, [], lexicon)).toEqual([
      {
        name: 'Ri Yong-ho',
        count: 4,
        firstOffset: 0,
        spellings: ['Ri Yong-ho', 'Ri Yong Ho', 'Ri Yong-Ho'],
      },
    ]);
  });

  it('gives the offset of the first occurrence and the written form with spaces tidied', () => {
    const text = 'We met Margit\nOksanen. Then Teodor Brannigan.';
    const [first, second] = findNameCandidates(text, [], lexicon);
    expect(first).toMatchObject({ name: 'Margit Oksanen', firstOffset: 7, spellings: ['Margit Oksanen'] });
    expect(text.slice(second!.firstOffset)).toMatch(/^Teodor Brannigan/);
  });

  it('finds nothing in a transcript without names', () => {
    expect(names('Well, yes. And so we went home. Nothing happened.')).toEqual([]);
  });
});
