import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import {
  acceptedLabel,
  entryValues,
  formProblem,
  newEntryValues,
  parseList,
  restorableEntry,
  sourceText,
  tidyText,
  toNewEntry,
  toPatch,
  truncateText,
  variantCountLabel,
} from '../../../renderer/src/glossary/entry-values';
import {
  isAppShortcut,
  isDeleteKey,
  isSubmitKey,
  isUndoKey,
  type KeyPress,
} from '../../../renderer/src/glossary/keys';
import { resultSummary } from '../../../renderer/src/glossary/result-summary';

const entry: GlossaryEntry = {
  id: '7a0c3f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f',
  term: 'Donbas',
  category: 'place',
  forms: ['Donbass region', 'the Donbas'],
  variants: [
    { text: 'Don bass', acceptedCount: 3 },
    { text: 'Dunbas', acceptedCount: 0 },
  ],
  notes: 'Region in eastern Ukraine.',
  source: 'https://en.wikipedia.org/wiki/Donbas',
  createdAt: '2024-10-22T10:00:00.000Z',
  updatedAt: '2024-10-23T10:00:00.000Z',
  createdBy: 'ana',
  updatedBy: 'ben',
};

describe('parseList', () => {
  it.each([
    ['', []],
    ['  ,  , ', []],
    ['Donbass', ['Donbass']],
    ['Donbass, Don bass', ['Donbass', 'Don bass']],
    [' Don   bass ,Dunbas,, ', ['Don bass', 'Dunbas']],
    ['Donbass, donbass, DONBASS', ['Donbass']],
    ['one\ntwo\r\nthree', ['one', 'two', 'three']],
  ])('%j → %j', (text, expected) => {
    expect(parseList(text)).toEqual(expected);
  });
});

describe('form values', () => {
  it('a new entry starts from the selection, tidied', () => {
    expect(newEntryValues('  Kim\n Jong   Un ').term).toBe('Kim Jong Un');
    expect(newEntryValues().term).toBe('');
  });

  it('the edit form shows lists as one comma-separated line and leaves variants out', () => {
    const values = entryValues(entry);
    expect(values.forms).toBe('Donbass region, the Donbas');
    expect(values.variants).toBe('');
    expect(toPatch(values)).toEqual({
      term: 'Donbas',
      category: 'place',
      forms: ['Donbass region', 'the Donbas'],
      notes: 'Region in eastern Ukraine.',
      source: 'https://en.wikipedia.org/wiki/Donbas',
    });
  });

  it('a new entry sends tidy lists and trimmed text', () => {
    const values = {
      ...newEntryValues(' Donbas '),
      forms: 'the Donbas, ',
      variants: 'Don bass,Dunbas',
      notes: ' x ',
    };
    expect(toNewEntry(values)).toEqual({
      term: 'Donbas',
      category: 'other',
      forms: ['the Donbas'],
      variants: ['Don bass', 'Dunbas'],
      notes: 'x',
      source: '',
    });
  });

  it('refuses an empty term before asking the Node side', () => {
    expect(formProblem(newEntryValues('   '))).not.toBeNull();
    expect(formProblem(newEntryValues('Donbas'))).toBeNull();
  });

  it('restores exactly the fields the strict schema accepts', () => {
    const withExtra = { ...entry, rank: 3, variants: [{ text: 'Dunbas', acceptedCount: 1, key: 'dunbas' }] };
    expect(restorableEntry(withExtra)).toEqual({
      ...entry,
      variants: [{ text: 'Dunbas', acceptedCount: 1 }],
    });
  });
});

describe('display text', () => {
  it('tidies white space', () => {
    expect(tidyText('  a \n b\t')).toBe('a b');
  });

  it('truncates at a word with an ellipsis, and leaves short text alone', () => {
    expect(truncateText('short note', 20)).toBe('short note');
    expect(truncateText('one two three four five six', 15)).toBe('one two three…');
    expect(truncateText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(truncateText('one two three four five six', 15).length).toBeLessThanOrEqual(15);
  });

  it('shows a URL source without its scheme, other sources as written', () => {
    expect(sourceText('https://www.example.org/page/')).toBe('example.org/page');
    expect(sourceText('http://example.org')).toBe('example.org');
    expect(sourceText('NK News style guide, 2024')).toBe('NK News style guide, 2024');
  });

  it('counts variants and acceptances in words', () => {
    expect(variantCountLabel(0)).toBe('no variants');
    expect(variantCountLabel(1)).toBe('1 variant');
    expect(variantCountLabel(2)).toBe('2 variants');
    expect(acceptedLabel({ text: 'x', acceptedCount: 0 })).toBe('not accepted yet');
    expect(acceptedLabel({ text: 'x', acceptedCount: 1 })).toBe('accepted once');
    expect(acceptedLabel({ text: 'x', acceptedCount: 4 })).toBe('accepted 4 times');
  });

  it.each([
    [null, 0, 'Loading the glossary…'],
    ['', 0, 'The glossary is empty. Add an entry, or import a glossary file.'],
    ['', 1, '1 entry'],
    ['', 12, '12 entries'],
    ['', 50, 'The first 50 entries. Type to search.'],
    [' Don ', 0, 'Nothing matches \u201cDon\u201d.'],
    ['Don', 1, '1 match for \u201cDon\u201d'],
    ['Don', 3, '3 matches for \u201cDon\u201d'],
    ['Don', 50, 'The first 50 matches for \u201cDon\u201d'],
  ] as const)('summary of %j with %i results', (query, count, expected) => {
    expect(resultSummary(query, count, 50)).toBe(expected);
  });
});

describe('keys', () => {
  const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it.each([
    [press('o', { ctrlKey: true }), true],
    [press('O', { metaKey: true }), true],
    [press('G', { ctrlKey: true, shiftKey: true }), true],
    [press('F8'), false],
    [press('Enter', { altKey: true }), false],
    [press('a'), false],
    [press('z', { ctrlKey: true }), false],
    [press('v', { metaKey: true }), false],
    [press('ArrowLeft', { ctrlKey: true }), false],
    [press('Enter', { ctrlKey: true }), false],
    [press('o', { ctrlKey: true, altKey: true }), false],
  ])('isAppShortcut(%j) is %s', (key, expected) => {
    expect(isAppShortcut(key)).toBe(expected);
  });

  it('reads undo, submit and delete', () => {
    expect(isUndoKey(press('z', { ctrlKey: true }))).toBe(true);
    expect(isUndoKey(press('Z', { metaKey: true }))).toBe(true);
    expect(isUndoKey(press('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoKey(press('z'))).toBe(false);
    expect(isSubmitKey(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSubmitKey(press('Enter'))).toBe(false);
    expect(isDeleteKey(press('Delete'))).toBe(true);
    expect(isDeleteKey(press('Backspace', { metaKey: true }))).toBe(true);
    expect(isDeleteKey(press('Backspace'))).toBe(false);
    expect(isDeleteKey(press('Delete', { shiftKey: true }))).toBe(false);
  });
});
