import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { menuCommandSubscriber } from '../../electron/menu-command-bridge';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/api/menu-commands';

// A stand-in for ipcRenderer: the main process's webContents.send arrives as (event, ...args).
function fakeIpc() {
  const emitter = new EventEmitter();
  const fakeEvent = { sender: 'ipcRenderer itself' };
  return { emitter, deliver: (...args: unknown[]) => emitter.emit(MENU_COMMAND_CHANNEL, fakeEvent, ...args) };
}

describe('onMenuCommand (preload)', () => {
  it('passes known commands to the listener, and only the command, never the IPC event', () => {
    const { emitter, deliver } = fakeIpc();
    const received: unknown[][] = [];
    menuCommandSubscriber(emitter)((...args: unknown[]) => received.push(args));
    deliver('find');
    deliver('next-suggestion', 'extra');
    expect(received).toEqual([['find'], ['next-suggestion']]);
  });

  it('drops anything that is not a known command', () => {
    const { emitter, deliver } = fakeIpc();
    const received: MenuCommand[] = [];
    menuCommandSubscriber(emitter)((command) => received.push(command));
    for (const junk of [
      'delete-everything',
      '',
      42,
      null,
      undefined,
      { command: 'find' },
      ['find'],
      'FIND',
    ]) {
      deliver(junk);
    }
    deliver();
    expect(received).toEqual([]);
  });

  it('unsubscribes exactly its own listener, once', () => {
    const { emitter, deliver } = fakeIpc();
    const subscribe = menuCommandSubscriber(emitter);
    const first: MenuCommand[] = [];
    const second: MenuCommand[] = [];
    const unsubscribeFirst = subscribe((command) => first.push(command));
    subscribe((command) => second.push(command));
    expect(emitter.listenerCount(MENU_COMMAND_CHANNEL)).toBe(2);
    unsubscribeFirst();
    unsubscribeFirst();
    expect(emitter.listenerCount(MENU_COMMAND_CHANNEL)).toBe(1);
    deliver('open');
    expect(first).toEqual([]);
    expect(second).toEqual(['open']);
  });

  it('refuses a listener that is not a function', () => {
    const { emitter } = fakeIpc();
    expect(() => menuCommandSubscriber(emitter)('find' as unknown as () => void)).toThrow(TypeError);
    expect(emitter.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0);
  });
});
