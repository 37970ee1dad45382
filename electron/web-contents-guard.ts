/**
 * Locks down every web contents the app creates (Electron's security checklist): no page may open
 * a window, navigate or be redirected away from the app, or attach a <webview>. Links to https://
 * pages open in the system browser instead. Types only from Electron, so a test drives it with a
 * stand-in web contents.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './window-options';

export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  // will-frame-navigate covers the main frame and subframes; will-redirect catches server redirects.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only plain https:// links leave the app, and only to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
