/**
 * The application menu as data: File, Edit, View, Glossary, Help (macOS: the app menu first).
 * Kept free of Electron imports (types only) so a test checks the real template main.ts builds.
 *
 * Glossa's own items send a MenuCommand to the page; Electron's roles (undo, copy, zoom, quit…)
 * act by themselves. Keys the page already handles in its own keydown listeners are only shown
 * in the menu, never registered, or one key press would run the command twice:
 * - Windows and Linux: `registerAccelerator: false` (the menu displays the key, the page acts).
 * - macOS ignores registerAccelerator, but there the page sees the key first and the menu acts
 *   only on keys the page left unhandled, so the page's handler must call preventDefault().
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/api/menu-commands';

export interface MenuShortcut {
  label: string;
  /** Electron accelerator on Windows and Linux (and macOS unless macAccelerator says otherwise). */
  accelerator?: string;
  macAccelerator?: string;
  /**
   * True when the page's own keydown handler acts on the key (so it works in browser mode too);
   * the menu then only displays it.
   */
  handledByPage: boolean;
}

/**
 * Every command's menu label and key. For the commands marked handledByPage, the renderer's key
 * handlers must listen for exactly these keys, or the menu would show a key that does nothing.
 *
 * These are the defaults of renderer/src/shortcuts/table.ts. People may change the page's keys in
 * the shortcuts sheet (kept in the page's localStorage); the menu keeps showing the defaults, as
 * following the changes would need a new IPC call and a menu rebuild. So after a change the menu
 * shows the old key, and on macOS (where the menu acts on any key the page leaves alone) the old
 * key still runs its command from the menu.
 */
export const MENU_SHORTCUTS: Readonly<Record<MenuCommand, MenuShortcut>> = {
  open: { label: 'Open Transcript…', accelerator: 'CmdOrCtrl+O', handledByPage: true },
  // Not CmdOrCtrl+Shift+I: that is Toggle Developer Tools on Windows and Linux.
  'import-glossary': { label: 'Import Glossary…', accelerator: 'CmdOrCtrl+Shift+O', handledByPage: false },
  'go-to-start': { label: 'Back to Documents', handledByPage: false },
  export: { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', handledByPage: true },
  find: { label: 'Find…', accelerator: 'CmdOrCtrl+F', handledByPage: true },
  // Cmd+H hides the app on macOS.
  replace: {
    label: 'Replace…',
    accelerator: 'CmdOrCtrl+H',
    macAccelerator: 'CmdOrCtrl+Alt+F',
    handledByPage: true,
  },
  'toggle-suggestions-panel': {
    label: 'Suggestions Panel',
    accelerator: 'CmdOrCtrl+1',
    handledByPage: false,
  },
  'toggle-glossary-panel': { label: 'Glossary Panel', accelerator: 'CmdOrCtrl+2', handledByPage: false },
  'toggle-flags-panel': { label: 'Flags Panel', accelerator: 'CmdOrCtrl+3', handledByPage: false },
  'next-suggestion': { label: 'Next Suggestion', accelerator: 'F8', handledByPage: true },
  'previous-suggestion': { label: 'Previous Suggestion', accelerator: 'Shift+F8', handledByPage: true },
  'accept-suggestion': { label: 'Accept Suggestion', accelerator: 'Alt+Enter', handledByPage: true },
  'reject-suggestion': { label: 'Reject Suggestion', accelerator: 'Alt+Backspace', handledByPage: true },
  'accept-all-for-entry': {
    label: 'Accept All for This Entry',
    accelerator: 'Alt+Shift+Enter',
    handledByPage: true,
  },
  'add-glossary-entry': {
    label: 'Add Entry from Selection…',
    accelerator: 'CmdOrCtrl+Shift+G',
    handledByPage: true,
  },
  'flag-passage': { label: 'Flag Passage…', accelerator: 'CmdOrCtrl+Shift+M', handledByPage: true },
  'show-shortcuts': { label: 'Keyboard Shortcuts', accelerator: 'F1', handledByPage: true },
  // Ctrl+Space on macOS too: Cmd+Space is Spotlight.
  'play-pause': { label: 'Play/Pause', accelerator: 'Ctrl+Space', handledByPage: true },
  'skip-back': { label: 'Back 5 Seconds', accelerator: 'CmdOrCtrl+[', handledByPage: true },
  'skip-forward': { label: 'Forward 5 Seconds', accelerator: 'CmdOrCtrl+]', handledByPage: true },
  'play-suggestion': { label: 'Play Current Suggestion', accelerator: 'Alt+P', handledByPage: true },
  'play-segment': { label: 'Play from This Segment', accelerator: 'Alt+Shift+P', handledByPage: true },
  // F9: Ctrl+Shift+T reopens a closed tab in browser mode (pages cannot take it) and Ctrl+Alt+T
  // opens a terminal on most Linux desktops.
  'insert-timestamp': { label: 'Insert Timestamp', accelerator: 'F9', handledByPage: true },
  'attach-media': { label: 'Attach Audio/Video…', handledByPage: false },
};

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  /** The macOS app menu's title. */
  appName: string;
  /** Packaged builds get no reload or developer tools items. */
  isPackaged: boolean;
  send: (command: MenuCommand) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, appName, isPackaged, send } = options;
  const isMac = platform === 'darwin';

  const item = (command: MenuCommand): MenuItemConstructorOptions => {
    const shortcut = MENU_SHORTCUTS[command];
    const accelerator = (isMac ? shortcut.macAccelerator : undefined) ?? shortcut.accelerator;
    return {
      id: command,
      label: shortcut.label,
      ...(accelerator === undefined ? {} : { accelerator }),
      ...(shortcut.handledByPage ? { registerAccelerator: false } : {}),
      click: () => send(command),
    };
  };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('open'),
      item('import-glossary'),
      item('attach-media'),
      separator,
      item('export'),
      separator,
      item('go-to-start'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      item('find'),
      item('replace'),
      separator,
      item('insert-timestamp'),
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item('toggle-suggestions-panel'),
      item('toggle-glossary-panel'),
      item('toggle-flags-panel'),
      separator,
      item('play-pause'),
      item('skip-back'),
      item('skip-forward'),
      item('play-suggestion'),
      item('play-segment'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...developerItems,
    ],
  };

  const glossaryMenu: MenuItemConstructorOptions = {
    label: 'Glossary',
    submenu: [
      item('next-suggestion'),
      item('previous-suggestion'),
      separator,
      item('accept-suggestion'),
      item('reject-suggestion'),
      item('accept-all-for-entry'),
      separator,
      item('add-glossary-entry'),
      item('flag-passage'),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    // macOS shows About in the app menu.
    submenu: isMac ? [item('show-shortcuts')] : [item('show-shortcuts'), separator, { role: 'about' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, glossaryMenu, helpMenu];
}
