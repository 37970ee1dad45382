/**
 * Checks a change that came from elsewhere before it touches the glossary. The rules depend only
 * on the change itself, so every member accepts or skips the same changes and folds the same set.
 * A value must already be in its tidy, checked form: the fold never has to repair one.
 */
import { phraseKey } from '../../../../shared/engine/tokenize';
import { canonicalJson, isObject } from '../../../../shared/glossary/merge';
import { HLC_MAX_WALL, parseHlc } from '../../../../shared/glossary/hlc';
import type { GlossaryChange, GlossaryChangeField, JsonValue } from '../../../../shared/glossary/sync-types';
import { GlossaryValidationError } from '../glossary-errors';
import { textKey } from '../glossary-text';
import { checkEntryFields, checkHeardText, checkVariantText, parseCategory } from '../glossary-validation';

const MAX_ID_LENGTH = 200;
const MAX_AUTHOR_LENGTH = 200;
const MAX_BASES = 1000;
/** oldValue is only shown in history; a bigger one is a broken or hostile log. */
const MAX_OLD_VALUE_LENGTH = 100_000;
const FIELDS = new Set(['create', 'term', 'category', 'notes', 'source', 'forms', 'verified', 'deleted']);

export type CheckedChange = { ok: true; change: GlossaryChange } | { ok: false; reason: string };

/** A change as received (parsed JSON of unknown shape). */
export function checkRemoteChange(raw: unknown): CheckedChange {
  try {
    return { ok: true, change: readChange(raw) };
  } catch (error) {
    if (error instanceof GlossaryValidationError || error instanceof ChangeShapeError) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
}

/** Checks the value a change (local resolution or remote) gives a field; throws GlossaryValidationError. */
export function checkFieldValue(field: GlossaryChangeField, value: JsonValue): void {
  const key = afterColon(field);
  if (field === 'create') return checkSnapshot(value);
  if (field === 'term')
    return sameAs(value, checkEntryFields(fieldsWith({ term: stringOf(value, field) })).term, field);
  if (field === 'category') return sameAs(value, parseCategory(stringOf(value, field)), field);
  if (field === 'notes' || field === 'source') {
    const checked = checkEntryFields(fieldsWith({ [field]: stringOf(value, field) }));
    return sameAs(value, checked[field], field);
  }
  if (field === 'forms') {
    if (!Array.isArray(value)) throw new GlossaryValidationError('forms must be a list of texts', field);
    const forms = value.map((item) => stringOf(item, field));
    // A term no form can repeat, so the check keeps every form.
    const checked = checkEntryFields(fieldsWith({ term: '\u2063', forms })).forms;
    return sameAs(value, checked, field);
  }
  if (field === 'verified') {
    if (value === null) return;
    if (!isObject(value) || typeof value['by'] !== 'string' || typeof value['at'] !== 'string') {
      throw new GlossaryValidationError('verified must be { by, at } or null', field);
    }
    if (Object.keys(value).length !== 2 || Number.isNaN(Date.parse(value['at']))) {
      throw new GlossaryValidationError('verified must be { by, at } with an ISO 8601 date', field);
    }
    return;
  }
  if (field === 'deleted') {
    if (typeof value !== 'boolean') throw new GlossaryValidationError('deleted must be true or false', field);
    return;
  }
  if (field.startsWith('variant:')) {
    if (value === null) return;
    if (!isObject(value) || typeof value['text'] !== 'string' || Object.keys(value).length !== 1) {
      throw new GlossaryValidationError('a variant must be { text } or null', field);
    }
    sameAs(value['text'], checkVariantText(value['text']), field);
    if (textKey(value['text']) !== key)
      throw new GlossaryValidationError(`the variant does not match ${field}`, field);
    return;
  }
  if (field.startsWith('accepted:')) {
    if (!Number.isSafeInteger(value))
      throw new GlossaryValidationError('an accepted count must be a whole number', field);
    return;
  }
  if (field.startsWith('rejection:')) {
    if (value === null) return;
    if (!isObject(value) || typeof value['heardText'] !== 'string' || Object.keys(value).length !== 1) {
      throw new GlossaryValidationError('a rejection must be { heardText } or null', field);
    }
    sameAs(value['heardText'], checkHeardText(value['heardText']), field);
    if (phraseKey(value['heardText']) !== key) {
      throw new GlossaryValidationError(`the rejection does not match ${field}`, field);
    }
    return;
  }
  throw new GlossaryValidationError(`unknown field ${JSON.stringify(field)}`);
}

class ChangeShapeError extends Error {}

function readChange(raw: unknown): GlossaryChange {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ChangeShapeError('not an object');
  const record = raw as Record<string, unknown>;
  const id = text(record, 'id', MAX_ID_LENGTH);
  const hlc = text(record, 'hlc', MAX_ID_LENGTH);
  const device = text(record, 'device', MAX_ID_LENGTH);
  const parsed = parseHlc(hlc);
  if (!parsed || parsed.wall > HLC_MAX_WALL) throw new ChangeShapeError(`bad clock ${JSON.stringify(hlc)}`);
  if (id !== hlc) throw new ChangeShapeError('id and hlc differ');
  if (parsed.device !== device) throw new ChangeShapeError('the clock names another device');
  const entryId = text(record, 'entryId', MAX_ID_LENGTH);
  const field = text(record, 'field', MAX_ID_LENGTH);
  if (!isKnownField(field)) throw new ChangeShapeError(`unknown field ${JSON.stringify(field)}`);
  const author = text(record, 'author', MAX_AUTHOR_LENGTH);
  const bases = record['bases'];
  if (
    !Array.isArray(bases) ||
    bases.length > MAX_BASES ||
    !bases.every((base) => typeof base === 'string' && parseHlc(base))
  ) {
    throw new ChangeShapeError('bases must be a list of clock stamps');
  }
  if (!('newValue' in record) || !('oldValue' in record)) throw new ChangeShapeError('a value is missing');
  const newValue = record['newValue'] as JsonValue;
  const oldValue = record['oldValue'] as JsonValue;
  if (canonicalJson(oldValue).length > MAX_OLD_VALUE_LENGTH)
    throw new ChangeShapeError('oldValue is too big');
  checkFieldValue(field, newValue);
  return { id, entryId, field, oldValue, newValue, bases: [...(bases as string[])], author, device, hlc };
}

function text(record: Record<string, unknown>, key: string, maxLength: number): string {
  const value = record[key];
  if (
    typeof value !== 'string' ||
    value === '' ||
    value.length > maxLength ||
    [...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f')
  ) {
    throw new ChangeShapeError(`${key} must be a non-empty line of text`);
  }
  return value;
}

function isKnownField(field: string): field is GlossaryChangeField {
  if (FIELDS.has(field)) return true;
  const colon = field.indexOf(':');
  if (colon < 0) return false;
  const prefix = field.slice(0, colon);
  return (
    (prefix === 'variant' || prefix === 'accepted' || prefix === 'rejection') && colon < field.length - 1
  );
}

function afterColon(field: string): string {
  return field.slice(field.indexOf(':') + 1);
}

function checkSnapshot(value: JsonValue): void {
  if (!isObject(value)) throw new GlossaryValidationError('create must carry the entry', 'create');
  const variants = value['variants'];
  if (!Array.isArray(variants)) throw new GlossaryValidationError('create must list variants', 'create');
  const forms = value['forms'];
  if (!Array.isArray(forms)) throw new GlossaryValidationError('create must list forms', 'create');
  const checked = checkEntryFields({
    term: stringOf(value['term'] ?? null, 'term'),
    category: stringOf(value['category'] ?? null, 'category'),
    forms: forms.map((form) => stringOf(form, 'forms')),
    variants: variants.map((variant) => {
      if (
        !isObject(variant) ||
        typeof variant['text'] !== 'string' ||
        typeof variant['acceptedCount'] !== 'number'
      ) {
        throw new GlossaryValidationError('a variant must be { text, acceptedCount }', 'variants');
      }
      return { text: variant['text'], acceptedCount: variant['acceptedCount'] };
    }),
    notes: stringOf(value['notes'] ?? null, 'notes'),
    source: stringOf(value['source'] ?? null, 'source'),
  });
  const { term, category, forms: checkedForms, variants: checkedVariants, notes, source } = checked;
  const given = {
    term: value['term'],
    category: value['category'],
    forms,
    variants,
    notes: value['notes'],
    source: value['source'],
  };
  const tidy = { term, category, forms: checkedForms, variants: checkedVariants, notes, source };
  if (canonicalJson(given as JsonValue) !== canonicalJson(tidy as unknown as JsonValue)) {
    throw new GlossaryValidationError('create carries untidy or repeated values', 'create');
  }
  for (const key of ['createdAt', 'createdBy', 'updatedAt', 'updatedBy']) {
    const item = value[key];
    if (item !== undefined && typeof item !== 'string')
      throw new GlossaryValidationError(`${key} must be text`, 'create');
  }
}

function fieldsWith(fields: Partial<Record<'term' | 'notes' | 'source', string>> & { forms?: string[] }) {
  return { term: 'x', category: '', forms: [], variants: [], notes: '', source: '', ...fields };
}

function stringOf(value: JsonValue, field: string): string {
  if (typeof value !== 'string') throw new GlossaryValidationError(`${field} must be text`, field);
  return value;
}

function sameAs(given: JsonValue, checked: JsonValue, field: string): void {
  if (canonicalJson(given) !== canonicalJson(checked)) {
    throw new GlossaryValidationError(`${field} is not in its tidy form`, field);
  }
}
