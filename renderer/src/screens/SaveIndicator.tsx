import { useSyncExternalStore } from 'react';
import { useEditorSession } from '../editor/session';

/** "All changes saved" / "Saving…" / the reason a save failed; announced politely to screen readers. */
export function SaveIndicator() {
  const session = useEditorSession();
  const status = useSyncExternalStore(session.saveStatus.subscribe, session.saveStatus.get);
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
