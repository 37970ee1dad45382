/**
 * A document's recording in a real workspace file with real media files on disk: linked by path,
 * found missing after a move, relinked, replaced, uploaded (browser mode), forgotten.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaFileError, MediaService } from '../../../../electron/services/media/media-service';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import type { TranscriptDocument } from '../../../../shared/document/model';

let dir: string;
let workspace: WorkspaceStore;
let media: MediaService;
let documentId: string;

function transcript(mediaFile?: string): TranscriptDocument {
  return {
    version: 1,
    metadata: {
      title: 'Episode',
      sourceFile: 'episode.txt',
      sourceFormat: 'text',
      ...(mediaFile ? { mediaFile } : {}),
    },
    segments: [{ id: 's1', text: 'Hello there.' }],
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-media-'));
  workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  media = new MediaService({ workspace, uploadsDir: path.join(dir, 'uploads') });
  documentId = workspace.createDocument(transcript(), 0).id;
});

afterEach(async () => {
  workspace.close();
  await rm(dir, { recursive: true, force: true });
});

describe('MediaService', () => {
  it('has nothing linked at first, and names the file the transcript mentions', async () => {
    expect(await media.status(documentId)).toEqual({ state: 'none', expected: null });
    const named = workspace.createDocument(transcript('C:\\Recordings\\episode 12.mp3'), 0).id;
    expect(await media.status(named)).toEqual({ state: 'none', expected: 'episode 12.mp3' });
  });

  it('links a file by path, remembers it, and serves it from a versioned page path', async () => {
    const file = path.join(dir, 'episode.mp3');
    await writeFile(file, Buffer.alloc(2048, 1));
    const linked = await media.link(documentId, file);
    expect(linked).toMatchObject({
      state: 'ready',
      kind: 'audio',
      link: { path: file, name: 'episode.mp3', size: 2048 },
    });
    if (linked.state !== 'ready') throw new Error('not ready');
    expect(linked.url).toMatch(new RegExp(`^/media/${documentId}\\?v=`));

    // Another store on the same file: the link is in the workspace, not in memory.
    workspace.close();
    workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
    media = new MediaService({ workspace, uploadsDir: path.join(dir, 'uploads') });
    expect(await media.status(documentId)).toMatchObject({ state: 'ready', link: { path: file } });
    expect(await media.fileToServe(documentId)).toMatchObject({ path: file, size: 2048 });
  });

  it('reports a moved file as missing, keeps the link, and relinks it to the new place', async () => {
    const file = path.join(dir, 'episode.wav');
    await writeFile(file, Buffer.alloc(100));
    await media.link(documentId, file);
    const moved = path.join(dir, 'moved.wav');
    await rename(file, moved);

    const missing = await media.status(documentId);
    expect(missing).toMatchObject({ state: 'missing', link: { path: file } });
    if (missing.state !== 'missing') throw new Error('not missing');
    expect(missing.reason).toBe(
      `episode.wav is not where it was linked (${file}): it was moved, renamed or deleted`,
    );
    expect(await media.fileToServe(documentId)).toBeNull();
    // The transcript is untouched by all of this.
    expect(workspace.getCurrentDocument(documentId).segments[0]?.text).toBe('Hello there.');

    expect(await media.link(documentId, moved)).toMatchObject({
      state: 'ready',
      link: { path: moved, name: 'moved.wav' },
    });
    expect(await media.status(documentId)).toMatchObject({ state: 'ready' });
  });

  it('notices a file replaced in place (new size) and serves the new one under a new URL', async () => {
    const file = path.join(dir, 'episode.ogg');
    await writeFile(file, Buffer.alloc(10));
    const first = await media.link(documentId, file);
    await writeFile(file, Buffer.alloc(20));
    const second = await media.status(documentId);
    expect(second).toMatchObject({ state: 'ready', link: { size: 20 } });
    if (first.state !== 'ready' || second.state !== 'ready') throw new Error('not ready');
    expect(second.url).not.toBe(first.url);
  });

  it.each([
    ['relative.mp3', /the path must be absolute/],
    ['/no/such/folder/gone.mp3', /gone\.mp3 is not where it was linked/],
  ])('refuses %s with one clear line', async (file, message) => {
    await expect(media.link(documentId, file)).rejects.toThrow(MediaFileError);
    await expect(media.link(documentId, file)).rejects.toThrow(message);
    expect(workspace.getMediaLink(documentId)).toBeNull();
  });

  it('refuses files that are not audio or video, and folders', async () => {
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'x');
    await expect(media.link(documentId, text)).rejects.toThrow(/notes\.txt is not an audio or video file/);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'folder.mp3'));
    await expect(media.link(documentId, path.join(dir, 'folder.mp3'))).rejects.toThrow(
      /folder\.mp3 is not a file/,
    );
  });

  it('keeps an upload (browser mode) as a copy, links it, and deletes the copy when forgotten', async () => {
    const status = await media.storeUpload(
      documentId,
      'C:\\fakepath\\talk.m4a',
      Readable.from([Buffer.from('abc'), Buffer.from('def')]),
    );
    expect(status).toMatchObject({ state: 'ready', link: { name: 'talk.m4a', size: 6 } });
    if (status.state !== 'ready') throw new Error('not ready');
    expect(status.link.path.startsWith(path.join(dir, 'uploads', documentId))).toBe(true);
    expect(await readFile(status.link.path, 'utf8')).toBe('abcdef');

    expect(await media.unlink(documentId)).toBe(true);
    await expect(readFile(status.link.path)).rejects.toThrow(/ENOENT/);
    expect(await media.status(documentId)).toMatchObject({ state: 'none' });
    expect(await media.unlink(documentId)).toBe(false);
  });

  it('leaves the old recording linked and no temporary file when an upload breaks off', async () => {
    const kept = path.join(dir, 'kept.mp3');
    await writeFile(kept, 'x');
    await media.link(documentId, kept);
    const broken = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(media.storeUpload(documentId, 'new.mp3', broken)).rejects.toThrow(/connection reset/);
    expect(workspace.getMediaLink(documentId)?.path).toBe(kept);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(dir, 'uploads', documentId))).toEqual([]);
  });

  it('refuses an upload that is not audio or video before writing anything', async () => {
    await expect(
      media.storeUpload(documentId, 'evil.exe', Readable.from([Buffer.from('MZ')])),
    ).rejects.toThrow(/evil\.exe is not an audio or video file/);
    expect(workspace.getMediaLink(documentId)).toBeNull();
  });

  it('replacing an uploaded recording by a linked file removes the copy', async () => {
    const uploaded = await media.storeUpload(documentId, 'a.mp3', Readable.from([Buffer.from('a')]));
    if (uploaded.state !== 'ready') throw new Error('not ready');
    const file = path.join(dir, 'b.mp3');
    await writeFile(file, 'b');
    await media.link(documentId, file);
    await expect(readFile(uploaded.link.path)).rejects.toThrow(/ENOENT/);
    expect(await readFile(file, 'utf8')).toBe('b');
  });

  it('links the recording named by an absolute path at import, and ignores a missing one', async () => {
    const file = path.join(dir, 'named.flac');
    await writeFile(file, 'f');
    const withFile = workspace.createDocument(transcript(file), 0).id;
    expect(await media.linkFromMetadata(withFile, transcript(file))).toMatchObject({ state: 'ready' });
    const gone = transcript(path.join(dir, 'gone.flac'));
    const withoutFile = workspace.createDocument(gone, 0).id;
    expect(await media.linkFromMetadata(withoutFile, gone)).toBeNull();
    expect(await media.linkFromMetadata(withoutFile, transcript('relative.flac'))).toBeNull();
  });

  it('an unknown document is an error, and a deleted document takes its link and copy with it', async () => {
    await expect(media.status('7c0a4f38-3f0e-4a8e-9f52-1f1f1f1f1f1f')).rejects.toThrow(/7c0a4f38/);
    const uploaded = await media.storeUpload(documentId, 'a.mp3', Readable.from([Buffer.from('a')]));
    if (uploaded.state !== 'ready') throw new Error('not ready');
    workspace.deleteDocument(documentId);
    await media.documentDeleted(documentId);
    await expect(readFile(uploaded.link.path)).rejects.toThrow(/ENOENT/);
  });
});
