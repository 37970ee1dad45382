/**
 * The editor's selection catches up with the caret the browser draws only when the browser's
 * selectionchange event arrives, which Chromium sends with the next frame. A key pressed before
 * then (keys in quick succession, or a busy page: a waveform being drawn, a long transcript
 * re-rendering) would act where the caret WAS: Lexical's own keys (an arrow across a paragraph's
 * edge, Backspace) and the page's commands (F9 splitting a segment, Alt+Shift+P) all read the
 * editor's selection, not the browser's. So whatever acts on a key takes the drawn caret first.
 */
import {
  $createRangeSelectionFromDom,
  $getEditor,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  getDOMSelectionFromTarget,
  isSelectionWithinEditor,
} from 'lexical';

/** Inside an update: makes the editor's selection the one the browser shows, when that is in the editor. */
export function $syncSelectionFromDom(): void {
  const editor = $getEditor();
  const root = editor.getRootElement();
  const drawn = getDOMSelectionFromTarget(root);
  if (!root || !drawn?.anchorNode || !isSelectionWithinEditor(editor, drawn.anchorNode, drawn.focusNode)) {
    return;
  }
  const current = $getSelection();
  // A node selection (nothing of the kind in a transcript) has no caret in the text to follow.
  if (current !== null && !$isRangeSelection(current)) return;
  const selection = $createRangeSelectionFromDom(drawn, editor);
  if (selection && !selection.is(current)) $setSelection(selection);
}
