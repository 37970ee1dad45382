/**
 * getWaveform through the real API handlers (as IPC and browser mode call them): the document's
 * linked recording, the cache beside the workspace, one-line failures, and bytes that survive the
 * browser-mode wire.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../../electron/ipc-router';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import type { ApiHandlers } from '../../../../shared/api/contract';
import type { WaveformData } from '../../../../shared/api/contract-waveform';
import { decodeWire, encodeWire } from '../../../../shared/api/wire';

const run = promisify(execFile);

let dir: string;
let glossary: GlossaryStore;
let workspace: WorkspaceStore;
let handlers: ApiHandlers;
let documentId: string;
let recording: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glossa-waveform-handlers-'));
  glossary = GlossaryStore.open(path.join(dir, 'glossary.db'));
  workspace = WorkspaceStore.open(path.join(dir, 'workspace.db'));
  handlers = createApiHandlers({ glossary, workspace, mode: 'browser', version: '0.0.0-test' });
  const opened = await handlers.importTranscript({
    fileName: 'talk.txt',
    bytes: new TextEncoder().encode('Hello there, and welcome to the show.\n'),
  });
  documentId = opened.documentId;
  recording = path.join(dir, 'talk.wav');
  await run('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    '-b',
    '16',
    recording,
    'synth',
    '3',
    'sine',
    '440',
    'vol',
    '0.5',
  ]);
});

afterAll(async () => {
  workspace.close();
  glossary.close();
  await rm(dir, { recursive: true, force: true });
});

describe('getWaveform', () => {
  it('says so in one line when nothing is linked', async () => {
    const response = await dispatchApiCall(handlers, 'getWaveform', { documentId });
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'waveform',
        message: 'No recording is linked to this document, so there is no waveform to draw',
      },
    });
  });

  it('draws the linked recording, caches it beside the workspace, and survives the wire', async () => {
    await handlers.attachMedia({ documentId, path: recording });
    const response = await dispatchApiCall(handlers, 'getWaveform', { documentId });
    if (!response.ok) throw new Error(response.error.message);
    const data = response.value as WaveformData;
    expect(data.durationMs).toBeCloseTo(3000, 0);
    expect(data.peaks).toHaveLength(600);
    expect(await readdir(path.join(dir, 'waveforms'))).toHaveLength(1);

    const wired = decodeWire(encodeWire(response)) as { value: WaveformData };
    expect(wired.value.peaks).toBeInstanceOf(Uint8Array);
    expect(wired.value).toEqual(data);
  });

  it('rejects a bad document id before touching anything', async () => {
    const response = await dispatchApiCall(handlers, 'getWaveform', { documentId: 'nope' });
    expect(response.ok).toBe(false);
  });
});
