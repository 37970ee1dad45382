import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { GlossaryEntryItem } from './GlossaryEntryItem';

interface GlossaryResultsProps {
  ref?: Ref<HTMLUListElement>;
  entries: GlossaryEntry[];
  onEdit: (entry: GlossaryEntry) => void;
  /** Resolves true when the entry was deleted (the focus then moves to its neighbour). */
  onDelete: (entry: GlossaryEntry) => Promise<boolean>;
  /** Arrow Up on the first entry: back to the search box. */
  onLeaveTop: () => void;
  /** Names the list for screen readers, e.g. "Glossary entries". */
  label: string;
}

/**
 * The result list, one Tab stop: the arrow keys (and Home/End) move between entries, Enter edits
 * the focused one and Delete deletes it. After a delete the focus goes to the entry that took its
 * place (or the one before, or back to the search box).
 */
export function GlossaryResults({ ref, entries, onEdit, onDelete, onLeaveTop, label }: GlossaryResultsProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  /** Where the focus goes when the entry that had it is gone from the list. */
  const refocusAt = useRef<number | null>(null);
  const active = entries.some((entry) => entry.id === activeId) ? activeId : (entries[0]?.id ?? null);

  const focusAt = (index: number) => {
    const entry = entries[Math.max(0, Math.min(index, entries.length - 1))];
    if (entry) items.current.get(entry.id)?.focus();
  };

  useEffect(() => {
    const index = refocusAt.current;
    if (index === null) return;
    const focused = document.activeElement;
    // Only when the focus was lost with the deleted entry; never take it from elsewhere.
    if (focused && focused !== document.body && focused.isConnected) return;
    refocusAt.current = null;
    if (entries.length === 0) onLeaveTop();
    else {
      const entry = entries[Math.min(index, entries.length - 1)];
      if (entry) items.current.get(entry.id)?.focus();
    }
  }, [entries, onLeaveTop]);

  const remove = async (entry: GlossaryEntry, index: number) => {
    refocusAt.current = index;
    const deleted = await onDelete(entry);
    if (!deleted) refocusAt.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-entry-id]');
    const index = entries.findIndex((entry) => entry.id === item?.dataset.entryId);
    if (index < 0) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => (index === 0 ? onLeaveTop() : focusAt(index - 1)),
      Home: () => focusAt(0),
      End: () => focusAt(entries.length - 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <ul ref={ref} className="glossary-panel-list" role="list" aria-label={label} onKeyDown={onKeyDown}>
      {entries.map((entry, index) => (
        <GlossaryEntryItem
          key={entry.id}
          ref={(element) => {
            if (element) items.current.set(entry.id, element);
            else items.current.delete(entry.id);
          }}
          entry={entry}
          active={entry.id === active}
          onFocus={() => setActiveId(entry.id)}
          onEdit={() => onEdit(entry)}
          onDelete={() => void remove(entry, index)}
        />
      ))}
    </ul>
  );
}
