/**
 * The app as the end-to-end tests drive it: a real SQLite glossary and workspace in a temp folder,
 * the real handlers and HTTP server of browser mode, and a page in Debian's headless Chromium that
 * records every console error, warning and page error.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, JSHandle, Page } from 'playwright-core';
import type { ApiHandlers, OpenedDocument } from '../../shared/api/contract';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../electron/services/workspace/workspace-store';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { launchChromium } from './browser';
import { ARTIFACTS_DIR, RENDERER_DIST, SEEDS_DIR } from './paths';

export const SEED_TRANSCRIPT = path.join(SEEDS_DIR, 'nk-news-2024-10-22-troops-ukraine.txt');
export const SEED_GLOSSARY = path.join(SEEDS_DIR, 'nk-news-glossary.csv');

export interface E2eApp {
  dir: string;
  glossary: GlossaryStore;
  workspace: WorkspaceStore;
  handlers: ApiHandlers;
  server: WebServer;
  browser: Browser;
  page: Page;
  /**
   * What the server's own handlers make of the seed transcript, to compare the page against. It is
   * imported before the page opens, so it is in the workspace the page sees.
   */
  seed: OpenedDocument;
  /** Console errors and warnings and uncaught page errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

export async function startE2eApp(options: { glossaryCsv?: string } = {}): Promise<E2eApp> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-'));
  const glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  if (options.glossaryCsv) {
    glossary.importCsv(await readFile(options.glossaryCsv, 'utf8'), path.basename(options.glossaryCsv));
  }
  const workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  const handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: '0.0.0-e2e' });
  const server = await startWebServer({ handlers, rendererDir: RENDERER_DIST });
  const seed = await handlers.importTranscript({
    fileName: path.basename(SEED_TRANSCRIPT),
    bytes: new Uint8Array(await readFile(SEED_TRANSCRIPT)),
  });

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url);

  return {
    dir,
    glossary,
    workspace,
    handlers,
    server,
    browser,
    page,
    seed,
    problems,
    async close() {
      await browser.close();
      await server.close();
      workspace.close();
      glossary.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A DataTransfer holding one file, as the page receives it when a file is dragged in. */
export function fileTransfer(
  page: Page,
  fileName: string,
  type: string,
  contents: string,
): Promise<JSHandle> {
  return page.evaluateHandle(
    ({ fileName, type, contents }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([contents], fileName, { type }));
      return transfer;
    },
    { fileName, type, contents },
  );
}
