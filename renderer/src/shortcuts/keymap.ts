/**
 * The keymap in effect: the table's defaults with a person's overrides on top. An override replaces
 * all of a command's chords (an empty list leaves it without any). Pure: the store (store.ts) keeps
 * the current one and saves the overrides.
 */
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { chordMatches, parseChord, sameChord, type Chord, type KeyPress } from './chord';
import type { ShortcutDef } from './table';

export type Overrides = Readonly<Partial<Record<MenuCommand, readonly Chord[]>>>;

export interface Binding {
  def: ShortcutDef;
  chords: readonly Chord[];
  /** True when the chords are the person's, not the defaults. */
  changed: boolean;
}

export interface Keymap {
  mac: boolean;
  /** In table order. */
  bindings: readonly Binding[];
}

export function defaultChords(def: ShortcutDef, mac: boolean): Chord[] {
  const texts = (mac ? def.macKeys : undefined) ?? def.keys;
  return texts.map((text) => {
    const chord = parseChord(text);
    if (!chord)
      throw new Error(`The shortcut table has a chord that does not parse: "${text}" (${def.command})`);
    return chord;
  });
}

const sameList = (a: readonly Chord[], b: readonly Chord[], mac: boolean) =>
  a.length === b.length && a.every((chord, i) => sameChord(chord, b[i] as Chord, mac));

/**
 * Defaults plus overrides. A chord is never bound twice (stored overrides may be stale): a chord
 * someone chose wins over a default, and otherwise the earlier row keeps it.
 */
export function buildKeymap(table: readonly ShortcutDef[], overrides: Overrides, mac: boolean): Keymap {
  const taken: Chord[] = [];
  const claim = (chords: readonly Chord[]) =>
    chords.filter((chord) => {
      if (taken.some((other) => sameChord(other, chord, mac))) return false;
      taken.push(chord);
      return true;
    });
  const chosen = new Map<MenuCommand, readonly Chord[]>();
  for (const def of table) {
    const own = overrides[def.command];
    if (own) chosen.set(def.command, claim(own));
  }
  const bindings = table.map((def): Binding => {
    const own = chosen.get(def.command);
    if (own) return { def, chords: own, changed: !sameList(own, defaultChords(def, mac), mac) };
    return { def, chords: claim(defaultChords(def, mac)), changed: false };
  });
  return { mac, bindings };
}

export function bindingOf(keymap: Keymap, command: MenuCommand): Binding | undefined {
  return keymap.bindings.find((binding) => binding.def.command === command);
}

/** The command a keydown runs, and the chord it matched. */
export function commandFor(
  keymap: Keymap,
  press: KeyPress,
): { command: MenuCommand; chord: Chord } | undefined {
  for (const binding of keymap.bindings) {
    const chord = binding.chords.find((c) => chordMatches(c, press, keymap.mac));
    if (chord) return { command: binding.def.command, chord };
  }
  return undefined;
}

/** Another command that already has this chord. */
export function conflictOf(keymap: Keymap, command: MenuCommand, chord: Chord): Binding | undefined {
  return keymap.bindings.find(
    (binding) =>
      binding.def.command !== command && binding.chords.some((c) => sameChord(c, chord, keymap.mac)),
  );
}

export interface Change {
  overrides: Overrides;
  /** Commands that lost a chord to this change. */
  takenFrom: Binding[];
}

/** Gives `command` these chords, taking them from any other command that has them. */
function give(keymap: Keymap, overrides: Overrides, command: MenuCommand, chords: readonly Chord[]): Change {
  const next: Partial<Record<MenuCommand, readonly Chord[]>> = { ...overrides, [command]: chords };
  const takenFrom: Binding[] = [];
  for (const binding of keymap.bindings) {
    if (binding.def.command === command) continue;
    const kept = binding.chords.filter((c) => !chords.some((chord) => sameChord(c, chord, keymap.mac)));
    if (kept.length === binding.chords.length) continue;
    next[binding.def.command] = kept;
    takenFrom.push(binding);
  }
  // An override equal to the defaults is no override (its row shows no Reset).
  for (const binding of keymap.bindings) {
    const own = next[binding.def.command];
    if (own && sameList(own, defaultChords(binding.def, keymap.mac), keymap.mac))
      delete next[binding.def.command];
  }
  return { overrides: next, takenFrom };
}

/** `command` gets this one chord instead of its current ones (another command using it loses it). */
export function assignChord(
  keymap: Keymap,
  overrides: Overrides,
  command: MenuCommand,
  chord: Chord,
): Change {
  return give(keymap, overrides, command, [chord]);
}

/** `command` gets its default chords back (from whichever command has them now). */
export function resetCommand(keymap: Keymap, overrides: Overrides, command: MenuCommand): Change {
  const binding = bindingOf(keymap, command);
  if (!binding) return { overrides, takenFrom: [] };
  return give(keymap, overrides, command, defaultChords(binding.def, keymap.mac));
}
