/**
 * What both servers of the page (browser mode's HTTP server and Electron's app protocol) need to
 * play and receive recordings: the checked file of a document, a byte-range plan, and (browser
 * mode) storing an upload. Kept free of http and Electron types so both can use it.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { MEDIA_CONTENT_TYPES, mediaExtension, type MediaStatus } from '../../../shared/media/media-types';
import { planMediaResponse, type MediaResponsePlan } from './media-range';
import type { MediaService } from './media-service';

export interface MediaSource {
  /** The answer to a GET/HEAD of a document's recording, or null when there is none to play. */
  open(
    documentId: string,
    rangeHeader: string | null | undefined,
    method: 'GET' | 'HEAD',
  ): Promise<{ plan: MediaResponsePlan; body: ReadStream | null } | null>;
  /** Browser mode: keep an uploaded recording for the document and link it. */
  storeUpload(documentId: string, fileName: string, body: Readable): Promise<MediaStatus>;
}

export function mediaSourceOf(media: MediaService): MediaSource {
  return {
    async open(documentId, rangeHeader, method) {
      const file = await media.fileToServe(documentId);
      if (!file) return null;
      const type = MEDIA_CONTENT_TYPES[mediaExtension(file.name)] ?? 'application/octet-stream';
      const plan = planMediaResponse(file.size, rangeHeader, type);
      const body =
        method === 'GET' && plan.range
          ? createReadStream(file.path, { start: plan.range.start, end: plan.range.end })
          : null;
      return { plan, body };
    },
    storeUpload: (documentId, fileName, body) => media.storeUpload(documentId, fileName, body),
  };
}
