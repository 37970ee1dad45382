import type { SaveStatus } from '../editor/plugins/AutosavePlugin';

/** "All changes saved" / "Saving…" / the reason a save failed; announced politely to screen readers. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saved'
      ? 'All changes saved'
      : status.state === 'failed'
        ? `Not saved: ${status.message}`
        : status.state === 'saving'
          ? 'Saving…'
          : 'Unsaved changes';
  return (
    <span
      className={`save-indicator save-${status.state}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </span>
  );
}
