/** The handlers of shared/api/contract-media.ts, over a MediaService. */
import { ApiArgumentError, type ApiHandlers } from '../../../shared/api/contract';
import type { MediaService } from './media-service';

type MediaHandlers = Pick<ApiHandlers, 'getMedia' | 'attachMedia' | 'chooseMediaFile' | 'detachMedia'>;

export interface MediaHandlerDeps {
  media: MediaService;
  /** Shows a native open dialog for audio/video; absent in browser mode. */
  chooseMediaFile?: () => Promise<string | null>;
}

export function createMediaHandlers({ media, chooseMediaFile }: MediaHandlerDeps): MediaHandlers {
  return {
    async getMedia({ documentId }) {
      return media.status(documentId);
    },
    async attachMedia({ documentId, path }) {
      return media.link(documentId, path);
    },
    async chooseMediaFile({ documentId }) {
      if (!chooseMediaFile)
        throw new ApiArgumentError('chooseMediaFile: there is no file dialog in browser mode');
      const path = await chooseMediaFile();
      return path === null ? null : media.link(documentId, path);
    },
    async detachMedia({ documentId }) {
      return { detached: await media.unlink(documentId) };
    },
  };
}
