/**
 * Places the suggestion card under the underline the pointer rests on, or under the current
 * suggestion while the caret is inside it. Lives in the editor's scroll container, so it scrolls
 * with the text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { domPointToSegmentOffset, spanRect } from '../editor/dom-ranges';
import { useEditorSession } from '../editor/session';
import type { Observable } from '../lib/observable';
import { passageTime, playBlocker } from '../media/segment-timing';
import { useKeyLabels } from '../shortcuts/useShortcuts';
import { acceptSuggestion, rejectSuggestion } from './actions';
import type { CaretPlace } from './CaretPlugin';
import { SuggestionCard } from './SuggestionCard';
import { useGlossaryEntries } from './useGlossaryEntries';

const HIDE_DELAY_MS = 250;
/** Matches .suggestion-card-layer's width (21rem). */
const CARD_WIDTH_PX = 336;

export function SuggestionCardLayer({
  caret,
  container,
}: {
  caret: Observable<CaretPlace>;
  /** The editor's scroll container (the card is positioned inside it). */
  container: HTMLElement | null;
}) {
  const [editor] = useLexicalComposerContext();
  const session = useEditorSession();
  const keys = useKeyLabels();
  const list = useSyncExternalStore(session.suggestions.subscribe, session.suggestions.list);
  const currentKey = useSyncExternalStore(session.currentSuggestion.subscribe, session.currentSuggestion.get);
  const mediaAttached = useSyncExternalStore(session.media.element.subscribe, () => session.media.attached);
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  const [overCard, setOverCard] = useState(false);
  // While the pointer is on the card itself, keep showing the card it came from.
  const [stickyKey, setStickyKey] = useState<string | null>(null);
  if (hoveredKey !== null && hoveredKey !== stickyKey) setStickyKey(hoveredKey);

  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    let frame = 0;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const onMove = (event: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const key = suggestionAtPoint(event.clientX, event.clientY);
        clearTimeout(hideTimer);
        if (key) setHoveredKey(key);
        else hideTimer = setTimeout(() => setHoveredKey(null), HIDE_DELAY_MS);
      });
    };
    const suggestionAtPoint = (x: number, y: number): string | null => {
      const position = document.caretPositionFromPoint?.(x, y);
      if (!position) return null;
      const place = domPointToSegmentOffset(position.offsetNode, position.offset);
      if (!place) return null;
      // The point must really be over the text, not beside the end of a line.
      const hit = session.suggestions
        .forSegment(place.segmentId)
        .find((s) => s.start <= place.offset && place.offset < s.end);
      if (!hit) return null;
      const rect = spanRect(place.element, hit);
      return rect && y >= rect.top - 2 && y <= rect.bottom + 2 ? hit.key : null;
    };
    const onLeave = () => {
      hideTimer = setTimeout(() => setHoveredKey(null), HIDE_DELAY_MS);
    };
    root.addEventListener('mousemove', onMove);
    root.addEventListener('mouseleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(hideTimer);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('mouseleave', onLeave);
    };
  }, [editor, session]);

  const byKey = (key: string | null) => (key ? list.find((s) => s.key === key) : undefined);
  const hovered = byKey(overCard ? stickyKey : hoveredKey);
  const current = byKey(currentKey);
  // Whether the caret is in the current suggestion, not the caret itself: every keystroke moves the
  // caret, and a re-render per key would cost a React commit (which walks the focused editor's DOM
  // to save the selection) even while no card shows.
  const caretInCurrent = useSyncExternalStore(caret.subscribe, () => caretIn(caret.get(), current));
  const shown = hovered ?? (caretInCurrent ? current : undefined);
  const entries = useGlossaryEntries(session, shown ? [shown.termId] : []);

  if (!shown) return null;
  const element = session.index?.element(shown.segmentId);
  const rect = element ? spanRect(element, shown) : null;
  if (!rect || !container) return null;
  const playTime = passageTime(session, shown);
  const box = container.getBoundingClientRect();
  const style = {
    top: rect.bottom - box.top + container.scrollTop + 6,
    left: Math.max(8, Math.min(rect.left - box.left, box.width - CARD_WIDTH_PX - 24)),
  };

  return (
    <div
      className="suggestion-card-layer"
      style={style}
      onMouseEnter={() => setOverCard(true)}
      onMouseLeave={() => setOverCard(false)}
    >
      <SuggestionCard
        suggestion={shown}
        entry={entries.get(shown.termId)}
        keys={{
          accept: keys.first('accept-suggestion'),
          reject: keys.first('reject-suggestion'),
          play: keys.first('play-suggestion'),
        }}
        play={{
          blocker: playBlocker(mediaAttached, playTime),
          onPlay: () => {
            if (playTime) session.media.playSpan(playTime.startMs, playTime.endMs);
          },
        }}
        onAccept={(choice) => {
          setHoveredKey(null);
          setOverCard(false);
          acceptSuggestion(session, shown, choice);
        }}
        onReject={() => {
          setHoveredKey(null);
          setOverCard(false);
          rejectSuggestion(session, shown);
        }}
      />
    </div>
  );
}

function caretIn(
  place: CaretPlace,
  suggestion: { segmentId: string; start: number; end: number } | undefined,
) {
  return (
    !!suggestion &&
    !!place &&
    place.segmentId === suggestion.segmentId &&
    suggestion.start <= place.offset &&
    place.offset <= suggestion.end
  );
}
