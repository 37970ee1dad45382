/** The timestamp commands as the keyboard, the menu and the gutter run them. */
import { $getSelection, $isRangeSelection, HISTORY_PUSH_TAG, type LexicalEditor } from 'lexical';
import { formatShortClock } from '../../../../shared/formats/timecode';
import { $segmentPlace } from '../../editor/segment-text';
import type { EditorSession } from '../../editor/session';
import { estimatedTimeline } from './estimated-timeline';
import { $insertTimestamp, type TimestampResult } from './insert-timestamp';
import { timestampNotice } from './timestamp-notice';

const NO_MEDIA = 'Attach the audio or video first: a timestamp is the playback position.';

/** Insert timestamp (F9): always answers with a notice, so the key never types anything. */
export function insertTimestamp(session: EditorSession): TimestampResult {
  const notice = timestampNotice(session);
  const editor = session.editor;
  if (!session.media.attached || !editor) {
    notice.set(NO_MEDIA);
    return { ok: false, message: NO_MEDIA };
  }
  // The schema keeps whole milliseconds; the element's clock has fractions.
  const ms = Math.max(0, Math.round(session.media.currentMs()));
  let result: TimestampResult = { ok: false, message: 'The editor is not ready.' };
  // Its own undo step, never merged into the typing before it. The caret is the one drawn: the
  // page's commands take it before they act (EditorScreen's runCommand, selection-sync.ts).
  editor.update(
    () => {
      result = $insertTimestamp(ms);
    },
    { tag: HISTORY_PUSH_TAG },
  );
  notice.set(result.message);
  return result;
}

/** Seeks to a segment's start (real or estimated) and plays; false when it has no time. */
export function playSegment(session: EditorSession, segmentId: string): boolean {
  const editor = session.editor;
  if (!editor || !session.media.attached) return false;
  const timeline = estimatedTimeline(editor.getEditorState(), session.media.state.get().durationMs);
  const startMs = timeline.find((segment) => segment.segmentId === segmentId)?.startMs;
  if (startMs === undefined) return false;
  session.media.seek(startMs);
  session.media.play();
  return true;
}

/** Play from the caret's segment (Alt+Shift+P): the keyboard's way to the gutter time. */
export function playCaretSegment(session: EditorSession): boolean {
  const notice = timestampNotice(session);
  const editor = session.editor;
  if (!session.media.attached || !editor) {
    notice.set('Attach the audio or video first.');
    return true;
  }
  const segmentId = caretSegmentId(editor);
  if (!segmentId) {
    notice.set('Put the caret in the transcript first.');
    return true;
  }
  if (!playSegment(session, segmentId)) {
    notice.set('This segment has no time yet: insert one with F9 while listening.');
    return true;
  }
  notice.set(`Playing from ${formatShortClock(session.media.currentMs())}.`);
  return true;
}

/** The segment the caret is in (see insertTimestamp), or null when it is not in the text. */
function caretSegmentId(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection)
      ? ($segmentPlace(selection.anchor)?.segment.getSegmentId() ?? null)
      : null;
  });
}
