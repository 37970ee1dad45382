/**
 * What a person does with suggestions: go to the next or previous one, accept it (or one of its
 * alternatives), reject it, or accept every suggestion of one glossary entry. Each text change is
 * one undo step, and each is written back to the glossary so it learns.
 */
import { HISTORY_PUSH_TAG } from 'lexical';
import type { SegmentNode } from '../editor/nodes';
import { $segmentById } from '../editor/segment-index';
import { $replaceSpan, $selectSpan } from '../editor/segment-text';
import type { EditorSession } from '../editor/session';
import type { LoggedDecision } from './decision-log';
import { dismissalKey, type LiveSuggestion } from './suggestion-store';

function $segment(session: EditorSession, segmentId: string): SegmentNode | null {
  return $segmentById(session.index, segmentId);
}

/** Makes the suggestion current, selects its words and scrolls them into view. */
export function goToSuggestion(session: EditorSession, suggestion: LiveSuggestion, focus = true): void {
  const editor = session.editor;
  if (!editor) return;
  session.currentSuggestion.set(suggestion.key);
  editor.update(
    () => {
      const segment = $segment(session, suggestion.segmentId);
      if (segment) $selectSpan(segment, suggestion.start, suggestion.end);
    },
    { discrete: true },
  );
  session.index?.element(suggestion.segmentId)?.scrollIntoView({ block: 'center', behavior: 'auto' });
  if (focus) editor.focus(undefined, { defaultSelection: 'rootStart' });
}

/** The suggestion after (1) or before (-1) the current one, wrapping around; null when there are none. */
export function neighbourSuggestion(session: EditorSession, direction: 1 | -1): LiveSuggestion | null {
  const list = session.suggestions.list();
  if (list.length === 0) return null;
  const currentKey = session.currentSuggestion.get();
  const index = list.findIndex((s) => s.key === currentKey);
  if (index === -1) return direction === 1 ? (list[0] ?? null) : (list[list.length - 1] ?? null);
  return list[(index + direction + list.length) % list.length] ?? null;
}

export function goToNeighbour(session: EditorSession, direction: 1 | -1): void {
  const next = neighbourSuggestion(session, direction);
  if (next) goToSuggestion(session, next);
}

export function currentSuggestion(session: EditorSession): LiveSuggestion | undefined {
  const key = session.currentSuggestion.get();
  return key ? session.suggestions.get(key) : undefined;
}

/** Accepts a suggestion (with its own spelling or a chosen alternative); one undo step. */
export function acceptSuggestion(
  session: EditorSession,
  suggestion: LiveSuggestion,
  choice?: { replacement: string; termId: string },
): void {
  const replacement = choice?.replacement ?? suggestion.replacement;
  const termId = choice?.termId ?? suggestion.termId;
  const after = neighbourAfterRemoving(session, [suggestion.key]);
  const applied = applyInOneStep(session, [{ decision: 'accept', termId, heard: suggestion.text }], () => {
    const segment = $segment(session, suggestion.segmentId);
    return (
      !!segment &&
      spanStillReads(segment, suggestion) &&
      $replaceSpan(segment, suggestion.start, suggestion.end, replacement)
    );
  });
  session.suggestions.remove([suggestion.key]);
  if (applied) continueWith(session, after);
}

/** "This heard text is not that entry": the underline goes, and the glossary remembers. */
export function rejectSuggestion(session: EditorSession, suggestion: LiveSuggestion): void {
  const after = neighbourAfterRemoving(session, [suggestion.key]);
  applyInOneStep(session, [{ decision: 'reject', termId: suggestion.termId, heard: suggestion.text }], () => {
    const segment = $segment(session, suggestion.segmentId);
    segment?.addDismissed(dismissalKey(suggestion.termId, suggestion.text));
    return !!segment;
  });
  session.suggestions.remove([suggestion.key]);
  continueWith(session, after);
}

/** Accepts every open suggestion of one glossary entry in one undo step. Returns how many. */
export function acceptAllForEntry(session: EditorSession, termId: string): number {
  const all = session.suggestions.list().filter((s) => s.termId === termId);
  if (all.length === 0) return 0;
  const heard = [...new Set(all.map((s) => s.text))];
  const after = neighbourAfterRemoving(
    session,
    all.map((s) => s.key),
  );
  let applied = 0;
  applyInOneStep(
    session,
    heard.map((text) => ({ decision: 'accept' as const, termId, heard: text })),
    () => {
      // From the end of each segment backwards, so earlier offsets stay valid.
      for (const suggestion of [...all].sort((a, b) => b.start - a.start)) {
        const segment = $segment(session, suggestion.segmentId);
        if (segment && spanStillReads(segment, suggestion)) {
          if ($replaceSpan(segment, suggestion.start, suggestion.end, suggestion.replacement)) applied++;
        }
      }
      return applied > 0;
    },
  );
  session.suggestions.remove(all.map((s) => s.key));
  continueWith(session, after);
  return applied;
}

function spanStillReads(segment: SegmentNode, suggestion: LiveSuggestion): boolean {
  return segment.getTextContent().slice(suggestion.start, suggestion.end) === suggestion.text;
}

/**
 * Runs an editor change as its own undo step, logs the decisions against the state it produced
 * (so undo can take them back) and records them in the glossary.
 */
function applyInOneStep(session: EditorSession, decisions: LoggedDecision[], change: () => boolean): boolean {
  const editor = session.editor;
  if (!editor) return false;
  let applied = false;
  editor.update(
    () => {
      applied = change();
    },
    { discrete: true, tag: HISTORY_PUSH_TAG },
  );
  if (!applied) return false;
  session.decisionLog.record(editor.getEditorState(), decisions);
  void recordAll(session, decisions, false);
  return true;
}

export async function recordAll(
  session: EditorSession,
  decisions: readonly LoggedDecision[],
  undo: boolean,
): Promise<void> {
  try {
    for (const decision of decisions) await session.api.recordDecision({ ...decision, undo });
    session.glossaryRevision.set(session.glossaryRevision.get() + 1);
  } catch (error) {
    session.reportProblem(error instanceof Error ? error.message : String(error));
  }
}

/** The suggestion to move to once these are gone: the next one after the current, in document order. */
function neighbourAfterRemoving(session: EditorSession, keys: readonly string[]): LiveSuggestion | null {
  const gone = new Set(keys);
  const list = session.suggestions.list();
  const currentKey = session.currentSuggestion.get() ?? keys[0];
  const index = list.findIndex((s) => s.key === currentKey);
  for (let step = 1; step <= list.length; step++) {
    const candidate = list[(Math.max(index, 0) + step) % list.length];
    if (candidate && !gone.has(candidate.key)) return candidate;
  }
  return null;
}

function continueWith(session: EditorSession, next: LiveSuggestion | null): void {
  // Offsets of the next suggestion may have moved with the edit; read it back from the store.
  const fresh = next ? session.suggestions.get(next.key) : undefined;
  if (fresh) goToSuggestion(session, fresh);
  else session.currentSuggestion.set(null);
}
