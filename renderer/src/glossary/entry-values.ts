/**
 * Pure helpers for the glossary panel: what the entry form holds, how its comma-separated fields
 * become lists, and how an entry is summarised in the result list. No DOM, no React.
 */
import type {
  GlossaryEntry,
  GlossaryEntryInput,
  TermCategory,
  Variant,
} from '../../../shared/glossary/types';

/** What the add/edit form holds while a person types: lists as one comma-separated line each. */
export interface EntryFormValues {
  term: string;
  category: TermCategory;
  /** Other correct spellings, comma-separated. */
  forms: string;
  /** Known mishearings, comma-separated (only when adding). */
  variants: string;
  notes: string;
  source: string;
}

/** The category a new entry starts with (the glossary's own default too). */
export const DEFAULT_CATEGORY: TermCategory = 'other';

const CATEGORY_LABELS: Record<TermCategory, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  publication: 'Publication',
  term: 'Term',
  other: 'Other',
};

export function categoryLabel(category: TermCategory): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** Trims and collapses runs of white space (a selection may span lines) to one space. */
export function tidyText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * "Donbass, Don bass ,, donbass" → ["Donbass", "Don bass"]: split at commas (and line breaks),
 * tidied, empty items dropped, repeats (ignoring case) kept once, first spelling wins.
 */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/[,\n\r]/)) {
    const item = tidyText(raw);
    const key = item.toLocaleLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

export function formatList(items: readonly string[]): string {
  return items.join(', ');
}

/** A blank add form, the term pre-filled (e.g. from the editor's selection). */
export function newEntryValues(term = ''): EntryFormValues {
  return { term: tidyText(term), category: DEFAULT_CATEGORY, forms: '', variants: '', notes: '', source: '' };
}

/** The edit form for an existing entry. Variants are not edited here (they are shown read-only). */
export function entryValues(entry: GlossaryEntry): EntryFormValues {
  return {
    term: entry.term,
    category: entry.category,
    forms: formatList(entry.forms),
    variants: '',
    notes: entry.notes,
    source: entry.source,
  };
}

/** The `entry` argument of addGlossaryEntry. */
export function toNewEntry(values: EntryFormValues): Required<GlossaryEntryInput> {
  return {
    term: tidyText(values.term),
    category: values.category,
    forms: parseList(values.forms),
    variants: parseList(values.variants),
    notes: values.notes.trim(),
    source: values.source.trim(),
  };
}

/** The `patch` argument of updateGlossaryEntry: every field the form shows. */
export function toPatch(values: EntryFormValues): Required<Omit<GlossaryEntryInput, 'variants'>> {
  return {
    term: tidyText(values.term),
    category: values.category,
    forms: parseList(values.forms),
    notes: values.notes.trim(),
    source: values.source.trim(),
  };
}

/** Why the form cannot be sent as it is, or null when it can. The Node side checks the rest. */
export function formProblem(values: EntryFormValues): string | null {
  return tidyText(values.term) === '' ? 'Type the term (its correct spelling).' : null;
}

/** At most `max` characters on one line, cut at a word where one is near, with "…" when cut. */
export function truncateText(text: string, max: number): string {
  const tidy = tidyText(text);
  if (tidy.length <= max) return tidy;
  const cut = tidy.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  const atWord = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${atWord.replace(/[\s,.;:]+$/, '')}…`;
}

/** A source as plain text: a URL without its scheme and "www." ("https://www.a.org/x" → "a.org/x"). */
export function sourceText(source: string): string {
  const tidy = tidyText(source);
  const match = /^https?:\/\/(?:www\.)?(.*?)\/?$/i.exec(tidy);
  return match?.[1] ? match[1] : tidy;
}

/** "1 variant", "3 variants", "no variants". */
export function variantCountLabel(count: number): string {
  if (count === 0) return 'no variants';
  return `${count.toLocaleString()} ${count === 1 ? 'variant' : 'variants'}`;
}

/** "accepted 3 times", "accepted once", "not accepted yet" (imported or typed in). */
export function acceptedLabel(variant: Variant): string {
  if (variant.acceptedCount === 0) return 'not accepted yet';
  if (variant.acceptedCount === 1) return 'accepted once';
  return `accepted ${variant.acceptedCount.toLocaleString()} times`;
}

/** “Term” in typographic quotes, as the panel's messages name entries. */
export function quoted(term: string): string {
  return `\u201c${term}\u201d`;
}

/** The message of anything an API call threw (ApiCallError carries the one to show). */
export function errorMessage(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}

/**
 * Exactly the fields restoreGlossaryEntry accepts (its schema is strict), copied from what
 * deleteGlossaryEntry returned.
 */
export function restorableEntry(entry: GlossaryEntry): GlossaryEntry {
  return {
    id: entry.id,
    term: entry.term,
    category: entry.category,
    forms: [...entry.forms],
    variants: entry.variants.map(({ text, acceptedCount }) => ({ text, acceptedCount })),
    notes: entry.notes,
    source: entry.source,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    createdBy: entry.createdBy,
    updatedBy: entry.updatedBy,
  };
}
