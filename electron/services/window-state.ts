/**
 * Remembers the main window's size, position and maximized state between runs, in
 * `window-state.json` in the user-data folder. Plain Node: the shell passes in the displays' work
 * areas and reads the window's bounds, so everything here runs in tests without Electron.
 *
 * Whatever is on disk is only a hint: an absent or corrupt file gives the default, sizes are
 * clamped to the window's minimum, and a position that is no longer on any display (a monitor
 * unplugged since) gives the default size centred on the primary display.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** Larger than any real desktop; a bigger number in the file is nonsense, not a size. */
const MAX_COORDINATE = 100_000;
/** How much of the window's top strip (its title bar) must lie on a display to be reachable. */
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_TITLE_WIDTH = 100;
const MIN_VISIBLE_TITLE_HEIGHT = 16;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /**
   * The window's normal (not maximized) bounds; x and y are absent when there is no display to
   * place it on, and the system then chooses.
   */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/**
 * The default window: DEFAULT_WINDOW_SIZE (smaller if the display is smaller, never below the
 * minimum) centred in the first work area, which should be the primary display's.
 */
export function defaultWindowState(workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(DEFAULT_WINDOW_SIZE.width, primary.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(DEFAULT_WINDOW_SIZE.height, primary.height));
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}

/**
 * Turns whatever was stored into a usable state for these displays (first = primary).
 * Never throws.
 */
export function parseWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const fallback = defaultWindowState(workAreas);
  if (typeof raw !== 'object' || raw === null) return fallback;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return fallback;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isCoordinate)) return fallback;

  const rect: Rect = {
    x: Math.round(x as number),
    y: Math.round(y as number),
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(width as number)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(height as number)),
  };
  const isMaximized = maximized === true;
  // With no displays reported there is nothing to check against: keep the size, let the system place it.
  if (workAreas.length === 0)
    return { bounds: { width: rect.width, height: rect.height }, maximized: isMaximized };
  if (!isReachable(rect, workAreas)) return { ...fallback, maximized: isMaximized };
  return { bounds: rect, maximized: isMaximized };
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** True when enough of the window's title bar lies on one display for a person to drag it. */
export function isReachable(rect: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar: Rect = { x: rect.x, y: rect.y, width: rect.width, height: TITLE_BAR_HEIGHT };
  return workAreas.some((area) => {
    const overlap = intersect(titleBar, area);
    return overlap.width >= MIN_VISIBLE_TITLE_WIDTH && overlap.height >= MIN_VISIBLE_TITLE_HEIGHT;
  });
}

function intersect(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Reads the stored state; an absent, unreadable or corrupt file gives the default. */
export function loadWindowState(path: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return defaultWindowState(workAreas);
  }
  return parseWindowState(raw, workAreas);
}

/** Writes the state atomically, so a crash mid-write leaves the previous file. */
export function saveWindowState(path: string, state: { bounds: Rect; maximized: boolean }): void {
  const { x, y, width, height } = state.bounds;
  const stored = {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: state.maximized,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(stored, null, 2) + '\n');
}

export interface Debounced {
  /** (Re)starts the wait; the action runs once the calls stop for `delayMs`. */
  schedule(): void;
  /** Runs a pending action now (e.g. when the window closes); does nothing if none is pending. */
  flush(): void;
  /** Drops a pending action. */
  cancel(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function debounce(action: () => void, delayMs: number, timers: Timers = realTimers): Debounced {
  let handle: unknown;
  let pending = false;
  const run = () => {
    pending = false;
    handle = undefined;
    action();
  };
  return {
    schedule() {
      if (pending) timers.clearTimeout(handle);
      pending = true;
      handle = timers.setTimeout(run, delayMs);
    },
    flush() {
      if (!pending) return;
      timers.clearTimeout(handle);
      run();
    },
    cancel() {
      if (pending) timers.clearTimeout(handle);
      pending = false;
      handle = undefined;
    },
  };
}

export const WINDOW_STATE_SAVE_DELAY_MS = 500;

/**
 * Saves the window's state a moment after it stops moving or resizing. `read` returns the
 * window's current normal bounds and maximized flag; a failed save is reported, never thrown
 * (losing the window position is not worth an error dialog).
 */
export function createWindowStateSaver(options: {
  path: string;
  read: () => { bounds: Rect; maximized: boolean };
  onError?: (error: unknown) => void;
  delayMs?: number;
  timers?: Timers;
}): Debounced {
  const { path, read, onError = () => {}, delayMs = WINDOW_STATE_SAVE_DELAY_MS, timers } = options;
  return debounce(
    () => {
      try {
        saveWindowState(path, read());
      } catch (error) {
        onError(error);
      }
    },
    delayMs,
    timers,
  );
}
