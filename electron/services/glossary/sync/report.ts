/** Which fields of an entry a merge visibly changed, for the sync report. */
import type { GlossaryChangeField } from '../../../../shared/glossary/sync-types';
import type { GlossaryEntry } from '../../../../shared/glossary/types';
import { textKey } from '../glossary-text';

export interface ReportState {
  entry: GlossaryEntry;
  rejections: { key: string; text: string }[];
}

export function reportChanges(
  before: ReportState | undefined,
  after: ReportState | undefined,
): GlossaryChangeField[] {
  if (!before && !after) return [];
  if (!before) return ['create'];
  if (!after) return ['deleted'];
  const fields: GlossaryChangeField[] = [];
  for (const field of ['term', 'category', 'notes', 'source'] as const) {
    if (before.entry[field] !== after.entry[field]) fields.push(field);
  }
  if (JSON.stringify(before.entry.forms) !== JSON.stringify(after.entry.forms)) fields.push('forms');
  if (JSON.stringify(before.entry.verified ?? null) !== JSON.stringify(after.entry.verified ?? null)) {
    fields.push('verified');
  }
  const oldVariants = new Map(before.entry.variants.map((variant) => [textKey(variant.text), variant]));
  const newVariants = new Map(after.entry.variants.map((variant) => [textKey(variant.text), variant]));
  for (const key of new Set([...oldVariants.keys(), ...newVariants.keys()])) {
    const old = oldVariants.get(key);
    const next = newVariants.get(key);
    if (old?.text !== next?.text) fields.push(`variant:${key}`);
    else if (old?.acceptedCount !== next?.acceptedCount) fields.push(`accepted:${key}`);
  }
  const oldRejections = new Map(before.rejections.map((row) => [row.key, row.text]));
  const newRejections = new Map(after.rejections.map((row) => [row.key, row.text]));
  for (const key of new Set([...oldRejections.keys(), ...newRejections.keys()])) {
    if (oldRejections.get(key) !== newRejections.get(key)) fields.push(`rejection:${key}`);
  }
  return fields;
}
