/**
 * The main window's configuration. Kept free of Electron imports (types only) so a test can check
 * the real object the app passes to BrowserWindow: a sandboxed renderer, context isolation, no
 * Node in the page, web security on.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The custom scheme the renderer is served from (Electron's checklist: not file://). */
export const APP_SCHEME = 'glossa-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
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

/** Only our own page may call the API: no other origin, no sub-frame. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
