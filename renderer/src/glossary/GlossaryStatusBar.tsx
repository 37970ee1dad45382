import { quoted } from './entry-values';
import type { PanelNotice } from './useGlossaryEditing';

interface GlossaryStatusBarProps {
  notice: PanelNotice | null;
  /** The term of the entry the last delete removed, while that delete may be undone. */
  undoTerm: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * The foot of the panel: what the last change did ("Added “X”", "Deleted “X”." with Undo), or why
 * it failed. The polite region stays in the page so every new message is announced.
 */
export function GlossaryStatusBar({ notice, undoTerm, onUndo, onDismiss }: GlossaryStatusBarProps) {
  const status = notice?.tone === 'status' ? notice.text : '';
  const error = notice?.tone === 'error' ? notice.text : null;
  const deletedLine = undoTerm === null ? null : `Deleted ${quoted(undoTerm)}.`;
  const shown = notice !== null || undoTerm !== null;
  return (
    <div className={shown ? 'glossary-panel-statusbar' : 'glossary-panel-statusbar is-empty'}>
      <div className="glossary-panel-statusbar-row">
        <p className="glossary-panel-status" role="status" aria-live="polite" data-testid="glossary-status">
          {status}
        </p>
        {error && (
          <>
            <p className="glossary-panel-error" role="alert" data-testid="glossary-error">
              {error}
            </p>
            <button
              type="button"
              className="button button-quiet glossary-panel-small-button"
              onClick={onDismiss}
              aria-label="Dismiss this message"
            >
              Dismiss
            </button>
          </>
        )}
      </div>
      {undoTerm !== null && (
        <div className="glossary-panel-statusbar-row">
          {/* After a later message, the offer still says what it would undo. */}
          {status !== deletedLine && <p className="glossary-panel-status-note">{deletedLine}</p>}
          <button
            type="button"
            className="button button-secondary glossary-panel-small-button"
            onClick={onUndo}
            aria-label={`Undo deleting ${quoted(undoTerm)}`}
            aria-keyshortcuts="Control+Z Meta+Z"
            data-testid="glossary-undo"
          >
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
