import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { formatChord, parseChord, type Chord, type KeyPress } from '../../../renderer/src/shortcuts/chord';
import {
  assignChord,
  bindingOf,
  buildKeymap,
  commandFor,
  conflictOf,
  resetCommand,
  type Keymap,
  type Overrides,
} from '../../../renderer/src/shortcuts/keymap';
import { SHORTCUT_TABLE } from '../../../renderer/src/shortcuts/table';

const chord = (text: string): Chord => parseChord(text) ?? (undefined as never);
const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const keysOf = (keymap: Keymap, command: MenuCommand) => bindingOf(keymap, command)?.chords.map(formatChord);
const build = (overrides: Overrides, mac = false) => buildKeymap(SHORTCUT_TABLE, overrides, mac);

describe('the keymap', () => {
  it('finds the command of a key press, with the chord it matched', () => {
    const keymap = build({});
    expect(commandFor(keymap, press(' ', 'Space', { ctrlKey: true }))?.command).toBe('play-pause');
    expect(commandFor(keymap, press('ArrowDown', 'ArrowDown', { altKey: true }))).toMatchObject({
      command: 'next-suggestion',
      chord: chord('Alt+ArrowDown'),
    });
    expect(commandFor(keymap, press('k', 'KeyK', { altKey: true }))).toBeUndefined();
  });

  it('an override replaces all of a command’s chords', () => {
    const keymap = build({ 'play-pause': [chord('Alt+K')] });
    expect(commandFor(keymap, press('k', 'KeyK', { altKey: true }))?.command).toBe('play-pause');
    expect(commandFor(keymap, press(' ', 'Space', { ctrlKey: true }))).toBeUndefined();
    expect(bindingOf(keymap, 'play-pause')?.changed).toBe(true);
    expect(bindingOf(keymap, 'skip-back')?.changed).toBe(false);
  });

  it('never binds a chord twice: a chosen chord wins over a default', () => {
    // A stale file: F8 given to play/pause, but next-suggestion still has its defaults.
    const keymap = build({ 'play-pause': [chord('F8')] });
    expect(keysOf(keymap, 'next-suggestion')).toEqual(['Alt+ArrowDown']);
    expect(commandFor(keymap, press('F8', 'F8'))?.command).toBe('play-pause');
  });
});

describe('conflicts', () => {
  it('finds the other command that has a chord, never the command itself', () => {
    const keymap = build({});
    expect(conflictOf(keymap, 'skip-forward', chord('Alt+P'))?.def.command).toBe('play-suggestion');
    expect(conflictOf(keymap, 'play-suggestion', chord('Alt+P'))).toBeUndefined();
    expect(conflictOf(keymap, 'skip-forward', chord('Alt+K'))).toBeUndefined();
    // Off macOS Ctrl is Mod, so Mod+Space is play/pause's Ctrl+Space; on macOS it is not.
    expect(conflictOf(keymap, 'find', chord('Mod+Space'))?.def.command).toBe('play-pause');
    expect(conflictOf(build({}, true), 'find', chord('Mod+Space'))).toBeUndefined();
  });

  it('assigning a taken chord moves it, and says from where', () => {
    const keymap = build({});
    const change = assignChord(keymap, {}, 'skip-forward', chord('Alt+ArrowDown'));
    expect(change.takenFrom.map((b) => b.def.command)).toEqual(['next-suggestion']);
    const after = build(change.overrides);
    expect(keysOf(after, 'skip-forward')).toEqual(['Alt+ArrowDown']);
    expect(keysOf(after, 'next-suggestion')).toEqual(['F8']);
  });

  it('a command may lose its only chord', () => {
    const change = assignChord(build({}), {}, 'skip-forward', chord('Alt+P'));
    expect(keysOf(build(change.overrides), 'play-suggestion')).toEqual([]);
  });

  it('assigning a command its own default again leaves no override', () => {
    const keymap = build({ 'play-pause': [chord('Alt+K')] });
    const change = assignChord(keymap, { 'play-pause': [chord('Alt+K')] }, 'play-pause', chord('Ctrl+Space'));
    expect(change.overrides).toEqual({});
  });
});

describe('resetting', () => {
  it('gives a command its defaults back, taking them from whoever has them now', () => {
    let overrides = assignChord(build({}), {}, 'skip-forward', chord('Ctrl+Space')).overrides;
    expect(keysOf(build(overrides), 'play-pause')).toEqual([]);
    const change = resetCommand(build(overrides), overrides, 'play-pause');
    overrides = change.overrides;
    expect(change.takenFrom.map((b) => b.def.command)).toEqual(['skip-forward']);
    expect(keysOf(build(overrides), 'play-pause')).toEqual(['Ctrl+Space']);
    expect(keysOf(build(overrides), 'skip-forward')).toEqual([]);
    expect(bindingOf(build(overrides), 'play-pause')?.changed).toBe(false);
    // And skip-forward's reset puts everything back as it was.
    expect(resetCommand(build(overrides), overrides, 'skip-forward').overrides).toEqual({});
  });
});
