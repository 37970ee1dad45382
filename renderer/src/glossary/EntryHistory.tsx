import { useEffect, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { EntryHistoryItem } from '../../../shared/glossary/sync-types';
import { errorMessage } from './entry-values';
import { historyText, shortDate } from './team-values';

interface EntryHistoryProps {
  api: GlossaApi;
  entryId: string;
  /** Changes when the entry changed, so an open history reloads. */
  updatedAt: string;
  id: string;
}

/** Who changed what in an entry, when, and the source the entry gave then; oldest first. */
export function EntryHistory({ api, entryId, updatedAt, id }: EntryHistoryProps) {
  const [items, setItems] = useState<EntryHistoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.getGlossaryHistory({ entryId }).then(
      (history) => {
        if (!current) return;
        setItems(history);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [api, entryId, updatedAt]);

  if (error) {
    return (
      <p className="team-history-error" id={id} role="alert">
        Could not load the history: {error}
      </p>
    );
  }
  if (!items)
    return (
      <p className="team-history-note" id={id}>
        Loading the history…
      </p>
    );
  if (items.length === 0)
    return (
      <p className="team-history-note" id={id}>
        No changes recorded yet.
      </p>
    );
  return (
    <ol className="team-history" id={id} aria-label="History" data-testid="team-history">
      {items.map((item, index) => (
        <li key={item.changeId} className="team-history-item" data-testid="team-history-item">
          <span className="team-history-who">{item.author}</span> {historyText(item)}
          <span className="team-history-when"> · {shortDate(item.at)}</span>
          {/* The source as it read then, shown where it was first given or changed. */}
          {item.source.trim() !== '' && item.source !== items[index - 1]?.source && (
            <span className="team-history-source"> · source: {item.source}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
