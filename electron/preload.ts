/**
 * The preload exposes one typed object, `window.glossa`, with one function per API call — never
 * ipcRenderer itself — and `onMenuCommand`, a subscription to the application menu's commands
 * that returns its unsubscribe function. It runs sandboxed, so it is bundled to one CommonJS file
 * and imports only `electron` and dependency-free modules.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CALLS, apiChannel } from '../shared/api/channels';
import { menuCommandSubscriber } from './menu-command-bridge';

const api = Object.fromEntries(
  API_CALLS.map((name) => [name, (args: unknown = {}) => ipcRenderer.invoke(apiChannel(name), args)]),
);

contextBridge.exposeInMainWorld(
  'glossa',
  Object.freeze({
    ...api,
    onMenuCommand: menuCommandSubscriber(ipcRenderer),
    // The path of a dropped or chosen file, so a recording is linked where it is, not copied.
    pathForFile: (file: File) => webUtils.getPathForFile(file),
  }),
);
