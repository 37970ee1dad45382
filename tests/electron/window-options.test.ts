import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, mainWindowOptions } from '../../electron/window-options';

describe('main window options', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs');

  it('sandboxes the renderer and keeps Node out of the page', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only the app origin as an API caller', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl(`${APP_ORIGIN}.evil.com/`)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
