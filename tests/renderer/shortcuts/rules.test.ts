import { describe, expect, it } from 'vitest';
import { parseChord, type Chord } from '../../../renderer/src/shortcuts/chord';
import { reservedReason } from '../../../renderer/src/shortcuts/rules';

const chord = (text: string): Chord => parseChord(text) ?? (undefined as never);

describe('chords that cannot be assigned', () => {
  it.each([
    ['Mod+C', false, 'Ctrl+C is kept for Copy.'],
    ['Mod+V', true, '⌘+V is kept for Paste.'],
    ['Mod+Shift+Z', false, 'Ctrl+Shift+Z is kept for Undo and Redo.'],
    ['Mod+A', false, 'Ctrl+A is kept for Select all.'],
    ['Mod+S', false, 'Ctrl+S is kept for Save.'],
    ['Mod+Y', false, 'Ctrl+Y is kept for Redo.'],
    ['Mod+X', false, 'Ctrl+X is kept for Cut.'],
    ['Tab', false, 'Tab moves the focus between controls.'],
    ['Shift+Tab', false, 'Shift+Tab moves the focus between controls.'],
    ['Escape', false, 'Esc closes panels and dialogs.'],
    ['K', false, 'K types text; add Ctrl or Alt, or use an F key.'],
    ['Shift+K', false, 'Shift+K types text; add Ctrl or Alt, or use an F key.'],
    ['7', false, '7 types text; add Ctrl or Alt, or use an F key.'],
    ['Space', false, 'Space types text; add Ctrl or Alt, or use an F key.'],
    ['Enter', false, 'Enter moves or edits text; add Ctrl or Alt.'],
    ['Backspace', false, 'Backspace moves or edits text; add Ctrl or Alt.'],
    ['Shift+ArrowLeft', false, 'Shift+← moves or edits text; add Ctrl or Alt.'],
    ['Mod+Home', false, 'Ctrl+Home moves or edits text.'],
    ['Alt+ArrowLeft', true, 'Alt+← moves through text.'],
    ['Alt+F4', false, 'Alt+F4 closes the window.'],
  ])('%s (mac: %s): %s', (text, mac, reason) => {
    expect(reservedReason(chord(text), mac)).toBe(reason);
  });

  it('a Ctrl+C on macOS is the Control key, not Copy (⌘+C)', () => {
    expect(reservedReason(chord('Ctrl+C'), true)).toBeNull();
    expect(reservedReason(chord('Ctrl+C'), false)).toBe('Ctrl+C is kept for Copy.');
  });

  it.each([
    'Alt+K',
    'Mod+K',
    'Ctrl+Space',
    'F9',
    'Shift+F9',
    'Mod+Shift+C',
    'Alt+ArrowDown',
    'Alt+Enter',
    'Shift+Escape',
  ])('%s may be assigned', (text) => {
    expect(reservedReason(chord(text), false)).toBeNull();
  });
});
