import type { KeyboardEvent, Ref } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { EntryTeamDetails } from './EntryTeamDetails';
import { categoryLabel, formatList, sourceText, truncateText, variantCountLabel } from './entry-values';
import { isDeleteKey } from './keys';

/** Notes longer than this are cut in the list (the edit form shows them whole). */
const NOTES_SHOWN = 120;
const SOURCE_SHOWN = 60;

interface GlossaryEntryItemProps {
  ref?: Ref<HTMLLIElement>;
  entry: GlossaryEntry;
  /** The one entry reached with Tab (the others by the arrow keys). */
  active: boolean;
  onFocus: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/**
 * One result: term, category, forms, notes (cut), source (as text: nothing remote is loaded),
 * variant count, and Edit/Delete buttons. Focused, Enter edits it and Delete deletes it.
 */
export function GlossaryEntryItem({ ref, entry, active, onFocus, onEdit, onDelete }: GlossaryEntryItemProps) {
  const tabIndex = active ? 0 : -1;
  const termId = `glossary-entry-${entry.id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onEdit();
    } else if (isDeleteKey(event)) {
      event.preventDefault();
      onDelete();
    }
  };

  return (
    <li
      ref={ref}
      className="glossary-panel-entry"
      tabIndex={tabIndex}
      aria-labelledby={`${termId} ${termId}-category ${termId}-count`}
      aria-describedby={`${termId}-details`}
      data-testid="glossary-entry"
      data-term={entry.term}
      data-entry-id={entry.id}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <div className="glossary-panel-entry-head">
        <span className="glossary-panel-entry-term" id={termId}>
          {entry.term}
        </span>
        <span
          className={`glossary-panel-category glossary-panel-category-${entry.category}`}
          id={`${termId}-category`}
        >
          {categoryLabel(entry.category)}
        </span>
        <span className="glossary-panel-entry-count" id={`${termId}-count`}>
          {variantCountLabel(entry.variants.length)}
        </span>
      </div>
      <div className="glossary-panel-entry-details" id={`${termId}-details`}>
        {entry.forms.length > 0 && (
          <p className="glossary-panel-entry-forms">
            <span className="glossary-panel-entry-label">Also </span>
            {formatList(entry.forms)}
          </p>
        )}
        {entry.notes.trim() !== '' && (
          <p className="glossary-panel-entry-notes" title={entry.notes}>
            {truncateText(entry.notes, NOTES_SHOWN)}
          </p>
        )}
        {entry.source.trim() !== '' && (
          <p className="glossary-panel-entry-source" title={entry.source}>
            <span className="glossary-panel-entry-label">Source </span>
            <span className="glossary-panel-entry-source-text">
              {truncateText(sourceText(entry.source), SOURCE_SHOWN)}
            </span>
          </p>
        )}
      </div>
      <EntryTeamDetails entry={entry} tabIndex={tabIndex} />
      <div className="glossary-panel-entry-actions">
        <button
          type="button"
          className="button button-quiet glossary-panel-small-button"
          tabIndex={tabIndex}
          aria-label={`Edit ${entry.term}`}
          onClick={onEdit}
          data-testid="glossary-entry-edit"
        >
          Edit
        </button>
        <button
          type="button"
          className="button button-quiet glossary-panel-small-button glossary-panel-danger"
          tabIndex={tabIndex}
          aria-label={`Delete ${entry.term}`}
          onClick={onDelete}
          data-testid="glossary-entry-delete"
        >
          Delete
        </button>
      </div>
    </li>
  );
}
