import { describe, expect, it } from 'vitest';
import { formatChord, parseChord, type Chord } from '../../../renderer/src/shortcuts/chord';
import type { Overrides } from '../../../renderer/src/shortcuts/keymap';
import {
  loadOverrides,
  parseOverrides,
  saveOverrides,
  serializeOverrides,
  SHORTCUTS_STORAGE_KEY,
  type ShortcutStorage,
} from '../../../renderer/src/shortcuts/overrides';
import { ShortcutStore } from '../../../renderer/src/shortcuts/store';
import { SHORTCUT_TABLE } from '../../../renderer/src/shortcuts/table';

const chord = (text: string): Chord => parseChord(text) ?? (undefined as never);
const texts = (overrides: Overrides) =>
  Object.fromEntries(
    Object.entries(overrides).map(([command, chords]) => [command, chords?.map(formatChord)]),
  );
const parse = (raw: string | null) => texts(parseOverrides(raw, SHORTCUT_TABLE, false));
const stored = (bindings: unknown, version: unknown = 1) => JSON.stringify({ version, bindings });

class MemoryStorage implements ShortcutStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('stored shortcut changes', () => {
  it('round-trip through versioned JSON', () => {
    const overrides: Overrides = { 'play-pause': [chord('Alt+K')], 'play-suggestion': [] };
    const raw = serializeOverrides(overrides);
    expect(JSON.parse(raw)).toEqual({
      version: 1,
      bindings: { 'play-pause': ['Alt+K'], 'play-suggestion': [] },
    });
    expect(parse(raw)).toEqual({ 'play-pause': ['Alt+K'], 'play-suggestion': [] });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"version": 1, "bindings": {'],
    ['another version', stored({ 'play-pause': ['Alt+K'] }, 2)],
    ['no version', JSON.stringify({ bindings: { 'play-pause': ['Alt+K'] } })],
    ['bindings not an object', stored(['Alt+K'])],
    ['a JSON array', '[]'],
    ['a JSON string', '"Alt+K"'],
  ])('ignore everything when there is %s', (_, raw) => {
    expect(parse(raw)).toEqual({});
  });

  it('ignore unknown commands and damaged entries, keeping the good ones', () => {
    const raw = stored({
      'play-pause': ['Alt+K'],
      'no-such-command': ['Alt+J'],
      'go-to-start': ['Alt+G'], // a menu command without a row in the table
      'skip-back': 'Alt+B', // not a list
      'skip-forward': ['Alt+Banana'], // does not parse
      find: [42],
      replace: ['Mod+C'], // reserved: Copy
      'show-shortcuts': ['?'], // a default may be plain
      toString: ['Alt+T'],
    });
    expect(parse(raw)).toEqual({ 'play-pause': ['Alt+K'], 'show-shortcuts': ['?'] });
  });

  it('load from and save to storage, and forget when back to the defaults', () => {
    const storage = new MemoryStorage();
    saveOverrides(storage, { 'play-pause': [chord('Alt+K')] });
    expect(storage.items.get(SHORTCUTS_STORAGE_KEY)).toBe(
      '{"version":1,"bindings":{"play-pause":["Alt+K"]}}',
    );
    expect(texts(loadOverrides(storage, SHORTCUT_TABLE, false))).toEqual({ 'play-pause': ['Alt+K'] });
    saveOverrides(storage, {});
    expect(storage.items.has(SHORTCUTS_STORAGE_KEY)).toBe(false);
  });

  it('survive storage that throws', () => {
    const broken: ShortcutStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadOverrides(broken, SHORTCUT_TABLE, false)).toEqual({});
    expect(() => saveOverrides(broken, { 'play-pause': [chord('Alt+K')] })).not.toThrow();
  });

  it('the store applies, saves and reloads them', () => {
    const storage = new MemoryStorage();
    const store = new ShortcutStore(storage, SHORTCUT_TABLE, false);
    let changes = 0;
    store.subscribe(() => changes++);
    store.apply({ 'play-pause': [chord('Alt+K')] });
    expect(changes).toBe(1);
    const press = { key: 'k', code: 'KeyK', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(store.commandFor(press)?.command).toBe('play-pause');
    expect(new ShortcutStore(storage, SHORTCUT_TABLE, false).chordsOf('play-pause').map(formatChord)).toEqual(
      ['Alt+K'],
    );
    store.resetAll();
    expect(store.chordsOf('play-pause').map(formatChord)).toEqual(['Ctrl+Space']);
    expect(storage.items.size).toBe(0);
  });
});
