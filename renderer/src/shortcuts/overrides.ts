/**
 * A person's shortcut changes, kept in the page's storage: a preference of this person on this
 * machine. Versioned JSON, `{ "version": 1, "bindings": { "play-pause": ["Alt+K"] } }`, chords as
 * portable text. A damaged file, an unknown version, an unknown command or a chord that does not
 * parse (or may not be assigned) is ignored: that command keeps its defaults.
 */
import { isMenuCommand, type MenuCommand } from '../../../shared/api/menu-commands';
import { formatChord, parseChord, sameChord, type Chord } from './chord';
import { defaultChords, type Overrides } from './keymap';
import { reservedReason } from './rules';
import type { ShortcutDef } from './table';

export const SHORTCUTS_STORAGE_KEY = 'glossa.shortcuts';
export const SHORTCUTS_VERSION = 1;

/** The part of Storage used here (localStorage in the app, a Map-backed stand-in in tests). */
export type ShortcutStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function parseOverrides(raw: string | null, table: readonly ShortcutDef[], mac: boolean): Overrides {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(data) || data.version !== SHORTCUTS_VERSION || !isRecord(data.bindings)) return {};
  const overrides: Partial<Record<MenuCommand, readonly Chord[]>> = {};
  for (const [command, texts] of Object.entries(data.bindings)) {
    const def = table.find((row) => row.command === command);
    if (!isMenuCommand(command) || !def || !Array.isArray(texts)) continue;
    const chords = parseEntry(texts, def, mac);
    if (chords) overrides[command] = chords;
  }
  return overrides;
}

/** All of an entry's chords, or null if any is not a valid, assignable chord. */
function parseEntry(texts: readonly unknown[], def: ShortcutDef, mac: boolean): Chord[] | null {
  const defaults = defaultChords(def, mac);
  const chords: Chord[] = [];
  for (const text of texts) {
    const chord = typeof text === 'string' ? parseChord(text) : null;
    if (!chord) return null;
    const isDefault = defaults.some((d) => sameChord(d, chord, mac));
    if (!isDefault && reservedReason(chord, mac) !== null) return null;
    if (!chords.some((c) => sameChord(c, chord, mac))) chords.push(chord);
  }
  return chords;
}

export function serializeOverrides(overrides: Overrides): string {
  const bindings: Record<string, string[]> = {};
  for (const [command, chords] of Object.entries(overrides)) {
    if (chords) bindings[command] = chords.map(formatChord);
  }
  return JSON.stringify({ version: SHORTCUTS_VERSION, bindings });
}

export function loadOverrides(
  storage: ShortcutStorage | undefined,
  table: readonly ShortcutDef[],
  mac: boolean,
): Overrides {
  try {
    return parseOverrides(storage?.getItem(SHORTCUTS_STORAGE_KEY) ?? null, table, mac);
  } catch {
    // Storage unavailable (private mode, a sandboxed frame): the defaults will do.
    return {};
  }
}

export function saveOverrides(storage: ShortcutStorage | undefined, overrides: Overrides): void {
  try {
    if (Object.keys(overrides).length === 0) storage?.removeItem(SHORTCUTS_STORAGE_KEY);
    else storage?.setItem(SHORTCUTS_STORAGE_KEY, serializeOverrides(overrides));
  } catch {
    // Not remembered this time; the change still applies until the page reloads.
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
