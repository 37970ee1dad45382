import { describe, expect, it } from 'vitest';
import { isMenuCommand } from '../../../shared/api/menu-commands';
import { parseChord, printChords, sameChord } from '../../../renderer/src/shortcuts/chord';
import { buildKeymap, defaultChords } from '../../../renderer/src/shortcuts/keymap';
import { SHORTCUT_TABLE } from '../../../renderer/src/shortcuts/table';

describe('the shortcut table', () => {
  it('names each command once, and only real commands', () => {
    const commands = SHORTCUT_TABLE.map((row) => row.command);
    expect(new Set(commands).size).toBe(commands.length);
    expect(commands.every(isMenuCommand)).toBe(true);
  });

  it('has chords that parse', () => {
    for (const row of SHORTCUT_TABLE) {
      for (const text of [...row.keys, ...(row.macKeys ?? [])]) expect(parseChord(text), text).not.toBeNull();
    }
  });

  it.each([false, true])('binds no chord twice (mac: %s)', (mac) => {
    const all = SHORTCUT_TABLE.flatMap((row) => defaultChords(row, mac).map((chord) => ({ row, chord })));
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) {
        expect(sameChord(a.chord, b.chord, mac), `${a.row.command} and ${b.row.command}`).toBe(false);
      }
    }
  });

  // The keys people already know, as the sheet has always shown them.
  it.each([
    ['next-suggestion', false, 'F8 or Alt+↓'],
    ['previous-suggestion', false, 'Shift+F8 or Alt+↑'],
    ['accept-all-for-entry', false, 'Alt+Shift+Enter'],
    ['replace', false, 'Ctrl+H'],
    ['replace', true, '⌘+Alt+F'],
    ['play-pause', true, 'Ctrl+Space'],
    ['skip-back', true, '⌘+['],
    ['skip-forward', false, 'Ctrl+]'],
    ['show-shortcuts', false, '? or F1'],
  ] as const)('%s (mac: %s) is %s by default', (command, mac, shown) => {
    const binding = buildKeymap(SHORTCUT_TABLE, {}, mac).bindings.find((b) => b.def.command === command);
    expect(binding && printChords(binding.chords, mac)).toBe(shown);
  });
});
