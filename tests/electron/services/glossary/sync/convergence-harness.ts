/**
 * Simulated team members for the convergence tests: each has its own SQLite glossary file and its
 * own transport to one shared place (a folder or a PostgreSQL database). They edit apart, with a
 * seeded random mix of edits plus a few deliberate clashes, then sync in a given order and again
 * until a whole pass moves nothing.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { GlossaryStore } from '../../../../../electron/services/glossary/glossary-store';
import { syncGlossary } from '../../../../../electron/services/glossary/sync/sync-round';
import type { SyncTransport } from '../../../../../electron/services/glossary/sync/transport';
import type { SyncReport } from '../../../../../shared/glossary/sync-types';
import { TERM_CATEGORIES } from '../../../../../shared/glossary/types';

export interface Member {
  name: string;
  path: string;
  store: GlossaryStore;
  transport: SyncTransport;
}

export type OpenTransport = (device: string, author: string) => Promise<SyncTransport>;

const NAMES = ['Mi-rae Kang', 'Alex Doe', 'Sam Okafor'];
const TERMS = [
  'Donbas',
  'Kyiv',
  'Zaporizhzhia',
  'Kharkiv',
  'Mariupol',
  'Pyongyang',
  'Choe Son Hui',
  'Kim Yo Jong',
];

export async function createMembers(dir: string, count: number, open: OpenTransport): Promise<Member[]> {
  const members: Member[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = NAMES[i]!;
    const path = join(dir, `member-${i}.db`);
    const store = GlossaryStore.open(path, { author: name });
    const transport = await open(store.identity().device, name);
    members.push({ name, path, store, transport });
  }
  return members;
}

export async function closeMembers(members: readonly Member[]): Promise<void> {
  for (const member of members) {
    await member.transport.close();
    member.store.close();
  }
}

/** A small PRNG (mulberry32) so a failing seed can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** One random edit: add, change a field, delete, accept or reject a heard text. */
export function randomEdit(member: Member, random: () => number, n: number): void {
  const { store } = member;
  const entries = store.list();
  const entry = pick(random, entries);
  const roll = random();
  try {
    if (!entry || roll < 0.15) {
      store.add({
        term: `${pick(random, TERMS)} ${member.name.split(' ')[0]} ${n}`,
        notes: `by ${member.name}`,
      });
    } else if (roll < 0.35) {
      store.update(entry.id, { notes: `${member.name} note ${n}` });
    } else if (roll < 0.45) {
      store.update(entry.id, { category: pick(random, TERM_CATEGORIES)! });
    } else if (roll < 0.55) {
      store.update(entry.id, { forms: [`${entry.term} form ${n}`] });
    } else if (roll < 0.62) {
      store.update(entry.id, { term: `${entry.term.split(' ')[0]} renamed ${n}` });
    } else if (roll < 0.72) {
      store.remove(entry.id);
    } else if (roll < 0.9) {
      store.recordAcceptedVariant(entry.id, pick(random, ['Donbass', 'Kiev', 'Harkiv', 'Pyong Yang'])!);
    } else {
      store.recordRejection(entry.id, pick(random, ['Don boss', 'key of', 'car key'])!);
    }
  } catch (error) {
    // A random edit may be refused (a duplicate term, a rejected variant): that is the store's rule.
    if (!(error instanceof Error) || !/Validation|Glossary/.test(error.name)) throw error;
  }
}

/** Every change id a member has made since the last call (its queue, read without draining it). */
export function pendingIds(member: Member): string[] {
  return member.store.unpublishedChanges().map((change) => change.id);
}

export async function syncInOrder(
  members: readonly Member[],
  order: readonly number[],
): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const index of order)
    reports.push(await syncGlossary(members[index]!.store, members[index]!.transport));
  return reports;
}

/** Syncs everyone in `order`, then again until a pass publishes and receives nothing. */
export async function syncUntilQuiet(members: readonly Member[], order: readonly number[]): Promise<number> {
  for (let pass = 1; pass <= 6; pass += 1) {
    const reports = await syncInOrder(members, pass === 1 ? order : members.map((_, i) => i));
    if (pass > 1 && reports.every((report) => report.published === 0 && report.received === 0)) return pass;
  }
  throw new Error('sync did not go quiet after 6 passes');
}

export function expectConverged(members: readonly Member[], allIds: ReadonlySet<string>): void {
  const [first, ...rest] = members;
  const conflicts = (member: Member) =>
    JSON.stringify([...member.store.conflicts()].sort((a, b) => a.id.localeCompare(b.id)));
  for (const member of rest) {
    expect(member.store.glossaryDigest(), `${member.name} vs ${first!.name}`).toBe(
      first!.store.glossaryDigest(),
    );
    expect(conflicts(member)).toBe(conflicts(first!));
  }
  for (const member of members) {
    expect(member.store.changeCount(), `${member.name} holds every change`).toBe(allIds.size);
    expect(member.store.unpublishedChanges()).toEqual([]);
  }
}

export function permutations(count: number): number[][] {
  if (count === 1) return [[0]];
  return permutations(count - 1).flatMap((rest) =>
    Array.from({ length: count }, (_, at) => [...rest.slice(0, at), count - 1, ...rest.slice(at)]),
  );
}

/**
 * The scenario both transports run: a shared start, then edits apart (random ones plus two
 * members changing the same notes and one deleting what another edits), then sync in `order`.
 */
export async function runScenario(members: readonly Member[], order: readonly number[], seed: number) {
  const random = seededRandom(seed);
  const allIds = new Set<string>();
  const track = () => members.forEach((member) => pendingIds(member).forEach((id) => allIds.add(id)));

  const founder = members[0]!;
  for (const term of TERMS.slice(0, 5)) founder.store.add({ term, notes: 'shared start' });
  track();
  await syncUntilQuiet(
    members,
    members.map((_, i) => i),
  );
  for (const member of members) expect(member.store.count()).toBe(5);

  // Apart: deliberate clashes first, then random edits.
  const clash = founder.store.findByTerm('Donbas')!;
  const doomed = founder.store.findByTerm('Kyiv')!;
  members.forEach((member) => member.store.update(clash.id, { notes: `Donbas note from ${member.name}` }));
  members[1]!.store.remove(doomed.id);
  founder.store.update(doomed.id, { notes: 'still needed' });
  for (let n = 0; n < 12; n += 1) for (const member of members) randomEdit(member, random, n);
  track();

  const passes = await syncUntilQuiet(members, order);
  expectConverged(members, allIds);
  const kinds = new Set(founder.store.conflicts().map((conflict) => conflict.kind));
  expect(kinds.has('field')).toBe(true);
  return { passes, conflicts: founder.store.conflicts().length, changes: allIds.size };
}
