import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../electron/ipc-router';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { GlossaryStore } from '../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../electron/services/workspace/workspace-store';

describe('dispatchApiCall', () => {
  let store: GlossaryStore | undefined;
  let workspace: WorkspaceStore | undefined;
  afterEach(() => {
    workspace?.close();
    store?.close();
  });

  function handlers() {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-ipc-'));
    store = GlossaryStore.open(join(dir, 'glossary.db'));
    workspace = WorkspaceStore.open(join(dir, 'workspace.db'));
    store.add({ term: 'Donbas', category: 'place', variants: ['Donbass'] });
    return createApiHandlers({ glossary: store, workspace, mode: 'electron', version: '0.0.0-test' });
  }

  it('runs a valid call and returns its value', async () => {
    const bytes = new TextEncoder().encode('War in the Donbass goes on.\n');
    const response = await dispatchApiCall(handlers(), 'importTranscript', { fileName: 'a.txt', bytes });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const value = response.value as { suggestions: Array<{ text: string; replacement: string }> };
    expect(value.suggestions.map((s) => [s.text, s.replacement])).toEqual([['Donbass', 'Donbas']]);
  });

  it('rejects bad arguments before any handler runs, in one readable line', async () => {
    const response = await dispatchApiCall(handlers(), 'importTranscript', {
      fileName: 'a.txt',
      bytes: 'not bytes',
    });
    expect(response).toEqual({
      ok: false,
      error: { code: expect.any(String), message: expect.stringMatching(/^importTranscript: invalid bytes/) },
    });
  });

  it('reports an import error with file and line, without a stack', async () => {
    const bytes = new TextEncoder().encode('1\n00:00:01,000 -> 00:00:02,000\nHello\n');
    const response = await dispatchApiCall(handlers(), 'importTranscript', { fileName: 'broken.srt', bytes });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.message).toMatch(/^broken\.srt:2: /);
    expect(response.error.message).not.toMatch(/\n| {4}at /);
  });

  it('rejects unknown extra arguments', async () => {
    const response = await dispatchApiCall(handlers(), 'listGlossary', { sql: 'drop table entries' });
    expect(response.ok).toBe(false);
  });
});
