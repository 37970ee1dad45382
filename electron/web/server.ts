/**
 * Browser mode: serves the built renderer and the API contract over HTTP on 127.0.0.1. Every API
 * call needs the secret token printed with the URL, and every request must name this server in its
 * Host header (a defence against DNS rebinding). Plain Node, no Electron.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ApiArgumentError,
  isApiCallName,
  parseApiArgs,
  type ApiHandlers,
  type ApiResponse,
} from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { decodeWire, encodeWire } from '../../shared/api/wire';
import { toApiFailure, type ApiFailure } from '../services/api-errors';
import type { MediaSource } from '../services/media/media-source';
import { matchMediaRoute, servePlayback } from './media-routes';

export interface WebServerOptions {
  handlers: ApiHandlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random secret. */
  token?: string;
  /** Largest API request body accepted; defaults to MAX_API_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Where unexpected errors are logged with their stack; defaults to console.error. */
  log?: (error: unknown) => void;
  /** Documents' recordings (GET /media/…, PUT /media-upload/…); absent: no media routes. */
  media?: MediaSource;
}

export interface WebServer {
  /** The address to open, token included: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** A transcript may be 100 MB; base64 makes that ~134 MB, plus a little JSON. */
export const MAX_API_BODY_BYTES = 150 * 1024 * 1024;
export const TOKEN_HEADER = 'x-glossa-token';

/** Same policy as Electron's custom protocol; renderer/index.html repeats it as a meta tag. */
export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** An HTTP-level refusal, answered as an ApiResponse failure with this status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenDigest = digest(token);
  const log = options.log ?? console.error;
  // Resolve symlinks once so the traversal check compares real paths with real paths.
  const rendererDir = await realpath(path.resolve(options.rendererDir)).catch(() => {
    throw new Error(`The renderer is not built: ${options.rendererDir} does not exist (run npm run build).`);
  });
  const maxBodyBytes = options.maxBodyBytes ?? MAX_API_BODY_BYTES;
  let port = options.port ?? 0;

  const server: Server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    handleRequest(request, response).catch((error: unknown) => {
      log(error);
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) {
      sendText(response, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const pathname = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      await handleApi(request, response, pathname.slice('/api/'.length));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const mediaRoute = options.media && matchMediaRoute(url);
    if (options.media && mediaRoute) {
      await handleMedia(request, response, options.media, mediaRoute, url.searchParams.get('token'));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    await serveStatic(request, response, pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    try {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        throw new HttpError(405, 'method-not-allowed', 'API calls must use POST.');
      }
      refuseForeignCaller(request);
      if (!isApiCallName(name)) {
        throw new HttpError(404, 'unknown-call', `Unknown API call: ${JSON.stringify(name.slice(0, 100))}.`);
      }
      const body = await readBody(request, maxBodyBytes);
      let rawArgs: unknown;
      try {
        rawArgs = body.length === 0 ? {} : decodeWire(body.toString('utf8'));
      } catch {
        throw new HttpError(
          400,
          'bad-request',
          `${name}: the request body is not valid JSON (or holds malformed bytes).`,
        );
      }
      const args = parseApiArgs(name, rawArgs);
      const handler = options.handlers[name] as (this: ApiHandlers, args: unknown) => Promise<unknown>;
      const value = await handler.call(options.handlers, args);
      sendApi(response, 200, { ok: true, value });
    } catch (error) {
      answerFailure(request, response, error);
    }
  }

  /** API calls and uploads come from this page only: its origin (when sent) and its token. */
  function refuseForeignCaller(request: IncomingMessage): void {
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, port)) {
      throw new HttpError(403, 'forbidden', 'Requests from other sites are not allowed.');
    }
    if (!hasToken(request.headers[TOKEN_HEADER], tokenDigest)) {
      throw new HttpError(
        403,
        'forbidden',
        'Missing or wrong access token: open the address Glossa printed when it started (it ends in ?token=…).',
      );
    }
  }

  /** A refusal or a handler's error as an ApiResponse failure (never a stack trace). */
  function answerFailure(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    if (error instanceof HttpError) {
      sendApi(response, error.status, { ok: false, error: { code: error.code, message: error.message } });
      if (error.status === 413) response.once('finish', () => request.destroy());
      return;
    }
    const failure = toApiFailure(error, log);
    sendApi(response, statusFor(error, failure), { ok: false, error: failure });
  }

  async function handleMedia(
    request: IncomingMessage,
    response: ServerResponse,
    media: MediaSource,
    route: NonNullable<ReturnType<typeof matchMediaRoute>>,
    queryToken: string | null,
  ): Promise<void> {
    if (route.kind === 'bad') {
      sendText(response, 404, route.message);
      return;
    }
    if (route.kind === 'play') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        sendText(response, 405, 'Method not allowed');
        return;
      }
      if (!hasToken(queryToken ?? undefined, tokenDigest)) {
        sendText(response, 403, 'Missing or wrong access token.');
        return;
      }
      await servePlayback(request, response, media, route.documentId);
      return;
    }
    try {
      if (request.method !== 'PUT') {
        response.setHeader('Allow', 'PUT');
        throw new HttpError(405, 'method-not-allowed', 'Uploads must use PUT.');
      }
      refuseForeignCaller(request);
      const value = await media.storeUpload(route.documentId, route.fileName, request);
      sendApi(response, 200, { ok: true, value });
    } catch (error) {
      answerFailure(request, response, error);
    }
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string) {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      sendText(response, 400, 'Bad request');
      return;
    }
    if (relative.includes('\0')) {
      sendText(response, 400, 'Bad request');
      return;
    }
    if (relative === '/' || relative === '') relative = '/index.html';
    const filePath = path.resolve(rendererDir, '.' + path.posix.normalize(relative));
    if (!isInside(rendererDir, filePath)) {
      sendText(response, 404, 'Not found');
      return;
    }
    let realFile: string;
    try {
      realFile = await realpath(filePath);
    } catch {
      sendText(response, 404, 'Not found');
      return;
    }
    const info = await stat(realFile);
    if (!isInside(rendererDir, realFile) || !info.isFile()) {
      sendText(response, 404, 'Not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': info.size,
      // index.html names the hashed assets, so it must always be fresh; the assets never change.
      'Cache-Control': realFile.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(realFile)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares digests, so the comparison takes the same time whatever the length of the guess. */
function hasToken(header: string | string[] | undefined, tokenDigest: Buffer): boolean {
  if (typeof header !== 'string' || header === '') return false;
  return timingSafeEqual(digest(header), tokenDigest);
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isAllowedOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * HTTP statuses are for the transport: a malformed request is 400 and a bug is 500. An error a
 * handler throws on purpose (a broken file, a bad glossary row) is an answer, not a failed request:
 * it is 200 with `ok: false`, so the browser does not log it as a failed fetch.
 */
function statusFor(error: unknown, failure: ApiFailure): number {
  if (error instanceof ApiArgumentError) return 400;
  return failure.code === 'internal' ? 500 : 200;
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(
      413,
      'too-large',
      `The file is too large to send to Glossa: requests are limited to ${formatMegabytes(limit)}` +
        ' (transcripts of up to 100 MB can be imported).',
    );
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(2)} MB`;
}

function sendApi(response: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const json = encodeWire(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  response.end(json);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
