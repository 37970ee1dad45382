/**
 * The API calls for a document's recording (issue 6): what is linked, link a path, choose a file
 * with the native dialog, forget it. Browser mode uploads a chosen file over HTTP instead (the
 * page cannot know its path); see electron/web/server.ts.
 */
import { z } from 'zod';
import type { MediaStatus } from '../media/media-types';

const MAX_PATH = 4096;
const documentId = z.uuid();

export type { MediaStatus };

export const mediaCalls = {
  /** The document's recording, checked on disk now. */
  getMedia: { args: z.strictObject({ documentId }), result: null as unknown as MediaStatus },
  /** Links (or relinks) the audio/video file at an absolute path on this computer. */
  attachMedia: {
    args: z.strictObject({ documentId, path: z.string().min(1).max(MAX_PATH) }),
    result: null as unknown as MediaStatus,
  },
  /** Electron: the native open dialog for a recording, then links it; null when cancelled. */
  chooseMediaFile: { args: z.strictObject({ documentId }), result: null as unknown as MediaStatus | null },
  /** Forgets the document's recording (the file itself stays where it is). */
  detachMedia: { args: z.strictObject({ documentId }), result: null as unknown as { detached: boolean } },
} as const;
