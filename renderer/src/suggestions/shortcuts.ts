/**
 * The keyboard of the correction workflow, in one table so the shortcuts sheet, the menus and the
 * key handler agree. `mod` is Cmd on macOS and Ctrl elsewhere.
 */
import type { MenuCommand } from '../../../shared/api/menu-commands';

export interface Shortcut {
  command: MenuCommand;
  /** As shown to people. */
  keys: string;
  description: string;
  matches: (event: KeyboardEvent) => boolean;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = (event: KeyboardEvent) => (isMac ? event.metaKey : event.ctrlKey);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: readonly Shortcut[] = [
  {
    command: 'next-suggestion',
    keys: 'F8 or Alt+↓',
    description: 'Next suggestion',
    matches: (e) => (e.key === 'F8' && !e.shiftKey) || (e.altKey && !e.shiftKey && e.key === 'ArrowDown'),
  },
  {
    command: 'previous-suggestion',
    keys: 'Shift+F8 or Alt+↑',
    description: 'Previous suggestion',
    matches: (e) => (e.key === 'F8' && e.shiftKey) || (e.altKey && !e.shiftKey && e.key === 'ArrowUp'),
  },
  {
    command: 'accept-suggestion',
    keys: 'Alt+Enter',
    description: 'Accept the current suggestion',
    matches: (e) => e.altKey && !e.shiftKey && e.key === 'Enter',
  },
  {
    command: 'accept-all-for-entry',
    keys: 'Alt+Shift+Enter',
    description: 'Accept all suggestions of the current entry',
    matches: (e) => e.altKey && e.shiftKey && e.key === 'Enter',
  },
  {
    command: 'reject-suggestion',
    keys: 'Alt+Backspace',
    description: 'Reject the suggestion under the caret',
    matches: (e) => e.altKey && !e.shiftKey && (e.key === 'Backspace' || e.key === 'Delete'),
  },
  {
    command: 'find',
    keys: `${MOD}+F`,
    description: 'Find',
    matches: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f',
  },
  {
    command: 'replace',
    keys: isMac ? '⌘+Alt+F' : 'Ctrl+H',
    description: 'Find and replace',
    matches: (e) =>
      isMac ? mod(e) && e.altKey && e.code === 'KeyF' : mod(e) && !e.shiftKey && e.key.toLowerCase() === 'h',
  },
  {
    command: 'add-glossary-entry',
    keys: `${MOD}+Shift+G`,
    description: 'Add the selected text to the glossary',
    matches: (e) => mod(e) && e.shiftKey && e.code === 'KeyG',
  },
  {
    command: 'flag-passage',
    keys: `${MOD}+Shift+M`,
    description: 'Flag the selected passage for fact-checking',
    matches: (e) => mod(e) && e.shiftKey && e.code === 'KeyM',
  },
  {
    command: 'export',
    keys: `${MOD}+Shift+E`,
    description: 'Export the transcript (text, Word, subtitles…) or its corrections report',
    matches: (e) => mod(e) && e.shiftKey && e.code === 'KeyE',
  },
  {
    // Cmd+Space is Spotlight on macOS, so Ctrl+Space on every platform.
    command: 'play-pause',
    keys: 'Ctrl+Space',
    description: 'Play or pause the attached audio/video',
    matches: (e) => e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && e.code === 'Space',
  },
  {
    command: 'skip-back',
    keys: `${MOD}+[`,
    description: 'Back 5 seconds',
    matches: (e) => mod(e) && !e.altKey && !e.shiftKey && e.code === 'BracketLeft',
  },
  {
    command: 'skip-forward',
    keys: `${MOD}+]`,
    description: 'Forward 5 seconds',
    matches: (e) => mod(e) && !e.altKey && !e.shiftKey && e.code === 'BracketRight',
  },
  {
    command: 'play-suggestion',
    keys: 'Alt+P',
    description: 'Play the current suggestion’s passage (with a second around it)',
    matches: (e) => e.altKey && !mod(e) && !e.shiftKey && e.code === 'KeyP',
  },
  {
    command: 'play-segment',
    keys: 'Alt+Shift+P',
    description: 'Play from the start of the caret’s segment (its time in the gutter)',
    matches: (e) => e.altKey && !mod(e) && e.shiftKey && e.code === 'KeyP',
  },
  {
    // Not Ctrl+Shift+T (reopens a closed tab in browser mode) nor Ctrl+Alt+T (a terminal on Linux).
    command: 'insert-timestamp',
    keys: 'F9',
    description: 'Insert a timestamp at the caret from the playback position (splits the segment)',
    matches: (e) => e.key === 'F9' && !e.shiftKey && !e.altKey && !mod(e),
  },
  {
    command: 'open',
    keys: `${MOD}+O`,
    description: 'Open a transcript',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'o',
  },
  {
    command: 'show-shortcuts',
    keys: '? or F1',
    description: 'Show keyboard shortcuts',
    matches: (e) => e.key === 'F1' || (e.key === '?' && !mod(e) && !e.altKey),
  },
];

/** Shortcuts that only make sense outside text fields (a plain "?" types a question mark there). */
export const TYPING_KEYS = new Set<MenuCommand>(['show-shortcuts']);

export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.matches(event));
}

export const EXTRA_KEYS: readonly { keys: string; description: string }[] = [
  { keys: `${MOD}+Z / ${MOD}+Shift+Z`, description: 'Undo / redo (also accepts, rejects and replace-all)' },
  { keys: isMac ? '⌘↑ / ⌘↓' : 'Ctrl+Home / Ctrl+End', description: 'Start / end of the transcript' },
  { keys: 'Esc', description: 'Close a panel or dialog' },
];
