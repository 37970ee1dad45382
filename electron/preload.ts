/**
 * The preload exposes one typed object, `window.glossa`, with one function per API call — never
 * ipcRenderer itself. It runs sandboxed, so it is bundled to one CommonJS file and imports only
 * `electron` and the (dependency-free) channel list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CALLS, apiChannel } from '../shared/api/channels';

const api = Object.fromEntries(
  API_CALLS.map((name) => [name, (args: unknown = {}) => ipcRenderer.invoke(apiChannel(name), args)]),
);

contextBridge.exposeInMainWorld('glossa', Object.freeze(api));
