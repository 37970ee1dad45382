/**
 * What happens when an imported entry meets the stored entry with the same term: lists are
 * unioned (stored order first), and a non-empty value in the file replaces the stored one.
 * Importing the same file twice therefore changes nothing the second time.
 */
import type { GlossaryImportErrorDetails } from './glossary-errors';
import type { EntryFields, UncheckedEntryFields } from './glossary-validation';

/** One entry read from an import file, with where it came from (for error messages). */
export interface ImportedEntry {
  /** Empty category, notes or source mean "not given": keep what is stored. */
  fields: UncheckedEntryFields;
  location: GlossaryImportErrorDetails;
}

export function mergeImportedEntry(
  stored: EntryFields,
  incoming: UncheckedEntryFields,
): UncheckedEntryFields {
  return {
    // Same term key, so at most the capitalisation or spacing differs: the file's spelling wins.
    term: incoming.term,
    category: preferGiven(incoming.category, stored.category),
    // Validation drops repeats and keeps the first occurrence, so concatenation is a union.
    forms: [...stored.forms, ...incoming.forms],
    // A variant in both keeps the higher accepted count (a CSV file carries none).
    variants: [...stored.variants, ...incoming.variants],
    notes: preferGiven(incoming.notes, stored.notes),
    source: preferGiven(incoming.source, stored.source),
  };
}

export function sameEntryFields(a: EntryFields, b: EntryFields): boolean {
  return (
    a.term === b.term &&
    a.category === b.category &&
    a.notes === b.notes &&
    a.source === b.source &&
    a.forms.length === b.forms.length &&
    a.forms.every((form, index) => form === b.forms[index]) &&
    a.variants.length === b.variants.length &&
    a.variants.every(
      (variant, index) =>
        variant.text === b.variants[index]?.text &&
        variant.acceptedCount === b.variants[index]?.acceptedCount,
    )
  );
}

function preferGiven(given: string, stored: string): string {
  return given.trim() === '' ? stored : given;
}
