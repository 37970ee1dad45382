/**
 * What the editor benchmark runs inside the page. `installProbes` is added as an init script, so it
 * is in place before the app's own code runs; the other functions are passed to page.evaluate.
 * Every function here is serialised into the page: no imports, no closures over this module.
 *
 * "Painted" means: a requestAnimationFrame callback ran after the moment of interest, and a task
 * posted from it (MessageChannel, which is not clamped like setTimeout) ran too, so the frame that
 * rAF belonged to has gone through style, layout and paint.
 */

export interface KeyRecord {
  key: string;
  /** event.timeStamp of the keydown (when the input event was created). */
  at: number;
  /** From the keydown's creation until its handler ran (queueing delay). */
  queued: number;
  /** From the keydown's creation until the frame after it was painted. */
  toPaint: number;
}

export interface EventTimingRecord {
  name: string;
  interactionId: number;
  startTime: number;
  duration: number;
  /** processingStart - startTime */
  inputDelay: number;
  /** processingEnd - processingStart */
  processing: number;
}

export interface FrameScript {
  invoker: string;
  function: string;
  source: string;
  charPosition: number;
  duration: number;
  forcedStyleAndLayout: number;
}

export interface LongFrameRecord {
  startTime: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: FrameScript[];
}

export interface OpenTimes {
  /** change event on the file input */
  change: number;
  fetchStart: number | null;
  fetchEnd: number | null;
  /** First frame with the segments in the editor. */
  editorVisible: number | null;
  /** First frame with the suggestion count and the suggestion highlights. */
  ready: number | null;
  /** ...and that frame painted. */
  readyPainted: number | null;
  segments: number;
  suggestionCount: number;
  highlightRanges: number;
}

export interface BenchProbes {
  keys: KeyRecord[];
  events: EventTimingRecord[];
  longFrames: LongFrameRecord[];
  longTasks: Array<{ startTime: number; duration: number }>;
  open: OpenTimes | null;
  recording: boolean;
}

declare global {
  interface Window {
    __glossaBench?: BenchProbes;
  }
}

/** Init script: keystroke-to-paint probe, Event Timing, long frames and tasks, the open watcher. */
export function installProbes(): void {
  // Highlight is set-like; the DOM typings here lack its `size`.
  const sizeOf = (highlight: Highlight) => (highlight as unknown as { size: number }).size;
  const probes: BenchProbes = {
    keys: [],
    events: [],
    longFrames: [],
    longTasks: [],
    open: null,
    recording: false,
  };
  window.__glossaBench = probes;

  const afterPaint = (done: (now: number) => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        done(performance.now());
        channel.port1.close();
      };
      channel.port2.postMessage(0);
    });
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (!probes.recording) return;
      const at = event.timeStamp;
      const queued = performance.now() - at;
      afterPaint((now) => probes.keys.push({ key: event.key, at, queued, toPaint: now - at }));
    },
    { capture: true },
  );

  const observe = (options: PerformanceObserverInit, take: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe(options);
    } catch {
      // An entry type this Chromium does not know: that figure stays empty.
    }
  };
  observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit, (entry) => {
    const timing = entry as PerformanceEventTiming & { interactionId?: number };
    probes.events.push({
      name: timing.name,
      interactionId: timing.interactionId ?? 0,
      startTime: timing.startTime,
      duration: timing.duration,
      inputDelay: timing.processingStart - timing.startTime,
      processing: timing.processingEnd - timing.processingStart,
    });
  });
  observe({ type: 'longtask', buffered: true }, (entry) =>
    probes.longTasks.push({ startTime: entry.startTime, duration: entry.duration }),
  );
  observe({ type: 'long-animation-frame', buffered: true }, (entry) => {
    const frame = entry as PerformanceEntry & {
      blockingDuration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: Array<{
        invoker: string;
        sourceFunctionName: string;
        sourceURL: string;
        sourceCharPosition: number;
        duration: number;
        forcedStyleAndLayoutDuration: number;
      }>;
    };
    probes.longFrames.push({
      startTime: frame.startTime,
      duration: frame.duration,
      blockingDuration: frame.blockingDuration,
      renderStart: frame.renderStart,
      styleAndLayoutStart: frame.styleAndLayoutStart,
      scripts: frame.scripts.map((script) => ({
        invoker: script.invoker,
        function: script.sourceFunctionName,
        source: script.sourceURL,
        charPosition: script.sourceCharPosition,
        duration: script.duration,
        forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
      })),
    });
  });

  // Opening a transcript: from the file input's change event, watch every frame until the editor
  // shows its segments, the panel its count and the highlights their ranges.
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target as HTMLInputElement | null;
      if (input?.dataset.testid !== 'transcript-file-input') return;
      const open: OpenTimes = {
        change: event.timeStamp,
        fetchStart: null,
        fetchEnd: null,
        editorVisible: null,
        ready: null,
        readyPainted: null,
        segments: 0,
        suggestionCount: 0,
        highlightRanges: 0,
      };
      probes.open = open;
      const poll = () => {
        const now = performance.now();
        const segments = document.querySelectorAll('[data-testid=transcript-editor] p.segment').length;
        if (segments > 0 && open.editorVisible === null) open.editorVisible = now;
        const count = Number.parseInt(
          document.querySelector('[data-testid=suggestion-count]')?.textContent ?? '',
          10,
        );
        let ranges = 0;
        CSS.highlights.forEach((highlight, name) => {
          if (name.startsWith('glossa-suggestion-')) ranges += sizeOf(highlight);
        });
        if (segments > 0 && count > 0 && ranges > 0) {
          open.ready = now;
          open.segments = segments;
          open.suggestionCount = count;
          open.highlightRanges = ranges;
          const request = performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/api/importTranscript'))
            .at(-1) as PerformanceResourceTiming | undefined;
          open.fetchStart = request?.startTime ?? null;
          open.fetchEnd = request?.responseEnd ?? null;
          afterPaint((painted) => (open.readyPainted = painted));
          return;
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    { capture: true },
  );
}

/** The number in the panel's suggestion count badge (NaN when there is none). */
export function readSuggestionCount(): number {
  return Number.parseInt(document.querySelector('[data-testid=suggestion-count]')?.textContent ?? '', 10);
}

/** Ranges in the suggestion highlights, all reasons together. */
export function readHighlightRanges(): number {
  // Highlight is set-like; the DOM typings here lack its `size`.
  const sizeOf = (highlight: Highlight) => (highlight as unknown as { size: number }).size;
  let ranges = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('glossa-suggestion-')) ranges += sizeOf(highlight);
  });
  return ranges;
}

/**
 * Segments holding a suggestion highlight, with the end of the first such range, sorted by their
 * position in the document (0..1).
 */
export function segmentsWithSuggestions(): Array<{ segmentId: string; position: number; endOffset: number }> {
  const all = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=transcript-editor] p.segment'));
  const indexOf = new Map(all.map((element, i) => [element, i]));
  const found = new Map<HTMLElement, { segmentId: string; position: number; endOffset: number }>();
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('glossa-suggestion-')) return;
    highlight.forEach((range) => {
      const container = range.endContainer;
      const element = (
        container instanceof Element ? container : container.parentElement
      )?.closest<HTMLElement>('p.segment');
      if (!element || found.has(element)) return;
      found.set(element, {
        segmentId: element.dataset.segmentId ?? '',
        position: (indexOf.get(element) ?? 0) / Math.max(1, all.length),
        endOffset: range.endOffset,
      });
    });
  });
  return [...found.values()].sort((a, b) => a.position - b.position);
}

/**
 * Scrolls a segment to the middle of the editor and returns the viewport point just after its first
 * suggestion (where a click puts the caret right behind the heard words).
 */
export function pointAfterFirstSuggestion(segmentId: string): { x: number; y: number } | null {
  const element = document.querySelector<HTMLElement>(
    `p.segment[data-segment-id="${CSS.escape(segmentId)}"]`,
  );
  if (!element) return null;
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  let point: { x: number; y: number } | null = null;
  CSS.highlights.forEach((highlight, name) => {
    if (point || !name.startsWith('glossa-suggestion-')) return;
    highlight.forEach((range) => {
      if (point || !element.contains(range.endContainer)) return;
      const live = document.createRange();
      live.setStart(range.endContainer, range.endOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      point = { x: rect.left, y: rect.top + rect.height / 2 };
    });
  });
  return point;
}

/** The suggestion group with the most items: its term and count. */
export function biggestGroup(): { term: string; count: number } | null {
  let best: { term: string; count: number } | null = null;
  for (const group of Array.from(document.querySelectorAll<HTMLElement>('[data-testid=suggestion-group]'))) {
    const count = Number.parseInt(group.querySelector('h3 .count-badge')?.textContent ?? '', 10);
    if (Number.isFinite(count) && (!best || count > best.count)) {
      best = { term: group.dataset.term ?? '', count };
    }
  }
  return best;
}

export interface AcceptAllTimes {
  click: number | null;
  /** The suggestion highlights lost ranges. */
  highlightsDropped: number | null;
  /** The panel's count went down. */
  countDropped: number | null;
  /** ...and that frame painted. */
  painted: number | null;
  countBefore: number;
  countAfter: number;
}

declare global {
  interface Window {
    __glossaAcceptAll?: Promise<AcceptAllTimes>;
  }
}

/** Arms the accept-all watcher: resolves once the count has dropped and that frame painted. */
export function armAcceptAll(term: string): void {
  // Highlight is set-like; the DOM typings here lack its `size`.
  const sizeOf = (highlight: Highlight) => (highlight as unknown as { size: number }).size;
  const countNow = () =>
    Number.parseInt(document.querySelector('[data-testid=suggestion-count]')?.textContent ?? '', 10);
  const rangesNow = () => {
    let ranges = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('glossa-suggestion-')) ranges += sizeOf(highlight);
    });
    return ranges;
  };
  const times: AcceptAllTimes = {
    click: null,
    highlightsDropped: null,
    countDropped: null,
    painted: null,
    countBefore: countNow(),
    countAfter: Number.NaN,
  };
  const rangesBefore = rangesNow();
  window.__glossaAcceptAll = new Promise((resolve) => {
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest('button');
      const group = button?.closest<HTMLElement>('[data-testid=suggestion-group]');
      if (!button || group?.dataset.term !== term || !button.textContent?.includes('Accept all')) return;
      document.removeEventListener('click', onClick, true);
      times.click = event.timeStamp;
      // The click's own handler runs after this capturing listener; watch from the next frame on.
      const poll = () => {
        const now = performance.now();
        if (times.highlightsDropped === null && rangesNow() < rangesBefore) times.highlightsDropped = now;
        const count = countNow();
        if (count < times.countBefore) {
          times.countDropped = now;
          times.countAfter = count;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              times.painted = performance.now();
              resolve(times);
            };
            channel.port2.postMessage(0);
          });
          return;
        }
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    };
    document.addEventListener('click', onClick, true);
  });
}
