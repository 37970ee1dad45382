/**
 * The rules every entry obeys, however it arrives (typed in, imported from CSV or JSON, merged).
 * Pure functions: they tidy the text, check it and say in plain words what is wrong.
 */
import { TERM_CATEGORIES, type TermCategory, type Variant } from '../../../shared/glossary/types';
import { GlossaryValidationError } from './glossary-errors';
import { textKey, tidyLine, tidyMultiline } from './glossary-text';

export const GLOSSARY_LIMITS = {
  termLength: 200,
  /** A form or a variant. */
  itemLength: 200,
  notesLength: 5000,
  sourceLength: 2000,
  /** A heard text a person rejected (a phrase from a transcript). */
  heardLength: 500,
} as const;

/** Joins forms and variants in one CSV field, so it cannot appear inside one. */
export const LIST_SEPARATOR = '|';

/** An entry's editable fields, tidied and checked: exactly what the store writes. */
export interface EntryFields {
  term: string;
  category: TermCategory;
  forms: string[];
  variants: Variant[];
  notes: string;
  source: string;
}

export type EntryFieldName = keyof EntryFields;
/** The fields that hold text a person wrote (all but the category). */
type TextField = Exclude<EntryFieldName, 'category'>;

/** The same fields before checking: from a person, a CSV row, a JSON entry or a merge. */
export interface UncheckedEntryFields {
  term: string;
  category: string;
  forms: readonly string[];
  variants: readonly Variant[];
  notes: string;
  source: string;
}

export function checkEntryFields(fields: UncheckedEntryFields): EntryFields {
  const term = checkTerm(fields.term);
  const termKey = textKey(term);
  const forms = checkForms(fields.forms, termKey);
  const variants = checkVariants(fields.variants, term, termKey, forms);
  return {
    term,
    category: parseCategory(fields.category),
    forms,
    variants,
    notes: checkFreeText(fields.notes, 'notes', GLOSSARY_LIMITS.notesLength),
    source: checkLine(fields.source, 'source', GLOSSARY_LIMITS.sourceLength),
  };
}

/** Case and surrounding spaces are forgiven ("Person " is person); anything else is refused. */
export function parseCategory(raw: string): TermCategory {
  const category = raw.trim().toLowerCase();
  if (category === '') return 'other';
  if (isTermCategory(category)) return category;
  throw new GlossaryValidationError(
    `Unknown category ${quote(raw)}; use one of: ${TERM_CATEGORIES.join(', ')}`,
    'category',
  );
}

export function isTermCategory(value: string): value is TermCategory {
  return (TERM_CATEGORIES as readonly string[]).includes(value);
}

/** Tidies and checks one heard spelling (a variant) on its own, e.g. before recording it. */
export function checkVariantText(text: string): string {
  const tidy = checkLine(text, 'variants', GLOSSARY_LIMITS.itemLength);
  if (tidy === '') throw new GlossaryValidationError('The heard text is empty', 'variants');
  checkNoSeparator(tidy, 'variants');
  return tidy;
}

/**
 * Tidies and checks a heard text a person rejected. It is never written to a CSV file, so unlike
 * a variant it may contain "|"; it must contain a letter or digit to mean anything (checked by
 * the store, which computes its phrase key).
 */
export function checkHeardText(text: string): string {
  const tidy = tidyLine(text);
  if (tidy === '') throw new GlossaryValidationError('The heard text is empty', 'heard');
  if (tidy.length > GLOSSARY_LIMITS.heardLength) {
    throw new GlossaryValidationError(
      `The heard text ${quote(tidy)} is ${tidy.length} characters long; the limit is ${GLOSSARY_LIMITS.heardLength}`,
      'heard',
    );
  }
  if (hasControlCharacter(tidy, '')) {
    throw new GlossaryValidationError(`The heard text ${quote(tidy)} contains a control character`, 'heard');
  }
  return tidy;
}

function checkTerm(raw: string): string {
  const term = checkLine(raw, 'term', GLOSSARY_LIMITS.termLength);
  if (term === '') throw new GlossaryValidationError('The term is empty', 'term');
  return term;
}

/** Tidies the forms, drops blanks and repeats (a form equal to the term adds nothing). */
function checkForms(raw: readonly string[], termKey: string): string[] {
  const seen = new Set([termKey]);
  const forms: string[] = [];
  for (const item of raw) {
    const form = checkLine(item, 'forms', GLOSSARY_LIMITS.itemLength);
    checkNoSeparator(form, 'forms');
    const key = textKey(form);
    if (form === '' || seen.has(key)) continue;
    seen.add(key);
    forms.push(form);
  }
  return forms;
}

/**
 * Tidies the variants and drops blanks; a repeated variant keeps its first place and the higher
 * count. A variant that is also the term or a form contradicts itself, so it is refused.
 */
function checkVariants(
  raw: readonly Variant[],
  term: string,
  termKey: string,
  forms: readonly string[],
): Variant[] {
  const correctKeys = new Map<string, string>([[termKey, 'the term']]);
  for (const form of forms) correctKeys.set(textKey(form), 'a form');
  const byKey = new Map<string, Variant>();
  for (const item of raw) {
    const text = checkLine(item.text, 'variants', GLOSSARY_LIMITS.itemLength);
    checkNoSeparator(text, 'variants');
    if (!Number.isSafeInteger(item.acceptedCount) || item.acceptedCount < 0) {
      throw new GlossaryValidationError(
        `The accepted count of variant ${quote(text)} must be a whole number of 0 or more`,
        'variants',
      );
    }
    if (text === '') continue;
    const key = textKey(text);
    const clash = correctKeys.get(key);
    if (clash !== undefined) {
      throw new GlossaryValidationError(
        `${quote(text)} cannot be a variant (a wrong spelling) of ${quote(term)}: it is ${clash}`,
        'variants',
      );
    }
    const earlier = byKey.get(key);
    if (earlier) earlier.acceptedCount = Math.max(earlier.acceptedCount, item.acceptedCount);
    else byKey.set(key, { text, acceptedCount: item.acceptedCount });
  }
  return [...byKey.values()];
}

/** How a message names one value of a field. */
const VALUE_LABELS: Record<TextField, string> = {
  term: 'term',
  forms: 'form',
  variants: 'variant',
  notes: 'notes',
  source: 'source',
};

function checkLine(raw: string, field: TextField, maxLength: number): string {
  const text = tidyLine(raw);
  checkLength(text, field, maxLength);
  if (hasControlCharacter(text, '')) {
    throw new GlossaryValidationError(
      `The ${VALUE_LABELS[field]} ${quote(text)} contains a control character`,
      field,
    );
  }
  return text;
}

function checkFreeText(raw: string, field: TextField, maxLength: number): string {
  const text = tidyMultiline(raw);
  checkLength(text, field, maxLength);
  // Line breaks and tabs belong in notes; other control characters are debris from binary files.
  if (hasControlCharacter(text, '\n\t')) {
    throw new GlossaryValidationError(`The ${VALUE_LABELS[field]} contain a control character`, field);
  }
  return text;
}

function checkLength(text: string, field: TextField, maxLength: number): void {
  if (text.length > maxLength) {
    throw new GlossaryValidationError(
      `The ${VALUE_LABELS[field]} ${quote(text)} is ${text.length} characters long; the limit is ${maxLength}`,
      field,
    );
  }
}

/** CSV export joins lists with "|", so a "|" inside an item could not survive a round trip. */
function checkNoSeparator(text: string, field: TextField): void {
  if (text.includes(LIST_SEPARATOR)) {
    throw new GlossaryValidationError(
      `${quote(text)} contains "${LIST_SEPARATOR}", which separates ${field} in CSV files; remove it`,
      field,
    );
  }
}

function hasControlCharacter(text: string, allowed: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (isControl && !allowed.includes(char)) return true;
  }
  return false;
}

/** Quotes a value for a message, shortened so one huge value cannot flood the screen. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `"${short}"`;
}

/** A count, limit or offset given to the store. */
export function checkWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new GlossaryValidationError(`The ${name} must be a whole number of 0 or more`);
  }
}

/** A stored date must read as one, or sorting and display of the entry go wrong later. */
export function checkDate(value: string, name: string): string {
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GlossaryValidationError(`The ${name} ${quote(value)} is not an ISO 8601 date and time`, name);
  }
  return value;
}
