import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSenderUrl, mainWindowOptions } from '../../electron/window-options';

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
    expect(isTrustedSenderUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isTrustedSenderUrl('https://example.com/')).toBe(false);
    expect(isTrustedSenderUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedSenderUrl(`${APP_ORIGIN}.evil.com/`)).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });
});
