interface StatusLineProps {
  /** What is happening now, or what just happened; empty when there is nothing to say. */
  text: string | null;
  /** False where another element already shows the same text (it is still announced). */
  visible: boolean;
  /** Present when the text is a result the person may put away (not while work runs). */
  onDismiss: (() => void) | null;
}

/**
 * The one polite live region, for busy states and results ("Imported …"). It floats at the bottom
 * of the window, so it is seen wherever the reader is in a transcript and never moves the text.
 * The region is always in the page, so screen readers announce its changes.
 */
export function StatusLine({ text, visible, onDismiss }: StatusLineProps) {
  const shown = visible && Boolean(text);
  return (
    <div className={shown ? 'status-toast' : 'visually-hidden'}>
      <p className="status-toast-text" role="status">
        {text ?? ''}
      </p>
      {shown && onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
