/**
 * Browser mode's two media routes. The page plays a document's recording from
 * GET /media/<documentId>?token=… (a media element cannot send headers, so the token rides in the
 * query, as it does in the page's own address) with byte ranges, and hands over a recording the
 * person chose with PUT /media-upload/<documentId>?name=… (token header, raw body streamed to
 * disk: a 2 GB WAV is never held in memory or base64-encoded).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_PATH_PREFIX, MEDIA_UPLOAD_PATH_PREFIX } from '../../shared/media/media-types';
import type { MediaSource } from '../services/media/media-source';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MediaRoute =
  | { kind: 'play'; documentId: string }
  | { kind: 'upload'; documentId: string; fileName: string }
  | { kind: 'bad'; message: string };

/** Which media route a request is for; null for any other path. */
export function matchMediaRoute(url: URL): MediaRoute | null {
  for (const [prefix, kind] of [
    [MEDIA_PATH_PREFIX, 'play'],
    [MEDIA_UPLOAD_PATH_PREFIX, 'upload'],
  ] as const) {
    if (!url.pathname.startsWith(prefix)) continue;
    const documentId = url.pathname.slice(prefix.length);
    if (!UUID.test(documentId)) return { kind: 'bad', message: 'Not a document id.' };
    if (kind === 'play') return { kind, documentId };
    const fileName = url.searchParams.get('name') ?? '';
    if (fileName === '' || fileName.length > 1024)
      return { kind: 'bad', message: 'The upload needs ?name=.' };
    return { kind, documentId, fileName };
  }
  return null;
}

export async function servePlayback(
  request: IncomingMessage,
  response: ServerResponse,
  media: MediaSource,
  documentId: string,
): Promise<void> {
  const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
  const answer = await media.open(documentId, request.headers.range, method);
  if (!answer) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('No recording is linked to this document, or its file is missing.');
    return;
  }
  response.writeHead(answer.plan.status, answer.plan.headers);
  if (!answer.body) {
    response.end();
    return;
  }
  answer.body.on('error', () => response.destroy());
  // A seek aborts the request: stop reading the file too.
  response.on('close', () => answer.body?.destroy());
  answer.body.pipe(response);
}
