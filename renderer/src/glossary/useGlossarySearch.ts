import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { errorMessage } from './entry-values';

/** How long typing must pause before the glossary is searched. */
export const SEARCH_DELAY_MS = 120;
/** How many entries one search shows at most. */
export const SEARCH_LIMIT = 50;
/** The longest query the API accepts. */
export const MAX_QUERY_LENGTH = 500;

export interface GlossarySearch {
  query: string;
  setQuery(query: string): void;
  /** The entries of the newest answer (an empty query lists the first entries). */
  results: GlossaryEntry[];
  /** The query `results` answer; null until the first answer arrives. */
  answered: string | null;
  /** Why the last search failed, until one succeeds. */
  error: string | null;
  /** Searches again now for the current query, e.g. after an entry was added or deleted. */
  refresh(): void;
}

/**
 * Search-as-you-type over the glossary: debounced, and an answer that arrives after a newer
 * search was started is dropped, so an older response never replaces a newer one.
 */
export function useGlossarySearch(api: GlossaApi): GlossarySearch {
  const [query, setQueryState] = useState('');
  const [reloads, setReloads] = useState(0);
  const [results, setResults] = useState<GlossaryEntry[]>([]);
  const [answered, setAnswered] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Numbers the searches; only the newest one's answer is used. */
  const latest = useRef(0);
  /** True when the next search should not wait (a refresh, not typing). */
  const immediate = useRef(true);

  useEffect(() => {
    const request = ++latest.current;
    const delay = immediate.current ? 0 : SEARCH_DELAY_MS;
    immediate.current = false;
    let started = false;
    const timer = window.setTimeout(() => {
      started = true;
      if (request !== latest.current) return;
      api.searchGlossary({ query: query.slice(0, MAX_QUERY_LENGTH), limit: SEARCH_LIMIT }).then(
        (entries) => {
          if (request !== latest.current) return;
          setResults(entries);
          setAnswered(query);
          setError(null);
        },
        (caught: unknown) => {
          if (request !== latest.current) return;
          setError(errorMessage(caught));
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      // A refresh cancelled before it started (StrictMode's second run, a keystroke) stays immediate.
      if (!started && delay === 0) immediate.current = true;
    };
  }, [api, query, reloads]);

  const setQuery = useCallback((next: string) => setQueryState(next), []);
  const refresh = useCallback(() => {
    immediate.current = true;
    setReloads((count) => count + 1);
  }, []);

  return { query, setQuery, results, answered, error, refresh };
}
