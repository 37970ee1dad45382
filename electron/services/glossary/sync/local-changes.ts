/**
 * What a local edit records: the field-level changes that turn an entry as folded now into the
 * fields a person (or an import) wants. Each change's bases are the field's heads as known here.
 */
import type { EntrySnapshot, FoldedEntry } from '../../../../shared/glossary/merge';
import type { GlossaryChangeField, JsonValue } from '../../../../shared/glossary/sync-types';
import { textKey } from '../glossary-text';
import type { EntryFields } from '../glossary-validation';
import type { ChangeDraft } from './change-log';
import { tidyFolded } from './materialize';

/** Dates and authors a snapshot carries when the entry is older than its log (backfill, restore). */
export type Provenance = Pick<EntrySnapshot, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

export function createDraft(entryId: string, fields: EntryFields, provenance: Provenance = {}): ChangeDraft {
  const snapshot: EntrySnapshot = {
    term: fields.term,
    category: fields.category,
    forms: [...fields.forms],
    variants: fields.variants.map(({ text, acceptedCount }) => ({ text, acceptedCount })),
    notes: fields.notes,
    source: fields.source,
    ...provenance,
  };
  return { entryId, field: 'create', oldValue: null, newValue: snapshot as unknown as JsonValue, bases: [] };
}

export function headIds(entry: FoldedEntry, field: GlossaryChangeField): string[] {
  return (entry.heads.get(field) ?? []).map((change) => change.id);
}

/** A change of one field, replacing all its heads (a local write has seen them all). */
export function fieldDraft(
  entry: FoldedEntry,
  field: GlossaryChangeField,
  oldValue: JsonValue,
  newValue: JsonValue,
): ChangeDraft {
  return { entryId: entry.id, field, oldValue, newValue, bases: headIds(entry, field) };
}

/** The variant's count with every device's counter, before clamping at 0. */
export function rawCount(entry: FoldedEntry, key: string, snapshotBase: number): number {
  let total = snapshotBase;
  for (const count of entry.counters.get(key)?.values() ?? []) total += count;
  return total;
}

/** Sets this device's counter so the variant's total becomes `total`. */
export function countDraft(entry: FoldedEntry, device: string, key: string, total: number): ChangeDraft {
  const field: GlossaryChangeField = `accepted:${key}`;
  const own = entry.counters.get(key)?.get(device) ?? 0;
  const next = own + (total - rawCount(entry, key, snapshotBase(entry, key)));
  const bases = (entry.heads.get(field) ?? []).filter((change) => change.device === device).map((c) => c.id);
  return { entryId: entry.id, field, oldValue: own, newValue: next, bases };
}

/** The count an entry's create snapshot gave a variant (imported counts). */
export function snapshotBase(entry: FoldedEntry, key: string): number {
  const snapshot = entry.heads.get('create')?.[0]?.newValue;
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return 0;
  const variants = snapshot['variants'];
  if (!Array.isArray(variants)) return 0;
  for (const variant of variants) {
    if (typeof variant !== 'object' || variant === null || Array.isArray(variant)) continue;
    const text = variant['text'];
    const count = variant['acceptedCount'];
    if (typeof text === 'string' && textKey(text) === key) return typeof count === 'number' ? count : 0;
  }
  return 0;
}

/**
 * The changes that make the entry read as `fields`. A variant taken out also has this device's
 * counter set so its total is 0: put back later, it starts again from nothing, as before sync.
 */
export function editDrafts(entry: FoldedEntry, fields: EntryFields, device: string): ChangeDraft[] {
  const visible = tidyFolded(entry);
  const drafts: ChangeDraft[] = [];
  for (const field of ['term', 'category', 'notes', 'source'] as const) {
    if (visible[field] !== fields[field])
      drafts.push(fieldDraft(entry, field, visible[field], fields[field]));
  }
  if (JSON.stringify(visible.forms) !== JSON.stringify(fields.forms)) {
    drafts.push(fieldDraft(entry, 'forms', visible.forms, fields.forms));
  }
  const before = new Map(visible.variants.map((variant) => [variant.key, variant]));
  const after = new Map(fields.variants.map((variant) => [textKey(variant.text), variant]));
  for (const [key, old] of before) {
    if (after.has(key)) continue;
    drafts.push(fieldDraft(entry, `variant:${key}`, { text: old.text }, null));
    if (old.acceptedCount !== 0) drafts.push(countDraft(entry, device, key, 0));
  }
  for (const [key, variant] of after) {
    const old = before.get(key);
    if (old?.text !== variant.text) {
      drafts.push(
        fieldDraft(entry, `variant:${key}`, old ? { text: old.text } : null, { text: variant.text }),
      );
    }
    const current = rawCount(entry, key, snapshotBase(entry, key));
    if (current !== variant.acceptedCount) drafts.push(countDraft(entry, device, key, variant.acceptedCount));
  }
  return drafts;
}
