/**
 * The preload's `onMenuCommand`: lets the page listen for application-menu commands without ever
 * seeing ipcRenderer or the IPC event (whose `sender` is ipcRenderer itself). Only known command
 * names reach the page. Imports nothing but the dependency-free command list, so the sandboxed
 * preload can bundle it; a test drives it with a plain EventEmitter.
 */
import { MENU_COMMAND_CHANNEL, isMenuCommand, type MenuCommand } from '../shared/api/menu-commands';

/** The part of ipcRenderer this needs. */
export interface MenuCommandSource {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export type MenuCommandListener = (command: MenuCommand) => void;

/** Returns `onMenuCommand(listener)`, which subscribes and returns the unsubscribe function. */
export function menuCommandSubscriber(
  source: MenuCommandSource,
): (listener: MenuCommandListener) => () => void {
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a listener function.');
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    source.on(MENU_COMMAND_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      source.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  };
}
