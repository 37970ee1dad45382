/**
 * Speed of the editor on a 3-hour transcript (30,000 words, ~3,000 segments, hundreds of
 * suggestions) in headless Chromium, against the targets of the editor-speed issue:
 *
 *   open to interactive ≤ 2 s · p95 keystroke-to-paint ≤ 30 ms · accept-all for one entry ≤ 300 ms
 *   · renderer memory ≤ 300 MB
 *
 *   npx tsx scripts/bench-editor.ts              5 runs (a fresh server, browser and page each)
 *   npx tsx scripts/bench-editor.ts --quick      2 runs, half the typing
 *   npx tsx scripts/bench-editor.ts --runs 9     more runs
 *   npx tsx scripts/bench-editor.ts --keep       keep the temp folder (transcript, databases)
 *   npx tsx scripts/bench-editor.ts --renderer DIR
 *                                                serve another build of the renderer than dist/renderer
 *   npx tsx scripts/bench-editor.ts --profile DIR
 *                                                also write a CPU profile of the page per phase and run
 *                                                (DIR/run-1-open.cpuprofile, -typing, -accept-all), for
 *                                                DevTools' Performance panel (the bundle's source map
 *                                                names the functions); profiling slows the page down
 *   npx tsx scripts/bench-editor.ts --trace DIR  also write a Chrome trace per phase and run (style, layout,
 *                                                paint, hit tests, tasks), for the Performance panel
 *
 * Needs the built renderer (dist/renderer; `npm run bench` builds it when it is stale) and Chromium
 * at /usr/bin/chromium. Each run starts the real browser-mode server in this process (SQLite
 * glossary with the seed glossary, workspace, API handlers, HTTP) in a temp folder, then:
 *
 * 1. open: the transcript file goes into the start screen's file input; the clock starts at the
 *    input's change event and stops when the frame after the first keystroke has painted — the
 *    keystroke is sent as soon as the editor shows its segments, the panel its suggestion count and
 *    the editor its suggestion highlights. The server-side import (parse, check, store) and the
 *    HTTP request are reported apart.
 * 2. typing: four segments with suggestions around the middle of the document are clicked just
 *    after a suggestion, and phrases holding real seed mishearings are typed 40 ms apart, with
 *    pauses so the re-check of the segment runs and its answer is applied; some Backspaces too.
 *    Keystroke-to-paint is measured in the page: from the keydown's creation until a task posted
 *    from the next requestAnimationFrame runs (the frame is painted). Event Timing entries
 *    (≥ 16 ms) are a second opinion.
 * 3. accept all: "Accept all" of the entry with the most suggestions; from the click until the
 *    panel's count has dropped and that frame painted.
 * 4. memory after opening and at the end, after a forced GC: JS heap and DOM from CDP, the
 *    renderer process's resident memory from /proc.
 *
 * Progress, every run and the table with one verdict per target go to stderr; stdout gets one JSON
 * object per figure (as scripts/bench.ts prints them) and a last one with every run's details.
 * The figures are reported, never asserted.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ApiHandlers } from '../shared/api/contract';
import { createApiHandlers } from '../electron/services/api-handlers';
import { GlossaryStore } from '../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../electron/services/workspace/workspace-store';
import { startWebServer } from '../electron/web/server';
import { launchChromium } from '../tests/e2e/browser';
import { median, progress, report, round } from './bench/measure';
import { mulberry32 } from './bench/random';
import { measureMemory, type MemoryFigures } from './bench-editor/memory';
import {
  armAcceptAll,
  biggestGroup,
  installProbes,
  pointAfterFirstSuggestion,
  readHighlightRanges,
  readSuggestionCount,
  segmentsWithSuggestions,
  type AcceptAllTimes,
  type EventTimingRecord,
  type KeyRecord,
  type LongFrameRecord,
  type OpenTimes,
} from './bench-editor/page-probes';
import { buildTranscript } from './bench-editor/transcript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_RENDERER = path.join(ROOT, 'dist', 'renderer');
const SEED_TRANSCRIPT = path.join(ROOT, 'seeds', 'nk-news-2024-10-22-troops-ukraine.txt');
const SEED_GLOSSARY = path.join(ROOT, 'seeds', 'nk-news-glossary.csv');

const TARGETS = {
  open_to_interactive_ms: 2000,
  keystroke_p95_ms: 30,
  accept_all_ms: 300,
  renderer_memory_mb: 300,
};

const SEED = 20_250_115;
const TRANSCRIPT = { words: 30_000, durationMs: 3 * 60 * 60 * 1000, mishearShare: 0.5 };
const VIEWPORT = { width: 1280, height: 860 };
const KEY_DELAY_MS = 40;
/** Longer than the editor's re-check delay (350 ms) plus the check itself. */
const RECHECK_PAUSE_MS = 800;
const SETTLE_MS = 1500;
/** Where in the document (0..1) the typing happens: one segment with suggestions near each. */
const TYPING_AT = [0.42, 0.5, 0.58, 0.66];
/** Typed after a suggestion: real mishearings from the seed episode, so re-checks find new ones. */
const PHRASES = [
  [' and the NAS said', ' that Donbass was', ' near Rasson port'],
  [' as Colin Zverko wrote', ' and Marco Ruta', ' told 9K News'],
];
const BACKSPACES = 6;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg === -1 ? (quick ? 2 : 5) : Math.max(1, Number(args[runsArg + 1]) || 1);
const typingAt = quick ? TYPING_AT.slice(1, 3) : TYPING_AT;
const profileArg = args.indexOf('--profile');
const PROFILE_DIR = profileArg === -1 ? null : path.resolve(args[profileArg + 1] ?? 'bench-profiles');
const traceArg = args.indexOf('--trace');
const TRACE_DIR = traceArg === -1 ? null : path.resolve(args[traceArg + 1] ?? 'bench-traces');
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'];
const rendererArg = args.indexOf('--renderer');
const RENDERER_SOURCE = rendererArg === -1 ? DEFAULT_RENDERER : path.resolve(args[rendererArg + 1] ?? '');
/** The copy this run serves (set in main). */
let rendererDir = RENDERER_SOURCE;

interface ServerCall {
  name: string;
  at: number;
  ms: number;
}

interface RunResult {
  run: number;
  open: OpenTimes & { firstKeyPainted: number; wallMs: number };
  open_to_interactive_ms: number;
  open_ready_ms: number;
  import_request_ms: number | null;
  import_handler_ms: number | null;
  keys: KeyRecord[];
  keyEvents: EventTimingRecord[];
  typingLongFrames: LongFrameRecord[];
  accept: AcceptAllTimes & { term: string };
  accept_all_ms: number;
  acceptLongFrames: LongFrameRecord[];
  memoryOpen: MemoryFigures;
  memoryEnd: MemoryFigures;
  server: ServerCall[];
}

async function main(): Promise<void> {
  if (!existsSync(path.join(RENDERER_SOURCE, 'index.html'))) {
    throw new Error(
      `No built renderer in ${RENDERER_SOURCE}: run \`npx vite build --config renderer/vite.config.ts\` (npm run bench does).`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'glossa-bench-editor-'));
  try {
    // A private copy: a rebuild of dist/renderer during the benchmark (the end-to-end tests make one
    // when it is stale) must not swap the app under a running measurement.
    rendererDir = path.join(dir, 'renderer');
    await cp(RENDERER_SOURCE, rendererDir, { recursive: true });
    const transcriptPath = await writeTranscript(dir);
    const results: RunResult[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const result = await measureRun(run, transcriptPath, path.join(dir, `run-${run}`));
      printRun(result);
      results.push(result);
    }
    summarise(results);
  } finally {
    if (keep) progress(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** The seed episode as the app imports it, cycled into a 3-hour WhisperX transcript. */
async function writeTranscript(dir: string): Promise<string> {
  const app = await startApp(path.join(dir, 'seed'));
  try {
    const seed = await app.handlers.importTranscript({
      fileName: path.basename(SEED_TRANSCRIPT),
      bytes: new Uint8Array(await readFile(SEED_TRANSCRIPT)),
    });
    const transcript = buildTranscript(
      { paragraphs: seed.document.segments.map((s) => s.text), suggestions: seed.suggestions },
      TRANSCRIPT,
      mulberry32(SEED),
    );
    const file = path.join(dir, 'nk-news-3-hours.whisperx.json');
    const json = JSON.stringify(transcript.json);
    await writeFile(file, json);
    const probe = await app.handlers.importTranscript({
      fileName: path.basename(file),
      bytes: new TextEncoder().encode(json),
    });
    const perEntry = new Map<string, number>();
    for (const s of probe.suggestions) perEntry.set(s.replacement, (perEntry.get(s.replacement) ?? 0) + 1);
    const [topTerm, topCount] = [...perEntry].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
    progress(
      `transcript: ${transcript.words} words, ${transcript.segments} segments, ${transcript.turns} speaker turns, ` +
        `${(json.length / 1024 / 1024).toFixed(1)} MB WhisperX JSON (${transcript.cycles} cycles of the seed, ` +
        `${transcript.rewritten} correct mentions misheard); ${probe.suggestions.length} suggestions ` +
        `(${perEntry.size} entries, most: ${topTerm} ×${topCount}), seed alone: ${seed.suggestions.length}`,
    );
    report({
      name: 'editor_transcript',
      words: transcript.words,
      segments: transcript.segments,
      speaker_turns: transcript.turns,
      bytes: json.length,
      suggestions: probe.suggestions.length,
      entries_with_suggestions: perEntry.size,
      most_suggestions: { term: topTerm, count: topCount },
    });
    return file;
  } finally {
    await app.close();
  }
}

interface App {
  handlers: ApiHandlers;
  calls: ServerCall[];
  url: string;
  close(): Promise<void>;
}

/** The browser-mode app as tests/e2e/harness.ts builds it, with every handler call timed. */
async function startApp(dir: string): Promise<App> {
  await mkdir(dir, { recursive: true });
  const glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  glossary.importCsv(await readFile(SEED_GLOSSARY, 'utf8'), path.basename(SEED_GLOSSARY));
  const workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  const plain = createApiHandlers({ glossary, workspace, mode: 'browser', version: '0.0.0-bench' });
  const calls: ServerCall[] = [];
  const handlers = Object.fromEntries(
    Object.entries(plain).map(([name, handler]) => [
      name,
      async (callArgs: unknown) => {
        const at = performance.now();
        try {
          return await (handler as (a: unknown) => Promise<unknown>)(callArgs);
        } finally {
          calls.push({ name, at, ms: performance.now() - at });
        }
      },
    ]),
  ) as unknown as ApiHandlers;
  const server = await startWebServer({ handlers, rendererDir });
  return {
    handlers,
    calls,
    url: server.url,
    async close() {
      await server.close();
      workspace.close();
      glossary.close();
    },
  };
}

async function measureRun(run: number, transcriptPath: string, dir: string): Promise<RunResult> {
  const app = await startApp(dir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // tsx compiles with esbuild's keepNames, which wraps functions in a `__name(fn, "name")` helper
    // that exists only in this process; the page gets a stand-in before any probe is serialised.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(installProbes);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Open transcript…' }).waitFor();

    progress(`run ${run}: opening…`);
    const open = await profiled(page, `run-${run}-open`, () => openTranscript(page, transcriptPath));
    const importCall = app.calls.find((c) => c.name === 'importTranscript');
    await page.waitForTimeout(SETTLE_MS);
    const memoryOpen = await measureMemory(browser, page);

    progress(`run ${run}: typing…`);
    const typing = await profiled(page, `run-${run}-typing`, () => typeInTheMiddle(page));
    await page.waitForTimeout(SETTLE_MS);

    progress(`run ${run}: accept all…`);
    const accept = await profiled(page, `run-${run}-accept-all`, () => acceptAllOfBiggestEntry(page));
    await page.waitForTimeout(SETTLE_MS);
    const memoryEnd = await measureMemory(browser, page);
    if (problems.length > 0) progress(`run ${run}: page problems: ${problems.join(' | ')}`);

    return {
      run,
      open,
      open_to_interactive_ms: open.firstKeyPainted - open.change,
      open_ready_ms: (open.readyPainted ?? Number.NaN) - open.change,
      import_request_ms:
        open.fetchStart !== null && open.fetchEnd !== null ? open.fetchEnd - open.fetchStart : null,
      import_handler_ms: importCall?.ms ?? null,
      keys: typing.keys,
      keyEvents: typing.events,
      typingLongFrames: typing.longFrames,
      accept: accept.times,
      accept_all_ms: (accept.times.painted ?? Number.NaN) - (accept.times.click ?? Number.NaN),
      acceptLongFrames: accept.longFrames,
      memoryOpen,
      memoryEnd,
      server: app.calls,
    };
  } finally {
    await browser.close();
    await app.close();
  }
}

/** Runs `phase` under the page's CPU profiler (--profile) or Chrome's tracing (--trace). */
async function profiled<T>(page: Page, name: string, phase: () => Promise<T>): Promise<T> {
  if (TRACE_DIR) {
    const browser = page.context().browser();
    if (!browser) return phase();
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    try {
      return await phase();
    } finally {
      const trace = await browser.stopTracing();
      await mkdir(TRACE_DIR, { recursive: true });
      await writeFile(path.join(TRACE_DIR, `${name}.json`), trace);
    }
  }
  if (!PROFILE_DIR) return phase();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  try {
    return await phase();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await mkdir(PROFILE_DIR, { recursive: true });
    await writeFile(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

async function openTranscript(
  page: Page,
  transcriptPath: string,
): Promise<OpenTimes & { firstKeyPainted: number; wallMs: number }> {
  const started = performance.now();
  await page.getByTestId('transcript-file-input').setInputFiles(transcriptPath);
  await page.waitForFunction(() => window.__glossaBench?.open?.ready != null, null, {
    polling: 'raf',
    timeout: 120_000,
  });
  await page.evaluate(() => {
    if (window.__glossaBench) window.__glossaBench.recording = true;
  });
  await page.keyboard.press('ArrowRight');
  const probes = await page.waitForFunction(
    () => {
      const probes = window.__glossaBench;
      return probes && probes.keys.length > 0 && probes.open?.readyPainted != null
        ? { open: probes.open, key: probes.keys[0] as KeyRecord }
        : null;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  const { open, key } = (await probes.jsonValue()) as { open: OpenTimes; key: KeyRecord };
  const wallMs = performance.now() - started;
  await page.evaluate(() => {
    const probes = window.__glossaBench;
    if (probes) {
      probes.recording = false;
      probes.keys = [];
    }
  });
  return { ...open, firstKeyPainted: key.at + key.toPaint, wallMs };
}

async function typeInTheMiddle(
  page: Page,
): Promise<{ keys: KeyRecord[]; events: EventTimingRecord[]; longFrames: LongFrameRecord[] }> {
  const candidates = await page.evaluate(segmentsWithSuggestions);
  const targets: string[] = [];
  for (const at of typingAt) {
    const best = candidates
      .filter((c) => !targets.includes(c.segmentId))
      .sort((a, b) => Math.abs(a.position - at) - Math.abs(b.position - at))[0];
    if (best) targets.push(best.segmentId);
  }
  const since = await page.evaluate(() => {
    const probes = window.__glossaBench;
    if (probes) {
      probes.keys = [];
      probes.recording = true;
    }
    return performance.now();
  });
  for (const [i, segmentId] of targets.entries()) {
    const point = await page.evaluate(pointAfterFirstSuggestion, segmentId);
    if (!point) throw new Error(`segment ${segmentId} has no suggestion to click after`);
    await page.waitForTimeout(200);
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(200);
    const phrases = PHRASES[i % PHRASES.length] ?? [];
    for (const [p, phrase] of phrases.entries()) {
      await page.keyboard.type(phrase, { delay: KEY_DELAY_MS });
      await page.waitForTimeout(RECHECK_PAUSE_MS);
      if (p === 1) {
        for (let b = 0; b < BACKSPACES; b++) {
          await page.keyboard.press('Backspace');
          await page.waitForTimeout(KEY_DELAY_MS);
        }
        await page.waitForTimeout(RECHECK_PAUSE_MS);
      }
    }
  }
  await page.waitForTimeout(300);
  return page.evaluate((from) => {
    const probes = window.__glossaBench;
    if (!probes) return { keys: [], events: [], longFrames: [] };
    probes.recording = false;
    return {
      keys: probes.keys,
      events: probes.events.filter((e) => e.startTime >= from),
      longFrames: probes.longFrames.filter((f) => f.startTime + f.duration >= from),
    };
  }, since);
}

async function acceptAllOfBiggestEntry(
  page: Page,
): Promise<{ times: AcceptAllTimes & { term: string }; longFrames: LongFrameRecord[] }> {
  const group = await page.evaluate(biggestGroup);
  if (!group) throw new Error('no suggestion group to accept');
  const button = page
    .locator(`[data-testid=suggestion-group][data-term="${group.term.replace(/["\\]/g, '\\$&')}"]`)
    .getByRole('button', { name: /^Accept all/ });
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(armAcceptAll, group.term);
  await button.click();
  const times = await page.evaluate(() => window.__glossaAcceptAll as Promise<AcceptAllTimes>);
  const longFrames = await page.evaluate(
    (from) => window.__glossaBench?.longFrames.filter((f) => f.startTime + f.duration >= from) ?? [],
    times.click ?? 0,
  );
  const count = await page.evaluate(readSuggestionCount);
  const ranges = await page.evaluate(readHighlightRanges);
  progress(
    `  accepted all ${group.count} of ${group.term}: count ${times.countBefore} → ${times.countAfter} (${count} settled), ${ranges} highlight ranges left`,
  );
  return { times: { ...times, term: group.term }, longFrames };
}

// ---- figures ----------------------------------------------------------------------------------

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

function keyStats(keys: readonly KeyRecord[]) {
  const toPaint = keys.map((k) => k.toPaint);
  return {
    count: toPaint.length,
    p50: percentile(toPaint, 50),
    p95: percentile(toPaint, 95),
    max: Math.max(...toPaint),
    over_30ms: toPaint.filter((ms) => ms > 30).length,
  };
}

/** Keyboard interactions Event Timing recorded (≥ 16 ms), each by its longest event. */
function keyInteractions(events: readonly EventTimingRecord[]): number[] {
  const byInteraction = new Map<number, number>();
  for (const e of events) {
    if (e.interactionId === 0 || !/^key|input/.test(e.name)) continue;
    byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  }
  return [...byInteraction.values()];
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`;

function printRun(r: RunResult): void {
  const k = keyStats(r.keys);
  const o = r.open;
  progress(
    `run ${r.run}: open ${ms(r.open_to_interactive_ms)} (ready ${ms(r.open_ready_ms)}: read+send ${ms(
      (o.fetchStart ?? Number.NaN) - o.change,
    )}, request ${ms(r.import_request_ms)} [handler ${ms(r.import_handler_ms)}], ` +
      `to editor ${ms((o.editorVisible ?? Number.NaN) - (o.fetchEnd ?? Number.NaN))}, to highlights ${ms(
        (o.ready ?? Number.NaN) - (o.editorVisible ?? Number.NaN),
      )}; ${o.segments} segments, ${o.suggestionCount} suggestions) · ` +
      `keys ${k.count}: p50 ${k.p50.toFixed(1)} p95 ${k.p95.toFixed(1)} max ${k.max.toFixed(1)} ms, ${k.over_30ms} over 30 ms · ` +
      `accept all ${ms(r.accept_all_ms)} (${r.accept.term}, ${r.accept.countBefore}→${r.accept.countAfter}) · ` +
      `heap ${r.memoryOpen.js_heap_used_mb}→${r.memoryEnd.js_heap_used_mb} MB, renderer RSS ${r.memoryOpen.renderer_rss_mb}→${r.memoryEnd.renderer_rss_mb} MB, ` +
      `${r.memoryOpen.dom_elements} elements`,
  );
}

function summarise(results: RunResult[]): void {
  const med = (pick: (r: RunResult) => number | null) =>
    round(median(results.map(pick).filter((v): v is number => v !== null && !Number.isNaN(v))));
  const allKeys = results.flatMap((r) => r.keys);
  const pooled = keyStats(allKeys);
  const perRunP95 = results.map((r) => keyStats(r.keys).p95);
  const eventTimed = results.flatMap((r) => keyInteractions(r.keyEvents));
  const serverMs = (name: string) =>
    results.flatMap((r) => r.server.filter((c) => c.name === name).map((c) => c.ms));
  const rssEnd = med((r) => r.memoryEnd.renderer_rss_mb);
  const rssOpen = med((r) => r.memoryOpen.renderer_rss_mb);
  const rssPeak = Math.max(...results.map((r) => r.memoryEnd.renderer_peak_rss_mb ?? 0));

  const figures = {
    open_to_interactive_ms: med((r) => r.open_to_interactive_ms),
    open_ready_ms: med((r) => r.open_ready_ms),
    import_handler_ms: med((r) => r.import_handler_ms),
    import_request_ms: med((r) => r.import_request_ms),
    keystroke_p50_ms: median(results.map((r) => keyStats(r.keys).p50)),
    keystroke_p95_ms: median(perRunP95),
    keystroke_max_ms: median(results.map((r) => keyStats(r.keys).max)),
    accept_all_ms: med((r) => r.accept_all_ms),
    accept_all_highlights_ms: med(
      (r) => (r.accept.highlightsDropped ?? Number.NaN) - (r.accept.click ?? Number.NaN),
    ),
    js_heap_open_mb: med((r) => r.memoryOpen.js_heap_used_mb),
    js_heap_end_mb: med((r) => r.memoryEnd.js_heap_used_mb),
    renderer_rss_open_mb: rssOpen,
    renderer_rss_end_mb: rssEnd,
    renderer_pss_end_mb: med((r) => r.memoryEnd.renderer_pss_mb),
    renderer_private_end_mb: med((r) => r.memoryEnd.renderer_private_mb),
    dom_elements: med((r) => r.memoryOpen.dom_elements),
    dom_nodes: med((r) => r.memoryOpen.dom_nodes),
  };

  const line = (label: string, value: string, extra = '') =>
    progress(`  ${label.padEnd(34)} ${value.padStart(10)}  ${extra}`);
  progress('');
  progress(`editor benchmark: medians of ${results.length} runs`);
  line(
    'open to interactive',
    ms(figures.open_to_interactive_ms),
    `(ready ${ms(figures.open_ready_ms)}, import request ${ms(figures.import_request_ms)}, server handler ${ms(figures.import_handler_ms)})`,
  );
  line('keystroke to paint p50', `${figures.keystroke_p50_ms.toFixed(1)} ms`);
  line(
    'keystroke to paint p95',
    `${figures.keystroke_p95_ms.toFixed(1)} ms`,
    `(pooled over ${pooled.count} keys: p50 ${pooled.p50.toFixed(1)}, p95 ${pooled.p95.toFixed(1)}, max ${pooled.max.toFixed(1)}; ${pooled.over_30ms} over 30 ms)`,
  );
  line('keystroke to paint max', `${figures.keystroke_max_ms.toFixed(1)} ms`);
  line(
    'event timing: keys ≥ 16 ms',
    `${eventTimed.length}/${pooled.count}`,
    eventTimed.length > 0
      ? `(p95 of those ${percentile(eventTimed, 95)} ms, max ${Math.max(...eventTimed)} ms)`
      : '',
  );
  line(
    'accept all (one entry)',
    ms(figures.accept_all_ms),
    `(highlights gone after ${ms(figures.accept_all_highlights_ms)})`,
  );
  line(
    'renderer RSS after open / at end',
    `${rssOpen} / ${rssEnd} MB`,
    `(peak ${rssPeak} MB; PSS ${figures.renderer_pss_end_mb}, private ${figures.renderer_private_end_mb} MB)`,
  );
  line('JS heap after open / at end', `${figures.js_heap_open_mb} / ${figures.js_heap_end_mb} MB`);
  line('DOM', `${figures.dom_elements} el.`, `(${figures.dom_nodes} nodes)`);
  line(
    'server: checkSegments',
    ms(median(serverMs('checkSegments'))),
    `median of ${serverMs('checkSegments').length}, max ${ms(Math.max(0, ...serverMs('checkSegments')))}`,
  );
  line(
    'server: saveDocumentChanges',
    ms(median(serverMs('saveDocumentChanges'))),
    `median of ${serverMs('saveDocumentChanges').length}, max ${ms(Math.max(0, ...serverMs('saveDocumentChanges')))}`,
  );
  progress('');
  const verdict = (name: string, value: number, target: number, unit: string) =>
    progress(
      `${value <= target ? 'PASS' : 'MISS'} ${name}: ${round(value)} ${unit} (target ≤ ${target} ${unit})`,
    );
  verdict('open to interactive', figures.open_to_interactive_ms, TARGETS.open_to_interactive_ms, 'ms');
  verdict('p95 keystroke to paint', figures.keystroke_p95_ms, TARGETS.keystroke_p95_ms, 'ms');
  verdict('accept all for one entry', figures.accept_all_ms, TARGETS.accept_all_ms, 'ms');
  verdict('renderer memory (RSS at end)', rssEnd, TARGETS.renderer_memory_mb, 'MB');

  const runs = results.length;
  report({
    name: 'editor_open_to_interactive',
    median_ms: round(figures.open_to_interactive_ms),
    target_ms: TARGETS.open_to_interactive_ms,
    ready_ms: round(figures.open_ready_ms),
    import_request_ms: round(figures.import_request_ms),
    import_handler_ms: round(figures.import_handler_ms),
    runs,
  });
  report({
    name: 'editor_keystroke_to_paint',
    p50_ms: round(figures.keystroke_p50_ms),
    p95_ms: round(figures.keystroke_p95_ms),
    max_ms: round(figures.keystroke_max_ms),
    target_p95_ms: TARGETS.keystroke_p95_ms,
    pooled: {
      keys: pooled.count,
      p50_ms: round(pooled.p50),
      p95_ms: round(pooled.p95),
      max_ms: round(pooled.max),
      over_30ms: pooled.over_30ms,
    },
    event_timing_over_16ms: eventTimed.length,
    runs,
  });
  report({
    name: 'editor_accept_all',
    median_ms: round(figures.accept_all_ms),
    target_ms: TARGETS.accept_all_ms,
    highlights_ms: round(figures.accept_all_highlights_ms),
    suggestions: results[0]?.accept.countBefore,
    accepted: (results[0]?.accept.countBefore ?? 0) - (results[0]?.accept.countAfter ?? 0),
    runs,
  });
  report({
    name: 'editor_memory',
    renderer_rss_end_mb: rssEnd,
    renderer_rss_open_mb: rssOpen,
    renderer_peak_rss_mb: rssPeak,
    renderer_pss_end_mb: figures.renderer_pss_end_mb,
    renderer_private_end_mb: figures.renderer_private_end_mb,
    js_heap_open_mb: figures.js_heap_open_mb,
    js_heap_end_mb: figures.js_heap_end_mb,
    dom_elements: figures.dom_elements,
    dom_nodes: figures.dom_nodes,
    target_mb: TARGETS.renderer_memory_mb,
    runs,
  });
  report({
    name: 'editor_runs',
    runs: results.map((r) => ({
      run: r.run,
      open_to_interactive_ms: round(r.open_to_interactive_ms),
      open_ready_ms: round(r.open_ready_ms),
      open_phases_ms: {
        read_and_send: round((r.open.fetchStart ?? Number.NaN) - r.open.change),
        request: r.import_request_ms === null ? null : round(r.import_request_ms),
        handler: r.import_handler_ms === null ? null : round(r.import_handler_ms),
        response_to_editor: round((r.open.editorVisible ?? Number.NaN) - (r.open.fetchEnd ?? Number.NaN)),
        editor_to_highlights: round((r.open.ready ?? Number.NaN) - (r.open.editorVisible ?? Number.NaN)),
      },
      open_wall_ms: round(r.open.wallMs),
      keystrokes: Object.fromEntries(Object.entries(keyStats(r.keys)).map(([k, v]) => [k, round(v)])),
      accept_all_ms: round(r.accept_all_ms),
      accept_all: { term: r.accept.term, before: r.accept.countBefore, after: r.accept.countAfter },
      memory_open: r.memoryOpen,
      memory_end: r.memoryEnd,
      server_ms: serverSummary(r.server),
      long_frames_typing: r.typingLongFrames.length,
      long_frame_scripts_typing: frameScripts(r.typingLongFrames),
      long_frame_scripts_accept_all: frameScripts(r.acceptLongFrames),
    })),
  });
}

/**
 * Where the long animation frames' script time went (Long Animation Frames API), largest first:
 * "invoker function@offset" (offsets are into the minified bundle; its source map names them).
 */
function frameScripts(frames: readonly LongFrameRecord[], top = 8): Record<string, number> {
  const total = new Map<string, number>();
  for (const frame of frames) {
    for (const script of frame.scripts) {
      const key = `${script.invoker} ${script.function || '(anonymous)'}@${script.charPosition}`;
      total.set(key, (total.get(key) ?? 0) + script.duration);
    }
  }
  return Object.fromEntries(
    [...total]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => [key, round(ms)]),
  );
}

function serverSummary(
  calls: readonly ServerCall[],
): Record<string, { calls: number; median: number; max: number }> {
  const byName = new Map<string, number[]>();
  for (const c of calls) byName.set(c.name, [...(byName.get(c.name) ?? []), c.ms]);
  return Object.fromEntries(
    [...byName].map(([name, list]) => [
      name,
      { calls: list.length, median: round(median(list)), max: round(Math.max(...list)) },
    ]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
