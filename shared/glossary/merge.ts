/**
 * Folding an entry's changes into the entry (issue 7). Pure and order-free: the result depends
 * only on the set of changes, so every member holding the same changes sees the same entry.
 *
 * Each field is a register. Its heads are its changes that no other change of the same field
 * lists in `bases`; the head with the highest HLC wins, and heads with different values are a
 * conflict (all values kept). `accepted:<key>` is a per-device counter instead: each device's
 * latest count, summed. See docs/team-glossary.md.
 */
import { hlcIso } from './hlc';
import type {
  ConflictValue,
  EntryHistoryItem,
  GlossaryChange,
  GlossaryChangeField,
  GlossaryConflict,
  JsonValue,
  VerifiedMark,
} from './sync-types';

/** A `create` change's value: the entry's first fields, plus the dates of an entry older than its log. */
export interface EntrySnapshot {
  term: string;
  category: string;
  forms: string[];
  variants: { text: string; acceptedCount: number }[];
  notes: string;
  source: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface FoldedVariant {
  key: string;
  text: string;
  acceptedCount: number;
}

export interface FoldedRejection {
  key: string;
  heardText: string;
  changeId: string;
  at: string;
  by: string;
}

/** A conflict as the fold sees it; the store adds the entry's current term. */
export type EntryConflict = Omit<GlossaryConflict, 'term'>;

export interface FoldedEntry {
  id: string;
  /** False until the entry's `create` change is known. */
  exists: boolean;
  /** True when deleted and no concurrent edit keeps it. */
  deleted: boolean;
  term: string;
  category: string;
  forms: string[];
  variants: FoldedVariant[];
  notes: string;
  source: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  verified: VerifiedMark | null;
  rejections: FoldedRejection[];
  /** Every field's heads, highest HLC first: the bases of the next change to that field. */
  heads: Map<GlossaryChangeField, GlossaryChange[]>;
  /** Per variant key: each device's latest accepted count. */
  counters: Map<string, Map<string, number>>;
  conflicts: EntryConflict[];
}

export interface FoldOptions {
  /** The key a variant's text is filed under (`variant:<key>`); the store's textKey. */
  variantKey(text: string): string;
}

const VARIANT_PREFIX = 'variant:';
const ACCEPTED_PREFIX = 'accepted:';
const REJECTION_PREFIX = 'rejection:';

export function foldEntry(
  entryId: string,
  changes: readonly GlossaryChange[],
  options: FoldOptions,
): FoldedEntry {
  const only = changes.length === 1 ? changes[0] : undefined;
  if (only?.field === 'create') return foldCreated(entryId, only, options);
  const byField = groupByField(changes);
  const heads = new Map<GlossaryChangeField, GlossaryChange[]>();
  for (const [field, list] of byField) heads.set(field, headsOf(list));

  const create = heads.get('create')?.[0];
  const snapshot = readSnapshot(create?.newValue ?? null);
  const winnerValue = (field: GlossaryChangeField): JsonValue | undefined => heads.get(field)?.[0]?.newValue;
  const text = (field: GlossaryChangeField, fallback: string): string => {
    const value = winnerValue(field);
    return typeof value === 'string' ? value : fallback;
  };

  const counters = foldCounters(byField);
  const conflicts: EntryConflict[] = [];
  for (const [field, fieldHeads] of heads) {
    if (field.startsWith(ACCEPTED_PREFIX) || field === 'deleted') continue;
    if (distinctValues(fieldHeads)) conflicts.push(fieldConflict(entryId, field, fieldHeads, fieldHeads[0]));
  }
  const deletion = foldDeleted(entryId, heads);
  if (deletion.conflict) conflicts.push(deletion.conflict);
  conflicts.sort((a, b) => compareText(a.id, b.id));

  const createdAt = snapshot.createdAt ?? (create ? hlcIso(create.id) : '');
  const createdBy = snapshot.createdBy ?? create?.author ?? '';
  const lastEdit = latestEdit(changes);
  const verified = readVerified(winnerValue('verified'));
  return {
    id: entryId,
    exists: create !== undefined,
    deleted: deletion.deleted,
    term: text('term', snapshot.term),
    category: text('category', snapshot.category),
    forms: readStrings(winnerValue('forms')) ?? snapshot.forms,
    variants: foldVariants(byField, heads, snapshot, create, counters, options),
    notes: text('notes', snapshot.notes),
    source: text('source', snapshot.source),
    createdAt,
    createdBy,
    updatedAt: lastEdit ? hlcIso(lastEdit.id) : (snapshot.updatedAt ?? createdAt),
    updatedBy: lastEdit ? lastEdit.author : (snapshot.updatedBy ?? createdBy),
    verified,
    rejections: foldRejections(heads),
    heads,
    counters,
    conflicts,
  };
}

/**
 * The fold of a lone create change (every new entry, 100k of them in an import), without the
 * general machinery; it must read exactly as foldEntry's general path would.
 */
function foldCreated(entryId: string, create: GlossaryChange, options: FoldOptions): FoldedEntry {
  const snapshot = readSnapshot(create.newValue);
  const createdAt = snapshot.createdAt ?? hlcIso(create.id);
  const createdBy = snapshot.createdBy ?? create.author;
  const variants: FoldedVariant[] = [];
  const keys = new Set<string>();
  for (const variant of snapshot.variants) {
    const key = options.variantKey(variant.text);
    if (keys.has(key)) continue;
    keys.add(key);
    variants.push({ key, text: variant.text, acceptedCount: Math.max(0, variant.acceptedCount) });
  }
  return {
    id: entryId,
    exists: true,
    deleted: false,
    term: snapshot.term,
    category: snapshot.category,
    forms: snapshot.forms,
    variants,
    notes: snapshot.notes,
    source: snapshot.source,
    createdAt,
    createdBy,
    updatedAt: snapshot.updatedAt ?? createdAt,
    updatedBy: snapshot.updatedBy ?? createdBy,
    verified: null,
    rejections: [],
    heads: new Map([['create', [create]]]),
    counters: new Map(),
    conflicts: [],
  };
}

/** The changes of one field that no other change of that field replaces, highest HLC first. */
export function headsOf(changes: readonly GlossaryChange[]): GlossaryChange[] {
  const replaced = new Set<string>();
  for (const change of changes) for (const base of change.bases) replaced.add(base);
  const unique = new Map<string, GlossaryChange>();
  for (const change of changes) if (!replaced.has(change.id)) unique.set(change.id, change);
  return [...unique.values()].sort((a, b) => compareText(b.id, a.id));
}

/** Every head of every field: what a delete (or a merge that deletes) has seen. */
export function allHeadIds(entry: FoldedEntry): string[] {
  const ids: string[] = [];
  for (const list of entry.heads.values()) for (const change of list) ids.push(change.id);
  return ids.sort(compareText);
}

/** JSON with sorted keys: equal values give equal strings. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort(compareText);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function readSnapshot(value: JsonValue): EntrySnapshot {
  const object = isObject(value) ? value : {};
  const string = (key: string): string => {
    const item = object[key];
    return typeof item === 'string' ? item : '';
  };
  const optional = (key: string): string | undefined => {
    const item = object[key];
    return typeof item === 'string' ? item : undefined;
  };
  const variants: EntrySnapshot['variants'] = [];
  const rawVariants = object['variants'];
  if (Array.isArray(rawVariants)) {
    for (const item of rawVariants) {
      if (!isObject(item) || typeof item['text'] !== 'string') continue;
      const count = item['acceptedCount'];
      variants.push({ text: item['text'], acceptedCount: typeof count === 'number' ? count : 0 });
    }
  }
  const snapshot: EntrySnapshot = {
    term: string('term'),
    category: string('category'),
    forms: readStrings(object['forms']) ?? [],
    variants,
    notes: string('notes'),
    source: string('source'),
  };
  for (const key of ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const) {
    const item = optional(key);
    if (item !== undefined) snapshot[key] = item;
  }
  return snapshot;
}

export function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function groupByField(changes: readonly GlossaryChange[]): Map<GlossaryChangeField, GlossaryChange[]> {
  const byField = new Map<GlossaryChangeField, GlossaryChange[]>();
  for (const change of changes) {
    const list = byField.get(change.field);
    if (list) list.push(change);
    else byField.set(change.field, [change]);
  }
  return byField;
}

function distinctValues(heads: readonly GlossaryChange[]): boolean {
  const first = heads[0];
  if (!first || heads.length < 2) return false;
  const value = canonicalJson(first.newValue);
  return heads.some((head) => canonicalJson(head.newValue) !== value);
}

function fieldConflict(
  entryId: string,
  field: GlossaryChangeField,
  values: readonly GlossaryChange[],
  winner: GlossaryChange | undefined,
  kind: EntryConflict['kind'] = 'field',
): EntryConflict {
  return {
    id: `${kind}:${entryId}:${field}`,
    kind,
    entryId,
    field,
    values: [...values].sort((a, b) => compareText(a.id, b.id)).map(conflictValue),
    winner: winner?.id ?? '',
  };
}

function conflictValue(change: GlossaryChange): ConflictValue {
  return { changeId: change.id, value: change.newValue, author: change.author, at: hlcIso(change.id) };
}

/**
 * Deleted or not. Concurrent delete and restore: kept (nothing is lost), shown as a field
 * conflict. A delete that did not see a head of some field (an edit made meanwhile): kept, with a
 * delete-edit conflict until someone decides.
 */
function foldDeleted(
  entryId: string,
  heads: ReadonlyMap<GlossaryChangeField, GlossaryChange[]>,
): { deleted: boolean; conflict?: EntryConflict } {
  const deletes = heads.get('deleted') ?? [];
  if (deletes.length === 0) return { deleted: false };
  const kept = deletes.find((change) => change.newValue !== true);
  if (kept) {
    return distinctValues(deletes)
      ? { deleted: false, conflict: fieldConflict(entryId, 'deleted', deletes, kept) }
      : { deleted: false };
  }
  const seen = new Set<string>();
  for (const change of deletes) for (const base of change.bases) seen.add(base);
  const unseen: GlossaryChange[] = [];
  for (const [field, list] of heads) {
    if (field === 'deleted') continue;
    for (const change of list) if (!seen.has(change.id)) unseen.push(change);
  }
  if (unseen.length === 0) return { deleted: true };
  unseen.sort((a, b) => compareText(b.id, a.id));
  const conflict = fieldConflict(entryId, 'deleted', [...deletes, ...unseen], unseen[0], 'delete-edit');
  return { deleted: false, conflict };
}

function foldCounters(
  byField: ReadonlyMap<GlossaryChangeField, GlossaryChange[]>,
): Map<string, Map<string, number>> {
  const counters = new Map<string, Map<string, number>>();
  for (const [field, list] of byField) {
    if (!field.startsWith(ACCEPTED_PREFIX)) continue;
    const latest = new Map<string, GlossaryChange>();
    for (const change of list) {
      const earlier = latest.get(change.device);
      if (!earlier || compareText(change.id, earlier.id) > 0) latest.set(change.device, change);
    }
    const perDevice = new Map<string, number>();
    for (const [device, change] of latest) {
      perDevice.set(device, typeof change.newValue === 'number' ? change.newValue : 0);
    }
    counters.set(field.slice(ACCEPTED_PREFIX.length), perDevice);
  }
  return counters;
}

/**
 * Variants present now, in a stable order: the create snapshot's first (in its order), then the
 * others by the first change that ever added them, so one removed and put back keeps its place.
 */
function foldVariants(
  byField: ReadonlyMap<GlossaryChangeField, GlossaryChange[]>,
  heads: ReadonlyMap<GlossaryChangeField, GlossaryChange[]>,
  snapshot: EntrySnapshot,
  create: GlossaryChange | undefined,
  counters: ReadonlyMap<string, ReadonlyMap<string, number>>,
  options: FoldOptions,
): FoldedVariant[] {
  const found = new Map<string, FoldedVariant & { order: string; index: number; base: number }>();
  snapshot.variants.forEach((variant, index) => {
    const key = options.variantKey(variant.text);
    if (found.has(key)) return;
    found.set(key, {
      key,
      text: variant.text,
      acceptedCount: 0,
      order: create?.id ?? '',
      index,
      base: variant.acceptedCount,
    });
  });
  for (const [field, list] of byField) {
    if (!field.startsWith(VARIANT_PREFIX)) continue;
    const key = field.slice(VARIANT_PREFIX.length);
    const winner = heads.get(field)?.[0];
    const value = winner?.newValue;
    const earlier = found.get(key);
    if (!isObject(value) || typeof value['text'] !== 'string') {
      found.delete(key);
      continue;
    }
    if (earlier) {
      earlier.text = value['text'];
      continue;
    }
    const firstAdded = list
      .filter((change) => change.newValue !== null)
      .reduce((a, b) => (compareText(a.id, b.id) <= 0 ? a : b));
    found.set(key, { key, text: value['text'], acceptedCount: 0, order: firstAdded.id, index: 0, base: 0 });
  }
  return [...found.values()]
    .sort((a, b) => compareText(a.order, b.order) || a.index - b.index)
    .map(({ key, text, base }) => {
      let total = base;
      for (const count of counters.get(key)?.values() ?? []) total += count;
      return { key, text, acceptedCount: Math.max(0, total) };
    });
}

function foldRejections(heads: ReadonlyMap<GlossaryChangeField, GlossaryChange[]>): FoldedRejection[] {
  const rejections: FoldedRejection[] = [];
  for (const [field, list] of heads) {
    if (!field.startsWith(REJECTION_PREFIX)) continue;
    const winner = list[0];
    const value = winner?.newValue;
    if (!winner || !isObject(value) || typeof value['heardText'] !== 'string') continue;
    rejections.push({
      key: field.slice(REJECTION_PREFIX.length),
      heardText: value['heardText'],
      changeId: winner.id,
      at: hlcIso(winner.id),
      by: winner.author,
    });
  }
  return rejections.sort((a, b) => compareText(a.changeId, b.changeId));
}

/** The latest change that edits what the entry says (not its creation, deletion or rejections). */
function latestEdit(changes: readonly GlossaryChange[]): GlossaryChange | undefined {
  let latest: GlossaryChange | undefined;
  for (const change of changes) {
    if (
      change.field === 'create' ||
      change.field === 'deleted' ||
      change.field.startsWith(REJECTION_PREFIX)
    ) {
      continue;
    }
    if (!latest || compareText(change.id, latest.id) > 0) latest = change;
  }
  return latest;
}

function readVerified(value: JsonValue | undefined): VerifiedMark | null {
  if (!isObject(value)) return null;
  const { by, at } = value;
  return typeof by === 'string' && typeof at === 'string' ? { by, at } : null;
}

function readStrings(value: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string');
}

/**
 * The entry's changes oldest first, each with the source the entry had just after it (the
 * `source` register folded over the changes up to that one, the create snapshot's before that).
 */
export function entryHistory(changes: readonly GlossaryChange[]): EntryHistoryItem[] {
  const ordered = [...changes].sort((a, b) => compareText(a.id, b.id));
  const sourceHeads = new Map<string, GlossaryChange>();
  const createHeads = new Map<string, GlossaryChange>();
  const latest = (heads: ReadonlyMap<string, GlossaryChange>): GlossaryChange | undefined =>
    [...heads.values()].reduce<GlossaryChange | undefined>(
      (best, change) => (!best || compareText(change.id, best.id) > 0 ? change : best),
      undefined,
    );
  return ordered.map((change) => {
    const heads =
      change.field === 'source' ? sourceHeads : change.field === 'create' ? createHeads : undefined;
    if (heads) {
      for (const base of change.bases) heads.delete(base);
      heads.set(change.id, change);
    }
    const sourceChange = latest(sourceHeads);
    const source =
      sourceChange && typeof sourceChange.newValue === 'string'
        ? sourceChange.newValue
        : readSnapshot(latest(createHeads)?.newValue ?? null).source;
    return {
      changeId: change.id,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      author: change.author,
      at: hlcIso(change.id),
      source,
    };
  });
}
