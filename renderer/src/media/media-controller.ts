/**
 * Playback of the recording a transcript was made from: one HTMLMediaElement owned by a plain
 * class (no React), so the bar, the shortcuts, the suggestion card and the follow-playback plugin
 * all drive the same element. The bar mounts `element` in the page; everything else goes through
 * the methods and the Observables.
 */
import { isMediaFileName, MEDIA_EXTENSIONS, mediaKind } from '../../../shared/media/media-types';
import { Observable } from '../lib/observable';
import { LEAD_CHOICES_MS, loadLeadMs, saveLeadMs } from './lead-preference';

export interface MediaState {
  /** The attached file's name; null when nothing is attached. */
  name: string | null;
  /** Whether the element is a <video> (it is shown) or an <audio> (it is not). */
  kind: 'audio' | 'video' | null;
  playing: boolean;
  /** Updated on the element's timeupdate and seeks (a few times a second); see `position`. */
  currentMs: number;
  /** NaN-free: 0 until the metadata is known. */
  durationMs: number;
  rate: number;
  preservesPitch: boolean;
  volume: number;
  error: string | null;
}

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;
export const SKIP_MS = 5000;

export const MEDIA_ACCEPT = 'audio/*,video/*,' + MEDIA_EXTENSIONS.join(',');

/** Whether a file (dropped or chosen) looks like audio or video, by its type or its extension. */
export function isMediaFile(file: { name: string; type: string }): boolean {
  if (file.type.startsWith('audio/') || file.type.startsWith('video/')) return true;
  return isMediaFileName(file.name);
}

const INITIAL: MediaState = {
  name: null,
  kind: null,
  playing: false,
  currentMs: 0,
  durationMs: 0,
  rate: 1,
  preservesPitch: true,
  volume: 1,
  error: null,
};

export const CANNOT_PLAY = 'This file cannot be played here: its format or codec is not supported.';

export class MediaController {
  readonly state = new Observable<MediaState>(INITIAL);
  /** Lead-in and lead-out around a played suggestion, in ms (the person's choice, remembered). */
  readonly leadMs = new Observable<number>(loadLeadMs());
  /** The attached element (null when nothing is attached); the bar mounts it. */
  readonly element = new Observable<HTMLMediaElement | null>(null);
  /** The playback position in ms, updated every animation frame while playing. */
  readonly position = new Observable<number>(0);

  private url: string | null = null;
  private stopListening: (() => void) | null = null;
  private frame = 0;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where playSpan pauses, in ms; null when playing freely. */
  private stopAtMs: number | null = null;

  get attached(): boolean {
    return this.element.get() !== null;
  }

  /** The position now, read from the element (not the last event's). */
  currentMs(): number {
    const element = this.element.get();
    return element ? element.currentTime * 1000 : 0;
  }

  /**
   * Plays `url` from now on, replacing what was attached. A blob: URL becomes the controller's:
   * it is revoked on detach or when another file is attached.
   */
  attach(url: string, name: string): void {
    this.detach();
    const kind = mediaKind(name);
    const element = document.createElement(kind);
    element.dataset.testid = 'media-element';
    element.preload = 'auto';
    const { rate, volume, preservesPitch } = this.state.get();
    element.defaultPlaybackRate = rate;
    element.playbackRate = rate;
    element.preservesPitch = preservesPitch;
    element.volume = volume;
    if (kind === 'video') (element as HTMLVideoElement).playsInline = true;

    const update = (patch: Partial<MediaState>) => this.patch(patch);
    const listeners: Array<[string, () => void]> = [
      ['play', () => update({ playing: true, error: null })],
      ['playing', () => this.startFrames()],
      ['pause', () => this.onPaused()],
      ['ended', () => this.onPaused()],
      ['timeupdate', () => update({ currentMs: element.currentTime * 1000 })],
      ['seeked', () => this.syncPosition()],
      ['durationchange', () => update({ durationMs: finiteMs(element.duration) })],
      ['loadedmetadata', () => update({ durationMs: finiteMs(element.duration) })],
      ['volumechange', () => update({ volume: element.volume })],
      ['ratechange', () => update({ rate: element.playbackRate })],
      ['error', () => update({ error: CANNOT_PLAY, playing: false })],
    ];
    for (const [type, listener] of listeners) element.addEventListener(type, listener);
    this.stopListening = () => {
      for (const [type, listener] of listeners) element.removeEventListener(type, listener);
    };

    this.url = url;
    element.src = url;
    this.state.set({ ...INITIAL, rate, volume, preservesPitch, name, kind });
    this.position.set(0);
    this.element.set(element);
  }

  /** Stops playback and lets go of the element and its URL; rate and volume are kept. */
  detach(): void {
    const element = this.element.get();
    // Nothing attached (also: the editor went away in a test without a DOM).
    if (!element && this.url === null) return;
    this.cancelSpan();
    cancelAnimationFrame(this.frame);
    this.stopListening?.();
    this.stopListening = null;
    if (element) {
      element.pause();
      element.removeAttribute('src');
      element.load();
    }
    if (this.url?.startsWith('blob:')) URL.revokeObjectURL(this.url);
    this.url = null;
    const { rate, volume, preservesPitch } = this.state.get();
    this.state.set({ ...INITIAL, rate, volume, preservesPitch });
    this.position.set(0);
    this.element.set(null);
  }

  play(): void {
    const element = this.element.get();
    if (!element) return;
    element.play().catch((error: unknown) => this.onPlayFailed(error));
  }

  pause(): void {
    this.cancelSpan();
    this.element.get()?.pause();
  }

  toggle(): void {
    const element = this.element.get();
    if (!element) return;
    if (element.paused || element.ended) {
      this.cancelSpan();
      this.play();
    } else this.pause();
  }

  seek(ms: number): void {
    const element = this.element.get();
    if (!element) return;
    this.cancelSpan();
    this.seekElement(element, ms);
  }

  skip(deltaMs: number): void {
    this.seek(this.currentMs() + deltaMs);
  }

  /** Speed between 0.5 and 2; pitch is kept unless preservesPitch is false. */
  setRate(rate: number, preservesPitch = true): void {
    const clamped = Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
    const element = this.element.get();
    if (element) {
      element.preservesPitch = preservesPitch;
      element.defaultPlaybackRate = clamped;
      element.playbackRate = clamped;
    }
    this.patch({ rate: clamped, preservesPitch });
  }

  setVolume(volume: number): void {
    const clamped = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
    const element = this.element.get();
    if (element) element.volume = clamped;
    this.patch({ volume: clamped });
  }

  setLeadMs(ms: number): void {
    if (!(LEAD_CHOICES_MS as readonly number[]).includes(ms)) return;
    this.leadMs.set(ms);
    saveLeadMs(ms);
  }

  /** Plays startMs − lead … endMs + lead and pauses there (within a frame, about 16 ms). */
  playSpan(startMs: number, endMs: number, leadMs = this.leadMs.get()): void {
    const element = this.element.get();
    if (!element) return;
    this.cancelSpan();
    this.seekElement(element, Math.max(0, startMs - leadMs));
    this.stopAtMs = Math.max(startMs, endMs) + leadMs;
    this.play();
    this.startFrames();
  }

  private seekElement(element: HTMLMediaElement, ms: number): void {
    const durationMs = finiteMs(element.duration);
    const clamped = Math.max(0, durationMs > 0 ? Math.min(ms, durationMs) : ms);
    element.currentTime = clamped / 1000;
    this.patch({ currentMs: clamped });
    this.position.set(clamped);
  }

  private syncPosition(): void {
    const ms = this.currentMs();
    this.patch({ currentMs: ms });
    this.position.set(ms);
  }

  /** While playing: the position every frame, and the end of a playSpan. */
  private startFrames(): void {
    cancelAnimationFrame(this.frame);
    const tick = () => {
      const element = this.element.get();
      if (!element || element.paused) return;
      const ms = element.currentTime * 1000;
      this.position.set(ms);
      if (this.checkSpanEnd(element, ms)) return;
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    this.scheduleStopTimer();
  }

  /**
   * Animation frames stop in a hidden window, so a timer backs them up: it fires about when the
   * span should end (the rate taken into account) and checks again.
   */
  private scheduleStopTimer(): void {
    clearTimeout(this.stopTimer);
    const element = this.element.get();
    if (this.stopAtMs === null || !element) return;
    const remaining = (this.stopAtMs - element.currentTime * 1000) / (element.playbackRate || 1);
    this.stopTimer = setTimeout(
      () => {
        const current = this.element.get();
        if (!current || current.paused) return;
        if (!this.checkSpanEnd(current, current.currentTime * 1000)) this.scheduleStopTimer();
      },
      Math.max(10, remaining - 20),
    );
  }

  private checkSpanEnd(element: HTMLMediaElement, ms: number): boolean {
    if (this.stopAtMs === null || ms < this.stopAtMs) return false;
    this.cancelSpan();
    element.pause();
    return true;
  }

  private cancelSpan(): void {
    this.stopAtMs = null;
    clearTimeout(this.stopTimer);
  }

  private onPaused(): void {
    cancelAnimationFrame(this.frame);
    this.cancelSpan();
    this.patch({ playing: false });
    this.syncPosition();
  }

  private onPlayFailed(error: unknown): void {
    const name = error instanceof DOMException ? error.name : '';
    // A pause or a new source interrupted the play request: nothing went wrong.
    if (name === 'AbortError') return;
    const message =
      name === 'NotAllowedError'
        ? 'Playback was blocked: press Play (or Ctrl+Space) again.'
        : name === 'NotSupportedError'
          ? CANNOT_PLAY
          : `Playback failed: ${error instanceof Error ? error.message : String(error)}`;
    this.patch({ playing: false, error: message });
  }

  private patch(patch: Partial<MediaState>): void {
    const state = this.state.get();
    const changed = (Object.keys(patch) as Array<keyof MediaState>).some((key) => patch[key] !== state[key]);
    if (changed) this.state.set({ ...state, ...patch });
  }
}

function finiteMs(seconds: number): number {
  return Number.isFinite(seconds) ? seconds * 1000 : 0;
}
