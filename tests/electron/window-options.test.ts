import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from '../../electron/services/window-state';
import { APP_ORIGIN, isAppUrl, mainWindowOptions } from '../../electron/window-options';

const SECURE_WEB_PREFERENCES = {
  preload: '/app/dist/electron/preload.cjs',
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
};

describe('main window options', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs');

  it('sandboxes the renderer and keeps Node out of the page', () => {
    expect(options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    // Nothing that would undo the above may be set at all.
    const preferences = options.webPreferences as Record<string, unknown>;
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(preferences[risky], risky).toBeUndefined();
    }
  });

  it('opens hidden until the page is ready, at the default size with a minimum', () => {
    expect(options).toMatchObject({
      show: false,
      ...DEFAULT_WINDOW_SIZE,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
    });
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('opens at the remembered bounds without changing any security option', () => {
    const restored = mainWindowOptions('/app/dist/electron/preload.cjs', {
      x: 2000,
      y: -40,
      width: 1400,
      height: 900,
    });
    expect(restored).toMatchObject({ x: 2000, y: -40, width: 1400, height: 900 });
    expect(restored.webPreferences).toEqual(options.webPreferences);
    expect(restored.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
  });

  it('never opens smaller than the minimum, and without a position lets the system place it', () => {
    const tiny = mainWindowOptions('/p.cjs', { width: 100, height: 50 });
    expect(tiny).toMatchObject({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
    expect(tiny.x).toBeUndefined();
    expect(tiny.y).toBeUndefined();
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
