import { quoted, tidyText } from './entry-values';

/**
 * The line above the results, e.g. "3 matches for “Don”" or "The glossary is empty…".
 * `answered` is the query the results answer (null before the first answer).
 */
export function resultSummary(answered: string | null, count: number, limit: number): string {
  if (answered === null) return 'Loading the glossary…';
  const query = tidyText(answered);
  const number = count.toLocaleString();
  if (query === '') {
    if (count === 0) return 'The glossary is empty. Add an entry, or import a glossary file.';
    if (count >= limit) return `The first ${number} entries. Type to search.`;
    return count === 1 ? '1 entry' : `${number} entries`;
  }
  if (count === 0) return `Nothing matches ${quoted(query)}.`;
  if (count >= limit) return `The first ${number} matches for ${quoted(query)}`;
  return `${count === 1 ? '1 match' : `${number} matches`} for ${quoted(query)}`;
}
