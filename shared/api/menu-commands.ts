/**
 * Commands the application menu sends to the page. The main process sends one of these names on
 * MENU_COMMAND_CHANNEL when a menu item is clicked; the preload checks it with isMenuCommand
 * before any page code sees it. Pure and dependency-free, so the sandboxed preload can bundle it.
 */
export const MENU_COMMANDS = [
  'open',
  'import-glossary',
  'export',
  'find',
  'replace',
  'next-suggestion',
  'previous-suggestion',
  'accept-suggestion',
  'reject-suggestion',
  'accept-all-for-entry',
  'flag-passage',
  'add-glossary-entry',
  'toggle-suggestions-panel',
  'toggle-glossary-panel',
  'toggle-flags-panel',
  'show-shortcuts',
  'go-to-start',
  'play-pause',
  'skip-back',
  'skip-forward',
  'play-suggestion',
  'play-segment',
  'insert-timestamp',
  'attach-media',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Main → page only (webContents.send); the page never sends on it. */
export const MENU_COMMAND_CHANNEL = 'glossa:menu-command';

const MENU_COMMAND_SET: ReadonlySet<string> = new Set(MENU_COMMANDS);

export function isMenuCommand(x: unknown): x is MenuCommand {
  return typeof x === 'string' && MENU_COMMAND_SET.has(x);
}
