/**
 * The keymap in effect in this page, one for the whole app: the key handler reads it on every key
 * press, the sheet changes it, labels follow it. Changes are saved at once.
 */
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { Observable } from '../lib/observable';
import type { Chord, KeyPress } from './chord';
import { bindingOf, buildKeymap, commandFor, type Keymap, type Overrides } from './keymap';
import { loadOverrides, saveOverrides, type ShortcutStorage } from './overrides';
import { isMac } from './platform';
import { SHORTCUT_TABLE, type ShortcutDef } from './table';

export interface ShortcutState {
  overrides: Overrides;
  keymap: Keymap;
}

export class ShortcutStore {
  private readonly state: Observable<ShortcutState>;

  constructor(
    private readonly storage: ShortcutStorage | undefined,
    private readonly table: readonly ShortcutDef[],
    readonly mac: boolean,
  ) {
    this.state = new Observable(this.stateOf(loadOverrides(storage, table, mac)));
  }

  get = (): ShortcutState => this.state.get();
  subscribe = (listener: () => void) => this.state.subscribe(listener);

  /** Applies and saves new overrides (from assignChord/resetCommand in keymap.ts). */
  apply(overrides: Overrides): void {
    saveOverrides(this.storage, overrides);
    this.state.set(this.stateOf(overrides));
  }

  resetAll(): void {
    this.apply({});
  }

  commandFor(press: KeyPress): { command: MenuCommand; chord: Chord } | undefined {
    return commandFor(this.state.get().keymap, press);
  }

  chordsOf(command: MenuCommand): readonly Chord[] {
    return bindingOf(this.state.get().keymap, command)?.chords ?? [];
  }

  private stateOf(overrides: Overrides): ShortcutState {
    return { overrides, keymap: buildKeymap(this.table, overrides, this.mac) };
  }
}

function pageStorage(): ShortcutStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const shortcutStore = new ShortcutStore(pageStorage(), SHORTCUT_TABLE, isMac);
