import type { WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, isExternalLink } from '../../electron/web-contents-guard';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/window-options';

type OpenHandler = (details: { url: string }) => { action: string };

/** A stand-in web contents: records the window-open handler and emits navigation events. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => (openHandler = handler),
  });
  const opened: string[] = [];
  guardWebContents(contents as unknown as WebContents, (url) => opened.push(url));
  const emit = (name: string, url?: string) => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    emitter.emit(name, event);
    return prevented;
  };
  return { emit, opened, open: (url: string) => openHandler?.({ url }) };
}

describe('web contents guard', () => {
  it('blocks navigation and redirects away from the app, in any frame', () => {
    const { emit } = fakeContents();
    for (const name of ['will-frame-navigate', 'will-redirect']) {
      expect(emit(name, 'https://example.com/'), name).toBe(true);
      expect(emit(name, 'file:///etc/passwd'), name).toBe(true);
      expect(emit(name, `${APP_ORIGIN}.evil.com/`), name).toBe(true);
      expect(emit(name, 'javascript:alert(1)'), name).toBe(true);
      expect(emit(name, APP_ENTRY_URL), name).toBe(false);
    }
  });

  it('never opens a window; https links go to the system browser, nothing else does', () => {
    const { open, opened } = fakeContents();
    for (const url of [
      'https://example.com/docs',
      'http://example.com/',
      'file:///etc/passwd',
      APP_ENTRY_URL,
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/docs']);
  });

  it('refuses to attach webviews', () => {
    expect(fakeContents().emit('will-attach-webview')).toBe(true);
  });

  it('recognises external links', () => {
    expect(isExternalLink('https://example.com')).toBe(true);
    expect(isExternalLink('HTTPS://EXAMPLE.COM')).toBe(true);
    expect(isExternalLink('http://example.com')).toBe(false);
    expect(isExternalLink('not a url')).toBe(false);
  });
});
