/** The status line for the timestamp commands: polite, self-clearing, never a dialog. */
import { useEffect, useSyncExternalStore } from 'react';
import { useEditorSession } from '../../editor/session';
import { timestampNotice } from './timestamp-notice';
import './timestamps.css';

const SHOWN_MS = 6000;

export function TimestampNotice() {
  const notice = timestampNotice(useEditorSession());
  const message = useSyncExternalStore(notice.subscribe, notice.get);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => notice.set(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message, notice]);

  // Always in the page, so screen readers announce each new message in the live region.
  return (
    <p className="timestamp-notice" role="status" data-testid="timestamp-notice">
      {message}
    </p>
  );
}
