/**
 * The small modal that asks for a comment on the passage being flagged, with quick choices that
 * fill it in. Enter (or Ctrl+Enter) saves, Shift+Enter starts a new line, Escape cancels; either way
 * focus goes back to the editor. It opens whenever a flag is started (flag-actions.startFlag).
 */
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useEditorSession } from '../editor/session';
import { addFlag, returnToEditor } from './flag-actions';
import { MAX_COMMENT, QUICK_COMMENTS, withQuickComment } from './flag-format';
import type { LiveFlag } from './flag-store';
import { flagUiOf, type FlagDraft } from './flag-ui';
import './flags.css';

export function FlagDialog({ onSaved }: { onSaved: (flag: LiveFlag) => void }) {
  const session = useEditorSession();
  const ui = flagUiOf(session);
  const draft = useSyncExternalStore(ui.draft.subscribe, ui.draft.get);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (draft && !element.open) {
      element.showModal();
      element.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    }
    if (!draft && element.open) element.close();
  }, [draft]);

  const finish = (flag: LiveFlag | null) => {
    dialog.current?.close();
    ui.draft.set(null);
    returnToEditor(session, flag);
    if (flag) onSaved(flag);
  };

  return (
    <dialog
      ref={dialog}
      className="app-dialog flags-dialog"
      aria-labelledby="flag-dialog-title"
      aria-describedby="flag-dialog-passage"
      data-testid="flag-dialog"
      // Escape (or anything else that closes it) cancels.
      onClose={() => {
        if (ui.draft.get()) finish(null);
      }}
    >
      {draft && (
        <FlagForm
          // Each opening gets a fresh form (an empty comment), even for the same passage.
          key={draft.serial}
          draft={draft}
          onSave={(comment) => {
            const flag = addFlag(session, draft.target, comment);
            if (flag) finish(flag);
            return flag !== null;
          }}
          onCancel={() => finish(null)}
        />
      )}
    </dialog>
  );
}

function FlagForm({
  draft,
  onSave,
  onCancel,
}: {
  draft: FlagDraft;
  /** False when the flag could not be added (the passage changed meanwhile). */
  onSave: (comment: string) => boolean;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const save = () => {
    if (!onSave(comment)) {
      setProblem('The passage changed while this was open. Select it again to flag it.');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  const choose = (choice: string) => {
    const next = withQuickComment(comment, choice);
    setComment(next);
    const field = textarea.current;
    if (field) {
      field.focus();
      // After React writes the new value: the caret at the end, ready to add detail.
      requestAnimationFrame(() => field.setSelectionRange(field.value.length, field.value.length));
    }
  };

  return (
    <form
      method="dialog"
      className="flags-dialog-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 id="flag-dialog-title">Flag for fact-checking</h2>
      <blockquote id="flag-dialog-passage" className="flags-dialog-passage">
        <span className="visually-hidden">Passage: </span>
        {draft.target.quote}
      </blockquote>
      <div className="flags-quick" role="group" aria-label="Quick comments">
        {QUICK_COMMENTS.map((choice) => (
          <button
            key={choice}
            type="button"
            className="small-button"
            data-testid="flag-quick"
            onClick={() => choose(choice)}
          >
            {choice}
          </button>
        ))}
      </div>
      <label className="flags-label" htmlFor="flag-comment-input">
        Comment
      </label>
      <textarea
        ref={textarea}
        id="flag-comment-input"
        className="flags-textarea"
        data-testid="flag-comment"
        rows={3}
        maxLength={MAX_COMMENT}
        placeholder="What needs checking?"
        aria-describedby="flag-comment-keys"
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id="flag-comment-keys" className="flags-keys">
        <kbd>Enter</kbd> saves · <kbd>Shift+Enter</kbd> new line · <kbd>Esc</kbd> cancels
      </p>
      {problem && (
        <p className="flags-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" data-testid="flag-save">
          Save flag
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
