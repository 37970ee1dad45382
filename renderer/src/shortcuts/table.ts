/**
 * The keyboard of the correction workflow, in one table, so the key handler, the shortcuts sheet,
 * tooltips and the card's key labels agree. Each row: a command, its group, what it does, and its
 * default chords as portable text ("Mod" is ⌘ on macOS and Ctrl elsewhere; see chord.ts). People
 * may change the chords (keymap.ts, overrides.ts); the defaults stay here.
 *
 * To add a shortcut, add a row; a unit test checks every row parses and no two rows share a chord.
 * The Electron menu shows its own copy of the defaults (electron/menu-template.ts).
 */
import type { MenuCommand } from '../../../shared/api/menu-commands';

export type ShortcutGroup = 'suggestions' | 'editing' | 'playback' | 'app';

export interface ShortcutDef {
  command: MenuCommand;
  group: ShortcutGroup;
  description: string;
  /** Default chords, first one shown first (e.g. on the suggestion card). */
  keys: readonly string[];
  /** Defaults on macOS when they differ. */
  macKeys?: readonly string[];
}

export const GROUP_TITLES: Readonly<Record<ShortcutGroup, string>> = {
  suggestions: 'Suggestions',
  editing: 'Editing',
  playback: 'Playback',
  app: 'Glossa',
};

export const SHORTCUT_TABLE: readonly ShortcutDef[] = [
  {
    command: 'next-suggestion',
    group: 'suggestions',
    description: 'Next suggestion',
    keys: ['F8', 'Alt+ArrowDown'],
  },
  {
    command: 'previous-suggestion',
    group: 'suggestions',
    description: 'Previous suggestion',
    keys: ['Shift+F8', 'Alt+ArrowUp'],
  },
  {
    command: 'accept-suggestion',
    group: 'suggestions',
    description: 'Accept the current suggestion',
    keys: ['Alt+Enter'],
  },
  {
    command: 'accept-all-for-entry',
    group: 'suggestions',
    description: 'Accept all suggestions of the current entry',
    keys: ['Alt+Shift+Enter'],
  },
  {
    command: 'reject-suggestion',
    group: 'suggestions',
    description: 'Reject the suggestion under the caret',
    keys: ['Alt+Backspace', 'Alt+Delete'],
  },
  { command: 'find', group: 'editing', description: 'Find', keys: ['Mod+F'] },
  // Cmd+H hides the app on macOS.
  {
    command: 'replace',
    group: 'editing',
    description: 'Find and replace',
    keys: ['Mod+H'],
    macKeys: ['Mod+Alt+F'],
  },
  {
    command: 'add-glossary-entry',
    group: 'editing',
    description: 'Add the selected text to the glossary',
    keys: ['Mod+Shift+G'],
  },
  {
    command: 'flag-passage',
    group: 'editing',
    description: 'Flag the selected passage for fact-checking',
    keys: ['Mod+Shift+M'],
  },
  // Cmd+Space is Spotlight on macOS, so Ctrl+Space on every platform.
  {
    command: 'play-pause',
    group: 'playback',
    description: 'Play or pause the attached audio/video',
    keys: ['Ctrl+Space'],
  },
  { command: 'skip-back', group: 'playback', description: 'Back 5 seconds', keys: ['Mod+['] },
  { command: 'skip-forward', group: 'playback', description: 'Forward 5 seconds', keys: ['Mod+]'] },
  {
    command: 'play-suggestion',
    group: 'playback',
    description: 'Play the current suggestion’s passage (with a second around it)',
    keys: ['Alt+P'],
  },
  {
    command: 'play-segment',
    group: 'playback',
    description: 'Play from the start of the caret’s segment (its time in the gutter)',
    keys: ['Alt+Shift+P'],
  },
  // Not Mod+Shift+T (reopens a closed tab in browser mode) nor Mod+Alt+T (a terminal on Linux).
  {
    command: 'insert-timestamp',
    group: 'playback',
    description: 'Insert a timestamp at the caret from the playback position (splits the segment)',
    keys: ['F9'],
  },
  {
    command: 'export',
    group: 'app',
    description: 'Export the transcript (text, Word, subtitles…) or its corrections report',
    keys: ['Mod+Shift+E'],
  },
  { command: 'open', group: 'app', description: 'Open a transcript', keys: ['Mod+O'] },
  { command: 'show-shortcuts', group: 'app', description: 'Show keyboard shortcuts', keys: ['?', 'F1'] },
];

/** Keys that are not commands and cannot be changed, listed in the sheet for completeness. */
export function fixedKeys(mac: boolean): readonly { keys: string; description: string }[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { keys: `${mod}+Z / ${mod}+Shift+Z`, description: 'Undo / redo (also accepts, rejects and replace-all)' },
    { keys: mac ? '⌘↑ / ⌘↓' : 'Ctrl+Home / Ctrl+End', description: 'Start / end of the transcript' },
    { keys: 'Esc', description: 'Close a panel or dialog' },
  ];
}
