/**
 * Tells the app when a shared folder's logs change, so it can run a sync round soon after a
 * teammate's edit arrives. Debounced (a sync service writes in bursts) and tolerant of the folder
 * vanishing and coming back (an unmounted drive, a paused Dropbox): it then watches again.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { teamLogDir } from './folder-transport';

export interface WatchFolderOptions {
  /** Quiet time after the last event before onChange runs. */
  debounceMs?: number;
  /** How often to check that the watched folder is still the same folder. */
  recheckMs?: number;
  /** File names whose events to ignore (e.g. this device's own log). */
  ignore?: (name: string) => boolean;
}

export function watchFolder(
  folder: string,
  onChange: () => void,
  options: WatchFolderOptions = {},
): () => void {
  const { debounceMs = 500, recheckMs = 5000, ignore } = options;
  const root = resolve(folder);
  const logs = teamLogDir(root);
  let watcher: FSWatcher | undefined;
  let watched: { path: string; ino: number } | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };

  const stop = () => {
    watcher?.close();
    watcher = undefined;
    watched = undefined;
  };

  // Watch the logs' folder, or the shared folder until the logs' folder exists.
  const start = () => {
    const path = existsSync(logs) ? logs : existsSync(root) ? root : undefined;
    if (!path) return;
    try {
      const ino = statSync(path).ino;
      watcher = watch(path, (_event, name) => {
        const file = name === null ? '' : String(name);
        if (file.startsWith('.') || file.startsWith('~') || (file && ignore?.(file))) return;
        if (path === root && existsSync(logs)) recheck();
        changed();
      });
      watcher.on('error', () => {
        stop();
      });
      watched = { path, ino };
    } catch {
      stop();
    }
  };

  const recheck = () => {
    if (closed) return;
    const wanted = existsSync(logs) ? logs : existsSync(root) ? root : undefined;
    let same = false;
    if (watched && wanted === watched.path) {
      try {
        same = statSync(wanted).ino === watched.ino;
      } catch {
        same = false;
      }
    }
    if (same) return;
    stop();
    start();
    // Coming back (or the logs' folder appearing) may bring changes nobody announced.
    if (watched) changed();
  };

  start();
  const timer = setInterval(recheck, recheckMs);
  timer.unref();
  return () => {
    closed = true;
    clearInterval(timer);
    if (debounce) clearTimeout(debounce);
    stop();
  };
}
