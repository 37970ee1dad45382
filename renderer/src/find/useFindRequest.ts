/**
 * The editor screen's side of find and replace: whether the bar is open, what opened it (find or
 * replace, the selection to start from) and what it remembers between openings.
 */
import { useCallback, useRef, useState } from 'react';
import type { EditorSession } from '../editor/session';
import { readSelectionPlace } from './find-actions';
import type { FindAnchor } from './match-navigation';
import { EMPTY_FIND_STATE, type FindState } from './useFindMatches';

export type FindMode = 'find' | 'replace';

export interface FindRequest {
  mode: FindMode;
  /** Counts the requests while the bar is open, so each one is handled once. */
  serial: number;
  /** Where the editor's selection starts; null when it is not in the transcript or unchanged. */
  anchor: FindAnchor | null;
  /** The selected text (one segment), or null. */
  selected: string | null;
  /** The query and options of the last time the bar was open. */
  initial: FindState;
}

export const FIND_BAR_CLASS = 'find-bar';

export function useFindRequest(session: EditorSession) {
  const [request, setRequest] = useState<FindRequest | null>(null);
  const remembered = useRef<FindState>(EMPTY_FIND_STATE);

  const open = useCallback(
    (mode: FindMode) => {
      // Asked again from inside the bar: the editor's selection is the current match, not a new query.
      const fromBar = document.activeElement?.closest(`.${FIND_BAR_CLASS}`) != null;
      const editor = session.editor;
      const place = editor && !fromBar ? readSelectionPlace(editor) : { anchor: null, selected: null };
      const initial = remembered.current;
      setRequest((current) => ({ mode, serial: (current?.serial ?? 0) + 1, ...place, initial }));
    },
    [session],
  );

  const close = useCallback((state: FindState) => {
    remembered.current = state;
    setRequest(null);
  }, []);

  return { request, open, close };
}
