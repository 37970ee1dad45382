/**
 * Convergence under random concurrent edits: three members with their own files edit apart for
 * many rounds (seeded PRNG), exchange changes in shuffled order, split into random batches, some
 * withheld until later rounds. At the end every member, and fresh stores fed the same changes in
 * other orders, hold every change and read the same glossary and the same conflicts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  GlossaryNotFoundError,
  GlossaryStore,
  GlossaryValidationError,
} from '../../../../../electron/services/glossary/glossary-store';
import type { GlossaryChange } from '../../../../../shared/glossary/sync-types';
import { TERM_CATEGORIES } from '../../../../../shared/glossary/types';

let folder: string;
const opened: GlossaryStore[] = [];

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-team-convergence-'));
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function openStore(name: string): GlossaryStore {
  const store = GlossaryStore.open(path.join(folder, `${name}.db`), { author: name, device: `dev-${name}` });
  opened.push(store);
  return store;
}

/** mulberry32: a failing seed can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = ['Donbas', 'Kyiv', 'Kharkiv', 'Mariupol', 'Pyongyang', 'Choe Son Hui', 'Kim Yo Jong'];
const HEARD = ['Dun Bass', 'Key Eve', 'Car Keev', 'Mary Pole', 'Pyong Yang', 'Choi Sun Hee', 'Kim Yo Chong'];

function randomEdit(store: GlossaryStore, random: () => number, n: number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const entries = store.list();
  const roll = random();
  try {
    if (entries.length === 0 || roll < 0.12) {
      // Same terms on purpose: members create the same term apart.
      store.add({ term: `${pick(TERMS)}${random() < 0.5 ? '' : ` ${n % 3}`}`, variants: [pick(HEARD)] });
      return;
    }
    const entry = pick(entries);
    if (roll < 0.3) store.update(entry.id, { notes: `note ${n}` });
    else if (roll < 0.38) store.update(entry.id, { category: pick(TERM_CATEGORIES) });
    else if (roll < 0.44)
      store.update(entry.id, { forms: random() < 0.5 ? [] : [`${entry.term} form ${n % 2}`] });
    else if (roll < 0.48) store.update(entry.id, { term: `${entry.term.split(' ')[0]} ${n}` });
    else if (roll < 0.6) store.recordAcceptedVariant(entry.id, pick(HEARD));
    else if (roll < 0.65) store.undoAcceptedVariant(entry.id, pick(HEARD));
    else if (roll < 0.71) store.recordRejection(entry.id, pick(HEARD));
    else if (roll < 0.75) store.undoRejection(entry.id, pick(HEARD));
    else if (roll < 0.8) store.setVerified(entry.id, random() < 0.7);
    else if (roll < 0.86) store.remove(entry.id);
    else if (roll < 0.92) store.update(entry.id, { variants: entry.variants.slice(1) });
    else {
      const conflict = store.conflicts()[0];
      if (!conflict) return;
      if (conflict.kind === 'duplicate-term')
        store.resolveConflict(conflict.id, { mergeInto: conflict.otherEntryId! });
      else if (conflict.kind === 'delete-edit')
        store.resolveConflict(conflict.id, { deleteEntry: random() < 0.5 });
      else store.resolveConflict(conflict.id, { keep: pick(conflict.values).changeId });
    }
  } catch (error) {
    // A random edit may break a rule or miss an entry deleted meanwhile; that is fine.
    if (!(error instanceof GlossaryValidationError) && !(error instanceof GlossaryNotFoundError)) throw error;
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Applies the changes in random batches. */
function deliver(store: GlossaryStore, changes: readonly GlossaryChange[], random: () => number): void {
  let at = 0;
  while (at < changes.length) {
    const size = 1 + Math.floor(random() * 7);
    const report = store.applyRemoteChanges(changes.slice(at, at + size));
    expect(report.skipped).toEqual([]);
    at += size;
  }
}

function state(store: GlossaryStore) {
  return {
    digest: store.glossaryDigest(),
    entries: store.list(),
    conflicts: store.conflicts(),
    rejections: store
      .listRejections()
      .map(({ termId, heard, createdAt, createdBy }) => [termId, heard, createdAt, createdBy].join('|'))
      .sort(),
  };
}

it.each([1, 2, 3])('three members converge after random concurrent edits (seed %i)', (seed) => {
  const random = seeded(seed);
  const members = ['ana', 'ben', 'cho'].map(openStore);
  const log: GlossaryChange[] = [];
  const delivered = members.map(() => new Set<string>());
  let n = 0;
  for (let round = 0; round < 12; round++) {
    for (const store of members) {
      const edits = 1 + Math.floor(random() * 5);
      for (let i = 0; i < edits; i++) randomEdit(store, random, n++);
      const made = store.unpublishedChanges();
      store.markPublished(made.map((change) => change.id));
      log.push(...made);
    }
    // Each member gets a random part of what it has not seen, shuffled (causal order not kept).
    members.forEach((store, index) => {
      const seen = delivered[index]!;
      const pending = log.filter(
        (change) => !seen.has(change.id) && change.device !== `dev-${['ana', 'ben', 'cho'][index]}`,
      );
      const part = shuffled(pending, random).slice(0, Math.floor(random() * (pending.length + 1)));
      deliver(store, part, random);
      for (const change of part) seen.add(change.id);
    });
  }
  // Everything to everyone, shuffled again.
  members.forEach((store, index) => {
    deliver(
      store,
      shuffled(
        log.filter((change) => !delivered[index]!.has(change.id)),
        random,
      ),
      random,
    );
  });

  const ids = new Set(log.map((change) => change.id));
  expect(ids.size).toBe(log.length);
  expect(log.length).toBeGreaterThan(60);
  const expected = state(members[0]!);
  // The seeds are chosen so that clashes happen (field, delete-edit, duplicate-term among them).
  expect(expected.conflicts.length).toBeGreaterThan(0);
  expect(expected.entries.length).toBeGreaterThan(0);
  for (const store of members) {
    expect(store.changeCount()).toBe(ids.size);
    expect(state(store)).toEqual(expected);
    expect(store.unpublishedChanges()).toEqual([]);
  }
  // No change lost: every change shows in its entry's history on every member.
  const entryIds = new Set(log.map((change) => change.entryId));
  for (const store of members) {
    const seen = new Set([...entryIds].flatMap((id) => store.history(id).map((item) => item.changeId)));
    expect(seen).toEqual(ids);
  }
  // Fresh stores fed the same changes in other orders and batch splits read the same.
  for (let copy = 0; copy < 3; copy++) {
    const fresh = openStore(`fresh-${seed}-${copy}`);
    deliver(fresh, shuffled(log, random), random);
    expect(state(fresh)).toEqual(expected);
  }
  // The conflicts left are real and resolvable: resolve all on one member, then everyone agrees.
  const resolver = members[0]!;
  for (let guard = 0; guard < 50 && resolver.conflicts().length > 0; guard++) {
    const conflict = resolver.conflicts()[0]!;
    if (conflict.kind === 'duplicate-term')
      resolver.resolveConflict(conflict.id, { mergeInto: conflict.otherEntryId! });
    else if (conflict.kind === 'delete-edit') resolver.resolveConflict(conflict.id, { deleteEntry: false });
    else resolver.resolveConflict(conflict.id, { keep: conflict.winner });
  }
  expect(resolver.conflicts()).toEqual([]);
  const resolution = resolver.unpublishedChanges();
  for (const store of members.slice(1)) deliver(store, shuffled(resolution, random), random);
  const settled = state(resolver);
  for (const store of members) expect(state(store)).toEqual(settled);
});
