import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import {
  errorMessage,
  quoted,
  restorableEntry,
  toNewEntry,
  toPatch,
  type EntryFormValues,
} from './entry-values';

/** How long "Deleted “X”. Undo" is offered (unless another delete replaces it sooner). */
export const UNDO_OFFER_MS = 30_000;

export interface PanelNotice {
  text: string;
  /** 'error' notices are alerts; the others are polite status messages. */
  tone: 'status' | 'error';
}

export interface GlossaryEditing {
  notice: PanelNotice | null;
  /** The entry the last delete removed, while its undo is offered. */
  undoable: GlossaryEntry | null;
  /** Adds an entry; throws (the form shows why) when the Node side refuses it. */
  add(values: EntryFormValues): Promise<GlossaryEntry>;
  /** Saves the edit form; throws (the form shows why) when the Node side refuses it. */
  save(id: string, values: EntryFormValues): Promise<GlossaryEntry>;
  /** Deletes an entry and offers to undo; false (with an error notice) when it failed. */
  remove(entry: GlossaryEntry): Promise<boolean>;
  /** Puts back the entry of the undo offer. */
  undo(): Promise<void>;
  /** Shows an error notice (e.g. an entry that is gone when opened for editing). */
  fail(text: string): void;
  dismissNotice(): void;
}

/**
 * The glossary panel's changes: add, edit, delete with undo. After each change the search is
 * refreshed and `onChanged` runs, so the editor checks the document again.
 */
export function useGlossaryEditing(
  api: GlossaApi,
  onChanged: () => void,
  refresh: () => void,
): GlossaryEditing {
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const [undoable, setUndoable] = useState<GlossaryEntry | null>(null);
  /** Ids being deleted, so a repeated Delete key does not ask twice. */
  const deleting = useRef(new Set<string>());
  const restoring = useRef(false);

  // The offer ends after UNDO_OFFER_MS; a newer delete restarts the clock with its own entry.
  useEffect(() => {
    if (!undoable) return;
    const timer = window.setTimeout(() => {
      setUndoable(null);
      setNotice((current) => (current?.text === deletedText(undoable) ? null : current));
    }, UNDO_OFFER_MS);
    return () => window.clearTimeout(timer);
  }, [undoable]);

  const changed = useCallback(() => {
    refresh();
    onChanged();
  }, [refresh, onChanged]);

  const add = useCallback(
    async (values: EntryFormValues) => {
      const entry = await api.addGlossaryEntry({ entry: toNewEntry(values) });
      setNotice({ text: `Added ${quoted(entry.term)}`, tone: 'status' });
      changed();
      return entry;
    },
    [api, changed],
  );

  const save = useCallback(
    async (id: string, values: EntryFormValues) => {
      const entry = await api.updateGlossaryEntry({ id, patch: toPatch(values) });
      setNotice({ text: `Saved ${quoted(entry.term)}`, tone: 'status' });
      changed();
      return entry;
    },
    [api, changed],
  );

  const remove = useCallback(
    async (entry: GlossaryEntry) => {
      if (deleting.current.has(entry.id)) return false;
      deleting.current.add(entry.id);
      try {
        const removed = await api.deleteGlossaryEntry({ id: entry.id });
        setUndoable(removed);
        setNotice({ text: deletedText(removed), tone: 'status' });
        changed();
        return true;
      } catch (caught) {
        setNotice({ text: `Could not delete ${quoted(entry.term)}: ${errorMessage(caught)}`, tone: 'error' });
        refresh();
        return false;
      } finally {
        deleting.current.delete(entry.id);
      }
    },
    [api, changed, refresh],
  );

  const undo = useCallback(async () => {
    if (!undoable || restoring.current) return;
    restoring.current = true;
    try {
      const restored = await api.restoreGlossaryEntry({ entry: restorableEntry(undoable) });
      setUndoable((current) => (current === undoable ? null : current));
      setNotice({ text: `Restored ${quoted(restored.term)}`, tone: 'status' });
      changed();
    } catch (caught) {
      setNotice({
        text: `Could not restore ${quoted(undoable.term)}: ${errorMessage(caught)}`,
        tone: 'error',
      });
    } finally {
      restoring.current = false;
    }
  }, [api, changed, undoable]);

  const fail = useCallback((text: string) => setNotice({ text, tone: 'error' }), []);
  const dismissNotice = useCallback(() => setNotice(null), []);

  return { notice, undoable, add, save, remove, undo, fail, dismissNotice };
}

function deletedText(entry: GlossaryEntry): string {
  return `Deleted ${quoted(entry.term)}.`;
}
