/**
 * The flags side panel: passages flagged for fact-checking, open ones first, then the resolved ones
 * (collapsed), each list in document order. A polite status line says what the last action did and
 * offers Undo for a few seconds after a delete. When a flag leaves a list (resolved, reopened,
 * deleted) focus moves to its neighbour, so keyboard work carries on where it was.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useEditorSession } from '../editor/session';
import { useKeyLabels } from '../shortcuts/useShortcuts';
import { currentPassages, deleteFlag, startFlag, undoDeleteFlag } from './flag-actions';
import { quoteLabel } from './flag-format';
import type { LiveFlag } from './flag-store';
import { flagUiOf } from './flag-ui';
import { FlagItem } from './FlagItem';
import './flags.css';

type FocusRequest = ({ list: 'open' | 'resolved'; index: number } | { key: string }) & {
  /** performance.now() when asked: a request no render answered soon is dropped, never applied later. */
  at: number;
};
const FOCUS_REQUEST_MS = 1000;

export function FlagsPanel() {
  const session = useEditorSession();
  const ui = flagUiOf(session);
  const keys = useKeyLabels();
  const list = useSyncExternalStore(session.flags.subscribe, session.flags.list);
  const notice = useSyncExternalStore(ui.notice.subscribe, ui.notice.get);
  const deleted = useSyncExternalStore(ui.deleted.subscribe, ui.deleted.get);
  // The store changes whenever a flagged segment is edited, so this stays current.
  const passages = useMemo(() => currentPassages(session, list), [session, list]);
  const open = list.filter((flag) => flag.resolvedAt === null);
  const resolved = list.filter((flag) => flag.resolvedAt !== null);
  const panel = useRef<HTMLElement>(null);
  const pendingFocus = useRef<FocusRequest | null>(null);

  // After the lists changed: focus where the last action asked.
  useEffect(() => {
    const request = pendingFocus.current;
    const root = panel.current;
    if (!request || !root) return;
    pendingFocus.current = null;
    if (performance.now() - request.at < FOCUS_REQUEST_MS) focusAfterChange(root, request);
  });

  const onLeaving = useCallback(
    (flag: LiveFlag) => {
      const isOpen = flag.resolvedAt === null;
      const from = session.flags.list().filter((item) => (item.resolvedAt === null) === isOpen);
      pendingFocus.current = {
        list: isOpen ? 'open' : 'resolved',
        index: from.findIndex((item) => item.key === flag.key),
        at: performance.now(),
      };
    },
    [session],
  );
  const onDelete = useCallback(
    (flag: LiveFlag, passage: string) => deleteFlag(session, flag, passage),
    [session],
  );
  const undo = () => {
    const restored = undoDeleteFlag(session);
    if (restored) pendingFocus.current = { key: restored.key, at: performance.now() };
  };

  const item = (flag: LiveFlag) => (
    <FlagItem
      key={flag.key}
      flag={flag}
      passage={passages.get(flag.key) ?? flag.quote}
      session={session}
      onLeaving={onLeaving}
      onDelete={onDelete}
    />
  );

  return (
    <section
      ref={panel}
      className="side-panel flags-panel"
      aria-labelledby="flags-heading"
      data-testid="flags-panel"
    >
      <header className="side-panel-header flags-header">
        <h2 id="flags-heading">
          Flags{' '}
          <span className="count-badge" data-testid="flags-count">
            {open.length}
          </span>
          <span className="visually-hidden"> open</span>
        </h2>
        <button
          type="button"
          className="small-button flags-add"
          data-testid="flag-add"
          aria-keyshortcuts={keys.aria('flag-passage')}
          onClick={() => startFlag(session)}
        >
          Flag passage…
        </button>
      </header>
      <p className="side-panel-hint">
        Select words in the transcript, then <kbd>{keys.all('flag-passage')}</kbd> to flag them for
        fact-checking.
      </p>
      <div className="flags-status">
        <p className="flags-status-text" role="status" aria-live="polite" data-testid="flags-status">
          {notice}
        </p>
        {deleted && (
          <button
            type="button"
            className="small-button"
            data-testid="flag-undo"
            aria-label={`Undo deleting the flag on ${quoteLabel(deleted.passage)}`}
            onClick={undo}
          >
            Undo
          </button>
        )}
      </div>
      {open.length === 0 ? (
        <p className="panel-empty flags-empty">
          {resolved.length === 0 ? 'No flags yet.' : 'No open flags: every flag is resolved.'}
        </p>
      ) : (
        <ol className="flags-list" aria-label="Open flags" data-list="open">
          {open.map(item)}
        </ol>
      )}
      {resolved.length > 0 && (
        <details className="flags-resolved">
          <summary data-testid="flags-resolved-toggle">Resolved ({resolved.length})</summary>
          <ol className="flags-list" aria-label="Resolved flags" data-list="resolved">
            {resolved.map(item)}
          </ol>
        </details>
      )}
    </section>
  );
}

/** Focuses the neighbour of a flag that left its list, or a restored flag. */
function focusAfterChange(root: HTMLElement, request: FocusRequest): void {
  let target: HTMLElement | null = null;
  if ('key' in request) {
    target = root.querySelector<HTMLElement>(
      `[data-key="${CSS.escape(request.key)}"] [data-testid="flag-go"]`,
    );
  } else {
    const buttons = [
      ...root.querySelectorAll<HTMLElement>(`[data-list="${request.list}"] [data-testid="flag-go"]`),
    ];
    target = buttons[Math.min(request.index, buttons.length - 1)] ?? null;
    if (!target && request.list === 'resolved') target = root.querySelector('.flags-resolved summary');
  }
  target ??= root.querySelector<HTMLElement>('[data-testid="flag-add"]');
  const details = target?.closest('details');
  if (details && !details.open && target?.tagName !== 'SUMMARY') details.open = true;
  target?.focus();
}
