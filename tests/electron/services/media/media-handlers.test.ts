/**
 * The media calls through the same handlers the app uses: a transcript opened from disk brings
 * the recording beside it; the native dialog (Electron) links what it returns.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';

let dir: string;
let glossary: GlossaryStore;
let workspace: WorkspaceStore;

const SRT = '1\n00:00:01,000 --> 00:00:03,000\nMark Rutte spoke.\n';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-media-handlers-'));
  glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
});

afterEach(async () => {
  workspace.close();
  glossary.close();
  await rm(dir, { recursive: true, force: true });
});

describe('media handlers', () => {
  it('links the recording beside a transcript opened from disk', async () => {
    await writeFile(path.join(dir, 'Talk.srt'), SRT);
    await writeFile(path.join(dir, 'talk.m4a'), Buffer.alloc(64));
    const handlers = createApiHandlers({
      glossary,
      workspace,
      mode: 'electron',
      version: 'test',
      chooseTranscriptFile: async () => path.join(dir, 'Talk.srt'),
    });
    const opened = await handlers.openTranscriptDialog({});
    if (!opened) throw new Error('nothing opened');
    expect(await handlers.getMedia({ documentId: opened.documentId })).toMatchObject({
      state: 'ready',
      kind: 'audio',
      link: { path: path.join(dir, 'talk.m4a'), name: 'talk.m4a' },
    });
  });

  it('opens a transcript without a recording beside it as before, with nothing linked', async () => {
    await writeFile(path.join(dir, 'alone.srt'), SRT);
    const handlers = createApiHandlers({
      glossary,
      workspace,
      mode: 'electron',
      version: 'test',
      chooseTranscriptFile: async () => path.join(dir, 'alone.srt'),
    });
    const opened = await handlers.openTranscriptDialog({});
    if (!opened) throw new Error('nothing opened');
    expect(await handlers.getMedia({ documentId: opened.documentId })).toEqual({
      state: 'none',
      expected: null,
    });
  });

  it('links what the native dialog returns, and nothing when it is cancelled', async () => {
    const video = path.join(dir, 'talk.webm');
    await writeFile(video, Buffer.alloc(8));
    let answer: string | null = null;
    const handlers = createApiHandlers({
      glossary,
      workspace,
      mode: 'electron',
      version: 'test',
      chooseMediaFile: async () => answer,
    });
    const { documentId } = await handlers.importTranscript({
      fileName: 'talk.srt',
      bytes: new TextEncoder().encode(SRT),
    });
    expect(await handlers.chooseMediaFile({ documentId })).toBeNull();
    answer = video;
    expect(await handlers.chooseMediaFile({ documentId })).toMatchObject({ state: 'ready', kind: 'video' });
    expect(await handlers.deleteDocument({ documentId })).toEqual({ deleted: true });
  });
});
