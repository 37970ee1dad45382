/**
 * A document's recording: linked by path (never copied, except the uploads of browser mode, which
 * cannot know a file's path and keeps a copy in its own folder), checked against the disk each
 * time the document opens, relinked when it moved, and served to the page in byte ranges.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { TranscriptDocument } from '../../../shared/document/model';
import {
  isMediaFileName,
  MEDIA_EXTENSIONS,
  mediaKind,
  mediaUrlPath,
  type MediaStatus,
} from '../../../shared/media/media-types';
import type { MediaLink } from '../../../shared/workspace/types';
import type { WorkspaceStore } from '../workspace/workspace-store';

/** A bad media path or file, said in one line a person can act on. */
export class MediaFileError extends Error {
  override readonly name = 'MediaFileError';
}

export interface MediaFileFacts {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** Checks that `path` is a readable audio/video file Glossa can play, and returns its facts. */
export async function inspectMediaFile(path: string, displayName = basename(path)): Promise<MediaFileFacts> {
  if (!isAbsolute(path)) throw new MediaFileError(`${displayName}: the path must be absolute (${path})`);
  if (!isMediaFileName(displayName) && !isMediaFileName(path)) {
    throw new MediaFileError(
      `${displayName} is not an audio or video file Glossa can play (use ${MEDIA_EXTENSIONS.join(', ')})`,
    );
  }
  const info = await stat(path).catch((error: unknown) => {
    throw new MediaFileError(fileProblem(error, displayName, path));
  });
  if (!info.isFile()) throw new MediaFileError(`${displayName} is not a file (${path})`);
  return { path, name: displayName, size: info.size, mtimeMs: info.mtimeMs };
}

function fileProblem(error: unknown, name: string, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return `${name} is not where it was linked (${path}): it was moved, renamed or deleted`;
  }
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read: permission denied (${path})`;
  return `${name} cannot be read (${code ?? 'unknown error'}; ${path})`;
}

export interface MediaServiceOptions {
  workspace: WorkspaceStore;
  /** Where browser mode keeps the recordings it was given by upload (one folder per document). */
  uploadsDir: string;
}

export class MediaService {
  private readonly workspace: WorkspaceStore;
  private readonly uploadsDir: string;

  constructor(options: MediaServiceOptions) {
    this.workspace = options.workspace;
    this.uploadsDir = resolve(options.uploadsDir);
  }

  /** What the page should do about the document's recording; the file is checked now. */
  async status(documentId: string): Promise<MediaStatus> {
    const link = this.workspace.getMediaLink(documentId);
    if (!link) return { state: 'none', expected: this.expectedName(documentId) };
    try {
      const facts = await inspectMediaFile(link.path, link.name);
      return this.ready(link, facts);
    } catch (error) {
      if (!(error instanceof MediaFileError)) throw error;
      return { state: 'missing', link, reason: error.message };
    }
  }

  /** Links (or relinks) the file at `path`; throws MediaFileError when it cannot be played. */
  async link(documentId: string, path: string): Promise<MediaStatus> {
    const facts = await inspectMediaFile(path);
    const previous = this.workspace.getMediaLink(documentId);
    const link = this.workspace.setMediaLink(documentId, facts);
    if (previous && previous.path !== link.path) await this.removeIfUpload(previous.path);
    return { state: 'ready', link, url: mediaUrlPath(documentId, link), kind: mediaKind(link.name) };
  }

  /**
   * Browser mode: keeps the uploaded recording in the uploads folder and links it. Written to a
   * temporary file first, so a broken upload leaves the old recording linked and nothing behind.
   */
  async storeUpload(documentId: string, fileName: string, body: Readable): Promise<MediaStatus> {
    const name = basename(fileName.replaceAll('\\', '/'));
    if (!isMediaFileName(name)) {
      body.resume();
      throw new MediaFileError(
        `${name} is not an audio or video file Glossa can play (use ${MEDIA_EXTENSIONS.join(', ')})`,
      );
    }
    this.workspace.getMediaLink(documentId); // unknown document: fail before writing anything
    const folder = join(this.uploadsDir, documentId);
    await mkdir(folder, { recursive: true });
    const target = join(folder, name);
    const temp = join(folder, `.${randomBytes(6).toString('hex')}.upload`);
    try {
      await pipeline(body, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return this.link(documentId, target);
  }

  /** Forgets the recording (and deletes browser mode's copy of it); the original file stays. */
  async unlink(documentId: string): Promise<boolean> {
    const link = this.workspace.getMediaLink(documentId);
    if (!link) return false;
    this.workspace.removeMediaLink(documentId);
    await this.removeIfUpload(link.path);
    return true;
  }

  /**
   * At import: links the recording the transcript names (an absolute path in its metadata, or the
   * file found beside it) when it exists. A missing file is not an import error.
   */
  async linkFromMetadata(documentId: string, document: TranscriptDocument): Promise<MediaStatus | null> {
    const named = document.metadata.mediaFile;
    if (!named || !isAbsolute(named)) return null;
    try {
      return await this.link(documentId, named);
    } catch (error) {
      if (error instanceof MediaFileError) return null;
      throw error;
    }
  }

  /** The file to serve for a document, checked; null when none is linked or it is gone. */
  async fileToServe(documentId: string): Promise<MediaFileFacts | null> {
    let link: MediaLink | null;
    try {
      link = this.workspace.getMediaLink(documentId);
    } catch {
      return null;
    }
    if (!link) return null;
    return inspectMediaFile(link.path, link.name).catch(() => null);
  }

  /** Called after a document is deleted: its uploaded copy goes too. */
  async documentDeleted(documentId: string): Promise<void> {
    await rm(join(this.uploadsDir, documentId), { recursive: true, force: true });
  }

  private ready(link: MediaLink, facts: MediaFileFacts): MediaStatus {
    // The same path with another size or time was replaced (e.g. re-exported): remember the new one.
    const current =
      facts.size === link.size && facts.mtimeMs === link.mtimeMs
        ? link
        : this.workspace.setMediaLink(link.documentId, { ...facts, name: link.name });
    return {
      state: 'ready',
      link: current,
      url: mediaUrlPath(link.documentId, current),
      kind: mediaKind(link.name),
    };
  }

  private expectedName(documentId: string): string | null {
    try {
      const named = this.workspace.getCurrentMetadata(documentId).mediaFile;
      return named ? basename(named.replaceAll('\\', '/')) : null;
    } catch {
      return null;
    }
  }

  private async removeIfUpload(path: string): Promise<void> {
    const full = resolve(path);
    if (full.startsWith(this.uploadsDir + sep)) await rm(dirname(full), { recursive: true, force: true });
  }
}
