/**
 * Learning from decisions, as the editor (through the API) and the CLI use it: accept, reject,
 * undo, and the engine that sees all of it. Real SQLite in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../../electron/ipc-router';
import { createApiHandlers } from '../../../../electron/services/api-handlers';
import {
  acceptCorrection,
  cachedEngineFor,
  engineFor,
  recordDecision,
  rejectCorrection,
  undoDecision,
} from '../../../../electron/services/corrections/decisions';
import { GlossaryNotFoundError, GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import { WorkspaceStore } from '../../../../electron/services/workspace/workspace-store';
import type { ApiResponse, OpenedDocument } from '../../../../shared/api/contract';
import type { GlossaryEntry } from '../../../../shared/glossary/types';

let folder: string;
let store: GlossaryStore;
let donbas: GlossaryEntry;
let jacco: GlossaryEntry;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-decisions-'));
  store = GlossaryStore.open(path.join(folder, 'glossary.db'), { author: 'alice' });
  donbas = store.add({ term: 'Donbas', category: 'place' });
  jacco = store.add({ term: 'Jacco Zwetsloot', category: 'person' });
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const TEXT = 'Welcome, said Jacos Wetzlud. Today: the Donbasss region.';

/** Exact-match (variant) suggestions for a heard text; other tiers may come and go with the engine. */
function variantSuggestions(heard: string) {
  return engineFor(store)
    .check(TEXT)
    .filter((s) => s.text === heard && s.reason === 'variant')
    .map((s) => [s.text, s.replacement]);
}

function suggestionsFor(heard: string) {
  return engineFor(store)
    .check(TEXT)
    .filter((s) => s.text === heard)
    .map((s) => [s.text, s.replacement]);
}

describe('acceptCorrection / undoDecision', () => {
  it('makes the heard text an exact match next time, and undo takes it away again', () => {
    expect(variantSuggestions('Donbasss')).toEqual([]);
    expect(acceptCorrection(store, { termId: donbas.id, heard: 'Donbasss' })).toEqual({
      termId: donbas.id,
      term: 'Donbas',
      heard: 'Donbasss',
      decision: 'accept',
      undone: false,
      changed: true,
      variantCount: 1,
      message: 'accepted "Donbasss" as Donbas (variant, accepted 1 time)',
    });
    expect(variantSuggestions('Donbasss')).toEqual([['Donbasss', 'Donbas']]);

    expect(undoDecision(store, { decision: 'accept', termId: donbas.id, heard: 'Donbasss' })).toEqual({
      termId: donbas.id,
      term: 'Donbas',
      heard: 'Donbasss',
      decision: 'accept',
      undone: true,
      changed: true,
      message: 'undid accepting "Donbasss" as Donbas (no longer a variant)',
    });
    expect(variantSuggestions('Donbasss')).toEqual([]);
  });

  it('counts repeated acceptances and undoes them one at a time', () => {
    acceptCorrection(store, { termId: jacco.id, heard: 'Jacos Wetzlud' });
    const second = acceptCorrection(store, { termId: jacco.id, heard: ' jacos  wetzlud ' });
    expect(second.message).toBe('accepted "jacos wetzlud" as Jacco Zwetsloot (variant, accepted 2 times)');
    expect(second.variantCount).toBe(2);
    const undo = recordDecision(store, {
      decision: 'accept',
      termId: jacco.id,
      heard: 'Jacos Wetzlud',
      undo: true,
    });
    expect(undo).toMatchObject({ undone: true, variantCount: 1 });
    expect(undo.message).toBe(
      'undid accepting "Jacos Wetzlud" as Jacco Zwetsloot (variant, accepted 1 time)',
    );
  });

  it('says so when there is nothing to record or to undo', () => {
    expect(acceptCorrection(store, { termId: donbas.id, heard: 'DONBAS' })).toMatchObject({
      changed: false,
      message: '"DONBAS" is already a correct spelling of Donbas; nothing recorded',
    });
    expect(undoDecision(store, { decision: 'accept', termId: donbas.id, heard: 'Donbasss' })).toMatchObject({
      undone: false,
      changed: false,
      message: 'nothing to undo: no acceptance of "Donbasss" as Donbas is recorded',
    });
    expect(undoDecision(store, { decision: 'reject', termId: donbas.id, heard: 'Donbasss' })).toMatchObject({
      undone: false,
      changed: false,
      message: 'nothing to undo: "Donbasss" is not rejected as Donbas',
    });
  });

  it('refuses an unknown entry', () => {
    const missing = { termId: '00000000-0000-4000-8000-000000000000', heard: 'x' };
    expect(() => acceptCorrection(store, missing)).toThrow(GlossaryNotFoundError);
    expect(() => rejectCorrection(store, missing)).toThrow(GlossaryNotFoundError);
    expect(() => undoDecision(store, { ...missing, decision: 'reject' })).toThrow(GlossaryNotFoundError);
  });
});

describe('rejectCorrection / undoDecision', () => {
  it('stops the suggestion, removes the variant, and undo brings both back', () => {
    store.update(donbas.id, { variants: [{ text: 'Donbasss', acceptedCount: 0 }] });
    expect(suggestionsFor('Donbasss')).toEqual([['Donbasss', 'Donbas']]);

    const rejected = rejectCorrection(store, { termId: donbas.id, heard: 'Donbasss' });
    expect(rejected).toEqual({
      termId: donbas.id,
      term: 'Donbas',
      heard: 'Donbasss',
      decision: 'reject',
      undone: false,
      changed: true,
      message: 'rejected "Donbasss" as Donbas (not suggested again; removed from its variants: Donbasss)',
    });
    expect(suggestionsFor('Donbasss')).toEqual([]);
    expect(store.get(donbas.id)?.variants).toEqual([]);
    expect(rejectCorrection(store, { termId: donbas.id, heard: 'donbasss' })).toMatchObject({
      changed: false,
      message: '"Donbasss" was already rejected as Donbas',
    });

    expect(undoDecision(store, { decision: 'reject', termId: donbas.id, heard: 'Donbasss' })).toMatchObject({
      undone: true,
      changed: true,
      message: 'undid rejecting "Donbasss" as Donbas (may be suggested again; variants restored: Donbasss)',
    });
    expect(suggestionsFor('Donbasss')).toEqual([['Donbasss', 'Donbas']]);
  });

  it('stops a suggestion whatever tier made it', () => {
    rejectCorrection(store, { termId: jacco.id, heard: 'Jacos Wetzlud' });
    expect(suggestionsFor('Jacos Wetzlud')).toEqual([]);
    acceptCorrection(store, { termId: jacco.id, heard: 'Jacos Wetzlud' });
    expect(store.listRejections()).toEqual([]);
    expect(variantSuggestions('Jacos Wetzlud')).toEqual([['Jacos Wetzlud', 'Jacco Zwetsloot']]);
  });
});

describe('recordDecision through dispatchApiCall', () => {
  let workspace: WorkspaceStore;
  beforeEach(() => {
    workspace = WorkspaceStore.open(path.join(folder, 'workspace.db'));
  });
  afterEach(() => workspace.close());

  const handlers = () =>
    createApiHandlers({ glossary: store, workspace, mode: 'electron', version: '0.0.0-test' });

  async function call(args: unknown): Promise<ApiResponse<unknown>> {
    return dispatchApiCall(handlers(), 'recordDecision', args);
  }

  async function importText(text: string): Promise<OpenedDocument> {
    const bytes = new TextEncoder().encode(text);
    const response = await dispatchApiCall(handlers(), 'importTranscript', { fileName: 'a.txt', bytes });
    if (!response.ok) throw new Error(response.error.message);
    return response.value as OpenedDocument;
  }

  it('accepts, rejects and undoes, and the next transcript sees it', async () => {
    const heardVariant = async () =>
      (await importText(TEXT)).suggestions
        .filter((s) => s.text === 'Donbasss')
        .map((s) => [s.replacement, s.reason]);
    expect(await heardVariant()).not.toContainEqual(['Donbas', 'variant']);

    expect(await call({ decision: 'accept', termId: donbas.id, heard: 'Donbasss' })).toEqual({
      ok: true,
      value: expect.objectContaining({
        termId: donbas.id,
        term: 'Donbas',
        decision: 'accept',
        undone: false,
        variantCount: 1,
      }),
    });
    expect(await heardVariant()).toEqual([['Donbas', 'variant']]);

    expect(await call({ decision: 'reject', termId: donbas.id, heard: 'Donbasss' })).toMatchObject({
      ok: true,
      value: { decision: 'reject', undone: false, changed: true },
    });
    expect(await heardVariant()).toEqual([]);

    expect(
      await call({ decision: 'reject', termId: donbas.id, heard: 'Donbasss', undo: true }),
    ).toMatchObject({
      ok: true,
      value: { decision: 'reject', undone: true },
    });
    expect(await heardVariant()).toEqual([['Donbas', 'variant']]);

    expect(
      await call({ decision: 'accept', termId: donbas.id, heard: 'Donbasss', undo: true }),
    ).toMatchObject({
      ok: true,
      value: { decision: 'accept', undone: true, message: expect.stringMatching(/no longer a variant/) },
    });
    expect(await heardVariant()).not.toContainEqual(['Donbas', 'variant']);
  });

  it.each([
    ['a termId that is not a UUID', { decision: 'accept', termId: 'Donbas', heard: 'x' }, /invalid termId/],
    ['an empty heard text', { decision: 'accept', termId: '<id>', heard: '' }, /invalid heard/],
    [
      'a heard text over 500 characters',
      { decision: 'reject', termId: '<id>', heard: 'x'.repeat(501) },
      /invalid heard/,
    ],
    ['an unknown decision', { decision: 'maybe', termId: '<id>', heard: 'x' }, /invalid decision/],
    ['a missing decision', { termId: '<id>', heard: 'x' }, /invalid decision/],
    [
      'undo that is not a boolean',
      { decision: 'accept', termId: '<id>', heard: 'x', undo: 'yes' },
      /invalid undo/,
    ],
    ['an extra argument', { decision: 'accept', termId: '<id>', heard: 'x', count: 5 }, /invalid arguments/],
  ])('refuses %s before touching the glossary', async (_label, args, message) => {
    const withId = { ...args, ...(args.termId === '<id>' ? { termId: donbas.id } : {}) };
    const response = await call(withId);
    expect(response).toEqual({
      ok: false,
      error: { code: 'ApiArgumentError', message: expect.stringMatching(message) },
    });
    if (!response.ok) expect(response.error.message).toMatch(/^recordDecision: /);
    expect(store.get(donbas.id)).toEqual(donbas);
    expect(store.listRejections()).toEqual([]);
  });

  it('reports an unknown entry and a heard text the glossary cannot keep, in one line', async () => {
    const unknown = await call({
      decision: 'accept',
      termId: '00000000-0000-4000-8000-000000000000',
      heard: 'x',
    });
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'GlossaryNotFoundError',
        message: expect.stringMatching(/^No glossary entry has the id/),
      },
    });
    const pipe = await call({ decision: 'accept', termId: donbas.id, heard: 'Don|bass' });
    expect(pipe).toEqual({
      ok: false,
      error: { code: 'GlossaryValidationError', message: expect.stringMatching(/contains "\|"/) },
    });
    const term = await call({ decision: 'reject', termId: donbas.id, heard: 'donbas' });
    expect(term).toEqual({
      ok: false,
      error: { code: 'GlossaryValidationError', message: expect.stringMatching(/its term/) },
    });
  });
});

describe('cachedEngineFor', () => {
  it('keeps one engine while the glossary is unchanged and rebuilds after a change here', () => {
    const engine = cachedEngineFor(store);
    const first = engine();
    expect(engine()).toBe(first);
    store.add({ term: 'Rodong Sinmun', category: 'publication' });
    const second = engine();
    expect(second).not.toBe(first);
    expect(second.check('They read the Rodolphe Shinmun daily.').map((s) => s.replacement)).toEqual([
      'Rodong Sinmun',
    ]);
    acceptCorrection(store, { termId: donbas.id, heard: 'Donbasss' });
    expect(engine()).not.toBe(second);
  });

  it('sees what another connection (the CLI, a second window) committed', () => {
    const engine = cachedEngineFor(store);
    const first = engine();
    const other = GlossaryStore.open(path.join(folder, 'glossary.db'), { author: 'bob' });
    try {
      other.add({ term: 'Chad O’Carroll', category: 'person' });
    } finally {
      other.close();
    }
    const after = engine();
    expect(after).not.toBe(first);
    expect(after.check('Our founder Chaddor Carroll said so.').map((s) => s.replacement)).toEqual([
      'Chad O’Carroll',
    ]);
  });
});
