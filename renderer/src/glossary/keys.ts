/**
 * Which key presses the glossary panel keeps to itself. Pure: it looks at the key and modifiers
 * only, so it is tested without a DOM.
 */

/** The modifier and key fields of a keydown event that matter here. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl/Cmd + these keys edit text in a field; they never reach the app's shortcuts. */
const TEXT_EDITING_KEYS = new Set([
  'a',
  'c',
  'v',
  'x',
  'z',
  'y',
  'backspace',
  'delete',
  'arrowleft',
  'arrowright',
  'arrowup',
  'arrowdown',
  'home',
  'end',
  'enter',
]);

/**
 * True for a Ctrl/Cmd shortcut meant for the whole app (Ctrl+O, Ctrl+Shift+G), which may leave the
 * panel's text fields; plain keys, Alt combinations (Alt+Enter), function keys (F8) and text
 * editing shortcuts stay in the field.
 */
export function isAppShortcut(press: KeyPress): boolean {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return false;
  return !TEXT_EDITING_KEYS.has(press.key.toLowerCase());
}

/** Ctrl+Z (Cmd+Z on macOS), without Shift or Alt: undo. */
export function isUndoKey(press: KeyPress): boolean {
  return (
    (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'z'
  );
}

/** Ctrl+Enter or Cmd+Enter: send the form from any field, the notes box included. */
export function isSubmitKey(press: KeyPress): boolean {
  return (press.ctrlKey || press.metaKey) && !press.altKey && press.key === 'Enter';
}

/** The keys that delete the focused entry: Delete, or Cmd+Backspace as on macOS. */
export function isDeleteKey(press: KeyPress): boolean {
  if (press.altKey || press.shiftKey || press.ctrlKey) return false;
  return (press.key === 'Delete' && !press.metaKey) || (press.key === 'Backspace' && press.metaKey);
}
