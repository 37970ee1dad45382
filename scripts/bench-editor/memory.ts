/**
 * The renderer's memory: its JS heap and DOM from CDP (after a forced garbage collection, so the
 * figures are what the page keeps, not garbage waiting for the collector), and the resident memory
 * of its process from /proc. The process is found through the browser's own list of its processes
 * (SystemInfo.getProcessInfo), so other Chromiums on the machine do not count: of this browser's
 * renderers, the page's is the one that has used the most CPU (the others are spares).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';

export interface MemoryFigures {
  js_heap_used_mb: number;
  js_heap_total_mb: number;
  /** Every DOM node the renderer holds (CDP "Nodes"), text nodes included. */
  dom_nodes: number;
  /** Elements in the document. */
  dom_elements: number;
  layout_objects: number;
  event_listeners: number;
  renderer_pid: number | null;
  renderer_rss_mb: number | null;
  /** Peak resident memory of the renderer process so far (VmHWM). */
  renderer_peak_rss_mb: number | null;
  /** Proportional share (shared pages split between the processes that map them). */
  renderer_pss_mb: number | null;
  renderer_private_mb: number | null;
  /** How many renderer processes the browser had (the page's and any spare). */
  renderer_processes: number;
}

const MB = 1024 * 1024;

export async function measureMemory(browser: Browser, page: Page): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.disable');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const dom_elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const process = await rendererProcess(browser);
    return {
      js_heap_used_mb: round1(metric('JSHeapUsedSize') / MB),
      js_heap_total_mb: round1(metric('JSHeapTotalSize') / MB),
      dom_nodes: metric('Nodes'),
      dom_elements,
      layout_objects: metric('LayoutObjects'),
      event_listeners: metric('JSEventListeners'),
      renderer_pid: process?.pid ?? null,
      renderer_rss_mb: process?.rssMb ?? null,
      renderer_peak_rss_mb: process?.peakMb ?? null,
      renderer_pss_mb: process?.pssMb ?? null,
      renderer_private_mb: process?.privateMb ?? null,
      renderer_processes: process?.count ?? 0,
    };
  } finally {
    await cdp.detach();
  }
}

interface ProcessFigures {
  pid: number;
  rssMb: number | null;
  peakMb: number | null;
  pssMb: number | null;
  privateMb: number | null;
  count: number;
}

async function rendererProcess(browser: Browser): Promise<ProcessFigures | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; id: number; cpuTime: number }>;
    };
    const renderers = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime);
    const chosen = renderers[0];
    if (!chosen) return null;
    const status = await readProc(chosen.id, 'status');
    const rollup = await readProc(chosen.id, 'smaps_rollup');
    const kb = (text: string | null, field: string) => {
      const match = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
      return match ? Number(match[1]) : null;
    };
    const toMb = (value: number | null) => (value === null ? null : round1(value / 1024));
    const privateKb =
      kb(rollup, 'Private_Clean') === null
        ? null
        : (kb(rollup, 'Private_Clean') ?? 0) + (kb(rollup, 'Private_Dirty') ?? 0);
    return {
      pid: chosen.id,
      rssMb: toMb(kb(status, 'VmRSS')),
      peakMb: toMb(kb(status, 'VmHWM')),
      pssMb: toMb(kb(rollup, 'Pss')),
      privateMb: toMb(privateKb),
      count: renderers.length,
    };
  } finally {
    await session.detach();
  }
}

async function readProc(pid: number, file: string): Promise<string | null> {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
