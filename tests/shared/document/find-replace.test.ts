import { describe, expect, it } from 'vitest';
import {
  applyReplacements,
  findMatches,
  FindQueryError,
  MAX_FIND_MATCHES,
  type FindOptions,
} from '../../../shared/document/find-replace';

const PLAIN: FindOptions = { query: '', caseSensitive: false, wholeWord: false, regex: false };

/** [segmentId, matched text, replacement] for each match, which is what a person sees. */
function found(
  segments: readonly { id: string; text: string }[],
  options: Partial<FindOptions>,
  replaceWith?: string,
): Array<[string, string, string]> {
  const { matches, truncated } = findMatches(segments, { ...PLAIN, ...options }, replaceWith);
  expect(truncated).toBe(false);
  for (const match of matches) {
    const segment = segments.find((s) => s.id === match.segmentId);
    expect(segment?.text.slice(match.start, match.end)).toBe(match.text);
  }
  return matches.map((match) => [match.segmentId, match.text, match.replacement]);
}

const CAFE = [
  { id: 's1', text: 'Café owners drink caféine; the CAFÉ café_x opens.' },
  { id: 's2', text: 'A café. Another cafe, and xcafé.' },
];

describe('findMatches', () => {
  const cases: Array<{
    name: string;
    segments?: readonly { id: string; text: string }[];
    options: Partial<FindOptions>;
    replaceWith?: string;
    expected: Array<[string, string, string]>;
  }> = [
    { name: 'an empty query finds nothing', options: { query: '' }, expected: [] },
    { name: 'an empty regex finds nothing', options: { query: '', regex: true }, expected: [] },
    {
      name: 'case-insensitive by default, Unicode-aware (É and é), across segments in order',
      options: { query: 'café' },
      replaceWith: 'coffee',
      expected: [
        ['s1', 'Café', 'coffee'],
        ['s1', 'caf\u00e9', 'coffee'],
        ['s1', 'CAFÉ', 'coffee'],
        ['s1', 'café', 'coffee'],
        ['s2', 'café', 'coffee'],
        ['s2', 'café', 'coffee'],
      ],
    },
    {
      name: 'case-sensitive',
      options: { query: 'Café', caseSensitive: true },
      expected: [['s1', 'Café', '']],
    },
    {
      name: 'whole word with accented letters: café is not inside caféine, café_x or xcafé',
      options: { query: 'café', wholeWord: true },
      expected: [
        ['s1', 'Café', ''],
        ['s1', 'CAFÉ', ''],
        ['s2', 'café', ''],
      ],
    },
    {
      name: 'whole word accepts punctuation next to the word',
      segments: [{ id: 'a', text: '(Rutte), Rutte. Ruttes' }],
      options: { query: 'rutte', wholeWord: true },
      expected: [
        ['a', 'Rutte', ''],
        ['a', 'Rutte', ''],
      ],
    },
    {
      name: 'plain queries are literal: regex syntax and $ in the replacement mean themselves',
      segments: [{ id: 'a', text: 'a.b axb (a.b)* a-b' }],
      options: { query: '(a.b)*' },
      replaceWith: '$1$&',
      expected: [['a', '(a.b)*', '$1$&']],
    },
    {
      name: 'a plain query with a dash and a slash',
      segments: [{ id: 'a', text: 'AC/DC and AC-DC' }],
      options: { query: 'ac/dc' },
      expected: [['a', 'AC/DC', '']],
    },
    {
      name: 'regex groups in the replacement',
      segments: [{ id: 'a', text: 'Ruta Marco, Smith John' }],
      options: { query: '(\\p{Lu}\\w+) (\\p{Lu}\\w+)', regex: true, caseSensitive: true },
      replaceWith: '$2 $1',
      expected: [
        ['a', 'Ruta Marco', 'Marco Ruta'],
        ['a', 'Smith John', 'John Smith'],
      ],
    },
    {
      name: '$& is the match, $$ a dollar sign, a missing group stays as typed, an unmatched one is empty',
      segments: [{ id: 'a', text: 'cost 5 cost' }],
      options: { query: '(\\d)|(cost)', regex: true },
      replaceWith: '[$&|$$|$1|$3|$0]',
      expected: [
        ['a', 'cost', '[cost|$||$3|$0]'],
        ['a', '5', '[5|$|5|$3|$0]'],
        ['a', 'cost', '[cost|$||$3|$0]'],
      ],
    },
    {
      name: 'lookbehind sees the text before the match',
      segments: [{ id: 'a', text: 'Mr. Smith met Smith and Mrs. Smith' }],
      options: { query: '(?<=Mr\\. )\\w+', regex: true },
      replaceWith: '$&son',
      expected: [['a', 'Smith', 'Smithson']],
    },
    {
      name: '^ and $ match at the segment and its line starts and ends',
      segments: [
        { id: 'a', text: 'one two\nthree' },
        { id: 'b', text: 'four' },
      ],
      options: { query: '^\\w+|\\w+$', regex: true },
      expected: [
        ['a', 'one', ''],
        ['a', 'two', ''],
        ['a', 'three', ''],
        ['b', 'four', ''],
      ],
    },
    {
      name: 'zero-length matches are skipped',
      segments: [{ id: 'a', text: 'axxb x' }],
      options: { query: 'x*', regex: true },
      expected: [
        ['a', 'xx', ''],
        ['a', 'x', ''],
      ],
    },
    {
      name: 'whole word wraps a regex alternation as a whole',
      segments: [{ id: 'a', text: 'cat category dog dogma' }],
      options: { query: 'cat|dog', regex: true, wholeWord: true },
      expected: [
        ['a', 'cat', ''],
        ['a', 'dog', ''],
      ],
    },
    {
      name: 'a backreference still counts the user’s own groups under whole word',
      segments: [{ id: 'a', text: 'the the end, thethe' }],
      options: { query: '(\\w+) \\1', regex: true, wholeWord: true },
      replaceWith: '$1',
      expected: [['a', 'the the', 'the']],
    },
    {
      name: 'matches astral characters whole',
      segments: [{ id: 'a', text: 'I 😀 you' }],
      options: { query: '\\S', regex: true },
      expected: [
        ['a', 'I', ''],
        ['a', '😀', ''],
        ['a', 'y', ''],
        ['a', 'o', ''],
        ['a', 'u', ''],
      ],
    },
  ];

  it.each(cases)('$name', ({ segments = CAFE, options, replaceWith, expected }) => {
    expect(found(segments, options, replaceWith)).toStrictEqual(expected);
  });

  const invalid = [
    { query: '(', reason: 'Unterminated group' },
    { query: 'a{2', reason: 'Incomplete quantifier' },
    { query: '[z-a]', reason: 'Range out of order in character class' },
    { query: '\\-', reason: 'Invalid escape' },
  ];

  it.each(invalid)('an invalid regex $query says why in words a person can read', ({ query, reason }) => {
    const attempt = () => findMatches(CAFE, { ...PLAIN, query, regex: true });
    expect(attempt).toThrow(FindQueryError);
    expect(attempt).toThrow(`The pattern is not a valid regular expression: ${reason}`);
  });

  it('the same characters as a plain query are searched for literally', () => {
    const segments = [{ id: 'a', text: 'f( a{2 [z-a] \\-' }];
    for (const { query } of invalid) {
      expect(findMatches(segments, { ...PLAIN, query }).matches).toHaveLength(1);
    }
  });

  const limits = [
    { name: 'exactly the limit is not truncated', count: MAX_FIND_MATCHES, truncated: false },
    { name: 'one more is truncated at the limit', count: MAX_FIND_MATCHES + 1, truncated: true },
    {
      name: 'far more across segments is truncated at the limit',
      count: 3 * MAX_FIND_MATCHES,
      truncated: true,
    },
  ];

  it.each(limits)('$name', ({ count, truncated }) => {
    const segments = [
      { id: 'a', text: 'a '.repeat(Math.floor(count / 2)) },
      { id: 'b', text: 'a '.repeat(Math.ceil(count / 2)) },
    ];
    const result = findMatches(segments, { ...PLAIN, query: 'a' });
    expect(result.truncated).toBe(truncated);
    expect(result.matches).toHaveLength(Math.min(count, MAX_FIND_MATCHES));
  });
});

describe('applyReplacements', () => {
  const TEXT = 'Marco Ruta met Mark Rutte.';
  const EDITS = [
    { start: 0, end: 5, replacement: 'Mark' },
    { start: 6, end: 10, replacement: 'Rutte' },
    { start: 11, end: 14, replacement: 'greeted' },
    { start: 25, end: 26, replacement: '!' },
  ];

  const orders = [
    { name: 'in order', matches: EDITS },
    { name: 'reversed', matches: [...EDITS].reverse() },
    { name: 'shuffled', matches: [EDITS[2], EDITS[0], EDITS[3], EDITS[1]] },
  ];

  it.each(orders)('gives the same text whatever the order: $name', ({ matches }) => {
    const given = structuredClone(matches);
    expect(applyReplacements(TEXT, matches as typeof EDITS)).toBe('Mark Rutte greeted Mark Rutte!');
    expect(matches).toStrictEqual(given);
  });

  const cases = [
    { name: 'nothing to replace', text: 'abc', matches: [], expected: 'abc' },
    {
      name: 'adjacent ranges',
      text: 'abcd',
      matches: [
        { start: 2, end: 4, replacement: 'Y' },
        { start: 0, end: 2, replacement: 'X' },
      ],
      expected: 'XY',
    },
    { name: 'an insertion', text: 'ac', matches: [{ start: 1, end: 1, replacement: 'b' }], expected: 'abc' },
    { name: 'a deletion', text: 'abc', matches: [{ start: 1, end: 2, replacement: '' }], expected: 'ac' },
  ];

  it.each(cases)('$name', ({ text, matches, expected }) => {
    expect(applyReplacements(text, matches)).toBe(expected);
  });

  const wrong = [
    {
      name: 'overlapping ranges',
      matches: [
        { start: 0, end: 3, replacement: 'x' },
        { start: 2, end: 4, replacement: 'y' },
      ],
      error: /overlap/,
    },
    {
      name: 'a range inside another',
      matches: [
        { start: 3, end: 4, replacement: 'y' },
        { start: 0, end: 8, replacement: 'x' },
      ],
      error: /overlap/,
    },
    { name: 'a range past the end', matches: [{ start: 5, end: 30, replacement: 'x' }], error: /outside/ },
    { name: 'a backwards range', matches: [{ start: 4, end: 2, replacement: 'x' }], error: /outside/ },
  ];

  it.each(wrong)('throws on $name', ({ matches, error }) => {
    expect(() => applyReplacements(TEXT, matches)).toThrow(error);
  });

  it('replaces every match findMatches reports, segment by segment', () => {
    const segments = [
      { id: 'a', text: 'Ruta Marco and Ruta Marco' },
      { id: 'b', text: 'no names here' },
    ];
    const { matches } = findMatches(segments, { ...PLAIN, query: '(\\w+) Marco', regex: true }, 'Marco $1');
    const replaced = segments.map((segment) =>
      applyReplacements(
        segment.text,
        matches.filter((match) => match.segmentId === segment.id),
      ),
    );
    expect(replaced).toStrictEqual(['Marco Ruta and Marco Ruta', 'no names here']);
  });
});
