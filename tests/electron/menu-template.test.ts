import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_SHORTCUTS, buildMenuTemplate } from '../../electron/menu-template';
import { MENU_COMMANDS, isMenuCommand, type MenuCommand } from '../../shared/api/menu-commands';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform, appName: 'Glossa', isPackaged, send: (c) => sent.push(c) });
  return { template, sent };
}

/** Every item of the template, submenus included, depth first. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

// The keys Electron gives its roles (lib/browser/api/menu-item-roles.ts), per platform, so a
// Glossa key that clashes with a role's (CmdOrCtrl+Shift+I is Toggle Developer Tools on Windows
// and Linux) fails here.
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const isMac = platform === 'darwin';
  const keys: Record<string, string | undefined> = {
    close: 'CommandOrControl+W',
    copy: 'CommandOrControl+C',
    cut: 'CommandOrControl+X',
    paste: 'CommandOrControl+V',
    selectall: 'CommandOrControl+A',
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    hide: 'Command+H',
    hideothers: 'Command+Alt+H',
    minimize: 'CommandOrControl+M',
    reload: 'CmdOrCtrl+R',
    forcereload: 'Shift+CmdOrCtrl+R',
    toggledevtools: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: isMac ? 'Control+Command+F' : 'F11',
    resetzoom: 'CommandOrControl+0',
    zoomin: 'CommandOrControl+Plus',
    zoomout: 'CommandOrControl+-',
  };
  return keys[role.toLowerCase()];
}

/** One spelling per key combination: modifiers resolved for the platform and sorted. */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const parts = accelerator.split('+').map((part) => part.toLowerCase());
  const key = parts.pop() ?? '';
  const modifier = (part: string) => {
    if (part === 'cmdorctrl' || part === 'commandorcontrol') return platform === 'darwin' ? 'cmd' : 'ctrl';
    if (part === 'command' || part === 'cmd' || part === 'super' || part === 'meta') return 'cmd';
    if (part === 'control' || part === 'ctrl') return 'ctrl';
    if (part === 'option') return 'alt';
    return part;
  };
  const aliases: Record<string, string> = { return: 'enter', '=': 'plus' };
  return [...parts.map(modifier).sort(), aliases[key] ?? key].join('+');
}

describe('application menu template', () => {
  it('puts the app menu first on macOS, then File, Edit, View, Glossary, Help', () => {
    expect(build('darwin').template.map((menu) => menu.label)).toEqual([
      'Glossa',
      'File',
      'Edit',
      'View',
      'Glossary',
      'Help',
    ]);
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((menu) => menu.label)).toEqual([
        'File',
        'Edit',
        'View',
        'Glossary',
        'Help',
      ]);
    }
  });

  it.each(PLATFORMS)('on %s every click sends a known command, and every command has an item', (platform) => {
    const { template, sent } = build(platform);
    const clickable = allItems(template).filter((item) => item.click);
    for (const item of clickable) {
      expect(item.role, `${item.label} has both a role and a click`).toBeUndefined();
      const before = sent.length;
      (item.click as () => void)();
      expect(sent.length).toBe(before + 1);
      expect(isMenuCommand(sent.at(-1))).toBe(true);
      expect(item.id).toBe(sent.at(-1));
    }
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it.each(PLATFORMS)('on %s gives no two items the same key', (platform) => {
    for (const isPackaged of [true, false]) {
      const keys = allItems(build(platform, isPackaged).template)
        .map((item) => item.accelerator ?? (item.role ? roleAccelerator(item.role, platform) : undefined))
        .filter((key): key is string => key !== undefined)
        .map((key) => normalise(key, platform));
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    }
  });

  it('uses the standard keys for the main commands', () => {
    const accelerators = (platform: NodeJS.Platform) =>
      Object.fromEntries(
        allItems(build(platform).template)
          .filter((item) => item.id)
          .map((item) => [item.id, item.accelerator]),
      );
    const win = accelerators('win32');
    const mac = accelerators('darwin');
    expect(win).toMatchObject({
      open: 'CmdOrCtrl+O',
      find: 'CmdOrCtrl+F',
      replace: 'CmdOrCtrl+H',
      'next-suggestion': 'F8',
      'previous-suggestion': 'Shift+F8',
      'accept-suggestion': 'Alt+Enter',
      'reject-suggestion': 'Alt+Backspace',
      'accept-all-for-entry': 'Alt+Shift+Enter',
      'add-glossary-entry': 'CmdOrCtrl+Shift+G',
      'flag-passage': 'CmdOrCtrl+Shift+M',
      'show-shortcuts': 'F1',
    });
    // Cmd+H hides the app on macOS.
    expect(mac.replace).toBe('CmdOrCtrl+Alt+F');
    expect(accelerators('linux')).toEqual(win);
  });

  it.each(PLATFORMS)('on %s only displays the keys the page handles itself', (platform) => {
    for (const item of allItems(build(platform).template).filter((entry) => entry.id)) {
      const shortcut = MENU_SHORTCUTS[item.id as MenuCommand];
      if (shortcut.handledByPage) expect(item.registerAccelerator, item.label).toBe(false);
      else expect(item.registerAccelerator, item.label).toBeUndefined();
    }
    const glossaryMenu = build(platform).template.find((menu) => menu.label === 'Glossary');
    const glossaryItems = (glossaryMenu?.submenu as MenuItemConstructorOptions[]).filter(
      (item) => item.click,
    );
    expect(glossaryItems.length).toBe(7);
    expect(glossaryItems.every((item) => item.registerAccelerator === false)).toBe(true);
  });

  it.each(PLATFORMS)('on %s has no reload or developer tools when packaged', (platform) => {
    const roles = (isPackaged: boolean) =>
      allItems(build(platform, isPackaged).template).map((item) => item.role?.toLowerCase());
    for (const role of ['toggledevtools', 'reload', 'forcereload']) {
      expect(roles(true)).not.toContain(role);
      expect(roles(false)).toContain(role);
    }
  });

  it('has Close on macOS and Quit in File elsewhere, and About once', () => {
    const fileRoles = (platform: NodeJS.Platform) =>
      (
        build(platform).template.find((menu) => menu.label === 'File')
          ?.submenu as MenuItemConstructorOptions[]
      )
        .map((item) => item.role)
        .filter(Boolean);
    expect(fileRoles('darwin')).toEqual(['close']);
    expect(fileRoles('win32')).toEqual(['quit']);
    for (const platform of PLATFORMS) {
      const abouts = allItems(build(platform).template).filter((item) => item.role === 'about');
      expect(abouts).toHaveLength(1);
    }
  });
});
