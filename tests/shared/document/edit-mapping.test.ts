import { describe, expect, it } from 'vitest';
import { diffTexts, mapRange, type TextEdit } from '../../../shared/document/edit-mapping';

describe('diffTexts', () => {
  const cases: Array<{ name: string; before: string; after: string; expected: TextEdit | null }> = [
    { name: 'equal texts', before: 'Marco Ruta', after: 'Marco Ruta', expected: null },
    { name: 'both empty', before: '', after: '', expected: null },
    { name: 'from empty', before: '', after: 'abc', expected: { start: 0, removed: 0, inserted: 3 } },
    { name: 'to empty', before: 'abc', after: '', expected: { start: 0, removed: 3, inserted: 0 } },
    {
      name: 'a replacement in the middle',
      before: 'Marco Ruta said',
      after: 'Mark Rutte said',
      expected: { start: 3, removed: 7, inserted: 7 },
    },
    { name: 'an insertion', before: 'ac', after: 'abc', expected: { start: 1, removed: 0, inserted: 1 } },
    {
      name: 'a deletion at the end',
      before: 'abc',
      after: 'ab',
      expected: { start: 2, removed: 1, inserted: 0 },
    },
    {
      name: 'a repeated character inserted: the longest prefix wins',
      before: 'aa',
      after: 'aaa',
      expected: { start: 2, removed: 0, inserted: 1 },
    },
    {
      name: 'a repeated pattern deleted: the suffix does not overlap the prefix',
      before: 'abab',
      after: 'ab',
      expected: { start: 2, removed: 2, inserted: 0 },
    },
    {
      name: 'a word doubled',
      before: 'the cat',
      after: 'the the cat',
      expected: { start: 4, removed: 0, inserted: 4 },
    },
    {
      name: 'a letter typed before a word starting with it goes before the word, not inside it',
      before: 'Marco',
      after: 'MMarco',
      expected: { start: 0, removed: 0, inserted: 1 },
    },
    {
      name: 'a word typed before a name goes before the name',
      before: 'Marco Ruta said',
      after: 'Mr Marco Ruta said',
      expected: { start: 0, removed: 0, inserted: 3 },
    },
    {
      name: 'a letter doubled at a word end goes at the end',
      before: 'Anna said',
      after: 'Annaa said',
      expected: { start: 4, removed: 0, inserted: 1 },
    },
    {
      name: 'a deleted word of a doubled pair: equally good places keep the longest prefix',
      before: 'the the cat',
      after: 'the cat',
      expected: { start: 4, removed: 4, inserted: 0 },
    },
    {
      name: 'a repeated line goes in as a whole line: line breaks are the best edges',
      before: 'a b\na b',
      after: 'a b\na b\na b',
      expected: { start: 4, removed: 0, inserted: 4 },
    },
    {
      name: 'an emoji changed: the surrogate pair is not split at the start',
      before: 'x😀y',
      after: 'x😁y',
      expected: { start: 1, removed: 2, inserted: 2 },
    },
    {
      name: 'surrogates sharing a low half: the pair is not split at the end',
      before: '\ud83d\ude00',
      after: '\ud83c\ude00',
      expected: { start: 0, removed: 2, inserted: 2 },
    },
  ];

  it.each(cases)('$name', ({ before, after, expected }) => {
    const edit = diffTexts(before, after);
    expect(edit).toStrictEqual(expected);
    if (edit) {
      // The edit really turns `before` into `after`.
      const inserted = after.slice(edit.start, edit.start + edit.inserted);
      expect(before.slice(0, edit.start) + inserted + before.slice(edit.start + edit.removed)).toBe(after);
    }
  });
});

describe('mapRange', () => {
  // The range [10, 20) throughout.
  const RANGE = { start: 10, end: 20 };
  const cases: Array<{
    name: string;
    edit: TextEdit;
    drop: { start: number; end: number } | null;
    stretch: { start: number; end: number } | null;
  }> = [
    {
      name: 'an edit before the range shifts it',
      edit: { start: 2, removed: 3, inserted: 1 },
      drop: { start: 8, end: 18 },
      stretch: { start: 8, end: 18 },
    },
    {
      name: 'an edit after the range leaves it',
      edit: { start: 25, removed: 3, inserted: 10 },
      drop: RANGE,
      stretch: RANGE,
    },
    {
      name: 'an insertion exactly at its end leaves it (typing after a name)',
      edit: { start: 20, removed: 0, inserted: 3 },
      drop: RANGE,
      stretch: RANGE,
    },
    {
      name: 'an insertion exactly at its start shifts it',
      edit: { start: 10, removed: 0, inserted: 3 },
      drop: { start: 13, end: 23 },
      stretch: { start: 13, end: 23 },
    },
    {
      name: 'a deletion ending at its start shifts it',
      edit: { start: 5, removed: 5, inserted: 0 },
      drop: { start: 5, end: 15 },
      stretch: { start: 5, end: 15 },
    },
    {
      name: 'a replacement starting at its end leaves it',
      edit: { start: 20, removed: 5, inserted: 1 },
      drop: RANGE,
      stretch: RANGE,
    },
    {
      name: 'an insertion inside',
      edit: { start: 15, removed: 0, inserted: 3 },
      drop: null,
      stretch: { start: 10, end: 23 },
    },
    {
      name: 'a replacement inside',
      edit: { start: 12, removed: 4, inserted: 1 },
      drop: null,
      stretch: { start: 10, end: 17 },
    },
    {
      name: 'a replacement across its start grows it back to the edit',
      edit: { start: 8, removed: 4, inserted: 1 },
      drop: null,
      stretch: { start: 8, end: 17 },
    },
    {
      name: 'a deletion across its end shrinks it',
      edit: { start: 18, removed: 5, inserted: 0 },
      drop: null,
      stretch: { start: 10, end: 18 },
    },
    {
      name: 'the whole range deleted',
      edit: { start: 10, removed: 10, inserted: 0 },
      drop: null,
      stretch: null,
    },
    {
      name: 'the whole range and more deleted',
      edit: { start: 5, removed: 20, inserted: 0 },
      drop: null,
      stretch: null,
    },
    {
      name: 'the whole range retyped',
      edit: { start: 10, removed: 10, inserted: 4 },
      drop: null,
      stretch: { start: 10, end: 14 },
    },
    {
      name: 'a passage around the range replaced',
      edit: { start: 5, removed: 20, inserted: 6 },
      drop: null,
      stretch: { start: 5, end: 11 },
    },
  ];

  it.each(cases)('$name', ({ edit, drop, stretch }) => {
    expect(mapRange(RANGE, edit, 'drop')).toStrictEqual(drop);
    expect(mapRange(RANGE, edit, 'stretch')).toStrictEqual(stretch);
  });

  const empty = [
    {
      name: 'an insertion at an empty range shifts it',
      edit: { start: 10, removed: 0, inserted: 2 },
      expected: 12,
    },
    { name: 'an insertion after it leaves it', edit: { start: 11, removed: 0, inserted: 2 }, expected: 10 },
    { name: 'a deletion ending at it shifts it', edit: { start: 8, removed: 2, inserted: 0 }, expected: 8 },
  ];

  it.each(empty)('$name', ({ edit, expected }) => {
    for (const mode of ['drop', 'stretch'] as const) {
      expect(mapRange({ start: 10, end: 10 }, edit, mode)).toStrictEqual({ start: expected, end: expected });
    }
  });
});

describe('diffTexts then mapRange, as the editor uses them', () => {
  const cases: Array<{
    name: string;
    before: string;
    after: string;
    range: string;
    mode: 'drop' | 'stretch';
    expected: string | null;
  }> = [
    {
      name: 'typing right after a name keeps its suggestion',
      before: 'Marco Ruta said',
      after: 'Marco Ruta, said',
      range: 'Ruta',
      mode: 'drop',
      expected: 'Ruta',
    },
    {
      name: 'typing before a name moves its suggestion',
      before: 'Marco Ruta said',
      after: 'Mr Marco Ruta said',
      range: 'Marco Ruta',
      mode: 'drop',
      expected: 'Marco Ruta',
    },
    {
      name: 'editing the name drops its suggestion',
      before: 'Marco Ruta said',
      after: 'Marco Rutte said',
      range: 'Ruta',
      mode: 'drop',
      expected: null,
    },
    {
      name: 'a flag keeps covering a passage edited inside',
      before: 'He said the troops are in Kursk now.',
      after: 'He said the soldiers are in Kursk now.',
      range: 'the troops are in Kursk',
      mode: 'stretch',
      expected: 'the soldiers are in Kursk',
    },
    {
      name: 'the first letter typed before a name keeps its suggestion',
      before: 'Hi Marco Ruta',
      after: 'Hi MMarco Ruta',
      range: 'Marco',
      mode: 'drop',
      expected: 'Marco',
    },
    {
      name: 'a doubled letter right after a range ending in the same letter does not extend it',
      before: 'Anna said',
      after: 'Annaa said',
      range: 'Anna',
      mode: 'stretch',
      expected: 'Anna',
    },
  ];

  it.each(cases)('$name', ({ before, after, range, mode, expected }) => {
    const start = before.indexOf(range);
    const edit = diffTexts(before, after);
    if (!edit) throw new Error('texts are equal');
    const mapped = mapRange({ start, end: start + range.length }, edit, mode);
    expect(mapped && after.slice(mapped.start, mapped.end)).toBe(expected);
  });
});
