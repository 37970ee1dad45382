/** Folding an entry's changes: registers, heads, winners, conflicts, counters — table-driven. */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/glossary/hlc';
import { canonicalJson, entryHistory, foldEntry, headsOf } from '../../../shared/glossary/merge';
import type { GlossaryChange, GlossaryChangeField, JsonValue } from '../../../shared/glossary/sync-types';

const ENTRY = 'entry-1';
const key = (text: string) => text.toLowerCase();
const fold = (changes: readonly GlossaryChange[]) => foldEntry(ENTRY, changes, { variantKey: key });

/** A change at wall time `wall` ms by device `device`. */
function change(
  wall: number,
  device: string,
  field: GlossaryChangeField,
  newValue: JsonValue,
  bases: GlossaryChange[] = [],
): GlossaryChange {
  const id = formatHlc({ wall, counter: 0 }, device);
  return {
    id,
    entryId: ENTRY,
    field,
    oldValue: null,
    newValue,
    bases: bases.map((base) => base.id),
    author: `author-${device}`,
    device,
    hlc: id,
  };
}

const snapshot = {
  term: 'Donbas',
  category: 'place',
  forms: ['Donbas region'],
  variants: [
    { text: 'Donbass', acceptedCount: 2 },
    { text: 'Dombas', acceptedCount: 0 },
  ],
  notes: '',
  source: 'https://example.org',
};
const create = change(1000, 'a', 'create', snapshot);

/** Every order of a small list: the fold must not care. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('headsOf', () => {
  const t1 = change(2000, 'a', 'term', 'Donbas 1');
  const t2 = change(3000, 'b', 'term', 'Donbas 2', [t1]);
  const t3 = change(2500, 'c', 'term', 'Donbas 3', [t1]);
  it.each([
    ['one change', [t1], [t1]],
    ['a chain: the last', [t1, t2], [t2]],
    ['two replacing the same base: both, highest first', [t1, t2, t3], [t2, t3]],
    ['a base not here yet: both are heads', [t2, t3], [t2, t3]],
  ])('%s', (_name, changes, expected) => {
    expect(headsOf(changes).map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });
});

describe('foldEntry', () => {
  it('reads the create snapshot, with dates from its clock', () => {
    const entry = fold([create]);
    expect(entry).toMatchObject({
      exists: true,
      deleted: false,
      term: 'Donbas',
      forms: ['Donbas region'],
      variants: [
        { key: 'donbass', text: 'Donbass', acceptedCount: 2 },
        { key: 'dombas', text: 'Dombas', acceptedCount: 0 },
      ],
      createdAt: '1970-01-01T00:00:01.000Z',
      createdBy: 'author-a',
      updatedAt: '1970-01-01T00:00:01.000Z',
      conflicts: [],
    });
  });

  it('reads a lone create change the same way as with other changes beside it', () => {
    const withdrawn = change(900, 'b', 'rejection:x', null);
    const { heads: _alone, ...alone } = fold([create]);
    const { heads: _more, ...more } = fold([create, withdrawn]);
    expect(alone).toEqual(more);
    const old = change(5000, 'a', 'create', {
      ...snapshot,
      createdAt: '2024-10-01T00:00:00.000Z',
      updatedBy: 'bob',
    });
    const { heads: _a, ...oldAlone } = fold([old]);
    const { heads: _b, ...oldMore } = fold([old, withdrawn]);
    expect(oldAlone).toEqual(oldMore);
  });

  it('does not exist without its create change', () => {
    expect(fold([change(2000, 'a', 'term', 'X')]).exists).toBe(false);
  });

  const t1 = change(2000, 'a', 'term', 'Donbas A', [create]);
  const t2 = change(3000, 'b', 'term', 'Donbas B');
  const same = change(3500, 'c', 'term', 'Donbas A');
  const resolved = change(4000, 'a', 'term', 'Donbas R', [t1, t2]);
  it.each<[string, GlossaryChange[], string, string[]]>([
    [
      'a later edit that saw the earlier wins',
      [create, t1, change(2100, 'b', 'term', 'Donbas Z', [t1])],
      'Donbas Z',
      [],
    ],
    [
      'concurrent values: highest clock shown, conflict kept',
      [create, t1, t2],
      'Donbas B',
      [`field:${ENTRY}:term`],
    ],
    ['concurrent equal values are no conflict', [create, t1, same], 'Donbas A', []],
    ['a change whose bases name both closes the conflict', [create, t1, t2, resolved], 'Donbas R', []],
  ])('term register: %s', (_name, changes, term, conflicts) => {
    for (const order of permutations(changes)) {
      const entry = fold(order);
      expect(entry.term).toBe(term);
      expect(entry.conflicts.map((c) => c.id)).toEqual(conflicts);
    }
  });

  it('keeps every value of a field conflict, with the winner', () => {
    const [conflict] = fold([create, t1, t2]).conflicts;
    expect(conflict).toEqual({
      id: `field:${ENTRY}:term`,
      kind: 'field',
      entryId: ENTRY,
      field: 'term',
      values: [
        { changeId: t1.id, value: 'Donbas A', author: 'author-a', at: '1970-01-01T00:00:02.000Z' },
        { changeId: t2.id, value: 'Donbas B', author: 'author-b', at: '1970-01-01T00:00:03.000Z' },
      ],
      winner: t2.id,
    });
  });

  const edit = change(2000, 'b', 'notes', 'edited meanwhile', []);
  const seenDelete = change(3000, 'a', 'deleted', true, [create, edit]);
  const blindDelete = change(3000, 'a', 'deleted', true, [create]);
  const restore = change(4000, 'a', 'deleted', false, [blindDelete]);
  const concurrentRestore = change(3100, 'c', 'deleted', false, []);
  it.each<[string, GlossaryChange[], boolean, string[]]>([
    ['a delete that saw every head deletes', [create, edit, seenDelete], true, []],
    [
      'a delete that missed an edit keeps the entry, asking',
      [create, edit, blindDelete],
      false,
      [`delete-edit:${ENTRY}:deleted`],
    ],
    ['a restore after the delete keeps it, no conflict', [create, edit, blindDelete, restore], false, []],
    [
      'delete and restore apart: kept, field conflict',
      [create, seenDelete, edit, concurrentRestore],
      false,
      [`field:${ENTRY}:deleted`],
    ],
  ])('deleted: %s', (_name, changes, deleted, conflicts) => {
    for (const order of permutations(changes)) {
      const entry = fold(order);
      expect(entry.deleted).toBe(deleted);
      expect(entry.conflicts.map((c) => c.id)).toEqual(conflicts);
    }
  });

  it('shows the edit that kept a deleted entry as the delete-edit winner', () => {
    const [conflict] = fold([create, edit, blindDelete]).conflicts;
    expect(conflict).toMatchObject({ kind: 'delete-edit', field: 'deleted', winner: edit.id });
    expect(conflict?.values.map((v) => v.changeId)).toEqual([edit.id, blindDelete.id]);
  });

  it('adds up accepted counts: each device its latest count, on top of the snapshot', () => {
    const a1 = change(2000, 'a', 'accepted:donbass', 1);
    const a2 = change(2100, 'a', 'accepted:donbass', 2, [a1]);
    const b1 = change(2050, 'b', 'accepted:donbass', 3);
    const c1 = change(2200, 'c', 'accepted:dombas', 1);
    for (const order of permutations([create, a1, a2, b1, c1])) {
      const entry = fold(order);
      expect(entry.variants.map((v) => [v.text, v.acceptedCount])).toEqual([
        ['Donbass', 2 + 2 + 3],
        ['Dombas', 1],
      ]);
      expect(entry.conflicts).toEqual([]);
    }
  });

  it('orders variants by first appearance, so one taken out and put back keeps its place', () => {
    const added = change(2000, 'a', 'variant:donbasss', { text: 'Donbasss' });
    const removed = change(2100, 'a', 'variant:donbass', null);
    const back = change(2200, 'a', 'variant:donbass', { text: 'DONBASS' }, [removed]);
    expect(fold([create, added, removed]).variants.map((v) => v.text)).toEqual(['Dombas', 'Donbasss']);
    expect(fold([create, added, removed, back]).variants.map((v) => v.text)).toEqual([
      'DONBASS',
      'Dombas',
      'Donbasss',
    ]);
  });

  it('reads verified marks and rejections', () => {
    const verified = change(2000, 'b', 'verified', { by: 'Bo', at: '2024-01-01T00:00:00.000Z' });
    const rejected = change(2100, 'b', 'rejection:dun bass', { heardText: 'Dun Bass' });
    const entry = fold([create, verified, rejected]);
    expect(entry.verified).toEqual({ by: 'Bo', at: '2024-01-01T00:00:00.000Z' });
    expect(entry.rejections).toEqual([
      {
        key: 'dun bass',
        heardText: 'Dun Bass',
        changeId: rejected.id,
        at: '1970-01-01T00:00:02.100Z',
        by: 'author-b',
      },
    ]);
    // A rejection is not an edit of what the entry says.
    expect(entry.updatedAt).toBe('1970-01-01T00:00:02.000Z');
    expect(entry.updatedBy).toBe('author-b');
  });

  it('keeps the dates an older entry brought in its snapshot', () => {
    const old = change(5000, 'a', 'create', {
      ...snapshot,
      createdAt: '2024-10-01T00:00:00.000Z',
      createdBy: 'alice',
      updatedAt: '2024-10-02T00:00:00.000Z',
      updatedBy: 'bob',
    });
    expect(fold([old])).toMatchObject({
      createdAt: '2024-10-01T00:00:00.000Z',
      createdBy: 'alice',
      updatedAt: '2024-10-02T00:00:00.000Z',
      updatedBy: 'bob',
    });
  });
});

describe('entryHistory', () => {
  it('lists changes oldest first with the source as it read after each', () => {
    const source = change(3000, 'b', 'source', 'https://example.org/new');
    const notes = change(2000, 'a', 'notes', 'n');
    const history = entryHistory([source, notes, create]);
    expect(history.map((item) => [item.field, item.source, item.author])).toEqual([
      ['create', 'https://example.org', 'author-a'],
      ['notes', 'https://example.org', 'author-a'],
      ['source', 'https://example.org/new', 'author-b'],
    ]);
  });
});

describe('canonicalJson', () => {
  it.each<[JsonValue, JsonValue, boolean]>([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [[1, 2], [2, 1], false],
    [null, null, true],
  ])('%j vs %j', (a, b, equal) => {
    expect(canonicalJson(a) === canonicalJson(b)).toBe(equal);
  });
});
