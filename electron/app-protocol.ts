/**
 * Serves the built renderer from a custom scheme instead of file:// (Electron's security
 * checklist), with the same Content-Security-Policy as browser mode, and only files inside the
 * renderer folder.
 */
import { net, protocol } from 'electron';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/api/security';
import { MEDIA_PATH_PREFIX } from '../shared/media/media-types';
import type { MediaSource } from './services/media/media-source';
import { APP_SCHEME } from './window-options';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** The page, and under /media/<documentId> the document's recording in byte ranges (for seeking). */
export function serveRendererFrom(rendererDir: string, media: MediaSource): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(MEDIA_PATH_PREFIX)) {
      const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
      const answer = await media.open(
        pathname.slice(MEDIA_PATH_PREFIX.length),
        request.headers.get('range'),
        method,
      );
      if (!answer) return new Response('No recording', { status: 404 });
      const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
      return new Response(body, { status: answer.plan.status, headers: answer.plan.headers });
    }
    const file = resolve(root, '.' + decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (file !== root && !file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
