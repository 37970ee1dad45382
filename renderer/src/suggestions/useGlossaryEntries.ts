/** The glossary entries behind the suggestions on screen (notes, source, category), fetched by id and cached. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import type { EditorSession } from '../editor/session';

export function useGlossaryEntries(
  session: EditorSession,
  termIds: readonly string[],
): ReadonlyMap<string, GlossaryEntry> {
  const revision = useSyncExternalStore(session.glossaryRevision.subscribe, session.glossaryRevision.get);
  const [entries, setEntries] = useState<ReadonlyMap<string, GlossaryEntry>>(new Map());
  // Consistency suggestions have no glossary entry (termId ''): asking for '' would be refused.
  const wanted = [...new Set(termIds)]
    .filter((id) => id !== '')
    .sort()
    .join(',');

  useEffect(() => {
    let cancelled = false;
    const ids = wanted === '' ? [] : wanted.split(',');
    if (ids.length === 0) return;
    session.api
      .getGlossaryEntries({ ids: ids.slice(0, 5000) })
      .then((found) => {
        if (!cancelled) setEntries(new Map(found.map((entry) => [entry.id, entry])));
      })
      .catch(() => {
        // Cards then show the suggestion without the entry's notes; the suggestion itself still works.
      });
    return () => {
      cancelled = true;
    };
  }, [session, wanted, revision]);

  return entries;
}
