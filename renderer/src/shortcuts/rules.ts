/**
 * Chords a person may not give a command, because the app, the text or the system needs them.
 * Only new assignments are checked: a default (e.g. "?" for the sheet) is always allowed. Plain F keys
 * type nothing, so they are fine for any command.
 */
import { normalizeChord, printChord, typesText, type Chord } from './chord';

/** Ctrl/Cmd + these letters edit text or run the window; with Shift too where noted. */
const MOD_LETTERS: Readonly<Record<string, { name: string; withShift?: true }>> = {
  C: { name: 'Copy' },
  V: { name: 'Paste', withShift: true },
  X: { name: 'Cut' },
  Z: { name: 'Undo and Redo', withShift: true },
  Y: { name: 'Redo' },
  A: { name: 'Select all' },
  S: { name: 'Save' },
  W: { name: 'Close window' },
  Q: { name: 'Quit' },
};
const CARET_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const EDITING_KEYS = new Set([...CARET_KEYS, 'Enter', 'Backspace', 'Delete', 'Insert']);

/** Why a chord cannot be assigned ("Ctrl+C is kept for Copy."), or null when it can. */
export function reservedReason(chord: Chord, mac: boolean): string | null {
  const c = normalizeChord(chord, mac);
  const shown = printChord(c, mac);
  const plain = !c.mod && !c.ctrl && !c.alt;
  if (c.key === 'Tab') return `${shown} moves the focus between controls.`;
  if (plain && c.key === 'Escape' && !c.shift) return 'Esc closes panels and dialogs.';
  if (plain && typesText(c.key))
    return `${shown} types text; add ${mac ? '⌘, Ctrl or Alt' : 'Ctrl or Alt'}, or use an F key.`;
  if (plain && EDITING_KEYS.has(c.key)) return `${shown} moves or edits text; add Ctrl or Alt.`;
  if (c.mod && !c.alt && !c.ctrl) {
    const letter = MOD_LETTERS[c.key];
    if (letter && (!c.shift || letter.withShift)) return `${shown} is kept for ${letter.name}.`;
    if (EDITING_KEYS.has(c.key)) return `${shown} moves or edits text.`;
  }
  // Alt+←/→ move by word on macOS (and go back/forward in browsers).
  if (c.alt && !c.mod && !c.ctrl && (c.key === 'ArrowLeft' || c.key === 'ArrowRight')) {
    return `${shown} moves through text.`;
  }
  if (!mac && c.alt && c.key === 'F4') return `${shown} closes the window.`;
  return null;
}
