/** React's view of the keymap: re-renders when a shortcut changes. */
import { useMemo, useSyncExternalStore } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { ariaChord, printChord, printChords } from './chord';
import { bindingOf, type Keymap } from './keymap';
import { shortcutStore, type ShortcutState } from './store';

export function useShortcutState(): ShortcutState {
  return useSyncExternalStore(shortcutStore.subscribe, shortcutStore.get);
}

export interface KeyLabels {
  /** Every chord of a command, "F8 or Alt+↓"; '' when it has none. */
  all(command: MenuCommand): string;
  /** Its first chord, for a button or a card ("Alt+Enter"); '' when it has none. */
  first(command: MenuCommand): string;
  /** Its aria-keyshortcuts value, or undefined when it has no chord. */
  aria(command: MenuCommand): string | undefined;
}

export function keyLabels(keymap: Keymap): KeyLabels {
  const chords = (command: MenuCommand) => bindingOf(keymap, command)?.chords ?? [];
  return {
    all: (command) => printChords(chords(command), keymap.mac),
    first: (command) => {
      const chord = chords(command)[0];
      return chord ? printChord(chord, keymap.mac) : '';
    },
    aria: (command) =>
      chords(command)
        .map((chord) => ariaChord(chord, keymap.mac))
        .join(' ') || undefined,
  };
}

/** Key labels that follow the person's shortcuts. */
export function useKeyLabels(): KeyLabels {
  const { keymap } = useShortcutState();
  return useMemo(() => keyLabels(keymap), [keymap]);
}

/** "Play (Ctrl+Space)", or just "Play" when the command has no keys. */
export function withKeys(text: string, keys: string): string {
  return keys ? `${text} (${keys})` : text;
}
