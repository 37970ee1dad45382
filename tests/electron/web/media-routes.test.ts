/**
 * Browser mode's media routes on a real server over real HTTP: a recording is uploaded (PUT,
 * streamed), then played back in byte ranges (GET with the token in the query, as a media
 * element asks), and every request without the token, from another site or for another path is
 * refused.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/api/contract';
import type { MediaStatus } from '../../../shared/media/media-types';
import { decodeWire } from '../../../shared/api/wire';
import { createApiHandlers } from '../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../electron/services/glossary/glossary-store';
import { mediaSourceOf } from '../../../electron/services/media/media-source';
import { MediaService } from '../../../electron/services/media/media-service';
import { WorkspaceStore } from '../../../electron/services/workspace/workspace-store';
import { startWebServer, type WebServer } from '../../../electron/web/server';

let dir: string;
let glossary: GlossaryStore;
let workspace: WorkspaceStore;
let server: WebServer;
let documentId: string;
/** Bytes 0..255 repeated, so every range has recognisable contents. */
const RECORDING = Buffer.from(Array.from({ length: 10_000 }, (_, index) => index % 256));

const base = () => `http://127.0.0.1:${server.port}`;

function upload(
  name: string,
  body: Buffer,
  headers: Record<string, string> = { 'X-Glossa-Token': server.token },
) {
  return fetch(`${base()}/media-upload/${documentId}?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream', ...headers },
    body: new Uint8Array(body),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-media-routes-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Glossa</title>');
  glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  const media = new MediaService({ workspace, uploadsDir: path.join(dir, 'media') });
  const handlers = createApiHandlers({ glossary, workspace, media, mode: 'browser', version: 'test' });
  server = await startWebServer({ handlers, rendererDir, media: mediaSourceOf(media), log: () => {} });
  const opened = await handlers.importTranscript({
    fileName: 'talk.txt',
    bytes: new TextEncoder().encode('Mark Rutte spoke to the NIS.\n'),
  });
  documentId = opened.documentId;
});

afterAll(async () => {
  await server?.close();
  workspace?.close();
  glossary?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser-mode media routes', () => {
  it('has nothing to play before a recording is linked', async () => {
    const response = await fetch(`${base()}/media/${documentId}?token=${server.token}`);
    expect(response.status).toBe(404);
  });

  it('refuses uploads without the token, from other sites, or of other files', async () => {
    expect((await upload('talk.mp3', RECORDING, {})).status).toBe(403);
    expect(
      (await upload('talk.mp3', RECORDING, { 'X-Glossa-Token': server.token, Origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
    const notMedia = await upload('talk.exe', RECORDING);
    const body = decodeWire(await notMedia.text()) as ApiResponse<MediaStatus>;
    expect(body).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/talk\.exe is not an audio/) },
    });
    expect(workspace.getMediaLink(documentId)).toBeNull();
  });

  it('stores an upload and links it to the document', async () => {
    const response = await upload('talk.mp3', RECORDING);
    const body = decodeWire(await response.text()) as ApiResponse<MediaStatus>;
    expect(body).toMatchObject({
      ok: true,
      value: { state: 'ready', kind: 'audio', link: { name: 'talk.mp3', size: 10_000 } },
    });
    expect(workspace.getMediaLink(documentId)?.name).toBe('talk.mp3');
  });

  it('plays the recording in byte ranges, with the token in the query', async () => {
    const whole = await fetch(`${base()}/media/${documentId}?v=1&token=${server.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(RECORDING)).toBe(true);

    const piece = await fetch(`${base()}/media/${documentId}?token=${server.token}`, {
      headers: { Range: 'bytes=5000-5099' },
    });
    expect(piece.status).toBe(206);
    expect(piece.headers.get('content-range')).toBe('bytes 5000-5099/10000');
    expect(Buffer.from(await piece.arrayBuffer()).equals(RECORDING.subarray(5000, 5100))).toBe(true);

    const beyond = await fetch(`${base()}/media/${documentId}?token=${server.token}`, {
      headers: { Range: 'bytes=20000-' },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10000');
  });

  it('refuses playback without the right token and for malformed ids', async () => {
    expect((await fetch(`${base()}/media/${documentId}`)).status).toBe(403);
    expect((await fetch(`${base()}/media/${documentId}?token=wrong`)).status).toBe(403);
    expect((await fetch(`${base()}/media/..%2F..%2Fetc%2Fpasswd?token=${server.token}`)).status).toBe(404);
    expect(
      (await fetch(`${base()}/media/${documentId}?token=${server.token}`, { method: 'POST' })).status,
    ).toBe(405);
  });

  it('reports the recording through the API, and forgets it', async () => {
    const call = async (name: string, args: unknown) => {
      const response = await fetch(`${base()}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Glossa-Token': server.token },
        body: JSON.stringify(args),
      });
      return decodeWire(await response.text()) as ApiResponse<unknown>;
    };
    expect(await call('getMedia', { documentId })).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await call('chooseMediaFile', { documentId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no file dialog in browser mode/) },
    });
    expect(await call('detachMedia', { documentId })).toMatchObject({ ok: true, value: { detached: true } });
    expect((await fetch(`${base()}/media/${documentId}?token=${server.token}`)).status).toBe(404);
  });
});
