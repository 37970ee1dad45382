/**
 * How glossary text is tidied for storage and how it is keyed for comparison. One place, so
 * the store, the importers and the uniqueness rules all agree on when two spellings are "the same".
 */

/** Tidies a one-line value for storage: canonical Unicode (NFC), trimmed, inner whitespace collapsed. */
export function tidyLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Tidies free text (notes): canonical Unicode, Unix line ends, trimmed ends; inner lines kept. */
export function tidyMultiline(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
}

/**
 * The comparison key of a term, form or variant: compatibility-normalised (NFKC, so "ﬁ" = "fi"
 * and full-width letters = ASCII), case-folded, whitespace collapsed. Diacritics are kept:
 * "Zürich" and "Zurich" are different spellings, and house style cares about the difference.
 */
export function textKey(text: string): string {
  // Upper then lower approximates Unicode full case folding ("ß" → "SS" → "ss", "ς" → "σ").
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
