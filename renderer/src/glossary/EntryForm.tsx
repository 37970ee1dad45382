import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { TERM_CATEGORIES, type Variant } from '../../../shared/glossary/types';
import {
  acceptedLabel,
  categoryLabel,
  errorMessage,
  formProblem,
  type EntryFormValues,
} from './entry-values';
import { isSubmitKey } from './keys';

interface EntryFormProps {
  mode: 'add' | 'edit';
  initial: EntryFormValues;
  /** Edit mode: the entry's known mishearings, shown read-only with how often each was accepted. */
  variants?: readonly Variant[];
  /** Saves the values; rejects (e.g. ApiCallError "The term … is already in the glossary") to show why. */
  onSubmit: (values: EntryFormValues) => Promise<void>;
  onCancel: () => void;
}

/** Variant lists longer than this scroll inside the form. */
const SCROLLING_VARIANTS = 6;

/**
 * The add/edit form. It takes the focus when it opens and gives it back to whatever had it (the
 * Add button, the entry, the editor) when it closes. A refused save keeps everything typed.
 */
export function EntryForm({ mode, initial, variants = [], onSubmit, onCancel }: EntryFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const termRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    term: `${id}-term`,
    category: `${id}-category`,
    forms: `${id}-forms`,
    formsHint: `${id}-forms-hint`,
    variants: `${id}-variants`,
    variantsHint: `${id}-variants-hint`,
    known: `${id}-known`,
    notes: `${id}-notes`,
    source: `${id}-source`,
    error: `${id}-error`,
  };

  useEffect(() => {
    const opener = document.activeElement;
    const term = termRef.current;
    term?.focus();
    term?.setSelectionRange(term.value.length, term.value.length);
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const set =
    <K extends keyof EntryFormValues>(field: K) =>
    (value: EntryFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = formProblem(values);
    if (problem) {
      setError(problem);
      termRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (isSubmitKey(event)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const adding = mode === 'add';
  const submitLabel = adding ? (busy ? 'Adding…' : 'Add entry') : busy ? 'Saving…' : 'Save';

  return (
    <form
      className="glossary-panel-form"
      aria-labelledby={ids.heading}
      aria-busy={busy}
      noValidate
      data-testid="glossary-form"
      data-mode={mode}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      <h3 className="glossary-panel-form-heading" id={ids.heading}>
        {adding ? 'Add glossary entry' : 'Edit glossary entry'}
      </h3>

      <div className="glossary-panel-field">
        <label htmlFor={ids.term}>Term</label>
        <input
          ref={termRef}
          id={ids.term}
          type="text"
          value={values.term}
          onChange={(event) => set('term')(event.target.value)}
          aria-required="true"
          aria-invalid={error !== null && formProblem(values) !== null}
          aria-describedby={error ? ids.error : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="glossary-form-term"
        />
      </div>

      <div className="glossary-panel-field">
        <label htmlFor={ids.category}>Category</label>
        <select
          id={ids.category}
          value={values.category}
          onChange={(event) => {
            const category = TERM_CATEGORIES.find((known) => known === event.target.value);
            if (category) set('category')(category);
          }}
          data-testid="glossary-form-category"
        >
          {TERM_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {categoryLabel(category)}
            </option>
          ))}
        </select>
      </div>

      <div className="glossary-panel-field">
        <label htmlFor={ids.forms}>Other correct forms</label>
        <input
          id={ids.forms}
          type="text"
          value={values.forms}
          onChange={(event) => set('forms')(event.target.value)}
          aria-describedby={ids.formsHint}
          autoComplete="off"
          spellCheck={false}
          data-testid="glossary-form-forms"
        />
        <p className="glossary-panel-hint" id={ids.formsHint}>
          Separate with commas.
        </p>
      </div>

      {adding ? (
        <div className="glossary-panel-field">
          <label htmlFor={ids.variants}>Known mishearings</label>
          <input
            id={ids.variants}
            type="text"
            value={values.variants}
            onChange={(event) => set('variants')(event.target.value)}
            aria-describedby={ids.variantsHint}
            autoComplete="off"
            spellCheck={false}
            data-testid="glossary-form-variants"
          />
          <p className="glossary-panel-hint" id={ids.variantsHint}>
            How transcripts get it wrong; separate with commas.
          </p>
        </div>
      ) : (
        <div className="glossary-panel-field">
          <p className="glossary-panel-field-label" id={ids.known}>
            Known mishearings
          </p>
          {variants.length === 0 ? (
            <p className="glossary-panel-hint">None yet. Accepted suggestions add them.</p>
          ) : (
            <ul
              className="glossary-panel-variants"
              aria-labelledby={ids.known}
              tabIndex={variants.length > SCROLLING_VARIANTS ? 0 : undefined}
              data-testid="glossary-form-known-variants"
            >
              {variants.map((variant) => (
                <li key={variant.text}>
                  <span className="glossary-panel-variant-text">{variant.text}</span>{' '}
                  <span className="glossary-panel-variant-count">{acceptedLabel(variant)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="glossary-panel-field">
        <label htmlFor={ids.notes}>Notes</label>
        <textarea
          id={ids.notes}
          rows={3}
          value={values.notes}
          onChange={(event) => set('notes')(event.target.value)}
          data-testid="glossary-form-notes"
        />
      </div>

      <div className="glossary-panel-field">
        <label htmlFor={ids.source}>Source</label>
        <input
          id={ids.source}
          type="text"
          value={values.source}
          onChange={(event) => set('source')(event.target.value)}
          placeholder="URL or citation"
          autoComplete="off"
          spellCheck={false}
          data-testid="glossary-form-source"
        />
      </div>

      {error && (
        <p className="glossary-panel-error" role="alert" id={ids.error} data-testid="glossary-form-error">
          {error}
        </p>
      )}

      <div className="glossary-panel-form-actions">
        <button
          type="submit"
          className="button button-primary glossary-panel-button"
          aria-disabled={busy}
          data-testid="glossary-form-submit"
        >
          {submitLabel}
        </button>
        <button
          type="button"
          className="button button-secondary glossary-panel-button"
          onClick={onCancel}
          data-testid="glossary-form-cancel"
        >
          Cancel
        </button>
        <span className="glossary-panel-hint glossary-panel-form-keys" aria-hidden="true">
          <kbd>Esc</kbd> cancels
        </span>
      </div>
    </form>
  );
}
