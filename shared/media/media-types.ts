/**
 * Which files Glossa plays, by extension, and what a document's recording looks like to the page.
 * Shared by the Node side (validating a path) and the renderer (the file input and drops).
 */
import type { MediaLink } from '../workspace/types';

export const AUDIO_EXTENSIONS = ['.mp3', '.m4a', '.aac', '.wav', '.ogg', '.oga', '.opus', '.flac', '.weba'];
export const VIDEO_EXTENSIONS = ['.mp4', '.m4v', '.webm', '.mov', '.mkv', '.ogv'];
export const MEDIA_EXTENSIONS = [...AUDIO_EXTENSIONS, ...VIDEO_EXTENSIONS];

/** The content type to serve a recording with; the browser sniffs the codec itself. */
export const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.weba': 'audio/webm',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.ogv': 'video/ogg',
};

export function mediaExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function isMediaFileName(name: string): boolean {
  return MEDIA_EXTENSIONS.includes(mediaExtension(name));
}

export function mediaKind(name: string): 'audio' | 'video' {
  return VIDEO_EXTENSIONS.includes(mediaExtension(name)) ? 'video' : 'audio';
}

/**
 * A document's recording as the page sees it:
 * - none: nothing linked (`expected` names the file the transcript itself mentions, if any);
 * - ready: play it from `url` (same origin as the page);
 * - missing: linked, but the file is gone or unreadable; `reason` says which, in one line.
 */
export type MediaStatus =
  | { state: 'none'; expected: string | null }
  | { state: 'ready'; link: MediaLink; url: string; kind: 'audio' | 'video' }
  | { state: 'missing'; link: MediaLink; reason: string };

/** The page path a document's recording is served from (browser mode adds its token). */
export function mediaUrlPath(documentId: string, link: Pick<MediaLink, 'size' | 'mtimeMs'>): string {
  // The version part makes a relinked or replaced file a new URL, so no stale cache plays.
  return `/media/${documentId}?v=${link.size.toString(36)}-${Math.round(link.mtimeMs).toString(36)}`;
}

export const MEDIA_PATH_PREFIX = '/media/';
export const MEDIA_UPLOAD_PATH_PREFIX = '/media-upload/';
