/**
 * The app as the end-to-end tests drive it: a real SQLite glossary and workspace in a temp folder,
 * the real handlers and HTTP server of browser mode, and a page in Debian's headless Chromium that
 * records every console error, warning and page error.
 *
 * Two ways to run the server: in this process (startE2eApp), so a test can compare the page with
 * the server's own stores, or as `npm run web` does in a child process (startServerProcess), so a
 * test can kill it like a crash or a power cut and start another on the same files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiCallName, ApiHandlers, ApiResponse, OpenedDocument } from '../../shared/api/contract';
import { decodeWire, encodeWire } from '../../shared/api/wire';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { mediaSourceOf } from '../../electron/services/media/media-source';
import { MediaService } from '../../electron/services/media/media-service';
import { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import { GLOSSARY_FILE_NAME, WORKSPACE_FILE_NAME } from '../../electron/services/user-data';
import { WorkspaceStore } from '../../electron/services/workspace/workspace-store';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { launchChromium } from './browser';
import { ARTIFACTS_DIR, RENDERER_DIST, REPO_ROOT, SEEDS_DIR } from './paths';

export const SEED_TRANSCRIPT = path.join(SEEDS_DIR, 'nk-news-2024-10-22-troops-ukraine.txt');
export const SEED_GLOSSARY = path.join(SEEDS_DIR, 'nk-news-glossary.csv');

/** A page in its own headless Chromium, with what went wrong in it. */
export interface E2ePage {
  browser: Browser;
  page: Page;
  /** Console errors and warnings and uncaught page errors, in order. */
  problems: string[];
}

export interface E2eApp extends E2ePage {
  dir: string;
  glossary: GlossaryStore;
  workspace: WorkspaceStore;
  handlers: ApiHandlers;
  server: WebServer;
  /**
   * What the server's own handlers make of the seed transcript, to compare the page against. It is
   * imported before the page opens, so it is in the workspace the page sees.
   */
  seed: OpenedDocument;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A glossary file imported into the (otherwise empty) glossary before anything else. */
  glossaryCsv?: string;
}

export async function startE2eApp(options: StartOptions = {}): Promise<E2eApp> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-'));
  const glossary = GlossaryStore.open(path.join(dir, GLOSSARY_FILE_NAME));
  const workspace = WorkspaceStore.open(path.join(dir, WORKSPACE_FILE_NAME));
  const media = new MediaService({ workspace, uploadsDir: path.join(dir, 'media') });
  const handlers = createApiHandlers({ glossary, workspace, media, mode: 'browser', version: '0.0.0-e2e' });
  const seed = await seedStores(glossary, handlers, options);
  const server = await startWebServer({ handlers, rendererDir: RENDERER_DIST, media: mediaSourceOf(media) });
  const { browser, page, problems } = await openPage(server.url);

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

/**
 * The id of the document the page imported: the workspace's one document besides the seed. Throws
 * when the page imported none.
 */
export async function documentImportedByPage(app: E2eApp): Promise<string> {
  const documents = await app.handlers.listDocuments({});
  const summary = documents.find((document) => document.id !== app.seed.documentId);
  if (!summary) throw new Error('the page did not import the transcript into the workspace');
  return summary.id;
}

async function seedStores(
  glossary: GlossaryStore,
  handlers: ApiHandlers,
  options: StartOptions,
): Promise<OpenedDocument> {
  if (options.glossaryCsv) {
    glossary.importCsv(await readFile(options.glossaryCsv, 'utf8'), path.basename(options.glossaryCsv));
  }
  return handlers.importTranscript({
    fileName: path.basename(SEED_TRANSCRIPT),
    bytes: new Uint8Array(await readFile(SEED_TRANSCRIPT)),
  });
}

/** Opens `url` in a fresh headless Chromium (light scheme, 1280×860) that records its problems. */
export async function openPage(url: string): Promise<E2ePage> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  const page = await context.newPage();
  // Playwright intercepts file choosers only once a listener is there, and turns that on
  // asynchronously: a waitForEvent('filechooser') made just before the click could lose the race
  // (seen once in nine runs). Intercepting from the start makes every chooser reach the tests.
  page.on('filechooser', () => {});
  // Fail in seconds, not half a minute, when something the test waits for never comes.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  // Chromium logs a failed API call without saying which; this names it and says why.
  page.on('response', (response) => {
    const call = /\/api\/(\w+)/.exec(response.url())?.[1];
    if (call && response.status() >= 400) {
      void response.text().then(
        (body) => problems.push(`HTTP ${response.status()} from ${call}: ${body.slice(0, 500)}`),
        () => problems.push(`HTTP ${response.status()} from ${call}`),
      );
    }
  });
  page.on('pageerror', (error) => {
    problems.push(error.message);
    // The test fails on the message; the stack, minified as it is, says where to look.
    console.error(`Uncaught in the page: ${error.stack ?? error.message}`);
  });
  await page.goto(url);
  return { browser, page, problems };
}

/**
 * A Glossa user-data folder (glossary.db + workspace.db) holding the seed transcript, and the
 * glossary when given, written by the real stores and closed again, for a server process to open.
 */
export async function prepareUserData(
  options: StartOptions = {},
): Promise<{ dir: string; seed: OpenedDocument }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-data-'));
  const glossary = GlossaryStore.open(path.join(dir, GLOSSARY_FILE_NAME));
  const workspace = WorkspaceStore.open(path.join(dir, WORKSPACE_FILE_NAME));
  try {
    const handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: '0.0.0-e2e' });
    return { dir, seed: await seedStores(glossary, handlers, options) };
  } finally {
    workspace.close();
    glossary.close();
  }
}

/** Browser mode as `npm run web` runs it, in a child process of its own. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr together. */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or closed, as in a crash or a power cut. */
  kill(): Promise<void>;
  /** SIGTERM: the server closes its databases cleanly. */
  stop(): Promise<void>;
}

const SERVER_SCRIPT = path.join(REPO_ROOT, 'tests/e2e/serve-child.ts');
const SERVER_START_MS = 20_000;

/** Starts browser mode on the user-data folder `dir` (GLOSSA_USER_DATA) and waits for its address. */
export function startServerProcess(dir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, GLOSSA_USER_DATA: dir, GLOSSA_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server process did not start in ${SERVER_START_MS} ms:\n${output}`));
    }, SERVER_START_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Glossa is running at (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          child,
          output: () => output,
          kill: () => end('SIGKILL'),
          stop: () => end('SIGTERM'),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server process ended (${signal ?? code}) before it started:\n${output}`));
    });
  });
}

/**
 * One Glossa installation of a team: its own user-data folder (the seed transcript, and the
 * glossary when given), its server process as `npm run web` runs it, and a page on it.
 */
export interface Installation {
  dir: string;
  server: ServerProcess;
  view: E2ePage;
  page: Page;
}

export async function startInstallation(options: StartOptions = {}): Promise<Installation> {
  const { dir } = await prepareUserData(options);
  const server = await startServerProcess(dir);
  const view = await openPage(server.url);
  return { dir, server, view, page: view.page };
}

/** Closes the installation's browser, stops its server cleanly and removes its folder (if it started). */
export async function closeInstallation(installation: Installation | undefined): Promise<void> {
  await installation?.view.browser.close();
  await installation?.server.stop();
  if (installation) await rm(installation.dir, { recursive: true, force: true });
}

/** Calls an installation's API the way its page does (token header, wire JSON); throws its error. */
export async function callApi<T>(installation: Installation, name: ApiCallName, args: unknown): Promise<T> {
  const address = new URL(installation.server.url);
  const response = await fetch(`${address.origin}/api/${name}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Glossa-Token': address.searchParams.get('token') ?? '',
    },
    body: encodeWire(args),
  });
  const answer = decodeWire(await response.text()) as ApiResponse<T>;
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value;
}

/** Opens the start screen's only recent document and its glossary tab, and waits for the team sync line. */
export async function openGlossaryPanel(page: Page): Promise<void> {
  await page.getByTestId('recent-document').locator('.recent-document-open').click();
  await page.getByTestId('tab-glossary').click();
  await page.getByTestId('team-sync-line').waitFor();
}

/** Saves a screenshot of the page under test-artifacts/e2e (which git ignores). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

/** What a stack trace leaves in a page: a frame ("at Object.…") or a source position ("x.ts:12"). */
const STACK_TRACE_MARKERS = ['at Object.', '.ts:'];

/** No console errors or warnings, no uncaught errors, and no stack trace anywhere in the page's text. */
export async function expectCleanPage(page: Page, problems: readonly string[]): Promise<void> {
  expect(problems).toEqual([]);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  for (const marker of STACK_TRACE_MARKERS) expect(text).not.toContain(marker);
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
