/**
 * Turns what a person typed in the search box into an FTS5 MATCH expression. Every word becomes
 * a quoted string (FTS5 operators such as AND, NOT, *, ^, :, parentheses and stray quotes lose
 * their meaning) followed by *, so each word matches as a prefix: "zwe" finds Zwetsloot.
 * A word with punctuation inside ("NK-23", "O'Carroll") becomes a phrase, matching the same
 * tokens in a row.
 */

/** More words than this add nothing to a glossary search and only slow the query. */
const MAX_SEARCH_WORDS = 16;

/** The MATCH expression, or undefined when the query has no letters or digits to search for. */
export function buildSearchExpression(query: string): string | undefined {
  const words = query
    .normalize('NFKC')
    .split(/\s+/u)
    // A word without letters or digits ("-", '"', "*") would be an empty phrase: FTS5 rejects it.
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return undefined;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}
