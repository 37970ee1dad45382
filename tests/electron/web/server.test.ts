import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiHandlers,
  ApiResponse,
  AppInfo,
  DocumentSummary,
  OpenedDocument,
} from '../../../shared/api/contract';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import { createApiHandlers } from '../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../electron/services/workspace/workspace-store';
import { serveBrowserApp } from '../../../electron/web/serve-app';
import { CONTENT_SECURITY_POLICY, startWebServer, type WebServer } from '../../../electron/web/server';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const SEED_TRANSCRIPT = 'nk-news-2024-10-22-troops-ukraine.txt';
const SEED_GLOSSARY = 'nk-news-glossary.csv';
const SECRET = 'top secret, outside the renderer folder';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as written (no URL normalisation, any Host header), which fetch cannot send. */
function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let rendererDir: string;
let glossary: GlossaryStore;
let workspace: WorkspaceStore;
let handlers: ApiHandlers;
let server: WebServer;
const logged: unknown[] = [];

async function callApi(
  name: string,
  args: unknown,
  headers: Record<string, string> = { 'X-Glossa-Token': server.token },
): Promise<{ status: number; body: ApiResponse<unknown> }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: encodeWire(args),
  });
  return { status: response.status, body: decodeWire(await response.text()) as ApiResponse<unknown> };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-web-'));
  rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Glossa test</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), SECRET);
  await symlink(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));

  glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  glossary.importCsv(await readFile(path.join(SEEDS, SEED_GLOSSARY), 'utf8'), SEED_GLOSSARY);
  workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: '0.0.0-test' });
  server = await startWebServer({
    handlers: {
      ...handlers,
      // A bug in a handler: its stack must stay on this side.
      listGlossary: async () => {
        throw new Error('database exploded\n    at secretFunction (/home/me/glossa/store.ts:1:1)');
      },
    },
    rendererDir,
    maxBodyBytes: 1024 * 1024,
    log: (error) => logged.push(error),
  });
});

afterAll(async () => {
  await server?.close();
  workspace?.close();
  glossary?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('startWebServer', () => {
  it('listens on 127.0.0.1 with a random 32-byte hex token in the printed url', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('serves index.html at / with the security headers', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Glossa test');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("repeats the policy in renderer/index.html's meta tag (all but frame-ancestors)", async () => {
    const html = await readFile(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });

  it('serves assets with their content types', async () => {
    const js = await fetch(`http://127.0.0.1:${server.port}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await fetch(`http://localhost:${server.port}/assets/app.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const missing = await fetch(`http://127.0.0.1:${server.port}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    `/${'..%2f'.repeat(20)}etc/passwd`,
    '/assets',
    '/index.html%00.js',
  ])('never serves a file outside the renderer folder: %s', async (requestPath) => {
    const response = await rawRequest(server.port, { path: requestPath });
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const page = await rawRequest(server.port, { path: '/', headers: { host } });
      expect(page.status).toBe(403);
      const api = await rawRequest(server.port, {
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { host, 'x-glossa-token': server.token },
        body: '{}',
      });
      expect(api.status).toBe(403);
      expect(api.body).not.toContain('glossaryPath');
    }
    const localhost = await rawRequest(server.port, {
      path: '/',
      headers: { host: `localhost:${server.port}` },
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses API calls without the right token', async () => {
    const missing = await callApi('getAppInfo', {}, {});
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(missing.body.ok === false && missing.body.error.message).toMatch(/token/);

    const wrong = await callApi('getAppInfo', {}, { 'X-Glossa-Token': 'a'.repeat(64) });
    expect(wrong.status).toBe(403);
    const truncated = await callApi('getAppInfo', {}, { 'X-Glossa-Token': server.token.slice(0, -1) });
    expect(truncated.status).toBe(403);
  });

  it('refuses API calls from another origin', async () => {
    const response = await callApi(
      'getAppInfo',
      {},
      { 'X-Glossa-Token': server.token, Origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
  });

  it('answers getAppInfo with the token', async () => {
    const response = await callApi('getAppInfo', {});
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    const info = (response.body as { value: AppInfo }).value;
    expect(info).toMatchObject({ mode: 'browser', version: '0.0.0-test', canOpenNativeDialog: false });
    expect(info.glossaryEntryCount).toBe(glossary.count());
    expect(info.glossaryEntryCount).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown call and 405 for GET', async () => {
    const unknown = await callApi('deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const inherited = await callApi('toString', {});
    expect(inherited.status).toBe(404);
    const get = await fetch(`http://127.0.0.1:${server.port}/api/getAppInfo`, {
      headers: { 'X-Glossa-Token': server.token },
    });
    expect(get.status).toBe(405);
  });

  it('validates arguments and says which one is wrong', async () => {
    const response = await callApi('importTranscript', { fileName: 'a.txt', bytes: 'not bytes' });
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
    if (response.body.ok) return;
    expect(response.body.error.message).toMatch(/^importTranscript: invalid bytes: /);

    const extra = await callApi('getAppInfo', { path: '/etc/passwd' });
    expect(extra.status).toBe(400);

    const search = await callApi('searchGlossary', { query: 'x', limit: 10_000 });
    expect(search.status).toBe(400);
    expect(search.body.ok === false && search.body.error.message).toMatch(/searchGlossary: invalid limit/);

    const flag = {
      id: '8a7f3c2e-1b4d-4e5f-9a6b-7c8d9e0f1a2b',
      segmentId: 's1',
      start: 5,
      end: 5,
      quote: '',
      comment: '',
      createdAt: '2024-10-22T10:00:00.000Z',
      resolvedAt: null,
    };
    const save = await callApi('saveDocument', {
      documentId: '8a7f3c2e-1b4d-4e5f-9a6b-7c8d9e0f1a2b',
      document: {
        version: 1,
        metadata: { sourceFormat: 'text' },
        segments: [{ id: 's1', text: 'Hello there' }],
      },
      flags: [flag],
      viewState: null,
      openSuggestionCount: 0,
    });
    expect(save.status).toBe(400);
    expect(save.body.ok === false && save.body.error.message).toMatch(/^saveDocument: invalid flags\.0: /);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await rawRequest(server.port, {
      path: '/api/getAppInfo',
      method: 'POST',
      headers: { 'x-glossa-token': server.token, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses a body over the limit with 413 and a clear message', async () => {
    const response = await callApi('importTranscript', {
      fileName: 'big.txt',
      bytes: new Uint8Array(900 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(response.body.ok === false && response.body.error.message).toMatch(/too large.*1 MB/);
  });

  it('imports a real transcript sent as bytes, with its suggestions', async () => {
    const bytes = new Uint8Array(await readFile(path.join(SEEDS, SEED_TRANSCRIPT)));
    const response = await callApi('importTranscript', { fileName: SEED_TRANSCRIPT, bytes });
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    const opened = (response.body as { value: OpenedDocument }).value;
    const direct = await handlers.importTranscript({ fileName: SEED_TRANSCRIPT, bytes });
    // Each import is a new workspace document; all else is the same.
    expect(opened).toEqual({ ...direct, documentId: opened.documentId });
    expect(opened.documentId).not.toBe(direct.documentId);
    expect(opened.document.metadata.sourceFile).toBe(SEED_TRANSCRIPT);
    expect(opened.document.segments.length).toBeGreaterThan(1);
    const texts = new Map(opened.document.segments.map((segment) => [segment.id, segment.text]));
    for (const suggestion of opened.suggestions) {
      expect(texts.get(suggestion.segmentId)?.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
    }
    expect(opened.suggestions.filter((s) => s.text === 'Donbass')).toHaveLength(2);
  });

  it('reports an import error as one readable line, with 200 and ok: false (not an HTTP failure)', async () => {
    const srt = '1\n00:00:01,000 -> 00:00:02,000\nHello there\n';
    const response = await callApi('importTranscript', {
      fileName: 'broken.srt',
      bytes: new TextEncoder().encode(srt),
    });
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(false);
    if (response.body.ok) return;
    expect(response.body.error.message).toMatch(/^broken\.srt:2: /);
    expect(response.body.error.message).not.toContain('\n');
  });

  it('answers a refused glossary import with 200 and ok: false, and imports nothing', async () => {
    const before = glossary.count();
    const csv = 'term,category\nPyongyang,place\nKursk,region\n';
    const response = await callApi('importGlossary', {
      fileName: 'broken.csv',
      bytes: new TextEncoder().encode(csv),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'GlossaryImportError' } });
    expect(response.body.ok === false && response.body.error.message).toMatch(/^broken\.csv, line 3, /);
    expect(glossary.count()).toBe(before);
  });

  it('checks a document sent back by the page, and refuses a malformed one with 400', async () => {
    const bytes = new Uint8Array(await readFile(path.join(SEEDS, SEED_TRANSCRIPT)));
    const opened = await handlers.importTranscript({ fileName: SEED_TRANSCRIPT, bytes });
    const response = await callApi('checkTranscript', { document: opened.document });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, value: opened.suggestions });

    const bad = { ...opened.document, segments: [{ id: 's1', text: 'x', startMs: 1.5 }] };
    const refused = await callApi('checkTranscript', { document: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.ok === false && refused.body.error.message).toMatch(
      /^checkTranscript: invalid document\.segments\.0\.startMs: /,
    );
  });

  it('hides the stack of an unexpected error from the client and logs it here', async () => {
    const response = await callApi('listGlossary', {});
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Glossa hit an unexpected problem: database exploded' },
    });
    expect(JSON.stringify(response.body)).not.toContain('secretFunction');
    expect(
      logged.some((error) => error instanceof Error && error.message.startsWith('database exploded')),
    ).toBe(true);
  });
});

describe('serveBrowserApp', () => {
  it('opens the glossary and the workspace and serves them in browser mode', async () => {
    const app = await serveBrowserApp({
      glossaryPath: path.join(dir, 'glossary.db'),
      workspacePath: path.join(dir, 'workspace.db'),
      rendererDir,
      version: '1.2.3',
    });
    try {
      const url = new URL(app.url);
      expect(url.hostname).toBe('127.0.0.1');
      const token = url.searchParams.get('token') ?? '';
      const response = await fetch(new URL('/api/getAppInfo', url), {
        method: 'POST',
        headers: { 'X-Glossa-Token': token },
        body: '{}',
      });
      const body = decodeWire(await response.text()) as ApiResponse<AppInfo>;
      expect(body.ok).toBe(true);
      if (!body.ok) return;
      expect(body.value).toMatchObject({ mode: 'browser', version: '1.2.3', canOpenNativeDialog: false });
      expect(body.value.glossaryEntryCount).toBe(glossary.count());
      const search = await fetch(new URL('/api/searchGlossary', url), {
        method: 'POST',
        headers: { 'X-Glossa-Token': token },
        body: encodeWire({ query: 'Donbas' }),
      });
      const found = decodeWire(await search.text()) as ApiResponse<{ term: string }[]>;
      expect(found.ok && found.value.map((entry) => entry.term)).toContain('Donbas');
      const listed = await fetch(new URL('/api/listDocuments', url), {
        method: 'POST',
        headers: { 'X-Glossa-Token': token },
        body: '{}',
      });
      const documents = decodeWire(await listed.text()) as ApiResponse<DocumentSummary[]>;
      expect(documents.ok && documents.value.map((document) => document.id)).toEqual(
        workspace.listDocuments().map((document) => document.id),
      );
    } finally {
      await app.close();
    }
  });
});
