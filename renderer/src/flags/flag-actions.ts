/**
 * What a person does with flags: flag the selected passage (through the dialog), go to a flag,
 * resolve or reopen it, edit its comment, delete it and undo that. The store saves with the document
 * (AutosavePlugin) and keeps each flag on its passage while the text is edited (SyncPlugin).
 */
import type { SegmentNode } from '../editor/nodes';
import { $segmentById } from '../editor/segment-index';
import { $selectSpan } from '../editor/segment-text';
import type { EditorSession } from '../editor/session';
import { commentToSave, quoteLabel } from './flag-format';
import { $readFlagTarget, type FlagTarget } from './flag-selection';
import { relocateSpan } from './flag-span';
import type { LiveFlag } from './flag-store';
import { flagUiOf } from './flag-ui';

export const NOTHING_TO_FLAG =
  'Nothing to flag yet. Select the words in the transcript, or put the caret in a word, then choose Flag passage.';

function $segment(session: EditorSession, segmentId: string): SegmentNode | null {
  return $segmentById(session.index, segmentId);
}

/**
 * Opens the flag dialog for the editor's selection. False when there is nothing to flag: the
 * flags panel's status line then says what to do.
 */
export function startFlag(session: EditorSession): boolean {
  const ui = flagUiOf(session);
  const target = session.editor?.read(() => $readFlagTarget()) ?? null;
  if (!target) {
    ui.say(NOTHING_TO_FLAG);
    return false;
  }
  ui.open(target);
  return true;
}

/** Adds the flag; null when its passage no longer reads as it did when chosen. */
export function addFlag(session: EditorSession, target: FlagTarget, comment: string): LiveFlag | null {
  const editor = session.editor;
  if (!editor) return null;
  const stillThere = editor.read(
    () =>
      $segment(session, target.segmentId)?.getTextContent().slice(target.start, target.end) === target.quote,
  );
  if (!stillThere) return null;
  const id = newFlagId();
  const flag: LiveFlag = {
    id,
    key: id,
    segmentId: target.segmentId,
    start: target.start,
    end: target.end,
    quote: target.quote,
    comment: commentToSave(comment),
    createdAt: new Date().toISOString(),
    resolvedAt: null,
  };
  session.flags.add(flag);
  flagUiOf(session).say(`Flagged ${quoteLabel(target.quote)}`);
  return flag;
}

/** Selects the flagged passage in the editor and scrolls it into view. */
export function goToFlag(session: EditorSession, flag: LiveFlag): void {
  const editor = session.editor;
  if (!editor) return;
  let found = false;
  editor.update(
    () => {
      const segment = $segment(session, flag.segmentId);
      if (!segment) return;
      const length = segment.getTextContentSize();
      $selectSpan(segment, Math.min(flag.start, length), Math.min(flag.end, length));
      found = true;
    },
    { discrete: true },
  );
  if (!found) {
    flagUiOf(session).say(`The passage ${quoteLabel(flag.quote)} is no longer in the transcript.`);
    return;
  }
  session.index?.element(flag.segmentId)?.scrollIntoView({ block: 'center', behavior: 'auto' });
  editor.focus();
}

export function setResolved(session: EditorSession, flag: LiveFlag, resolved: boolean): void {
  session.flags.update(flag.key, { resolvedAt: resolved ? new Date().toISOString() : null });
  flagUiOf(session).say(`${resolved ? 'Resolved' : 'Reopened'} the flag on ${quoteLabel(flag.quote)}`);
}

export function setComment(session: EditorSession, flag: LiveFlag, comment: string): void {
  session.flags.update(flag.key, { comment: commentToSave(comment) });
  flagUiOf(session).say(`Saved the comment on ${quoteLabel(flag.quote)}`);
}

/** Deletes the flag and offers to undo that for a few seconds. `passage` is what it covers now. */
export function deleteFlag(session: EditorSession, flag: LiveFlag, passage: string): void {
  session.flags.remove([flag.key]);
  flagUiOf(session).offerUndo({ flag, passage }, `Deleted the flag on ${quoteLabel(passage)}`);
}

/** Puts back the flag of the undo offer, on its passage even if the text around it moved. */
export function undoDeleteFlag(session: EditorSession): LiveFlag | null {
  const ui = flagUiOf(session);
  const deleted = ui.takeUndo();
  const editor = session.editor;
  if (!deleted || !editor) return null;
  const { flag, passage } = deleted;
  const span = editor.read(() => {
    const text = $segment(session, flag.segmentId)?.getTextContent();
    return text === undefined ? null : relocateSpan(text, flag, passage);
  });
  if (!span) {
    ui.say(`Could not restore the flag: ${quoteLabel(passage)} is no longer in the transcript.`);
    return null;
  }
  const restored = { ...flag, ...span };
  session.flags.add(restored);
  ui.say(`Restored the flag on ${quoteLabel(passage)}`);
  return restored;
}

/** What each flag's passage reads now in the editor (the saved quote when its segment is gone). */
export function currentPassages(session: EditorSession, flags: readonly LiveFlag[]): Map<string, string> {
  const passages = new Map<string, string>();
  const editor = session.editor;
  if (!editor) return passages;
  editor.getEditorState().read(() => {
    const texts = new Map<string, string | undefined>();
    for (const flag of flags) {
      if (!texts.has(flag.segmentId)) {
        texts.set(flag.segmentId, $segment(session, flag.segmentId)?.getTextContent());
      }
      const text = texts.get(flag.segmentId);
      passages.set(flag.key, text === undefined ? flag.quote : text.slice(flag.start, flag.end));
    }
  });
  return passages;
}

/** A UUID (the workspace requires one), also where `crypto.randomUUID` is missing (no secure context). */
function newFlagId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Back to the editor when the dialog closes: with a new flag, the caret goes just after it (so its
 * highlight shows); otherwise the selection is as it was.
 */
export function returnToEditor(session: EditorSession, flag: LiveFlag | null): void {
  const editor = session.editor;
  if (!editor) return;
  if (flag) {
    editor.update(
      () => {
        const segment = $segment(session, flag.segmentId);
        if (segment) $selectSpan(segment, flag.end, flag.end);
      },
      { discrete: true },
    );
  }
  editor.focus();
}
