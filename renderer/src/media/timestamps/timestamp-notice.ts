/**
 * A short message about the last timestamp or seek command ("Timestamp 1:23 set.", or why not),
 * shown in a status line rather than a dialog. One per editor session, kept beside it (not in it)
 * so the session needs no field for it.
 */
import type { EditorSession } from '../../editor/session';
import { Observable } from '../../lib/observable';

const notices = new WeakMap<EditorSession, Observable<string | null>>();

export function timestampNotice(session: EditorSession): Observable<string | null> {
  let notice = notices.get(session);
  if (!notice) {
    notice = new Observable<string | null>(null);
    notices.set(session, notice);
  }
  return notice;
}
