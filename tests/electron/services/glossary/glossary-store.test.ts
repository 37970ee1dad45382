import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GlossaryNotFoundError,
  GlossaryStore,
  GlossaryValidationError,
} from '../../../../electron/services/glossary/glossary-store';
import type { GlossaryEntryInput, TermCategory } from '../../../../shared/glossary/types';

let folder: string;
let file: string;
let store: GlossaryStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-glossary-store-'));
  file = path.join(folder, 'glossary.sqlite');
  store = GlossaryStore.open(file, { author: 'alice' });
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function terms(entries: { term: string }[]): string[] {
  return entries.map((entry) => entry.term);
}

function validationMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a GlossaryValidationError');
}

describe('GlossaryStore: adding and reading', () => {
  it('adds an entry with an id, timestamps and the author', () => {
    const entry = store.add({
      term: 'Donbas',
      category: 'place',
      variants: ['Donbass'],
      notes: 'House style',
    });
    expect(entry).toMatchObject({
      term: 'Donbas',
      category: 'place',
      forms: [],
      variants: [{ text: 'Donbass', acceptedCount: 0 }],
      notes: 'House style',
      source: '',
      createdBy: 'alice',
      updatedBy: 'alice',
    });
    // Version 7 (time-ordered, see sync/entry-id.ts); older glossaries hold version 4 ids.
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(entry.createdAt).toISOString()).toBe(entry.createdAt);
    expect(entry.updatedAt).toBe(entry.createdAt);
    expect(store.get(entry.id)).toEqual(entry);
  });

  it('defaults the category to other and tidies spaces', () => {
    const entry = store.add({
      term: '  Yoon   Suk Yeol ',
      forms: [' Yoon ', '', 'Yoon'],
      notes: '  note \n',
    });
    expect(entry).toMatchObject({ term: 'Yoon Suk Yeol', category: 'other', forms: ['Yoon'], notes: 'note' });
  });

  it('keeps forms and variants in the order given', () => {
    const entry = store.add({
      term: 'Kim Jong Un',
      forms: ['Kim', 'Jong Un'],
      variants: ['Kim Jong Eun', 'Kim Jung Un'],
    });
    expect(entry.forms).toEqual(['Kim', 'Jong Un']);
    expect(entry.variants.map((variant) => variant.text)).toEqual(['Kim Jong Eun', 'Kim Jung Un']);
  });

  it('finds an entry by term regardless of case, spacing and Unicode form', () => {
    const entry = store.add({ term: 'Zürich' });
    expect(store.findByTerm('ZÜRICH')?.id).toBe(entry.id);
    expect(store.findByTerm('  zürich ')?.id).toBe(entry.id);
    expect(store.findByTerm('Zu\u0308rich')?.id).toBe(entry.id); // decomposed ü
    expect(store.findByTerm('Zurich')).toBeUndefined(); // diacritics are part of the spelling
  });

  it('returns undefined for an unknown id', () => {
    expect(store.get('no-such-id')).toBeUndefined();
  });

  it('keeps entries after the file is closed and opened again', () => {
    const entry = store.add({ term: 'Pyongyang', category: 'place' });
    store.close();
    store = GlossaryStore.open(file, { author: 'alice' });
    expect(store.get(entry.id)).toEqual(entry);
  });
});

describe('GlossaryStore: validation', () => {
  it('refuses a duplicate term, whatever its case or spacing', () => {
    store.add({ term: 'Donbas' });
    expect(validationMessage(() => store.add({ term: ' DONBAS ' }))).toMatch(
      /"DONBAS" is already in the glossary/,
    );
    expect(store.count()).toBe(1);
  });

  const invalidInputs: [string, GlossaryEntryInput, RegExp][] = [
    ['an empty term', { term: '' }, /term is empty/],
    ['a term of spaces', { term: '   ' }, /term is empty/],
    ['a term that is too long', { term: 'x'.repeat(201) }, /201 characters long; the limit is 200/],
    [
      'an unknown category',
      { term: 'Seoul', category: 'city' as TermCategory },
      /Unknown category "city"; use one of: person, organization, place, publication, term, other/,
    ],
    ['a "|" in a form', { term: 'Seoul', forms: ['Seoul|Soul'] }, /contains "\|"/],
    ['a "|" in a variant', { term: 'Seoul', variants: ['Soul|Sol'] }, /contains "\|"/],
    [
      'a variant equal to the term',
      { term: 'Seoul', variants: ['seoul'] },
      /cannot be a variant .* it is the term/,
    ],
    [
      'a variant equal to a form',
      { term: 'Yoon Suk Yeol', forms: ['Yoon'], variants: ['YOON'] },
      /cannot be a variant .* it is a form/,
    ],
    ['a control character', { term: 'Seo\u0000ul' }, /control character/],
    ['notes that are too long', { term: 'Seoul', notes: 'n'.repeat(5001) }, /limit is 5000/],
  ];

  it.each(invalidInputs)('refuses %s', (_label, input, message) => {
    expect(validationMessage(() => store.add(input))).toMatch(message);
    expect(store.count()).toBe(0);
  });

  it('accepts a category in any case', () => {
    expect(store.add({ term: 'Seoul', category: 'Place' as TermCategory }).category).toBe('place');
  });

  it('keeps line breaks in notes', () => {
    expect(store.add({ term: 'Seoul', notes: 'one\r\ntwo' }).notes).toBe('one\ntwo');
  });
});

describe('GlossaryStore: update and remove', () => {
  it('changes the named fields and stamps the change', async () => {
    const entry = store.add({ term: 'Donbas', category: 'place', notes: 'old' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    store.close();
    store = GlossaryStore.open(file, { author: 'bob' });
    const updated = store.update(entry.id, { notes: 'new', forms: ['Donbas region'] });
    expect(updated).toMatchObject({
      term: 'Donbas',
      category: 'place',
      notes: 'new',
      forms: ['Donbas region'],
    });
    expect(updated.createdAt).toBe(entry.createdAt);
    expect(updated.createdBy).toBe('alice');
    expect(updated.updatedBy).toBe('bob');
    expect(updated.updatedAt > entry.updatedAt).toBe(true);
  });

  it('does not stamp an update that changes nothing', () => {
    const entry = store.add({ term: 'Donbas', notes: 'same' });
    expect(store.update(entry.id, { notes: ' same ' })).toEqual(entry);
  });

  it('replaces variants with their counts', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Donbass'] });
    const updated = store.update(entry.id, { variants: [{ text: 'Dombas', acceptedCount: 3 }] });
    expect(updated.variants).toEqual([{ text: 'Dombas', acceptedCount: 3 }]);
  });

  it('renames a term, and refuses a rename onto another term', () => {
    const donbas = store.add({ term: 'Donbas' });
    store.add({ term: 'Kursk' });
    expect(store.update(donbas.id, { term: 'Donbas region' }).term).toBe('Donbas region');
    expect(store.findByTerm('Donbas')).toBeUndefined();
    expect(validationMessage(() => store.update(donbas.id, { term: 'kursk' }))).toMatch(
      /already in the glossary/,
    );
  });

  it('allows changing only the capitalisation of a term', () => {
    const entry = store.add({ term: 'Kcia' });
    expect(store.update(entry.id, { term: 'KCIA' }).term).toBe('KCIA');
  });

  it('refuses an invalid update and keeps the entry', () => {
    const entry = store.add({ term: 'Seoul' });
    expect(validationMessage(() => store.update(entry.id, { term: ' ' }))).toMatch(/term is empty/);
    expect(store.get(entry.id)).toEqual(entry);
  });

  it('reports an unknown id', () => {
    expect(() => store.update('missing', { notes: 'x' })).toThrow(GlossaryNotFoundError);
  });

  it('removes an entry with its forms and variants', () => {
    const entry = store.add({ term: 'Donbas', forms: ['Donbas region'], variants: ['Donbass'] });
    expect(store.remove(entry.id)).toBe(true);
    expect(store.get(entry.id)).toBeUndefined();
    expect(store.remove(entry.id)).toBe(false);
    expect(store.search('donbass')).toEqual([]);
    // Re-adding the term starts clean: no forms or variants are left behind.
    expect(store.add({ term: 'Donbas' })).toMatchObject({ forms: [], variants: [] });
  });
});

describe('GlossaryStore: list and count', () => {
  beforeEach(() => {
    store.add({ term: 'zebra crossing', category: 'term' });
    store.add({ term: 'Apple', category: 'organization' });
    store.add({ term: 'banana republic', category: 'term' });
    store.add({ term: 'Ángel', category: 'person' });
  });

  it('lists entries by term, ignoring case', () => {
    expect(terms(store.list())).toEqual(['Apple', 'banana republic', 'zebra crossing', 'Ángel']);
    expect(store.count()).toBe(4);
  });

  it('filters by category and pages', () => {
    expect(terms(store.list({ category: 'term' }))).toEqual(['banana republic', 'zebra crossing']);
    expect(terms(store.list({ limit: 2 }))).toEqual(['Apple', 'banana republic']);
    expect(terms(store.list({ limit: 2, offset: 2 }))).toEqual(['zebra crossing', 'Ángel']);
    expect(terms(store.list({ category: 'term', offset: 1 }))).toEqual(['zebra crossing']);
  });

  it('refuses a negative or fractional page', () => {
    expect(() => store.list({ limit: -1 })).toThrow(GlossaryValidationError);
    expect(() => store.list({ offset: 1.5 })).toThrow(GlossaryValidationError);
  });
});

describe('GlossaryStore: search', () => {
  beforeEach(() => {
    store.add({ term: 'Jacco Zwetsloot', category: 'person', notes: 'Host of the North Korea News Podcast' });
    store.add({ term: "Chad O'Carroll", category: 'person', notes: 'Founder of NK News' });
    store.add({ term: 'Zürich', category: 'place' });
    store.add({ term: 'Jürgen Klopp', category: 'person' });
    store.add({ term: 'Donbas', category: 'place', variants: ['Donbass'] });
    store.add({ term: 'Yoon Suk Yeol', category: 'person', forms: ['Yoon'] });
    store.add({ term: 'NK-23', category: 'term', notes: 'Not a real missile name' });
    store.add({ term: 'KN-23', category: 'term', notes: 'North Korean short-range ballistic missile' });
    store.add({ term: 'Kimberley', category: 'place' });
    store.add({ term: 'Kim Jong Un', category: 'person', notes: 'Leader; not to be confused with Kim' });
    store.add({ term: 'Kim', category: 'person' });
  });

  it('matches each word as a prefix', () => {
    expect(terms(store.search('zwe'))).toEqual(['Jacco Zwetsloot']);
    expect(terms(store.search('jac zwet'))).toEqual(['Jacco Zwetsloot']);
    expect(store.search('zwe jurg')).toEqual([]);
  });

  it('ignores diacritics both ways', () => {
    expect(terms(store.search('zurich'))).toEqual(['Zürich']);
    expect(terms(store.search('ZÜR'))).toEqual(['Zürich']);
    expect(terms(store.search('jurgen'))).toEqual(['Jürgen Klopp']);
  });

  it('finds terms through their forms, variants and notes', () => {
    expect(terms(store.search('donbass'))).toEqual(['Donbas']);
    expect(terms(store.search('Yoon'))).toEqual(['Yoon Suk Yeol']);
    expect(terms(store.search('podcast'))).toEqual(['Jacco Zwetsloot']);
  });

  it('ranks an exact term first', () => {
    expect(terms(store.search('kim'))[0]).toBe('Kim');
    expect(terms(store.search('kim')).sort()).toEqual(['Kim', 'Kim Jong Un', 'Kimberley']);
    expect(terms(store.search('Kim Jong Un'))[0]).toBe('Kim Jong Un');
  });

  it('searches words with punctuation as phrases', () => {
    expect(terms(store.search("O'Carroll"))).toEqual(["Chad O'Carroll"]);
    expect(terms(store.search('NK-23'))[0]).toBe('NK-23');
    expect(terms(store.search('KN-2'))).toEqual(['KN-23']);
  });

  it.each([
    '"',
    '""',
    "'",
    'AND',
    'OR',
    'NOT',
    'NEAR',
    '*',
    '-',
    '^',
    '(',
    ')',
    'a:b',
    'term:kim',
    '{term notes}: kim',
    'NEAR(kim jong)',
    'kim AND',
    '"kim',
    'kim*',
    '\\',
    '%_',
    '',
    '   ',
    '🙂',
  ])('does not throw on the query %j', (query) => {
    expect(() => store.search(query)).not.toThrow();
  });

  it('treats FTS operators as words', () => {
    store.add({ term: 'Andrei Lankov' });
    expect(terms(store.search('AND'))).toEqual(['Andrei Lankov']);
    expect(terms(store.search('"kim'))[0]).toBe('Kim');
  });

  it('finds nothing for a query without letters or digits', () => {
    expect(store.search('*')).toEqual([]);
    expect(store.search('')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(store.search('k', 2)).toHaveLength(2);
  });

  it('follows updates and removals', () => {
    const entry = store.findByTerm('Zürich');
    expect(entry).toBeDefined();
    store.update(entry!.id, { term: 'Zurich Airport', notes: 'renamed' });
    expect(terms(store.search('airport'))).toEqual(['Zurich Airport']);
    expect(terms(store.search('zürich'))).toEqual(['Zurich Airport']);
    store.remove(entry!.id);
    expect(store.search('airport')).toEqual([]);
  });
});

describe('GlossaryStore: accepted variants', () => {
  it('adds a heard spelling, then counts it up', () => {
    const entry = store.add({ term: 'Donbas', category: 'place' });
    expect(store.recordAcceptedVariant(entry.id, 'Donbass')).toEqual({ text: 'Donbass', acceptedCount: 1 });
    expect(store.recordAcceptedVariant(entry.id, ' donbass ')).toEqual({ text: 'Donbass', acceptedCount: 2 });
    expect(store.recordAcceptedVariant(entry.id, 'Dombas')).toEqual({ text: 'Dombas', acceptedCount: 1 });
    expect(store.get(entry.id)?.variants).toEqual([
      { text: 'Donbass', acceptedCount: 2 },
      { text: 'Dombas', acceptedCount: 1 },
    ]);
    expect(terms(store.search('dombas'))).toEqual(['Donbas']);
  });

  it('counts an imported variant from zero', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Donbass'] });
    expect(store.recordAcceptedVariant(entry.id, 'Donbass')).toEqual({ text: 'Donbass', acceptedCount: 1 });
  });

  it('stamps the entry', () => {
    const entry = store.add({ term: 'Donbas' });
    store.close();
    store = GlossaryStore.open(file, { author: 'bob' });
    store.recordAcceptedVariant(entry.id, 'Donbass');
    expect(store.get(entry.id)?.updatedBy).toBe('bob');
  });

  it('ignores the term itself and its forms', () => {
    const entry = store.add({ term: 'Yoon Suk Yeol', forms: ['Yoon'] });
    expect(store.recordAcceptedVariant(entry.id, 'yoon suk  yeol')).toBeUndefined();
    expect(store.recordAcceptedVariant(entry.id, 'YOON')).toBeUndefined();
    expect(store.get(entry.id)).toEqual(entry);
  });

  it('refuses text a CSV file could not hold, and unknown entries', () => {
    const entry = store.add({ term: 'Donbas' });
    expect(validationMessage(() => store.recordAcceptedVariant(entry.id, 'Don|bass'))).toMatch(
      /contains "\|"/,
    );
    expect(validationMessage(() => store.recordAcceptedVariant(entry.id, '  '))).toMatch(/empty/);
    expect(() => store.recordAcceptedVariant('missing', 'Donbass')).toThrow(GlossaryNotFoundError);
  });
});
