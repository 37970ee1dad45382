/**
 * One key chord (modifiers + a key): parsed from and written as portable text ("Mod+Shift+G",
 * "Ctrl+Space", "Alt+ArrowDown", "F8", "?"), printed for people (⌘ on macOS), and matched against
 * keydown events. Pure: `mac` is passed in, so every platform is tested anywhere.
 *
 * How a key is matched depends on what it is:
 * - letters: by `event.key`, falling back to `event.code` when the key is not a Latin letter (a
 *   Cyrillic layout, or macOS's Alt+P typing "π"), so Ctrl+F follows the letter printed on the cap;
 * - digits, brackets and Space: by `event.code` (their place on the keyboard; the character on
 *   them differs between layouts, e.g. Ctrl+1 types "&" on AZERTY);
 * - named keys (F1–F24, Enter, arrows…): by `event.key`;
 * - any other character ("?"): by `event.key`, ignoring Shift, which the layout may need to type it.
 */

export interface Chord {
  /** Cmd on macOS, Ctrl elsewhere. */
  mod: boolean;
  /** The Control key itself, on macOS only (elsewhere it is `mod`; see normalizeChord). */
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** 'A'–'Z', '0'–'9', '[', ']', 'Space', a named key ('F8', 'ArrowDown', 'Enter'), or a character ('?'). */
  key: string;
}

/** The event fields a chord looks at (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const NAMED_KEYS = [
  'Enter',
  'Escape',
  'Backspace',
  'Delete',
  'Insert',
  'Tab',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
] as const;
const NAMED_BY_LOWER = new Map<string, string>(NAMED_KEYS.map((name) => [name.toLowerCase(), name]));
const KEY_ALIASES = new Map<string, string>([
  ['esc', 'Escape'],
  ['return', 'Enter'],
  ['del', 'Delete'],
  ['up', 'ArrowUp'],
  ['down', 'ArrowDown'],
  ['left', 'ArrowLeft'],
  ['right', 'ArrowRight'],
  ['space', 'Space'],
]);
/** Keys matched by their place on the keyboard. */
const CODE_OF: Readonly<Record<string, string>> = { '[': 'BracketLeft', ']': 'BracketRight', Space: 'Space' };
const KEY_OF_CODE = new Map(Object.entries(CODE_OF).map(([key, code]) => [code, key]));
/** What a lone modifier (or a key that types nothing yet) reports as its key: not a chord. */
const NOT_A_KEY = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'FnLock',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Dead',
  'Process',
  'Unidentified',
  'Compose',
]);
const ARROWS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};

const isLetter = (key: string) => /^[A-Z]$/.test(key);
const isDigit = (key: string) => /^[0-9]$/.test(key);
export const isFunctionKey = (key: string) => /^F([1-9]|1[0-9]|2[0-4])$/.test(key);
const isNamed = (key: string) => NAMED_BY_LOWER.has(key.toLowerCase()) || isFunctionKey(key);
/** A character matched by event.key, where Shift is part of typing it ("?"). */
const isCharacter = (key: string) =>
  [...key].length === 1 && !isLetter(key) && !isDigit(key) && !(key in CODE_OF);

/** A key that types something when pressed alone (a letter, a digit, a character, Space). */
export function typesText(key: string): boolean {
  return key === 'Space' || [...key].length === 1;
}

/** True when a chord is a plain key that types (e.g. "?"): it must leave text fields alone. */
export function isTypingChord(chord: Chord): boolean {
  return !chord.mod && !chord.ctrl && !chord.alt && typesText(chord.key);
}

function canonicalKey(text: string): string | null {
  if (text.length === 0) return null;
  const upper = text.toUpperCase();
  if (isFunctionKey(upper)) return upper;
  const lower = text.toLowerCase();
  const named = NAMED_BY_LOWER.get(lower) ?? KEY_ALIASES.get(lower);
  if (named) return named;
  if ([...text].length !== 1) return null;
  return /^[a-z]$/.test(text) ? text.toUpperCase() : text;
}

/** A chord as it should be compared on this platform: off macOS, Ctrl is the `mod` key; a character ignores Shift. */
export function normalizeChord(chord: Chord, mac: boolean): Chord {
  const mod = chord.mod || (!mac && chord.ctrl);
  const ctrl = mac && chord.ctrl;
  return { mod, ctrl, alt: chord.alt, shift: chord.shift && !isCharacter(chord.key), key: chord.key };
}

/** Parses portable chord text ("Mod+Shift+G", "ctrl+space", "Alt+Down", "?"); null if it is not one. */
export function parseChord(text: string): Chord | null {
  const trimmed = text.trim();
  // The key may itself be "+" ("Ctrl++").
  const cut = trimmed.endsWith('++') ? trimmed.length - 2 : trimmed.lastIndexOf('+');
  const keyText = trimmed === '+' ? '+' : cut < 0 ? trimmed : trimmed.slice(cut + 1);
  const modifiers = trimmed === '+' || cut < 0 ? [] : trimmed.slice(0, cut).split('+');
  const key = canonicalKey(keyText);
  if (key === null) return null;
  const chord: Chord = { mod: false, ctrl: false, alt: false, shift: false, key };
  for (const modifier of modifiers) {
    const name = modifier.trim().toLowerCase();
    const field = MODIFIER_NAMES[name];
    if (!field || chord[field]) return null;
    chord[field] = true;
  }
  return { ...chord, shift: chord.shift && !isCharacter(key) };
}

const MODIFIER_NAMES: Readonly<Record<string, 'mod' | 'ctrl' | 'alt' | 'shift' | undefined>> = {
  mod: 'mod',
  cmdorctrl: 'mod',
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
};

/** "Mod+Shift+G": the modifiers that apply (false for the others), then the key. */
function joinChord(modifiers: readonly (string | false)[], key: string): string {
  return [...modifiers.filter((part): part is string => part !== false), key].join('+');
}

/** Portable text for storage: parseChord(formatChord(c)) equals c. */
export function formatChord(chord: Chord): string {
  const parts = [chord.mod && 'Mod', chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift'];
  return joinChord(parts, chord.key);
}

/** As people read it: "⌘+Shift+G" on macOS, "Ctrl+Shift+G" elsewhere, "Alt+↓", "Esc". */
export function printChord(chord: Chord, mac: boolean): string {
  const c = normalizeChord(chord, mac);
  const key = ARROWS[c.key] ?? (c.key === 'Escape' ? 'Esc' : c.key);
  const parts = [c.mod && (mac ? '⌘' : 'Ctrl'), c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift'];
  return joinChord(parts, key);
}

/** Several chords for one command, as the sheet shows them: "F8 or Alt+↓". */
export function printChords(chords: readonly Chord[], mac: boolean): string {
  return chords.map((chord) => printChord(chord, mac)).join(' or ');
}

/** The aria-keyshortcuts value of one chord ("Control+Space", "Meta+Shift+G"). */
export function ariaChord(chord: Chord, mac: boolean): string {
  const c = normalizeChord(chord, mac);
  const parts = [
    c.mod && (mac ? 'Meta' : 'Control'),
    c.ctrl && 'Control',
    c.alt && 'Alt',
    c.shift && 'Shift',
  ];
  return joinChord(parts, c.key);
}

export function sameChord(a: Chord, b: Chord, mac: boolean): boolean {
  const x = normalizeChord(a, mac);
  const y = normalizeChord(b, mac);
  return x.mod === y.mod && x.ctrl === y.ctrl && x.alt === y.alt && x.shift === y.shift && x.key === y.key;
}

function keyMatches(key: string, press: KeyPress): boolean {
  if (isLetter(key)) {
    const typed = press.key.length === 1 && /^[a-z]$/i.test(press.key);
    return typed ? press.key.toUpperCase() === key : press.code === `Key${key}`;
  }
  if (isDigit(key)) return press.code === `Digit${key}` || press.code === `Numpad${key}`;
  const code = CODE_OF[key];
  if (code) return press.code === code;
  return press.key === key;
}

/** Whether a keydown is this chord: exactly its modifiers (Shift aside for characters) and its key. */
export function chordMatches(chord: Chord, press: KeyPress, mac: boolean): boolean {
  const c = normalizeChord(chord, mac);
  const mod = mac ? press.metaKey : press.ctrlKey;
  const ctrl = mac && press.ctrlKey;
  // Off macOS the Windows/Super key belongs to the system; no chord uses it.
  if (!mac && press.metaKey) return false;
  if (c.mod !== mod || c.ctrl !== ctrl || c.alt !== press.altKey) return false;
  if (!isCharacter(c.key) && c.shift !== press.shiftKey) return false;
  return keyMatches(c.key, press);
}

/** The chord a keydown makes, for recording a new shortcut; null for a lone modifier or an unknown key. */
export function chordFromEvent(press: KeyPress, mac: boolean): Chord | null {
  if (NOT_A_KEY.has(press.key)) return null;
  if (!mac && press.metaKey) return null;
  const key = keyOfPress(press);
  if (key === null) return null;
  const chord: Chord = {
    mod: mac ? press.metaKey : press.ctrlKey,
    ctrl: mac && press.ctrlKey,
    alt: press.altKey,
    shift: press.shiftKey,
    key,
  };
  return normalizeChord(chord, mac);
}

function keyOfPress(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1];
  if (letter) return /^[a-z]$/i.test(press.key) ? press.key.toUpperCase() : letter;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(press.code)?.[1];
  if (digit) return digit;
  const placed = KEY_OF_CODE.get(press.code);
  if (placed) return placed;
  if (isNamed(press.key)) return canonicalKey(press.key);
  return [...press.key].length === 1 ? canonicalKey(press.key) : null;
}
