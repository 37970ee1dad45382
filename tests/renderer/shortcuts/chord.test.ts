import { describe, expect, it } from 'vitest';
import {
  ariaChord,
  chordFromEvent,
  chordMatches,
  formatChord,
  parseChord,
  printChord,
  printChords,
  sameChord,
  type Chord,
  type KeyPress,
} from '../../../renderer/src/shortcuts/chord';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

function chord(text: string): Chord {
  const parsed = parseChord(text);
  if (!parsed) throw new Error(`"${text}" does not parse`);
  return parsed;
}

describe('parsing and writing chords', () => {
  it.each([
    ['Mod+Shift+G', { mod: true, ctrl: false, alt: false, shift: true, key: 'G' }],
    ['ctrl+space', { mod: false, ctrl: true, alt: false, shift: false, key: 'Space' }],
    ['Alt+Down', { mod: false, ctrl: false, alt: true, shift: false, key: 'ArrowDown' }],
    ['f8', { mod: false, ctrl: false, alt: false, shift: false, key: 'F8' }],
    ['Shift+?', { mod: false, ctrl: false, alt: false, shift: false, key: '?' }],
    ['Mod+[', { mod: true, ctrl: false, alt: false, shift: false, key: '[' }],
    ['Ctrl++', { mod: false, ctrl: true, alt: false, shift: false, key: '+' }],
    ['Option+esc', { mod: false, ctrl: false, alt: true, shift: false, key: 'Escape' }],
  ])('%s', (text, expected) => {
    expect(parseChord(text)).toEqual(expected);
  });

  it.each(['', 'Mod+', 'Hyper+K', 'Alt+Alt+K', 'Ctrl+Banana', 'F25'])('refuses "%s"', (text) => {
    expect(parseChord(text)).toBeNull();
  });

  it.each(['Mod+Shift+G', 'Ctrl+Space', 'Alt+ArrowDown', 'F8', '?', 'Mod+]', 'Mod+Alt+F', 'Alt+Shift+Enter'])(
    'writes %s back as it was read',
    (text) => {
      expect(formatChord(chord(text))).toBe(text);
    },
  );
});

describe('printing chords for people', () => {
  it.each([
    ['Mod+Shift+G', false, 'Ctrl+Shift+G'],
    ['Mod+Shift+G', true, '⌘+Shift+G'],
    ['Ctrl+Space', true, 'Ctrl+Space'],
    ['Ctrl+Space', false, 'Ctrl+Space'],
    ['Alt+ArrowDown', false, 'Alt+↓'],
    ['Shift+F8', false, 'Shift+F8'],
    ['Mod+[', true, '⌘+['],
    ['Shift+Escape', false, 'Shift+Esc'],
  ])('%s (mac: %s) is %s', (text, mac, shown) => {
    expect(printChord(chord(text), mac)).toBe(shown);
  });

  it('joins alternatives with "or"', () => {
    expect(printChords([chord('F8'), chord('Alt+ArrowDown')], false)).toBe('F8 or Alt+↓');
  });

  it('gives aria-keyshortcuts names', () => {
    expect(ariaChord(chord('Ctrl+Space'), false)).toBe('Control+Space');
    expect(ariaChord(chord('Mod+Shift+M'), true)).toBe('Meta+Shift+M');
    expect(ariaChord(chord('Alt+P'), true)).toBe('Alt+P');
  });

  it('Ctrl and Mod are one key off macOS and two on it', () => {
    expect(sameChord(chord('Ctrl+K'), chord('Mod+K'), false)).toBe(true);
    expect(sameChord(chord('Ctrl+K'), chord('Mod+K'), true)).toBe(false);
  });
});

describe('matching key presses', () => {
  it('Ctrl+Space on every platform, by its code', () => {
    const c = chord('Ctrl+Space');
    expect(chordMatches(c, press(' ', 'Space', { ctrlKey: true }), false)).toBe(true);
    expect(chordMatches(c, press(' ', 'Space', { ctrlKey: true }), true)).toBe(true);
    expect(chordMatches(c, press(' ', 'Space', { metaKey: true }), true)).toBe(false);
    expect(chordMatches(c, press(' ', 'Space', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(chordMatches(c, press(' ', 'Space'), false)).toBe(false);
  });

  it('Mod is Cmd on macOS and Ctrl elsewhere, and exactly the modifiers asked for', () => {
    const c = chord('Mod+Shift+G');
    expect(chordMatches(c, press('G', 'KeyG', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(chordMatches(c, press('G', 'KeyG', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(chordMatches(c, press('G', 'KeyG', { ctrlKey: true, shiftKey: true }), true)).toBe(false);
    expect(chordMatches(c, press('G', 'KeyG', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe(
      false,
    );
    // The Windows key belongs to the system.
    expect(chordMatches(c, press('G', 'KeyG', { ctrlKey: true, shiftKey: true, metaKey: true }), false)).toBe(
      false,
    );
  });

  it('letters follow the letter typed, and its place when the layout types no Latin letter', () => {
    const find = chord('Mod+F');
    expect(chordMatches(find, press('f', 'KeyF', { ctrlKey: true }), false)).toBe(true);
    // Dvorak: the F cap sits where QWERTY has Y.
    expect(chordMatches(find, press('f', 'KeyY', { ctrlKey: true }), false)).toBe(true);
    expect(chordMatches(find, press('u', 'KeyF', { ctrlKey: true }), false)).toBe(false);
    // Russian layout, and macOS's Alt+P typing "π".
    expect(chordMatches(find, press('а', 'KeyF', { ctrlKey: true }), false)).toBe(true);
    expect(chordMatches(chord('Alt+P'), press('π', 'KeyP', { altKey: true }), true)).toBe(true);
  });

  it('brackets and digits by their place', () => {
    expect(chordMatches(chord('Mod+['), press('ü', 'BracketLeft', { ctrlKey: true }), false)).toBe(true);
    expect(chordMatches(chord('Mod+1'), press('&', 'Digit1', { ctrlKey: true }), false)).toBe(true);
  });

  it('a character such as "?" by the key, whatever Shift it needed', () => {
    const c = chord('?');
    expect(chordMatches(c, press('?', 'Slash', { shiftKey: true }), false)).toBe(true);
    expect(chordMatches(c, press('?', 'Minus'), false)).toBe(true);
    expect(chordMatches(c, press('?', 'Slash', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(chordMatches(c, press('/', 'Slash'), false)).toBe(false);
  });

  it('named keys by the key', () => {
    expect(chordMatches(chord('F8'), press('F8', 'F8'), false)).toBe(true);
    expect(chordMatches(chord('F8'), press('F8', 'F8', { shiftKey: true }), false)).toBe(false);
    expect(chordMatches(chord('Shift+F8'), press('F8', 'F8', { shiftKey: true }), false)).toBe(true);
    expect(
      chordMatches(chord('Alt+ArrowDown'), press('ArrowDown', 'ArrowDown', { altKey: true }), false),
    ).toBe(true);
  });
});

describe('recording a chord from a key press', () => {
  it('waits while only modifiers are down', () => {
    expect(chordFromEvent(press('Alt', 'AltLeft', { altKey: true }), false)).toBeNull();
    expect(chordFromEvent(press('Control', 'ControlLeft', { ctrlKey: true }), false)).toBeNull();
  });

  it.each([
    [press('k', 'KeyK', { altKey: true }), false, 'Alt+K'],
    [press('˚', 'KeyK', { altKey: true }), true, 'Alt+K'],
    [press(' ', 'Space', { ctrlKey: true }), false, 'Mod+Space'],
    [press(' ', 'Space', { ctrlKey: true }), true, 'Ctrl+Space'],
    [press('J', 'KeyJ', { metaKey: true, shiftKey: true }), true, 'Mod+Shift+J'],
    [press('F9', 'F9'), false, 'F9'],
    [press('ArrowDown', 'ArrowDown', { altKey: true }), false, 'Alt+ArrowDown'],
    [press('?', 'Slash', { shiftKey: true }), false, '?'],
    [press('ü', 'BracketLeft', { ctrlKey: true }), false, 'Mod+['],
    [press('!', 'Digit1', { ctrlKey: true, shiftKey: true }), false, 'Mod+Shift+1'],
  ])('%o (mac: %s) is %s', (event, mac, text) => {
    const recorded = chordFromEvent(event, mac);
    expect(recorded && formatChord(recorded)).toBe(text);
    // And the recorded chord matches the very press it came from.
    expect(recorded && chordMatches(recorded, event, mac)).toBe(true);
  });
});
