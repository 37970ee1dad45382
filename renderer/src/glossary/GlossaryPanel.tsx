import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { EntryForm } from './EntryForm';
import { entryValues, newEntryValues, quoted, type EntryFormValues } from './entry-values';
import { GlossaryResults } from './GlossaryResults';
import { GlossaryExport } from './GlossaryExport';
import { GlossaryStatusBar } from './GlossaryStatusBar';
import { GlossaryTeam } from './GlossaryTeam';
import { isAppShortcut, isUndoKey } from './keys';
import { resultSummary } from './result-summary';
import { TeamGlossaryContext } from './team-context';
import { useGlossaryEditing } from './useGlossaryEditing';
import { MAX_QUERY_LENGTH, SEARCH_LIMIT, useGlossarySearch } from './useGlossarySearch';
import './glossary-panel.css';

export interface GlossaryPanelProps {
  api: GlossaApi;
  /** The text selected in the editor right now ('' when none); read when the person asks to add an entry. */
  getSelectedText: () => string;
  /** Called after any change to the glossary (add, edit, delete, undo of a delete) so the editor re-checks the document. */
  onGlossaryChanged: () => void;
  /** Bumped by the app to open the add form pre-filled from the selection (menu "Add entry from selection", Ctrl/Cmd+Shift+G). */
  addRequest: number;
  /** Bumped by the app to focus the search box. */
  focusRequest?: number;
  /** Bumped by the app when the glossary changed elsewhere (an import, a learned variant), so the list reloads. */
  reloadRequest?: number;
}

/** What the form is doing; `serial` gives each opening a fresh form. */
type FormState =
  | { mode: 'add'; initial: EntryFormValues; serial: number }
  | { mode: 'edit'; entry: GlossaryEntry; serial: number };

/**
 * The glossary side panel: search as you type, add (from the editor's selection too), edit, and
 * delete with undo. Keys typed in its fields stay in the panel, so the editor's shortcuts
 * (F8, Alt+Enter, …) do not fire while a person types here.
 */
export function GlossaryPanel({
  api,
  getSelectedText,
  onGlossaryChanged,
  addRequest,
  focusRequest = 0,
  reloadRequest = 0,
}: GlossaryPanelProps): JSX.Element {
  const search = useGlossarySearch(api);
  const { refresh } = search;
  const editing = useGlossaryEditing(api, onGlossaryChanged, refresh);
  const team = useMemo(() => ({ api, onEntryChanged: refresh }), [api, refresh]);
  const [form, setForm] = useState<FormState | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const searchId = useId();
  const summaryId = useId();

  const openAdd = (term: string) =>
    setForm((current) => ({ mode: 'add', initial: newEntryValues(term), serial: nextSerial(current) }));

  // The app's "Add entry from selection": adjusted while rendering, as React advises for a prop change.
  const [handledAdd, setHandledAdd] = useState(addRequest);
  if (addRequest !== handledAdd) {
    setHandledAdd(addRequest);
    openAdd(getSelectedText());
  }

  const handledFocus = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === handledFocus.current) return;
    handledFocus.current = focusRequest;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusRequest]);

  const handledReload = useRef(reloadRequest);
  useEffect(() => {
    if (reloadRequest === handledReload.current) return;
    handledReload.current = reloadRequest;
    refresh();
  }, [reloadRequest, refresh]);

  const { fail } = editing;
  /** Numbers the edit requests: only the newest opens its form. */
  const editRequest = useRef(0);
  const openEdit = useCallback(
    async (entry: GlossaryEntry) => {
      const request = ++editRequest.current;
      // The list may be a moment old (another window, a learned variant): edit the stored entry.
      let fresh: GlossaryEntry | undefined = entry;
      try {
        [fresh] = await api.getGlossaryEntries({ ids: [entry.id] });
      } catch {
        fresh = entry;
      }
      if (request !== editRequest.current) return;
      if (!fresh) {
        fail(`${quoted(entry.term)} is no longer in the glossary.`);
        refresh();
        return;
      }
      const entryToEdit = fresh;
      setForm((current) => ({ mode: 'edit', entry: entryToEdit, serial: nextSerial(current) }));
    },
    [api, fail, refresh],
  );

  const closeForm = useCallback(() => setForm(null), []);

  // A second click keeps what is typed in the add form and goes back to it.
  const onAddClick = () => {
    const openTerm = sectionRef.current?.querySelector<HTMLInputElement>(
      '[data-testid="glossary-form-term"]',
    );
    if (form?.mode === 'add' && openTerm) openTerm.focus();
    else openAdd(getSelectedText());
  };

  const { remove } = editing;
  const deleteEntry = useCallback(
    async (entry: GlossaryEntry) => {
      const deleted = await remove(entry);
      // Nothing is left to edit once the entry is gone.
      if (deleted)
        setForm((current) => (current?.mode === 'edit' && current.entry.id === entry.id ? null : current));
      return deleted;
    },
    [remove],
  );

  const submit = async (values: EntryFormValues) => {
    if (!form) return;
    if (form.mode === 'add') await editing.add(values);
    else await editing.save(form.entry.id, values);
    // Close this form only: "Add entry from selection" may have opened another meanwhile.
    setForm((current) => (current?.serial === form.serial ? null : current));
  };

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const first = listRef.current?.querySelector<HTMLElement>('[data-entry-id]');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && search.query !== '') {
      event.preventDefault();
      search.setQuery('');
    }
  };

  // Ctrl/Cmd+Z anywhere in the panel but a text field (which keeps its own typing undo) puts back
  // the entry just deleted. Keys that start in the panel's fields, or that the panel used, go no
  // further, so the editor's shortcuts do not act on them; Ctrl/Cmd shortcuts for the app (Ctrl+O,
  // Ctrl+Shift+G) still pass.
  const onPanelKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (editing.undoable && isUndoKey(event) && !isTextField(event.target)) {
      event.preventDefault();
      void editing.undo();
    }
    if (event.defaultPrevented || (isFormControl(event.target) && !isAppShortcut(event))) {
      event.stopPropagation();
    }
  };

  const summary = resultSummary(search.answered, search.results.length, SEARCH_LIMIT);

  return (
    <section ref={sectionRef} className="glossary-panel" aria-label="Glossary" onKeyDown={onPanelKeyDown}>
      <div className="glossary-panel-header">
        <h2 className="glossary-panel-title">Glossary</h2>
        <button
          type="button"
          className="button button-secondary glossary-panel-button"
          onClick={onAddClick}
          aria-expanded={form?.mode === 'add'}
          data-testid="glossary-add"
        >
          Add entry
        </button>
      </div>

      <GlossaryTeam api={api} onListChanged={refresh} onGlossaryChanged={onGlossaryChanged} />

      {form && (
        <EntryForm
          key={form.serial}
          mode={form.mode}
          initial={form.mode === 'add' ? form.initial : entryValues(form.entry)}
          variants={form.mode === 'edit' ? form.entry.variants : undefined}
          onSubmit={submit}
          onCancel={closeForm}
        />
      )}

      <div className="glossary-panel-search" role="search">
        <label htmlFor={searchId} className="glossary-panel-label">
          Search glossary
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          className="glossary-panel-search-input"
          value={search.query}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => search.setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-describedby={summaryId}
          autoComplete="off"
          spellCheck={false}
          data-testid="glossary-search"
        />
      </div>

      <p className="glossary-panel-summary" id={summaryId} aria-live="polite" data-testid="glossary-summary">
        {search.error ? `Could not search the glossary: ${search.error}` : summary}
      </p>

      <TeamGlossaryContext value={team}>
        <GlossaryResults
          ref={listRef}
          entries={search.results}
          label="Glossary entries"
          onEdit={(entry) => void openEdit(entry)}
          onDelete={deleteEntry}
          onLeaveTop={focusSearch}
        />
      </TeamGlossaryContext>

      <GlossaryExport api={api} />

      <GlossaryStatusBar
        notice={editing.notice}
        undoTerm={editing.undoable?.term ?? null}
        onUndo={() => void editing.undo()}
        onDismiss={editing.dismissNotice}
      />
    </section>
  );
}

/** A new number for the form about to open, so replacing an open form mounts a fresh one. */
function nextSerial(current: FormState | null): number {
  return (current?.serial ?? 0) + 1;
}

/** Where keys type or choose: they belong to the field, not to the editor. */
function isFormControl(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** A field with its own typing undo (Ctrl+Z there undoes typing, not a delete). */
function isTextField(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type)
  );
}
