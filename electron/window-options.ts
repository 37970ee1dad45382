/**
 * The main window's configuration. Kept free of Electron imports (types only) so a test can check
 * the real object the app passes to BrowserWindow: a sandboxed renderer, context isolation, no
 * Node in the page, web security on.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type WindowState } from './services/window-state';

/** The custom scheme the renderer is served from (Electron's checklist: not file://). */
export const APP_SCHEME = 'glossa-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `bounds` is the remembered size and position (see services/window-state); without it the window
 * opens at the default size wherever the system puts it.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowState['bounds'] = DEFAULT_WINDOW_SIZE,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: Math.max(MIN_WINDOW_SIZE.width, bounds.width),
    height: Math.max(MIN_WINDOW_SIZE.height, bounds.height),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Glossa',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** True for pages of the app itself: only they may call the API or be navigated to. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // URL.origin is "null" for custom schemes, so compare scheme and host.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app';
  } catch {
    return false;
  }
}
