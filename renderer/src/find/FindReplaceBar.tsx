/**
 * The find and replace bar at the top of the open document: a query with its options (match case,
 * whole word, regular expression), a live count, next/previous, and replace one or replace all with
 * a preview. Matches are painted in the editor; replacing is one undo step each time.
 *
 * Keys: Enter / Shift+Enter next and previous match, Escape closes (or closes the preview first),
 * Ctrl/Cmd+F back to the query, Ctrl+H (Cmd+Alt+F) to the replacement. Keys typed in its fields
 * go no further, except Ctrl/Cmd shortcuts meant for the whole app.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { MAX_FIND_MATCHES, type FindOptions } from '../../../shared/document/find-replace';
import { isAppShortcut } from '../glossary/keys';
import { shortcutStore } from '../shortcuts/store';
import { countLabel, replacedLabel, seedQuery } from './match-navigation';
import { ReplacePreview } from './ReplacePreview';
import { useFindMatches, type FindState } from './useFindMatches';
import { FIND_BAR_CLASS, type FindRequest } from './useFindRequest';
import './find.css';

export interface FindReplaceBarProps {
  request: FindRequest;
  /** Closes the bar; the state is remembered for the next time it opens. */
  onClose: (state: FindState) => void;
}

const OPTIONS: readonly {
  key: keyof Omit<FindOptions, 'query'>;
  label: string;
  glyph: string;
  testId: string;
}[] = [
  { key: 'caseSensitive', label: 'Match case', glyph: 'Aa', testId: 'find-case' },
  { key: 'wholeWord', label: 'Whole word', glyph: 'ab', testId: 'find-word' },
  { key: 'regex', label: 'Regular expression', glyph: '.*', testId: 'find-regex' },
];

export function FindReplaceBar({ request, onClose }: FindReplaceBarProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const find = useFindMatches(initialState(request), request.anchor);
  const { options, search, current, currentIndex } = find;
  const [showReplace, setShowReplace] = useState(request.mode === 'replace');
  const [previewOpen, setPreviewOpen] = useState(false);
  const [notice, setNotice] = useState('');
  // Bumped to move focus to a field once it is rendered.
  const [focusQuery, setFocusQuery] = useState(0);
  const [focusReplace, setFocusReplace] = useState(0);
  const queryRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const replaceAllRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const ids = {
    query: useId(),
    replace: useId(),
    replaceRow: useId(),
    count: useId(),
    error: useId(),
    preview: useId(),
  };

  // Ctrl+F or Ctrl+H again while open: adjusted while rendering, as React advises for a prop change.
  const [handled, setHandled] = useState(request.serial);
  if (request.serial !== handled) {
    setHandled(request.serial);
    if (request.mode === 'replace') setShowReplace(true);
    find.restart(request.anchor, seedQuery(request.selected, options.regex));
    setFocusQuery((n) => n + 1);
  }

  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [focusQuery]);

  useEffect(() => {
    if (focusReplace === 0) return;
    replaceRef.current?.focus();
    replaceRef.current?.select();
  }, [focusReplace]);

  const matchCount = search.matches.length;
  const setOption = (patch: Partial<FindOptions>) => {
    find.setOptions(patch);
    setNotice('');
  };

  const close = () => {
    onClose({ options, replaceWith: find.replaceWith });
    editor.focus(undefined, { defaultSelection: 'rootStart' });
  };

  const replaceOne = () => {
    const result = find.replaceCurrent();
    if (result)
      setNotice(result.applied > 0 ? replacedLabel(1, 0) : 'Not replaced: the text there had changed.');
  };

  const closePreview = () => {
    setPreviewOpen(false);
    replaceAllRef.current?.focus();
  };

  const onBarKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const command = shortcutStore.commandFor(event.nativeEvent)?.command;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (previewOpen && previewRef.current?.contains(event.target as Node)) closePreview();
      else close();
    } else if (command === 'find' || command === 'replace') {
      // In the bar's own fields the app leaves these keys alone; here they move between fields.
      event.preventDefault();
      event.stopPropagation();
      if (command === 'replace') {
        setShowReplace(true);
        setFocusReplace((n) => n + 1);
      } else {
        setFocusQuery((n) => n + 1);
      }
    } else if (isFormControl(event.target) && !isAppShortcut(event)) {
      event.stopPropagation();
    }
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    find.step(event.shiftKey ? -1 : 1);
  };

  const count = countLabel(options.query, currentIndex, matchCount, search.truncated);

  return (
    <div
      className={FIND_BAR_CLASS}
      role="search"
      aria-label="Find and replace"
      onKeyDown={onBarKeyDown}
      data-testid="find-bar"
    >
      <div className="find-row">
        <button
          type="button"
          className="find-icon-button find-expand"
          aria-expanded={showReplace}
          aria-controls={showReplace ? ids.replaceRow : undefined}
          aria-label="Show replace"
          title="Show replace"
          onClick={() => setShowReplace((shown) => !shown)}
          data-testid="find-toggle-replace"
        >
          <span aria-hidden="true">{showReplace ? '▾' : '▸'}</span>
        </button>
        <label htmlFor={ids.query} className="visually-hidden">
          Find
        </label>
        <input
          ref={queryRef}
          id={ids.query}
          type="text"
          className="find-field"
          placeholder="Find"
          value={options.query}
          onChange={(event) => setOption({ query: event.target.value })}
          onKeyDown={onFieldKeyDown}
          aria-invalid={search.error !== null}
          aria-describedby={search.error !== null ? ids.error : ids.count}
          autoComplete="off"
          spellCheck={false}
          data-testid="find-query"
        />
        <div className="find-options" role="group" aria-label="Search options">
          {OPTIONS.map((option) => (
            <button
              key={option.key}
              type="button"
              className="find-icon-button find-option"
              aria-pressed={options[option.key]}
              aria-label={option.label}
              title={option.label}
              onClick={() => setOption({ [option.key]: !options[option.key] })}
              data-testid={option.testId}
            >
              <span aria-hidden="true">{option.glyph}</span>
            </button>
          ))}
        </div>
        <span id={ids.count} className="find-count" aria-live="polite" data-testid="find-count">
          {search.error === null ? count : ''}
        </span>
        <button
          type="button"
          className="find-icon-button"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          aria-disabled={matchCount === 0}
          onClick={() => find.step(-1)}
          data-testid="find-prev"
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="find-icon-button"
          aria-label="Next match"
          title="Next match (Enter)"
          aria-disabled={matchCount === 0}
          onClick={() => find.step(1)}
          data-testid="find-next"
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="find-icon-button find-close"
          aria-label="Close find and replace"
          title="Close (Esc)"
          onClick={close}
          data-testid="find-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {showReplace && (
        <div id={ids.replaceRow} className="find-row find-replace-row">
          <label htmlFor={ids.replace} className="visually-hidden">
            Replace with
          </label>
          <input
            ref={replaceRef}
            id={ids.replace}
            type="text"
            className="find-field"
            placeholder="Replace with"
            value={find.replaceWith}
            onChange={(event) => find.setReplaceWith(event.target.value)}
            onKeyDown={onFieldKeyDown}
            autoComplete="off"
            spellCheck={false}
            data-testid="find-replace"
          />
          <button
            type="button"
            className="button button-secondary find-button"
            aria-disabled={current === null}
            onClick={replaceOne}
            data-testid="find-replace-one"
          >
            Replace
          </button>
          <button
            ref={replaceAllRef}
            type="button"
            className="button button-secondary find-button"
            aria-disabled={matchCount === 0}
            aria-expanded={previewOpen}
            aria-controls={previewOpen ? ids.preview : undefined}
            onClick={() => matchCount > 0 && setPreviewOpen(true)}
            data-testid="find-replace-all"
          >
            Replace all…
          </button>
        </div>
      )}
      {search.error !== null && (
        <p id={ids.error} className="find-error" role="alert" data-testid="find-error">
          {search.error}
        </p>
      )}
      {search.truncated && (
        <p className="find-note" data-testid="find-truncated">
          Only the first {MAX_FIND_MATCHES.toLocaleString('en')} matches are shown; make the search narrower
          to reach the rest.
        </p>
      )}
      <p className="find-status" role="status" data-testid="find-status">
        {notice}
      </p>
      {showReplace && previewOpen && (
        <div ref={previewRef}>
          <ReplacePreview
            id={ids.preview}
            matches={search.matches}
            segments={find.previewSegments}
            onApply={(chosen) => {
              const result = find.replaceSome(chosen);
              setPreviewOpen(false);
              setNotice(replacedLabel(result.applied, result.skipped));
              setFocusReplace((n) => n + 1);
            }}
            onCancel={closePreview}
          />
        </div>
      )}
    </div>
  );
}

/** The state the bar opens with: as last time, with the selected text (if any) as the query. */
function initialState(request: FindRequest): FindState {
  const { initial } = request;
  const seed = seedQuery(request.selected, initial.options.regex);
  return seed === null ? initial : { ...initial, options: { ...initial.options, query: seed } };
}

function isFormControl(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
