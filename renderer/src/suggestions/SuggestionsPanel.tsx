/**
 * The open suggestions in document order, grouped by glossary entry: what was heard, the proposed
 * spelling, why and how sure, and the entry's notes and source. Rendered at low priority
 * (useDeferredValue) so a long list never slows typing.
 */
import { memo, useDeferredValue, useEffect, useRef, useSyncExternalStore } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { $segmentById } from '../editor/segment-index';
import { useEditorSession, type EditorSession } from '../editor/session';
import { useKeyLabels, withKeys } from '../shortcuts/useShortcuts';
import { acceptAllForEntry, acceptSuggestion, goToSuggestion, rejectSuggestion } from './actions';
import { formatScore, REASON_LABELS } from './reasons';
import type { LiveSuggestion } from './suggestion-store';
import { useGlossaryEntries } from './useGlossaryEntries';

interface Group {
  termId: string;
  replacement: string;
  items: LiveSuggestion[];
}

function groupByEntry(list: readonly LiveSuggestion[]): Group[] {
  const groups = new Map<string, Group>();
  for (const suggestion of list) {
    const group = groups.get(suggestion.termId);
    if (group) group.items.push(suggestion);
    else
      groups.set(suggestion.termId, {
        termId: suggestion.termId,
        replacement: suggestion.replacement,
        items: [suggestion],
      });
  }
  return [...groups.values()];
}

export function SuggestionsPanel() {
  const session = useEditorSession();
  const liveList = useSyncExternalStore(session.suggestions.subscribe, session.suggestions.list);
  const list = useDeferredValue(liveList);
  const currentKey = useSyncExternalStore(session.currentSuggestion.subscribe, session.currentSuggestion.get);
  const keys = useKeyLabels();
  const entries = useGlossaryEntries(
    session,
    list.map((s) => s.termId),
  );
  const groups = groupByEntry(list);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!currentKey) return;
    const item = panelRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(currentKey)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [currentKey, list]);

  return (
    <section ref={panelRef} className="side-panel suggestions-panel" aria-labelledby="suggestions-heading">
      <header className="side-panel-header">
        <h2 id="suggestions-heading">
          Suggestions{' '}
          <span className="count-badge" data-testid="suggestion-count">
            {list.length}
          </span>
        </h2>
        <p className="side-panel-hint">
          <kbd>{keys.first('next-suggestion')}</kbd> next · <kbd>{keys.first('accept-suggestion')}</kbd>{' '}
          accept · <kbd>{keys.first('reject-suggestion')}</kbd> reject
        </p>
      </header>
      {list.length === 0 ? (
        <p className="panel-empty">No open suggestions. Every name the glossary knows reads as it should.</p>
      ) : (
        <ol className="suggestion-groups" aria-label="Suggestions by glossary entry">
          {groups.map((group) => (
            <SuggestionGroup
              key={group.termId}
              group={group}
              entry={entries.get(group.termId)}
              currentKey={group.items.some((s) => s.key === currentKey) ? currentKey : null}
              session={session}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

const SuggestionGroup = memo(
  function SuggestionGroup({
    group,
    entry,
    currentKey,
    session,
  }: {
    group: Group;
    entry: GlossaryEntry | undefined;
    currentKey: string | null;
    session: EditorSession;
  }) {
    const term = entry?.term ?? group.replacement;
    const keys = useKeyLabels();
    return (
      <li className="suggestion-group" data-testid="suggestion-group" data-term={term}>
        <div className="suggestion-group-head">
          <h3>
            {term} <span className="count-badge">{group.items.length}</span>
          </h3>
          <button
            type="button"
            className="small-button"
            onClick={() => acceptAllForEntry(session, group.termId)}
            aria-label={`Accept all ${group.items.length} for ${term}`}
          >
            Accept all
          </button>
        </div>
        {entry && (entry.notes || entry.source) && (
          <p className="suggestion-group-notes">
            {entry.category !== 'other' && <span className="category">{entry.category}. </span>}
            {entry.notes}
            {entry.source && <span className="source-text"> Source: {entry.source}</span>}
          </p>
        )}
        <ul className="suggestion-items">
          {group.items.map((suggestion) => (
            <li key={suggestion.key} className="suggestion-item" data-key={suggestion.key}>
              <button
                type="button"
                className="suggestion-item-go"
                data-testid="suggestion-item"
                data-heard={suggestion.text}
                aria-current={suggestion.key === currentKey ? 'true' : undefined}
                onClick={() => goToSuggestion(session, suggestion)}
              >
                <SuggestionContext session={session} suggestion={suggestion} />
                {suggestion.replacement !== term && (
                  <>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> should be </span>
                    <strong>{suggestion.replacement}</strong>
                  </>
                )}
                <span className="suggestion-meta">
                  <span className={`reason-chip reason-${suggestion.reason}`}>
                    {REASON_LABELS[suggestion.reason]}
                  </span>
                  <span className="score">{formatScore(suggestion.score)}</span>
                </span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Accept ${suggestion.replacement} for ${suggestion.text}`}
                title={withKeys('Accept', keys.first('accept-suggestion'))}
                onClick={() => acceptSuggestion(session, suggestion)}
              >
                ✓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Reject ${suggestion.replacement} for ${suggestion.text}`}
                title={withKeys('Reject', keys.first('reject-suggestion'))}
                onClick={() => rejectSuggestion(session, suggestion)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      </li>
    );
  },
  // Typing moves a few suggestions; only the groups holding them (or the current one) redraw.
  (before, after) =>
    before.entry === after.entry &&
    before.currentKey === after.currentKey &&
    before.session === after.session &&
    before.group.items.length === after.group.items.length &&
    before.group.items.every((item, i) => item === after.group.items[i]),
);

const CONTEXT_CHARS = 28;

/** "…your host, ~~Jacos Wetzlud~~, and this…": the heard words in their sentence, so repeats can be told apart. */
function SuggestionContext({ session, suggestion }: { session: EditorSession; suggestion: LiveSuggestion }) {
  const text = segmentText(session, suggestion.segmentId);
  const before = text.slice(Math.max(0, suggestion.start - CONTEXT_CHARS), suggestion.start);
  const after = text.slice(suggestion.end, suggestion.end + CONTEXT_CHARS);
  return (
    <span className="suggestion-context">
      {suggestion.start > CONTEXT_CHARS && '…'}
      {before.replace(/^\S*\s/, suggestion.start > CONTEXT_CHARS ? '' : '$&')}
      <span className="suggestion-heard">{suggestion.text}</span>
      {after.replace(/\s\S*$/, suggestion.end + CONTEXT_CHARS < text.length ? '' : '$&')}
      {suggestion.end + CONTEXT_CHARS < text.length && '…'}
    </span>
  );
}

function segmentText(session: EditorSession, segmentId: string): string {
  return (
    session.editor
      ?.getEditorState()
      .read(() => $segmentById(session.index, segmentId)?.getTextContent() ?? '') ?? ''
  );
}
