/**
 * The recording's waveform under the media bar: the whole recording with a zoomable, scrollable
 * window, the playhead, the document's segment boundaries (the current segment shaded). A click
 * seeks; with focus, the arrow keys move the playhead and +/− zoom. The peaks come from the Node
 * side (getWaveform: computed in a worker, cached); the canvas is redrawn in an animation frame
 * only when something it shows changed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  clampView,
  msAtX,
  revealInView,
  zoomView,
  type WaveformData,
  type WaveformView,
} from '../../../shared/media/waveform';
import { formatShortClock } from '../../../shared/formats/timecode';
import { useEditorSession } from '../editor/session';
import { SKIP_MS } from './media-controller';
import { paintWaveform, segmentAt, type WaveformColors } from './waveform-paint';
import { useSegmentTimes } from './waveform-segments';
import './waveform.css';

type Load =
  { state: 'loading' } | { state: 'ready'; data: WaveformData } | { state: 'error'; message: string };

const ZOOM_STEP = 2;
const ARROW_STEP_MS = 1000;
/** Browsers stop laying out elements somewhere past 16–33 million px; the track stays below. */
const MAX_TRACK_PX = 8_000_000;

/** Shown only while a linked recording is ready to play. */
export function Waveform() {
  const session = useEditorSession();
  const link = useSyncExternalStore(session.mediaLink.link.subscribe, session.mediaLink.link.get);
  const path = link.state === 'ready' ? link.path : null;
  return path === null ? null : <WaveformPanel key={path} name={link.state === 'ready' ? link.name : ''} />;
}

function WaveformPanel({ name }: { name: string }) {
  const session = useEditorSession();
  const [editor] = useLexicalComposerContext();
  const media = session.media;
  const mediaState = useSyncExternalStore(media.state.subscribe, media.state.get);
  const segments = useSegmentTimes(editor, mediaState.durationMs);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [view, setView] = useState<WaveformView>({ startMs: 0, spanMs: 0 });
  const [width, setWidth] = useState(0);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // One request per linked file (the panel is keyed by its path).
  useEffect(() => {
    let live = true;
    session.api.getWaveform({ documentId: session.documentId }).then(
      (data) => {
        if (!live) return;
        setLoad({ state: 'ready', data });
        setView({ startMs: 0, spanMs: data.durationMs });
      },
      (error: unknown) => {
        if (live)
          setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [session]);

  const data = load.state === 'ready' ? load.data : null;
  // The element knows the true length once it has loaded; the peaks know it before.
  const durationMs = data ? data.durationMs || mediaState.durationMs : 0;

  const viewRef = useRef(view);
  const changeView = useCallback((next: WaveformView) => setView(clampView(next, durationMs)), [durationMs]);

  // --- drawing: everything the frame shows lives in refs; `requestDraw` paints once next frame.
  const frameRef = useRef(0);
  const drawRef = useRef<() => void>(() => {});
  const requestDraw = useCallback(() => {
    if (frameRef.current === 0) {
      frameRef.current = requestAnimationFrame(() => {
        frameRef.current = 0;
        drawRef.current();
      });
    }
  }, []);
  useEffect(
    () => () => {
      // Reset too: StrictMode mounts twice, and a stale id would block every later frame.
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
    },
    [],
  );

  const colorsRef = useRef<WaveformColors | null>(null);
  // What the next frame draws, as of the last render (refs are written after render, not during).
  useLayoutEffect(() => {
    viewRef.current = view;
    drawRef.current = () => {
      const canvas = canvasRef.current;
      if (!canvas || !data || width <= 0) return;
      const ratio = window.devicePixelRatio || 1;
      const height = canvas.clientHeight;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      const context = canvas.getContext('2d');
      if (!context) return;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      colorsRef.current ??= readColors(canvas);
      const playheadMs = media.position.get();
      const drawn = paintWaveform(context, {
        data,
        view: viewRef.current,
        segments,
        current: segmentAt(segments, playheadMs),
        playheadMs,
        colors: colorsRef.current,
        width,
        height,
        pixelRatio: ratio,
      });
      canvas.dataset.boundaries = String(drawn);
      canvas.setAttribute('aria-valuenow', String(Math.round(playheadMs / 1000)));
      canvas.setAttribute(
        'aria-valuetext',
        `${formatShortClock(playheadMs)} of ${formatShortClock(durationMs)}`,
      );
    };
  });
  useEffect(requestDraw, [requestDraw, data, view, segments, width, durationMs]);

  // Colours follow the theme: read again when the colour scheme changes.
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      colorsRef.current = null;
      requestDraw();
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [requestDraw]);

  // The playhead: redraw as it moves; while playing, turn the page when it runs out of view.
  useEffect(
    () =>
      media.position.subscribe(() => {
        const ms = media.position.get();
        const current = viewRef.current;
        if (media.state.get().playing && current.spanMs > 0 && ms > current.startMs + current.spanMs) {
          changeView({ startMs: ms - current.spanMs * 0.05, spanMs: current.spanMs });
        }
        requestDraw();
      }),
    [media, changeView, requestDraw],
  );

  // The canvas is as wide as the scroller; redraw at the new size (and pixel ratio).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      setWidth(scroller.clientWidth);
      requestDraw();
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [requestDraw, data]);

  // --- scrolling: a track as wide as the zoomed recording scrolls under the sticky canvas.
  const trackWidth =
    view.spanMs > 0 && durationMs > 0 ? Math.min(MAX_TRACK_PX, (width * durationMs) / view.spanMs) : width;
  const maxScroll = Math.max(0, trackWidth - width);
  const maxStart = Math.max(0, durationMs - view.spanMs);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const left = maxStart > 0 ? (view.startMs / maxStart) * maxScroll : 0;
    if (Math.abs(scroller.scrollLeft - left) >= 1) scroller.scrollLeft = left;
  }, [view, maxScroll, maxStart]);
  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller || maxScroll <= 0) return;
    const startMs = (scroller.scrollLeft / maxScroll) * maxStart;
    // Ignore the echo of our own scrollLeft (less than a pixel's worth of time).
    if (Math.abs(startMs - view.startMs) * (width / Math.max(1, view.spanMs)) >= 1) {
      changeView({ startMs, spanMs: view.spanMs });
    }
  };

  // Ctrl/Cmd+wheel zooms around the pointer; it must cancel the page zoom, so not passive.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey) || durationMs <= 0) return;
      event.preventDefault();
      const rect = scroller.getBoundingClientRect();
      const anchor = msAtX(event.clientX - rect.left, rect.width, viewRef.current);
      const factor = event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
      setView(zoomView(viewRef.current, factor, anchor, durationMs));
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [durationMs, data]);

  const zoomAroundPlayhead = (factor: number) => {
    const ms = media.position.get();
    const anchor =
      ms >= view.startMs && ms <= view.startMs + view.spanMs ? ms : view.startMs + view.spanMs / 2;
    changeView(zoomView(view, factor, anchor, durationMs));
  };
  const seekTo = (ms: number) => {
    const clamped = Math.min(durationMs, Math.max(0, ms));
    media.seek(clamped);
    setView((current) => revealInView(current, clamped, durationMs));
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    const canvas = event.currentTarget;
    const seekAt = (clientX: number) => {
      const rect = canvas.getBoundingClientRect();
      media.seek(Math.min(durationMs, Math.max(0, msAtX(clientX - rect.left, rect.width, viewRef.current))));
    };
    seekAt(event.clientX);
    // Dragging scrubs.
    canvas.setPointerCapture(event.pointerId);
    const onMove = (move: PointerEvent) => seekAt(move.clientX);
    const onUp = () => {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
    };
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const position = media.position.get();
    const step = event.shiftKey ? SKIP_MS : ARROW_STEP_MS;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => seekTo(position - step),
      ArrowRight: () => seekTo(position + step),
      Home: () => seekTo(0),
      End: () => seekTo(durationMs),
      PageUp: () => seekTo(position - view.spanMs),
      PageDown: () => seekTo(position + view.spanMs),
      '+': () => zoomAroundPlayhead(ZOOM_STEP),
      '=': () => zoomAroundPlayhead(ZOOM_STEP),
      '-': () => zoomAroundPlayhead(1 / ZOOM_STEP),
      '0': () => changeView({ startMs: 0, spanMs: durationMs }),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  if (load.state !== 'ready') {
    return (
      <p
        className={load.state === 'error' ? 'waveform-status waveform-error' : 'waveform-status'}
        role={load.state === 'error' ? 'alert' : 'status'}
        data-testid="waveform-status"
        data-state={load.state}
      >
        {load.state === 'error' ? load.message : 'Drawing waveform…'}
      </p>
    );
  }

  const whole = view.spanMs >= durationMs;
  return (
    <div
      className="waveform"
      data-testid="waveform"
      data-state="ready"
      data-duration-ms={Math.round(durationMs)}
      data-view-start-ms={Math.round(view.startMs)}
      data-view-span-ms={Math.round(view.spanMs)}
      data-segments={segments.length}
    >
      <div className="waveform-scroller" ref={scrollerRef} onScroll={onScroll}>
        <div className="waveform-track" style={{ width: trackWidth }}>
          <canvas
            ref={canvasRef}
            className="waveform-canvas"
            style={{ width }}
            tabIndex={0}
            role="slider"
            aria-label={`Waveform of ${name}: click or use the arrow keys to move the playhead, + and − to zoom`}
            aria-valuemin={0}
            aria-valuemax={Math.round(durationMs / 1000)}
            data-testid="waveform-canvas"
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
      <div className="waveform-tools" role="group" aria-label="Waveform zoom">
        <button
          type="button"
          className="button button-quiet"
          aria-label="Zoom in"
          title="Zoom in (+, or Ctrl+wheel)"
          data-testid="waveform-zoom-in"
          disabled={view.spanMs <= clampView({ startMs: 0, spanMs: 0 }, durationMs).spanMs}
          onClick={() => zoomAroundPlayhead(ZOOM_STEP)}
        >
          +
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-label="Zoom out"
          title="Zoom out (−, or Ctrl+wheel)"
          data-testid="waveform-zoom-out"
          disabled={whole}
          onClick={() => zoomAroundPlayhead(1 / ZOOM_STEP)}
        >
          −
        </button>
        <button
          type="button"
          className="button button-quiet"
          title="Show the whole recording (0)"
          data-testid="waveform-zoom-whole"
          disabled={whole}
          onClick={() => changeView({ startMs: 0, spanMs: durationMs })}
        >
          Whole
        </button>
      </div>
    </div>
  );
}

function readColors(element: HTMLElement): WaveformColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    wave: read('--waveform-wave', '#9aa3ad'),
    played: read('--waveform-played', '#2b59c3'),
    boundary: read('--waveform-boundary', 'rgba(0, 0, 0, 0.35)'),
    current: read('--waveform-current', 'rgba(43, 111, 214, 0.12)'),
    playhead: read('--waveform-playhead', '#c0392b'),
  };
}
