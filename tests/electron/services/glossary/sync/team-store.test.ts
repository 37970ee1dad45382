/**
 * The team glossary inside GlossaryStore: local writes recorded as changes, stores with their own
 * files exchanging changes directly (no transport), conflicts and their resolution, history,
 * verified marks, and the backfill of a glossary made before the change log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/services/database/open-database';
import { GlossaryStore } from '../../../../../electron/services/glossary/glossary-store';
import { glossaryMigrations } from '../../../../../electron/services/glossary/migrations';
import type { GlossaryChange } from '../../../../../shared/glossary/sync-types';

let folder: string;
const open: GlossaryStore[] = [];

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-team-store-'));
});

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function member(name: string): GlossaryStore {
  const store = GlossaryStore.open(path.join(folder, `${name}.db`), { author: name, device: `dev-${name}` });
  open.push(store);
  return store;
}

/** Sends everything `from` has made and not yet sent to each of `to`. */
function send(from: GlossaryStore, ...to: GlossaryStore[]): GlossaryChange[] {
  const changes = from.unpublishedChanges();
  for (const store of to) store.applyRemoteChanges(changes);
  from.markPublished(changes.map((change) => change.id));
  return changes;
}

/** Everyone gets everyone's changes. */
function syncAll(...stores: GlossaryStore[]): void {
  const batches = stores.map((store) => ({ store, changes: send(store) }));
  for (const { store, changes } of batches) {
    for (const other of stores) if (other !== store) other.applyRemoteChanges(changes);
  }
}

function expectConverged(...stores: GlossaryStore[]): void {
  const [first, ...rest] = stores;
  for (const store of rest) {
    expect(store.list()).toEqual(first!.list());
    expect(store.conflicts()).toEqual(first!.conflicts());
    expect(
      store
        .listRejections()
        .map(({ termId, heard }) => [termId, heard])
        .sort(),
    ).toEqual(
      first!
        .listRejections()
        .map(({ termId, heard }) => [termId, heard])
        .sort(),
    );
    expect(store.glossaryDigest()).toBe(first!.glossaryDigest());
  }
}

describe('local writes are recorded as changes', () => {
  it('one change per field, bases = the heads seen, oldest first, until published', () => {
    const a = member('alice');
    const entry = a.add({ term: 'Donbas', category: 'place', variants: ['Donbass'] });
    a.update(entry.id, { notes: 'House style' });
    a.update(entry.id, { notes: 'House style, always' });
    a.recordAcceptedVariant(entry.id, 'Dombas');
    const changes = a.unpublishedChanges();
    expect(changes.map((c) => [c.field, c.newValue])).toEqual([
      [
        'create',
        {
          term: 'Donbas',
          category: 'place',
          forms: [],
          variants: [{ text: 'Donbass', acceptedCount: 0 }],
          notes: '',
          source: '',
        },
      ],
      ['notes', 'House style'],
      ['notes', 'House style, always'],
      ['variant:dombas', { text: 'Dombas' }],
      ['accepted:dombas', 1],
    ]);
    expect(changes[2]!.bases).toEqual([changes[1]!.id]);
    expect(changes[2]!.oldValue).toBe('House style');
    for (const change of changes) {
      expect(change).toMatchObject({
        entryId: entry.id,
        author: 'alice',
        device: 'dev-alice',
        hlc: change.id,
      });
      expect(change.id).toMatch(/^\d{13}-[0-9a-f]{4}-dev-alice$/);
    }
    expect([...changes].map((c) => c.id).sort()).toEqual(changes.map((c) => c.id));
    expect(a.unpublishedChanges(2)).toEqual(changes.slice(0, 2));
    a.markPublished(changes.slice(0, 3).map((c) => c.id));
    expect(a.unpublishedChanges()).toEqual(changes.slice(3));
    expect(a.changeCount()).toBe(5);
  });

  it('records deletes, restores, rejections and undos as changes too', () => {
    const a = member('alice');
    const entry = a.add({ term: 'Donbas', variants: ['Donbass'] });
    a.recordRejection(entry.id, 'Donbass');
    a.undoRejection(entry.id, 'Donbass');
    a.recordAcceptedVariant(entry.id, 'Donbasss');
    a.undoAcceptedVariant(entry.id, 'Donbasss');
    const before = a.get(entry.id)!;
    a.remove(entry.id);
    a.restore(before);
    const fields = a.unpublishedChanges().map((c) => [c.field, c.newValue]);
    expect(fields.slice(1)).toEqual([
      ['variant:donbass', null],
      ['rejection:donbass', { heardText: 'Donbass' }],
      ['rejection:donbass', null],
      ['variant:donbass', { text: 'Donbass' }],
      ['variant:donbasss', { text: 'Donbasss' }],
      ['accepted:donbasss', 1],
      ['accepted:donbasss', 0],
      ['variant:donbasss', null],
      ['deleted', true],
      ['deleted', false],
    ]);
    const deletion = a.unpublishedChanges().find((c) => c.field === 'deleted' && c.newValue === true)!;
    expect(deletion.bases.length).toBeGreaterThan(1);
    // The restored entry replays on another member exactly.
    const b = member('bob');
    send(a, b);
    expectConverged(a, b);
    expect(b.get(entry.id)).toEqual(a.get(entry.id));
  });

  it('keeps its device and the author a person set', () => {
    const file = path.join(folder, 'own.db');
    const first = GlossaryStore.open(file);
    const { device } = first.identity();
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    first.setAuthor('  Mi-rae   Kang ');
    first.close();
    const again = GlossaryStore.open(file);
    open.push(again);
    expect(again.identity()).toEqual({ author: 'Mi-rae Kang', device });
    expect(() => again.setAuthor(' ')).toThrow(/must be one line/);
  });
});

describe('two members', () => {
  it('exchange entries and converge; applying again changes nothing', () => {
    const a = member('alice');
    const b = member('bob');
    const donbas = a.add({ term: 'Donbas', forms: ['Donbas region'], notes: 'n' });
    const report = b.applyRemoteChanges(a.unpublishedChanges());
    expect(report).toEqual({
      received: 1,
      changedEntries: [{ id: donbas.id, term: 'Donbas', fields: ['create'] }],
      skipped: [],
    });
    expect(b.get(donbas.id)).toEqual(donbas);
    expect(b.applyRemoteChanges(a.unpublishedChanges())).toEqual({
      received: 0,
      changedEntries: [],
      skipped: [],
    });
    expect(b.unpublishedChanges()).toEqual([]);
    expectConverged(a, b);
  });

  it('keep both values of a field changed apart, show the highest clock, and converge on a resolution', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Zaporizhzhia' });
    syncAll(a, b);
    a.update(entry.id, { notes: 'from alice' });
    b.update(entry.id, { notes: 'from bob' });
    syncAll(a, b);
    expectConverged(a, b);
    const [conflict] = a.conflicts();
    expect(conflict).toMatchObject({
      id: `field:${entry.id}:notes`,
      kind: 'field',
      entryId: entry.id,
      term: 'Zaporizhzhia',
      field: 'notes',
    });
    expect(conflict!.values.map((v) => [v.value, v.author])).toEqual([
      ['from alice', 'alice'],
      ['from bob', 'bob'],
    ]);
    // The winner is the value with the highest clock, and that is what both show.
    const winner = conflict!.values.reduce((x, y) => (x.changeId > y.changeId ? x : y));
    expect(conflict!.winner).toBe(winner.changeId);
    expect(a.get(entry.id)).toMatchObject({ notes: winner.value, conflicted: true });

    const losing = conflict!.values.find((v) => v.changeId !== conflict!.winner)!;
    const resolved = b.resolveConflict(conflict!.id, { keep: losing.changeId });
    expect(resolved?.notes).toBe(losing.value);
    expect(resolved?.conflicted).toBeUndefined();
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.conflicts()).toEqual([]);
    expect(a.get(entry.id)?.notes).toBe(losing.value);

    // A typed value is checked like any edit.
    a.update(entry.id, { source: 'x' });
    b.update(entry.id, { source: 'y' });
    syncAll(a, b);
    const sourceConflict = a.conflicts()[0]!;
    expect(() => a.resolveConflict(sourceConflict.id, { value: 'a\u0001b' })).toThrow(/control character/);
    expect(a.resolveConflict(sourceConflict.id, { value: 'https://example.org' })?.source).toBe(
      'https://example.org',
    );
    syncAll(a, b);
    expectConverged(a, b);
    expect(b.conflicts()).toEqual([]);
  });

  it('keep an entry one deleted while the other edited it, and ask', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Mariupol', category: 'place' });
    syncAll(a, b);
    a.remove(entry.id);
    b.update(entry.id, { notes: 'Siege 2022' });
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.get(entry.id)).toMatchObject({ notes: 'Siege 2022', conflicted: true });
    const [conflict] = a.conflicts();
    expect(conflict).toMatchObject({
      id: `delete-edit:${entry.id}:deleted`,
      kind: 'delete-edit',
      field: 'deleted',
    });

    // Kept: the conflict closes everywhere and the entry stays.
    a.resolveConflict(conflict!.id, { deleteEntry: false });
    syncAll(a, b);
    expectConverged(a, b);
    expect(b.conflicts()).toEqual([]);
    expect(b.get(entry.id)?.notes).toBe('Siege 2022');

    // Deleted after all, on the next clash.
    a.remove(entry.id);
    b.update(entry.id, { notes: 'again' });
    syncAll(a, b);
    const next = b.conflicts()[0]!;
    expect(b.resolveConflict(next.id, { deleteEntry: true })).toBeNull();
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.get(entry.id)).toBeUndefined();
    expect(a.history(entry.id).at(-1)).toMatchObject({ field: 'deleted', newValue: true, author: 'bob' });
  });

  it('a delete after seeing every edit just deletes', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Kharkiv' });
    b.applyRemoteChanges(a.unpublishedChanges());
    b.update(entry.id, { notes: 'seen' });
    syncAll(a, b);
    a.remove(entry.id);
    syncAll(a, b);
    expectConverged(a, b);
    expect(b.get(entry.id)).toBeUndefined();
    expect(b.conflicts()).toEqual([]);
  });

  it('keep both entries of a term created apart, report the duplicate, and merge on request', () => {
    const a = member('alice');
    const b = member('bob');
    const first = a.add({ term: 'Kim Yo Jong', forms: ['Kim Yo-jong'], variants: ['Kim Yo Chong'] });
    a.recordAcceptedVariant(first.id, 'Kim Yo Chong');
    const second = b.add({
      term: 'kim yo jong',
      category: 'person',
      notes: 'Sister',
      variants: ['Kim Yo Chong', 'Kim Yojung'],
    });
    b.recordAcceptedVariant(second.id, 'Kim Yo Chong');
    b.recordRejection(second.id, 'Kim Jo Jong');
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.count()).toBe(2);
    const [conflict] = a.conflicts();
    expect(conflict).toMatchObject({ kind: 'duplicate-term', field: 'term' });
    expect([conflict!.entryId, conflict!.otherEntryId].sort()).toEqual([first.id, second.id].sort());
    expect(a.get(first.id)?.conflicted).toBe(true);
    // A local add still refuses the term.
    expect(() => a.add({ term: 'KIM YO JONG' })).toThrow(/already in the glossary/);

    const merged = b.resolveConflict(conflict!.id, { mergeInto: first.id });
    expect(merged).toMatchObject({
      id: first.id,
      term: 'Kim Yo Jong',
      category: 'person',
      forms: ['Kim Yo-jong'],
      variants: [
        { text: 'Kim Yo Chong', acceptedCount: 2 },
        { text: 'Kim Yojung', acceptedCount: 0 },
      ],
      notes: 'Sister',
    });
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.count()).toBe(1);
    expect(a.conflicts()).toEqual([]);
    expect(a.findRejection(first.id, 'Kim Jo Jong')).toBeDefined();
  });

  it('add up accepted counts from both', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Donbas', variants: ['Donbass'] });
    syncAll(a, b);
    a.recordAcceptedVariant(entry.id, 'Donbass');
    a.recordAcceptedVariant(entry.id, 'Donbass');
    b.recordAcceptedVariant(entry.id, 'Donbass');
    b.recordAcceptedVariant(entry.id, 'Dombas');
    a.recordAcceptedVariant(entry.id, 'Dombas');
    syncAll(a, b);
    expectConverged(a, b);
    expect(a.get(entry.id)?.variants).toEqual([
      { text: 'Donbass', acceptedCount: 3 },
      { text: 'Dombas', acceptedCount: 2 },
    ]);
    expect(a.conflicts()).toEqual([]);
    // Undo takes back only one's own acceptance.
    expect(b.undoAcceptedVariant(entry.id, 'Dombas')).toBe(true);
    syncAll(a, b);
    expect(a.get(entry.id)?.variants[1]).toEqual({ text: 'Dombas', acceptedCount: 1 });
  });

  it('share verified marks', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Choe Son Hui' });
    const verified = a.setVerified(entry.id, true);
    expect(verified.verified).toEqual({ by: 'alice', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    syncAll(a, b);
    expect(b.get(entry.id)?.verified).toEqual(verified.verified);
    expect(b.list()[0]?.verified).toEqual(verified.verified);
    expect(b.search('choe')[0]?.verified).toEqual(verified.verified);
    b.setVerified(entry.id, false);
    syncAll(a, b);
    expect(a.get(entry.id)?.verified).toBeUndefined();
    expectConverged(a, b);
  });

  it('show who changed what, when and the source given', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Pyongyang', source: 'https://example.org/a' });
    syncAll(a, b);
    b.update(entry.id, { source: 'https://example.org/b', notes: 'Capital' });
    syncAll(a, b);
    const history = a.history(entry.id);
    expect(history).toEqual(b.history(entry.id));
    expect(history.map((h) => [h.field, h.author, h.source])).toEqual([
      ['create', 'alice', 'https://example.org/a'],
      ['notes', 'bob', 'https://example.org/a'],
      ['source', 'bob', 'https://example.org/b'],
    ]);
    expect(history[2]).toMatchObject({
      oldValue: 'https://example.org/a',
      newValue: 'https://example.org/b',
    });
    expect(new Date(history[0]!.at).toISOString()).toBe(history[0]!.at);
    a.remove(entry.id);
    expect(a.history(entry.id)).toHaveLength(4);
    expect(a.history('nobody')).toEqual([]);
  });
});

describe('remote changes that break the rules', () => {
  it('are skipped with a reason, the rest applied', () => {
    const a = member('alice');
    const b = member('bob');
    a.add({ term: 'Kyiv' });
    const [good] = a.unpublishedChanges();
    const bad = [
      { ...good!, id: 'nonsense', hlc: 'nonsense' },
      {
        ...good!,
        id: `${good!.id}x`,
        hlc: `${good!.id}x`,
        device: 'dev-alicex',
        entryId: 'other',
        newValue: { term: '' },
      },
      {
        ...good!,
        id: good!.id.replace('-dev-alice', '-dev-eve'),
        hlc: good!.id.replace('-dev-alice', '-dev-eve'),
      },
      {
        ...good!,
        id: good!.id.replace('0000-dev', '0001-dev'),
        hlc: good!.id.replace('0000-dev', '0001-dev'),
        field: 'term',
        newValue: ' Kyiv ',
      },
      {
        ...good!,
        id: good!.id.replace('0000-dev', '0002-dev'),
        hlc: good!.id.replace('0000-dev', '0002-dev'),
        field: 'colour',
        newValue: 'red',
      },
      'not even an object',
    ] as unknown as GlossaryChange[];
    const report = b.applyRemoteChanges([...bad, good!]);
    expect(report.received).toBe(1);
    expect(report.skipped).toHaveLength(bad.length);
    for (const skip of report.skipped) {
      expect(skip.where).toMatch(/^change /);
      expect(skip.reason).not.toMatch(/\n/);
    }
    expect(b.count()).toBe(1);
    expect(b.changeCount()).toBe(1);
  });

  it('move the local clock past the remote one', () => {
    const a = member('alice');
    const b = member('bob');
    const entry = a.add({ term: 'Kyiv' });
    const future = Date.now() + 3_600_000;
    const stamp = `${future}-0000-dev-carol`;
    b.applyRemoteChanges([
      ...a.unpublishedChanges(),
      {
        id: stamp,
        hlc: stamp,
        entryId: entry.id,
        field: 'notes',
        oldValue: '',
        newValue: 'from the future',
        bases: [],
        author: 'carol',
        device: 'dev-carol',
      },
    ]);
    b.update(entry.id, { notes: 'after' });
    const [mine] = b.unpublishedChanges();
    expect(mine!.id > stamp).toBe(true);
    expect(mine!.bases).toEqual([stamp]);
  });
});

describe('a glossary from before the change log', () => {
  it('gets a create change per entry (and its rejections), by this device, keeping its dates', () => {
    const file = path.join(folder, 'old.db');
    const db = openDatabase(file, { migrations: glossaryMigrations.slice(0, 2) });
    db.prepare(
      `INSERT INTO entries (seq, id, term, term_key, category, notes, source, created_at, updated_at, created_by, updated_by)
       VALUES (1, 'e1', 'Donbas', 'donbas', 'place', '', '', '2024-10-01T00:00:00.000Z', '2024-10-02T00:00:00.000Z', 'alice', 'bob')`,
    ).run();
    db.prepare(
      `INSERT INTO variants (entry_id, position, text, text_key, accepted_count) VALUES ('e1', 0, 'Donbass', 'donbass', 4)`,
    ).run();
    db.prepare(
      `INSERT INTO rejections (entry_id, heard_text, heard_key, created_at, created_by) VALUES ('e1', 'Dun Bass', 'dun bass', '2024-10-03T00:00:00.000Z', 'bob')`,
    ).run();
    db.prepare(
      `INSERT INTO entries_search (rowid, term, forms, variants, notes) VALUES (1, 'Donbas', '', 'Donbass', '')`,
    ).run();
    db.close();

    const old = GlossaryStore.open(file, { author: 'carol', device: 'dev-carol' });
    open.push(old);
    const entry = old.get('e1')!;
    expect(entry).toMatchObject({
      createdAt: '2024-10-01T00:00:00.000Z',
      updatedBy: 'bob',
      variants: [{ text: 'Donbass', acceptedCount: 4 }],
    });
    const changes = old.unpublishedChanges();
    expect(changes.map((c) => [c.field, c.device, c.author])).toEqual([
      ['create', 'dev-carol', 'carol'],
      ['rejection:dun bass', 'dev-carol', 'carol'],
    ]);
    // Reopening does not log them again.
    old.close();
    open.pop();
    const again = GlossaryStore.open(file, { author: 'carol', device: 'dev-carol' });
    open.push(again);
    expect(again.changeCount()).toBe(2);

    const fresh = member('dave');
    fresh.applyRemoteChanges(changes);
    expect(fresh.get('e1')).toEqual(again.get('e1'));
    expect(fresh.findRejection('e1', 'dun bass')?.heard).toBe('Dun Bass');
    expectConverged(again, fresh);
  });
});

describe('two connections to one file (the app and the CLI)', () => {
  it('never give two changes the same stamp', () => {
    const file = path.join(folder, 'shared.db');
    const app = GlossaryStore.open(file, { author: 'app' });
    const cli = GlossaryStore.open(file, { author: 'cli' });
    open.push(app, cli);
    const entry = app.add({ term: 'Kyiv' });
    for (let i = 0; i < 20; i++) {
      (i % 2 === 0 ? app : cli).update(entry.id, { notes: `note ${i}` });
    }
    const ids = app.unpublishedChanges().map((change) => change.id);
    expect(new Set(ids).size).toBe(21);
    expect([...ids].sort()).toEqual(ids);
  });
});
