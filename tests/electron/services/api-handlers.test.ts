/**
 * The API handlers as the IPC router and the browser-mode server serve them: every call goes
 * through dispatchApiCall (argument validation included) against a real SQLite glossary and
 * workspace.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  ApiCallName,
  ApiHandlers,
  ApiResponse,
  GlossaryImportSummary,
  OpenedDocument,
  SegmentSuggestion,
} from '../../../shared/api/contract';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import type { Segment, TranscriptDocument } from '../../../shared/document/model';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { dispatchApiCall } from '../../../electron/ipc-router';
import { createApiHandlers } from '../../../electron/services/api-handlers';
import { EVIDENCE_MAX_AGE_MS } from '../../../electron/services/corrections/evidence-cache';
import { GlossaryStore } from '../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../electron/services/workspace/workspace-store';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');
const SEED_TRANSCRIPT = 'nk-news-2024-10-22-troops-ukraine.txt';
const SEED_GLOSSARY = 'nk-news-glossary.csv';
const BROKEN_GLOSSARY = 'term,category\nPyongyang,place\nKursk,region\nSeoul,place\n';

let dir: string;
let store: GlossaryStore;
let workspace: WorkspaceStore;
let handlers: ApiHandlers;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glossa-handlers-'));
  store = GlossaryStore.open(join(dir, 'glossary.db'));
  workspace = WorkspaceStore.open(join(dir, 'workspace.db'));
  handlers = createApiHandlers({ glossary: store, workspace, mode: 'browser', version: '0.0.0-test' });
});

afterEach(() => {
  workspace.close();
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
  call<OpenedDocument>('importTranscript', {
    fileName: SEED_TRANSCRIPT,
    bytes: seedBytes(SEED_TRANSCRIPT),
  });

const importSeedGlossary = () =>
  call<GlossaryImportSummary>('importGlossary', { fileName: SEED_GLOSSARY, bytes: seedBytes(SEED_GLOSSARY) });

/** Each suggestion's offsets are into its own segment's text, and there read as its heard text. */
function expectInTheirSegments(
  document: TranscriptDocument,
  suggestions: readonly SegmentSuggestion[],
): void {
  const texts = new Map(document.segments.map((segment) => [segment.id, segment.text]));
  for (const s of suggestions) expect(texts.get(s.segmentId)?.slice(s.start, s.end)).toBe(s.text);
}

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
    const suggestions = await call<SegmentSuggestion[]>('checkTranscript', { document: opened.document });
    expect(suggestions).toEqual(opened.suggestions);
    expect(suggestions.filter((s) => s.termId !== '')).toEqual([]);
  });

  it('checks an open document against the glossary as it is now', async () => {
    const before = await openSeedTranscript();
    await importSeedGlossary();
    const suggestions = await call<SegmentSuggestion[]>('checkTranscript', { document: before.document });

    const donbass = suggestions.filter((s) => s.text === 'Donbass');
    expect(donbass.map((s) => [s.replacement, s.reason])).toEqual([
      ['Donbas', 'variant'],
      ['Donbas', 'variant'],
    ]);
    expectInTheirSegments(before.document, suggestions);
    // The same answer as opening the file again.
    expect(suggestions).toEqual((await openSeedTranscript()).suggestions);
  });

  it('accepts the document after the JSON wire of browser mode', async () => {
    await importSeedGlossary();
    const opened = await openSeedTranscript();
    const args = decodeWire(encodeWire({ document: opened.document }));
    expect(await call<SegmentSuggestion[]>('checkTranscript', args)).toEqual(opened.suggestions);
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

describe('workspace documents', () => {
  const FLAG = {
    id: '8a7f3c2e-1b4d-4e5f-9a6b-7c8d9e0f1a2b',
    segmentId: '',
    start: 0,
    end: 7,
    quote: '',
    comment: 'Check this',
    createdAt: '2024-10-22T10:00:00.000Z',
    resolvedAt: null,
  };

  /** The seed with one "Donbass" corrected, as the editor would autosave it. */
  function correctFirstDonbass(opened: OpenedDocument): { document: TranscriptDocument; segmentId: string } {
    const donbass = opened.suggestions.find((s) => s.text === 'Donbass');
    if (!donbass) throw new Error('the seed has a Donbass');
    const document = structuredClone(opened.document);
    const segment = document.segments.find((candidate) => candidate.id === donbass.segmentId)!;
    segment.text = `${segment.text.slice(0, donbass.start)}Donbas${segment.text.slice(donbass.end)}`;
    return { document, segmentId: segment.id };
  }

  it('imports a transcript as a new document, listed with its counts', async () => {
    await importSeedGlossary();
    const opened = await openSeedTranscript();
    expect(opened).toMatchObject({ flags: [], viewState: null });
    expect(opened.suggestions.length).toBeGreaterThan(2);
    expectInTheirSegments(opened.document, opened.suggestions);

    const listed = await call<unknown[]>('listDocuments', {});
    expect(listed).toEqual([
      {
        id: opened.documentId,
        title: opened.document.metadata.title ?? SEED_TRANSCRIPT,
        sourceFile: SEED_TRANSCRIPT,
        sourceFormat: opened.document.metadata.sourceFormat,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        openSuggestionCount: opened.suggestions.length,
        wordCount: expect.any(Number),
        segmentCount: opened.document.segments.length,
      },
    ]);
    expect(listed[0]).toMatchObject({ wordCount: expect.toSatisfy((n: number) => n > 3000) });

    const second = await openSeedTranscript();
    expect(second.documentId).not.toBe(opened.documentId);
    expect((await call<{ id: string }[]>('listDocuments', {})).map((d) => d.id)).toEqual([
      second.documentId,
      opened.documentId,
    ]);
  });

  it('opens a document as last saved, with fresh suggestions, flags and view state', async () => {
    await importSeedGlossary();
    const opened = await openSeedTranscript();
    const { document, segmentId } = correctFirstDonbass(opened);
    const flags = [
      { ...FLAG, segmentId, quote: document.segments.find((s) => s.id === segmentId)!.text.slice(0, 7) },
    ];
    const viewState = { segmentId, offset: 3, scrollTop: 1200 };
    const saved = await call<{ savedAt: string }>('saveDocument', {
      documentId: opened.documentId,
      document,
      flags,
      viewState,
      openSuggestionCount: opened.suggestions.length - 1,
    });

    const reopened = await call<OpenedDocument>('openDocument', { documentId: opened.documentId });
    expect(reopened).toMatchObject({ documentId: opened.documentId, document, flags, viewState });
    expect(reopened.suggestions.filter((s) => s.text === 'Donbass')).toHaveLength(1);
    expect(reopened.suggestions).toEqual(await call('checkTranscript', { document }));
    expect(await call('listDocuments', {})).toEqual([
      expect.objectContaining({
        updatedAt: saved.savedAt,
        openSuggestionCount: opened.suggestions.length - 1,
      }),
    ]);
    // The import stays as it was, for the corrections report.
    expect(workspace.getDocument(opened.documentId).original).toEqual(opened.document);
  });

  it('saves a document sent over the JSON wire of browser mode', async () => {
    const opened = await openSeedTranscript();
    const document = structuredClone(opened.document);
    document.segments[0]!.text += ' (edited)';
    const args = decodeWire(
      encodeWire({
        documentId: opened.documentId,
        document,
        flags: [],
        viewState: null,
        openSuggestionCount: 0,
      }),
    );
    await call('saveDocument', args);
    expect((await call<OpenedDocument>('openDocument', { documentId: opened.documentId })).document).toEqual(
      document,
    );
  });

  it('deletes a document, and says a deleted one is not there', async () => {
    const opened = await openSeedTranscript();
    expect(await call('deleteDocument', { documentId: opened.documentId })).toEqual({ deleted: true });
    expect(await call('deleteDocument', { documentId: opened.documentId })).toEqual({ deleted: false });
    expect(await call('listDocuments', {})).toEqual([]);

    const missing = await failure('openDocument', { documentId: opened.documentId });
    expect(missing).toEqual({
      code: 'not-found',
      message: expect.stringMatching(
        /^No document in the workspace has the id ".+"; it may have been deleted$/,
      ),
    });
    const save = await failure('saveDocument', {
      documentId: opened.documentId,
      document: opened.document,
      flags: [],
      viewState: null,
      openSuggestionCount: 0,
    });
    expect(save.code).toBe('not-found');
  });

  it('validates a save before touching the workspace, naming the bad field', async () => {
    const opened = await openSeedTranscript();
    const save = (changes: Record<string, unknown>) =>
      failure('saveDocument', {
        documentId: opened.documentId,
        document: opened.document,
        flags: [],
        viewState: null,
        openSuggestionCount: 0,
        ...changes,
      });

    const empty = await save({ flags: [{ ...FLAG, segmentId: 's1', start: 4, end: 4 }] });
    expect(empty.code).toBe('ApiArgumentError');
    expect(empty.message).toMatch(/^saveDocument: invalid flags\.0: a flag must cover some text/);
    expect((await save({ documentId: 'not-a-uuid' })).message).toMatch(/^saveDocument: invalid documentId: /);
    expect((await save({ viewState: { segmentId: 's1', offset: -1, scrollTop: 0 } })).message).toMatch(
      /^saveDocument: invalid viewState\.offset: /,
    );
    expect((await save({ openSuggestionCount: 1.5 })).message).toMatch(/invalid openSuggestionCount/);
    const twice = await save({
      flags: [
        { ...FLAG, segmentId: 's1' },
        { ...FLAG, segmentId: 's2' },
      ],
    });
    expect(twice).toEqual({ code: 'invalid', message: expect.stringMatching(/^Two flags have the id /) });
    expect(workspace.getDocument(opened.documentId).summary.updatedAt).toBe(
      workspace.getDocument(opened.documentId).summary.createdAt,
    );
  });
});

describe('saveDocumentChanges', () => {
  /** The seed with its second segment edited and split, as the editor would send the changes. */
  function splitSecond(opened: OpenedDocument): {
    segments: Segment[];
    order: string[];
    document: TranscriptDocument;
  } {
    const second = opened.document.segments[1]!;
    const left = { ...second, text: second.text.slice(0, 20) };
    const right: Segment = { id: 'split-1', text: second.text.slice(20).trim() };
    const segments = [left, right];
    const document = structuredClone(opened.document);
    document.segments.splice(1, 1, left, right);
    return { segments, order: document.segments.map((segment) => segment.id), document };
  }

  const saveArgs = (opened: OpenedDocument, changes: Record<string, unknown> = {}) => ({
    documentId: opened.documentId,
    segments: [],
    order: null,
    flags: [],
    viewState: null,
    openSuggestionCount: 0,
    ...changes,
  });

  it('saves one changed segment, and openDocument gives back the whole document', async () => {
    const opened = await openSeedTranscript();
    const document = structuredClone(opened.document);
    const first = document.segments[0]!;
    first.text = `${first.text} (checked)`;
    const viewState = { segmentId: first.id, offset: 4, scrollTop: 120 };

    const saved = await call<{ savedAt: string }>(
      'saveDocumentChanges',
      saveArgs(opened, { segments: [first], viewState, openSuggestionCount: 1 }),
    );

    const reopened = await call<OpenedDocument>('openDocument', { documentId: opened.documentId });
    expect(reopened).toMatchObject({ document, viewState, flags: [] });
    expect(await call('listDocuments', {})).toEqual([
      expect.objectContaining({ updatedAt: saved.savedAt, openSuggestionCount: 1 }),
    ]);
    expect(workspace.getDocument(opened.documentId).original).toEqual(opened.document);
  });

  it('adds a split segment with the order, over the JSON wire of browser mode', async () => {
    const opened = await openSeedTranscript();
    const { segments, order, document } = splitSecond(opened);
    await call('saveDocumentChanges', decodeWire(encodeWire(saveArgs(opened, { segments, order }))));
    expect((await call<OpenedDocument>('openDocument', { documentId: opened.documentId })).document).toEqual(
      document,
    );
    expect(await call('listDocuments', {})).toEqual([
      expect.objectContaining({ segmentCount: opened.document.segments.length + 1 }),
    ]);
  });

  it('validates the arguments before touching the workspace, naming the bad field', async () => {
    const opened = await openSeedTranscript();
    const save = (changes: Record<string, unknown>) =>
      failure('saveDocumentChanges', saveArgs(opened, changes));

    const missing = await failure('saveDocumentChanges', { documentId: opened.documentId, segments: [] });
    expect(missing).toEqual({
      code: 'ApiArgumentError',
      message: expect.stringMatching(/^saveDocumentChanges: invalid order: /),
    });
    expect((await save({ documentId: 'not-a-uuid' })).message).toMatch(
      /^saveDocumentChanges: invalid documentId: /,
    );
    expect((await save({ segments: [{ id: 's1', text: 'x', bold: true }] })).message).toMatch(
      /^saveDocumentChanges: invalid segments\.0: /,
    );
    expect((await save({ segments: [{ id: '', text: 'x' }] })).message).toMatch(
      /^saveDocumentChanges: invalid segments\.0\.id: /,
    );
    expect((await save({ segments: [{ id: 's1', text: 'x', startMs: -1 }] })).message).toMatch(
      /^saveDocumentChanges: invalid segments\.0\.startMs: /,
    );
    expect((await save({ order: ['s1', ''] })).message).toMatch(/^saveDocumentChanges: invalid order\.1: /);
    expect((await save({ order: 's1' })).message).toMatch(/^saveDocumentChanges: invalid order: /);
    expect((await save({ openSuggestionCount: -1 })).message).toMatch(/invalid openSuggestionCount/);
    expect((await save({ document: opened.document })).message).toMatch(
      /^saveDocumentChanges: invalid arguments: /,
    );
    const summary = workspace.getDocument(opened.documentId).summary;
    expect(summary.updatedAt).toBe(summary.createdAt);
  });

  it("reports the store's refusals as 'invalid' and a deleted document as 'not-found'", async () => {
    const opened = await openSeedTranscript();
    const { segments } = splitSecond(opened);
    expect(await failure('saveDocumentChanges', saveArgs(opened, { segments }))).toEqual({
      code: 'invalid',
      message: 'The segment "split-1" is new, so the save must give the segment order',
    });
    expect(await failure('saveDocumentChanges', saveArgs(opened, { order: ['ghost'] }))).toEqual({
      code: 'invalid',
      message: 'The segment order names "ghost", which is neither saved nor among the changed segments',
    });
    expect(workspace.getDocument(opened.documentId).document).toEqual(opened.document);

    await call('deleteDocument', { documentId: opened.documentId });
    expect((await failure('saveDocumentChanges', saveArgs(opened))).code).toBe('not-found');
  });

  it('assembles the whole document for the evidence only when the kept evidence is stale', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Made again under the fake clock: the evidence cache reads the clock it was made with.
      handlers = createApiHandlers({ glossary: store, workspace, mode: 'browser', version: '0.0.0-test' });
      await importSeedGlossary();
      const opened = await openSeedTranscript();
      const assemble = vi.spyOn(workspace, 'getCurrentDocument');
      const { segments, order, document } = splitSecond(opened);

      await call('saveDocumentChanges', saveArgs(opened, { segments, order }));
      expect(assemble).not.toHaveBeenCalled();

      vi.setSystemTime(Date.now() + EVIDENCE_MAX_AGE_MS);
      await call(
        'saveDocumentChanges',
        saveArgs(opened, { viewState: { segmentId: null, offset: 0, scrollTop: 1 } }),
      );
      expect(assemble).toHaveBeenCalledTimes(1);
      expect(assemble.mock.results[0]?.value).toEqual(document);

      // Fresh again: the next saves stay cheap.
      await call('saveDocumentChanges', saveArgs(opened));
      expect(assemble).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('checkSegments', () => {
  it('checks segments one by one, with offsets into each segment', async () => {
    await importSeedGlossary();
    const suggestions = await call<SegmentSuggestion[]>('checkSegments', {
      segments: [
        { id: 'a', text: 'We flew to Seoul.' },
        { id: 'b', text: 'Fighting in the Donbass and, again, the Donbass.' },
        { id: 'c', text: '' },
      ],
    });
    expect(suggestions.map((s) => [s.segmentId, s.start, s.end, s.text, s.replacement])).toEqual([
      ['b', 16, 23, 'Donbass', 'Donbas'],
      ['b', 40, 47, 'Donbass', 'Donbas'],
    ]);
    expect(await call('checkSegments', { segments: [] })).toEqual([]);
  });

  it('finds what a whole-document check finds in the same segments', async () => {
    await importSeedGlossary();
    const opened = await openSeedTranscript();
    const ids = new Set(opened.suggestions.filter((s) => s.reason === 'variant').map((s) => s.segmentId));
    const segments = opened.document.segments
      .filter((segment) => ids.has(segment.id))
      .map(({ id, text }) => ({ id, text }));
    const checked = await call<SegmentSuggestion[]>('checkSegments', { segments });

    expectInTheirSegments(opened.document, checked);
    const variants = (list: SegmentSuggestion[]) =>
      list.filter((s) => s.reason === 'variant').map((s) => [s.segmentId, s.start, s.end, s.replacement]);
    expect(variants(checked)).toEqual(variants(opened.suggestions));
  });

  it('refuses a segment without an id', async () => {
    const error = await failure('checkSegments', { segments: [{ id: '', text: 'x' }] });
    expect(error.message).toMatch(/^checkSegments: invalid segments\.0\.id: /);
  });
});

describe('glossary entries', () => {
  it('adds, reads in the order asked, updates and refuses a duplicate term', async () => {
    const donbas = await call<GlossaryEntry>('addGlossaryEntry', {
      entry: { term: 'Donbas', category: 'place', variants: ['Donbass'], notes: 'House style' },
    });
    const kursk = await call<GlossaryEntry>('addGlossaryEntry', { entry: { term: 'Kursk' } });
    expect(donbas).toMatchObject({ term: 'Donbas', variants: [{ text: 'Donbass', acceptedCount: 0 }] });
    expect(kursk).toMatchObject({ term: 'Kursk', category: 'other', forms: [], variants: [] });

    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await call('getGlossaryEntries', { ids: [kursk.id, missing, donbas.id] })).toEqual([
      kursk,
      donbas,
    ]);

    const duplicate = await failure('addGlossaryEntry', { entry: { term: ' donbas ' } });
    expect(duplicate).toEqual({
      code: 'GlossaryValidationError',
      message: 'The term "donbas" is already in the glossary',
    });

    const updated = await call<GlossaryEntry>('updateGlossaryEntry', {
      id: kursk.id,
      patch: { category: 'place', forms: ['Kursk Oblast'] },
    });
    expect(updated).toMatchObject({
      id: kursk.id,
      term: 'Kursk',
      category: 'place',
      forms: ['Kursk Oblast'],
    });
    expect(
      (await failure('updateGlossaryEntry', { id: kursk.id, patch: { term: 'Donbas' } })).message,
    ).toMatch(/already in the glossary/);
    expect((await failure('updateGlossaryEntry', { id: missing, patch: { notes: 'x' } })).code).toBe(
      'GlossaryNotFoundError',
    );
  });

  it('deletes an entry and restores it exactly, variants and their counts included', async () => {
    const entry = await call<GlossaryEntry>('addGlossaryEntry', {
      entry: {
        term: 'Jacco Zwetsloot',
        category: 'person',
        forms: ['Zwetsloot'],
        variants: ['Jacko Zwetslot'],
        notes: 'Host\nof the podcast',
        source: 'https://www.nknews.org',
      },
    });
    await call('recordDecision', { decision: 'accept', termId: entry.id, heard: 'Jacos Wetzlud' });
    await call('recordDecision', { decision: 'accept', termId: entry.id, heard: 'Jacos Wetzlud' });
    const before = store.get(entry.id)!;
    expect(before.variants).toEqual([
      { text: 'Jacko Zwetslot', acceptedCount: 0 },
      { text: 'Jacos Wetzlud', acceptedCount: 2 },
    ]);

    expect(await call('deleteGlossaryEntry', { id: entry.id })).toEqual(before);
    expect(store.get(entry.id)).toBeUndefined();
    expect(await call('searchGlossary', { query: 'Zwetsloot' })).toEqual([]);
    expect((await failure('deleteGlossaryEntry', { id: entry.id })).code).toBe('GlossaryNotFoundError');

    // Through the wire, as browser mode sends it back.
    const restored = await call<GlossaryEntry>(
      'restoreGlossaryEntry',
      decodeWire(encodeWire({ entry: before })),
    );
    expect(restored).toEqual(before);
    expect(store.get(entry.id)).toEqual(before);
    expect(await call('searchGlossary', { query: 'Wetzlud' })).toEqual([before]);
    expect(await call('getGlossaryEntries', { ids: [entry.id] })).toEqual([before]);

    const again = await failure('restoreGlossaryEntry', { entry: before });
    expect(again.message).toMatch(/^An entry with the id ".+" is already in the glossary$/);
  });

  it('refuses to restore an entry whose term has been added again meanwhile', async () => {
    const entry = await call<GlossaryEntry>('addGlossaryEntry', { entry: { term: 'Donbas' } });
    await call('deleteGlossaryEntry', { id: entry.id });
    await call('addGlossaryEntry', { entry: { term: 'Donbas', notes: 'new' } });
    const error = await failure('restoreGlossaryEntry', { entry });
    expect(error).toEqual({
      code: 'GlossaryValidationError',
      message: 'The term "Donbas" is already in the glossary',
    });
    expect(store.get(entry.id)).toBeUndefined();
  });

  it('validates entry arguments', async () => {
    expect((await failure('addGlossaryEntry', { entry: { term: '   ' } })).message).toMatch(
      /^addGlossaryEntry: invalid entry\.term: /,
    );
    expect((await failure('getGlossaryEntries', { ids: ['1'] })).message).toMatch(
      /^getGlossaryEntries: invalid ids\.0: /,
    );
    const entry = await call<GlossaryEntry>('addGlossaryEntry', { entry: { term: 'Donbas' } });
    await call('deleteGlossaryEntry', { id: entry.id });
    const bad = await failure('restoreGlossaryEntry', { entry: { ...entry, category: 'region' } });
    expect(bad.message).toMatch(/^restoreGlossaryEntry: invalid entry\.category: /);
  });
});
