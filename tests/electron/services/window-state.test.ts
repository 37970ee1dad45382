import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  WINDOW_STATE_FILE_NAME,
  createWindowStateSaver,
  debounce,
  defaultWindowState,
  isReachable,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  type Rect,
} from '../../../electron/services/window-state';

const PRIMARY: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };

function tempStatePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'glossa-window-state-')), WINDOW_STATE_FILE_NAME);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('window state', () => {
  it('defaults to the default size centred on the primary display', () => {
    expect(defaultWindowState([PRIMARY, RIGHT])).toEqual({
      bounds: { x: 360, y: 153, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('shrinks the default to a small display, but never below the minimum', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    expect(defaultWindowState([small]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 400 };
    expect(defaultWindowState([tiny]).bounds).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('leaves placement to the system when no display is known', () => {
    expect(defaultWindowState([])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    const parsed = parseWindowState(
      { bounds: { x: 50, y: 60, width: 900, height: 700 }, maximized: true },
      [],
    );
    expect(parsed).toEqual({ bounds: { width: 900, height: 700 }, maximized: true });
  });

  it('round-trips through the file in a real folder, atomically', () => {
    const path = tempStatePath();
    const state = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: true };
    saveWindowState(path, state);
    expect(loadWindowState(path, [PRIMARY, RIGHT])).toEqual(state);
    expect(readdirSync(join(path, '..'))).toEqual([WINDOW_STATE_FILE_NAME]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(state);
  });

  it('creates the folder if needed and rounds fractional bounds', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'glossa-window-state-')), 'nested', WINDOW_STATE_FILE_NAME);
    saveWindowState(path, { bounds: { x: 10.4, y: 20.6, width: 800.5, height: 600.2 }, maximized: false });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      bounds: { x: 10, y: 21, width: 801, height: 600 },
      maximized: false,
    });
  });

  it('gives the default for an absent or corrupt file', () => {
    const path = tempStatePath();
    const fallback = defaultWindowState([PRIMARY]);
    expect(loadWindowState(path, [PRIMARY])).toEqual(fallback);
    for (const contents of ['', '{not json', 'null', '42', '[]', '{"bounds": "wide"}']) {
      writeFileSync(path, contents);
      expect(loadWindowState(path, [PRIMARY]), contents).toEqual(fallback);
    }
  });

  it.each([
    ['a missing field', { x: 10, y: 10, width: 800 }],
    ['a string', { x: '10', y: 10, width: 800, height: 600 }],
    ['a non-finite number', { x: 10, y: 10, width: Number.NaN, height: 600 }],
    ['an absurd size', { x: 10, y: 10, width: 1e9, height: 600 }],
  ])('rejects bounds with %s', (_what, bounds) => {
    expect(parseWindowState({ bounds, maximized: false }, [PRIMARY])).toEqual(defaultWindowState([PRIMARY]));
  });

  it('clamps sizes to the minimum', () => {
    const parsed = parseWindowState(
      { bounds: { x: 100, y: 100, width: 10, height: -50 }, maximized: false },
      [PRIMARY],
    );
    expect(parsed.bounds).toEqual({ x: 100, y: 100, ...MIN_WINDOW_SIZE });
  });

  it('keeps a window on a secondary display', () => {
    const bounds = { x: 2500, y: 300, width: 1000, height: 700 };
    expect(parseWindowState({ bounds, maximized: false }, [PRIMARY, RIGHT]).bounds).toEqual(bounds);
  });

  it('centres a window whose display is gone, keeping its maximized flag', () => {
    const stored = { bounds: { x: 2500, y: 300, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(stored, [PRIMARY])).toEqual({
      ...defaultWindowState([PRIMARY]),
      maximized: true,
    });
  });

  it('treats a window as reachable only when enough of its title bar is on a display', () => {
    const size = { width: 1000, height: 700 };
    expect(isReachable({ x: 100, y: 100, ...size }, [PRIMARY])).toBe(true);
    // Only a sliver of the left edge still on screen.
    expect(isReachable({ x: 1900, y: 100, ...size }, [PRIMARY])).toBe(false);
    expect(isReachable({ x: 1800, y: 100, ...size }, [PRIMARY])).toBe(true);
    // Title bar above the top of the display, body still visible.
    expect(isReachable({ x: 100, y: -200, ...size }, [PRIMARY])).toBe(false);
    // Title bar below the bottom.
    expect(isReachable({ x: 100, y: 1075, ...size }, [PRIMARY])).toBe(false);
    expect(isReachable({ x: -5000, y: -5000, ...size }, [PRIMARY, RIGHT])).toBe(false);
  });
});

describe('debounce', () => {
  it('runs once after the calls stop, and flush runs a pending action at once', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debounced = debounce(action, 500);
    debounced.schedule();
    vi.advanceTimersByTime(400);
    debounced.schedule();
    vi.advanceTimersByTime(400);
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(1);

    debounced.flush();
    expect(action).toHaveBeenCalledTimes(1);
    debounced.schedule();
    debounced.flush();
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a pending action', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debounced = debounce(action, 500);
    debounced.schedule();
    debounced.cancel();
    vi.advanceTimersByTime(1000);
    debounced.flush();
    expect(action).not.toHaveBeenCalled();
  });
});

describe('window state saver', () => {
  it('saves the window as it is when the moves stop', () => {
    vi.useFakeTimers();
    const path = tempStatePath();
    let current = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false };
    const saver = createWindowStateSaver({ path, read: () => current });
    saver.schedule();
    current = { bounds: { x: 30, y: 40, width: 1000, height: 750 }, maximized: true };
    saver.schedule();
    vi.advanceTimersByTime(499);
    expect(readdirSync(join(path, '..'))).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(current);
  });

  it('reports a failed save instead of throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-window-state-'));
    writeFileSync(join(dir, 'file'), '');
    const onError = vi.fn();
    // A path under a regular file cannot be created.
    const saver = createWindowStateSaver({
      path: join(dir, 'file', WINDOW_STATE_FILE_NAME),
      read: () => ({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }),
      onError,
    });
    saver.schedule();
    expect(() => saver.flush()).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
