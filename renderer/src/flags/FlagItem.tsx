/**
 * One flag in the panel: the passage as it reads now, the comment (editable in place), when it was
 * flagged, and Go to / Edit / Resolve or Reopen / Delete. Every button names the passage it acts
 * on, so a screen reader's list of buttons still tells them apart.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorSession } from '../editor/session';
import { goToFlag, setComment, setResolved } from './flag-actions';
import { formatFlagTime, MAX_COMMENT, quoteLabel } from './flag-format';
import type { LiveFlag } from './flag-store';

export const FlagItem = memo(function FlagItem({
  flag,
  passage,
  session,
  onLeaving,
  onDelete,
}: {
  flag: LiveFlag;
  /** What the passage reads now in the editor. */
  passage: string;
  session: EditorSession;
  /** Called before the flag moves to the other list or goes, so the panel can place focus. */
  onLeaving: (flag: LiveFlag) => void;
  onDelete: (flag: LiveFlag, passage: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocusEdit = useRef(false);
  const resolved = flag.resolvedAt !== null;
  const label = quoteLabel(passage || flag.quote);

  useEffect(() => {
    if (!editing && refocusEdit.current) {
      refocusEdit.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const stopEditing = () => {
    refocusEdit.current = true;
    setEditing(false);
  };

  return (
    <li
      className={resolved ? 'flags-item flags-item-resolved' : 'flags-item'}
      data-testid="flag-item"
      data-resolved={resolved ? 'true' : 'false'}
      data-key={flag.key}
    >
      <p className="flags-passage">
        <q>{passage || flag.quote}</q>
        {passage !== flag.quote && (
          <span className="flags-was">
            {' '}
            (flagged as <q>{flag.quote}</q>)
          </span>
        )}
      </p>
      {editing ? (
        <CommentEditor
          initial={flag.comment}
          label={`Comment on ${label}`}
          onSave={(comment) => {
            setComment(session, flag, comment);
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <p className={flag.comment ? 'flags-comment' : 'flags-comment flags-comment-empty'}>
          {flag.comment || 'No comment'}
        </p>
      )}
      <p className="flags-meta">
        Flagged <time dateTime={flag.createdAt}>{formatFlagTime(flag.createdAt)}</time>
        {flag.resolvedAt && (
          <>
            {' · resolved '}
            <time dateTime={flag.resolvedAt}>{formatFlagTime(flag.resolvedAt)}</time>
          </>
        )}
      </p>
      <div className="flags-actions">
        <button
          type="button"
          className="small-button"
          data-testid="flag-go"
          aria-label={`Go to ${label}`}
          onClick={() => goToFlag(session, flag)}
        >
          Go to
        </button>
        {!editing && (
          <button
            ref={editButton}
            type="button"
            className="small-button"
            data-testid="flag-edit"
            aria-label={`Edit the comment on ${label}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
        )}
        {resolved ? (
          <button
            type="button"
            className="small-button"
            data-testid="flag-reopen"
            aria-label={`Reopen the flag on ${label}`}
            onClick={() => {
              onLeaving(flag);
              setResolved(session, flag, false);
            }}
          >
            Reopen
          </button>
        ) : (
          <button
            type="button"
            className="small-button"
            data-testid="flag-resolve"
            aria-label={`Resolve the flag on ${label}`}
            onClick={() => {
              onLeaving(flag);
              setResolved(session, flag, true);
            }}
          >
            Resolve
          </button>
        )}
        <button
          type="button"
          className="small-button flags-danger"
          data-testid="flag-delete"
          aria-label={`Delete the flag on ${label}`}
          onClick={() => {
            onLeaving(flag);
            onDelete(flag, passage || flag.quote);
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
});

function CommentEditor({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string;
  label: string;
  onSave: (comment: string) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState(initial);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const field = textarea.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSave(comment);
    }
  };

  return (
    <form
      className="flags-edit"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(comment);
      }}
    >
      <textarea
        ref={textarea}
        className="flags-textarea"
        data-testid="flag-comment-edit"
        aria-label={label}
        rows={3}
        maxLength={MAX_COMMENT}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="flags-edit-actions">
        <button type="submit" className="small-button flags-primary" data-testid="flag-comment-save">
          Save
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
