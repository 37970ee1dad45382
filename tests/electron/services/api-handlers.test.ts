/**
 * The API handlers as the IPC router and the browser-mode server serve them: every call goes
 * through dispatchApiCall (argument validation included) against a real SQLite glossary.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiCallName,
  ApiHandlers,
  ApiResponse,
  GlossaryImportSummary,
  OpenedTranscript,
} from '../../../shared/api/contract';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import { documentPlainText } from '../../../shared/document/plain-text';
import type { Suggestion } from '../../../shared/engine/suggestion';
import { dispatchApiCall } from '../../../electron/ipc-router';
import { createApiHandlers } from '../../../electron/services/api-handlers';
import { GlossaryStore } from '../../../electron/services/glossary/glossary-store';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');
const SEED_TRANSCRIPT = 'nk-news-2024-10-22-troops-ukraine.txt';
const SEED_GLOSSARY = 'nk-news-glossary.csv';
const BROKEN_GLOSSARY = 'term,category\nPyongyang,place\nKursk,region\nSeoul,place\n';

let dir: string;
let store: GlossaryStore;
let handlers: ApiHandlers;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glossa-handlers-'));
  store = GlossaryStore.open(join(dir, 'glossary.db'));
  handlers = createApiHandlers({ glossary: store, mode: 'browser', version: '0.0.0-test' });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: ApiCallName, args: unknown): Promise<T> {
  const response = await dispatchApiCall(handlers, name, args);
  if (!response.ok) throw new Error(`${name} failed: ${response.error.message}`);
  return response.value as T;
}

async function failure(name: ApiCallName, args: unknown): Promise<{ code: string; message: string }> {
  const response: ApiResponse<unknown> = await dispatchApiCall(handlers, name, args);
  expect(response.ok).toBe(false);
  if (response.ok) throw new Error('unreachable');
  return response.error;
}

function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SEEDS, name)));
}

const openSeedTranscript = () =>
  call<OpenedTranscript>('importTranscript', {
    fileName: SEED_TRANSCRIPT,
    bytes: seedBytes(SEED_TRANSCRIPT),
  });

const importSeedGlossary = () =>
  call<GlossaryImportSummary>('importGlossary', { fileName: SEED_GLOSSARY, bytes: seedBytes(SEED_GLOSSARY) });

describe('importGlossary', () => {
  it('imports the seed glossary into an empty one and reports the counts', async () => {
    expect(await importSeedGlossary()).toEqual({ created: 34, updated: 0, unchanged: 0, total: 34 });
    expect(store.count()).toBe(34);
    expect(await importSeedGlossary()).toEqual({ created: 0, updated: 0, unchanged: 34, total: 34 });
  });

  it('refuses a broken file with its name and line, and writes nothing', async () => {
    await importSeedGlossary();
    const error = await failure('importGlossary', {
      fileName: 'broken.csv',
      bytes: new TextEncoder().encode(BROKEN_GLOSSARY),
    });
    expect(error.code).toBe('GlossaryImportError');
    expect(error.message).toMatch(/^broken\.csv, line 3\b/);
    expect(error.message).toContain('region');
    expect(store.count()).toBe(34);
  });
});

describe('checkTranscript', () => {
  it('proposes no glossary term while the glossary is empty', async () => {
    const opened = await openSeedTranscript();
    const suggestions = await call<Suggestion[]>('checkTranscript', { document: opened.document });
    expect(suggestions).toEqual(opened.suggestions);
    expect(suggestions.filter((s) => s.termId !== '')).toEqual([]);
  });

  it('checks an open document against the glossary as it is now', async () => {
    const before = await openSeedTranscript();
    await importSeedGlossary();
    const suggestions = await call<Suggestion[]>('checkTranscript', { document: before.document });

    const donbass = suggestions.filter((s) => s.text === 'Donbass');
    expect(donbass.map((s) => [s.replacement, s.reason])).toEqual([
      ['Donbas', 'variant'],
      ['Donbas', 'variant'],
    ]);
    const plain = documentPlainText(before.document);
    for (const s of suggestions) expect(plain.slice(s.start, s.end)).toBe(s.text);
    // The same answer as opening the file again.
    expect(suggestions).toEqual((await openSeedTranscript()).suggestions);
  });

  it('accepts the document after the JSON wire of browser mode', async () => {
    await importSeedGlossary();
    const opened = await openSeedTranscript();
    const args = decodeWire(encodeWire({ document: opened.document }));
    expect(await call<Suggestion[]>('checkTranscript', args)).toEqual(opened.suggestions);
  });

  it('validates the document before checking it, naming the bad field', async () => {
    const { document } = await openSeedTranscript();
    const bad = structuredClone(document);
    bad.segments[1]!.startMs = -5;
    const error = await failure('checkTranscript', { document: bad });
    expect(error.code).toBe('ApiArgumentError');
    expect(error.message).toMatch(/^checkTranscript: invalid document\.segments\.1\.startMs: /);

    const missing = await failure('checkTranscript', {});
    expect(missing.message).toMatch(/^checkTranscript: invalid document: /);
    const extra = await failure('checkTranscript', { document, glossary: [] });
    expect(extra.message).toMatch(/^checkTranscript: invalid arguments: /);
    const format = await failure('checkTranscript', {
      document: { ...document, metadata: { ...document.metadata, sourceFormat: 'docx' } },
    });
    expect(format.message).toMatch(/^checkTranscript: invalid document\.metadata\.sourceFormat: /);
  });
});
