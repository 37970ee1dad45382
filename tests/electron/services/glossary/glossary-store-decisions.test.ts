/**
 * The glossary store's record of people's decisions: accepted variants and their undo, rejections
 * and theirs (real SQLite in a temp folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GlossaryNotFoundError,
  GlossaryStore,
  GlossaryValidationError,
} from '../../../../electron/services/glossary/glossary-store';

let folder: string;
let file: string;
let store: GlossaryStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-decisions-store-'));
  file = path.join(folder, 'glossary.sqlite');
  store = GlossaryStore.open(file, { author: 'alice' });
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function variantsOf(id: string) {
  return store.get(id)?.variants;
}

function validationMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a GlossaryValidationError');
}

describe('GlossaryStore: undoing accepted variants', () => {
  it('removes a variant that exists only because of acceptances with its last undo', () => {
    const entry = store.add({ term: 'Donbas', category: 'place' });
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.recordAcceptedVariant(entry.id, 'donbasss');
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbasss', acceptedCount: 1 }]);
    expect(store.undoAcceptedVariant(entry.id, ' DONBASSS ')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([]);
    expect(store.search('donbasss')).toEqual([]);
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(false);
  });

  it('takes a typed or imported variant back to its earlier count and keeps it', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Donbass'] });
    store.recordAcceptedVariant(entry.id, 'Donbass');
    expect(store.undoAcceptedVariant(entry.id, 'Donbass')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbass', acceptedCount: 0 }]);
    expect(store.undoAcceptedVariant(entry.id, 'Donbass')).toBe(false);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbass', acceptedCount: 0 }]);
  });

  it('never undoes counts that came with an imported file', () => {
    const json = {
      format: 'glossa-glossary',
      version: 1,
      entries: [{ term: 'Donbas', variants: [{ text: 'Donbass', acceptedCount: 3 }] }],
    };
    store.importJson(JSON.stringify(json), 'team.json');
    const donbas = store.findByTerm('Donbas')!;
    expect(store.undoAcceptedVariant(donbas.id, 'Donbass')).toBe(false);
    store.recordAcceptedVariant(donbas.id, 'Donbass');
    expect(store.undoAcceptedVariant(donbas.id, 'Donbass')).toBe(true);
    expect(store.undoAcceptedVariant(donbas.id, 'Donbass')).toBe(false);
    expect(variantsOf(donbas.id)).toEqual([{ text: 'Donbass', acceptedCount: 3 }]);
  });

  it('keeps the undo record through an edit that leaves the variant alone', () => {
    const entry = store.add({ term: 'Donbas' });
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.update(entry.id, { notes: 'House style', forms: ['Donbas region'] });
    store.update(entry.id, { variants: store.get(entry.id)!.variants });
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([]);
  });

  it('keeps a learned variant whose count an import or a person stated', () => {
    const entry = store.add({ term: 'Donbas' });
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.update(entry.id, { variants: [{ text: 'Donbasss', acceptedCount: 5 }] });
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbasss', acceptedCount: 4 }]);
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(false);
  });

  it('never lets an edit leave more to undo than the count', () => {
    const entry = store.add({ term: 'Donbas' });
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.update(entry.id, { variants: [{ text: 'Donbasss', acceptedCount: 1 }] });
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbasss', acceptedCount: 0 }]);
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(false);
  });

  it('stamps the entry, and reports an unknown entry', () => {
    const entry = store.add({ term: 'Donbas' });
    store.recordAcceptedVariant(entry.id, 'Donbasss');
    store.close();
    store = GlossaryStore.open(file, { author: 'bob' });
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(store.get(entry.id)?.updatedBy).toBe('bob');
    expect(() => store.undoAcceptedVariant('missing', 'Donbasss')).toThrow(GlossaryNotFoundError);
  });
});

describe('GlossaryStore: rejections', () => {
  it('records, lists and keeps a rejection', () => {
    const entry = store.add({ term: 'Jacco Zwetsloot', category: 'person' });
    const rejection = store.recordRejection(entry.id, '  Jacos   Wetzlud ');
    expect(rejection).toEqual({
      termId: entry.id,
      heard: 'Jacos Wetzlud',
      createdAt: expect.any(String),
      createdBy: 'alice',
    });
    expect(new Date(rejection.createdAt).toISOString()).toBe(rejection.createdAt);
    store.close();
    store = GlossaryStore.open(file, { author: 'bob' });
    expect(store.listRejections()).toEqual([rejection]);
    expect(store.findRejection(entry.id, 'jacos wetzlud')).toEqual(rejection);
    expect(store.findRejection(entry.id, 'Jacos')).toBeUndefined();
  });

  it('leaves the entry untouched when the heard text was not a variant', () => {
    const entry = store.add({ term: 'Jacco Zwetsloot', variants: ['Jacko Zwetslot'] });
    store.recordRejection(entry.id, 'Jacos Wetzlud');
    expect(store.get(entry.id)).toEqual(entry);
  });

  it('compares heard texts by the engine phrase key: case, accents and punctuation do not count', () => {
    const entry = store.add({ term: 'Kim Jong Un' });
    store.recordRejection(entry.id, 'Kim Jong-eun');
    const again = store.recordRejection(entry.id, 'kim jong eun');
    expect(again.heard).toBe('Kim Jong-eun');
    expect(store.recordRejection(entry.id, 'Kím Jöng Eun').heard).toBe('Kim Jong-eun');
    expect(store.listRejections()).toHaveLength(1);
  });

  it('removes every variant of the entry that reads as the rejected text, and only those', () => {
    const entry = store.add({
      term: 'Kim Jong Un',
      variants: ['Kim Jung Un', 'Kim Jong-eun', 'Kim Jong Eun'],
    });
    const other = store.add({ term: 'Kim Jong Eun Foundation', variants: ['Kim Jong Eun'] });
    store.recordRejection(entry.id, 'kim jong eun');
    expect(variantsOf(entry.id)).toEqual([{ text: 'Kim Jung Un', acceptedCount: 0 }]);
    expect(store.get(entry.id)!.updatedAt >= entry.updatedAt).toBe(true);
    expect(store.search('eun').map((e) => e.term)).toEqual(['Kim Jong Eun Foundation']);
    expect(variantsOf(other.id)).toEqual([{ text: 'Kim Jong Eun', acceptedCount: 0 }]);
  });

  it('restores the removed variants exactly when the rejection is undone', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Dombas', 'Donbass', 'Donbas region'] });
    store.recordAcceptedVariant(entry.id, 'Donbass');
    store.recordAcceptedVariant(entry.id, 'Donbasss'); // learned only
    const before = store.get(entry.id)!.variants;
    store.recordRejection(entry.id, 'Donbass');
    store.recordRejection(entry.id, 'Donbasss');
    expect(variantsOf(entry.id)).toEqual([
      { text: 'Dombas', acceptedCount: 0 },
      { text: 'Donbas region', acceptedCount: 0 },
    ]);
    expect(store.undoRejection(entry.id, 'DONBASS')).toBe(true);
    expect(store.undoRejection(entry.id, 'Donbasss')).toBe(true);
    expect(variantsOf(entry.id)).toEqual(before);
    expect(store.listRejections()).toEqual([]);
    expect(store.undoRejection(entry.id, 'Donbass')).toBe(false);
    // The undo record came back too: the learned variant goes with its acceptance, the typed one stays.
    expect(store.undoAcceptedVariant(entry.id, 'Donbasss')).toBe(true);
    expect(store.undoAcceptedVariant(entry.id, 'Donbass')).toBe(true);
    expect(store.undoAcceptedVariant(entry.id, 'Donbass')).toBe(false);
    expect(variantsOf(entry.id)).toEqual([
      { text: 'Dombas', acceptedCount: 0 },
      { text: 'Donbass', acceptedCount: 0 },
      { text: 'Donbas region', acceptedCount: 0 },
    ]);
  });

  it('does not duplicate a variant that came back meanwhile', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Donbass'] });
    store.recordRejection(entry.id, 'Donbass');
    store.update(entry.id, { variants: [{ text: 'DONBASS', acceptedCount: 2 }] });
    expect(store.undoRejection(entry.id, 'Donbass')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'DONBASS', acceptedCount: 2 }]);
  });

  it('withdraws a rejection when the same pair is accepted, restoring the variant first', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Donbass'] });
    store.recordRejection(entry.id, 'Donbass');
    expect(store.recordAcceptedVariant(entry.id, 'donbass')).toEqual({ text: 'Donbass', acceptedCount: 1 });
    expect(store.listRejections()).toEqual([]);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbass', acceptedCount: 1 }]);
    // Undoing the acceptance takes back the count, not the withdrawn rejection.
    expect(store.undoAcceptedVariant(entry.id, 'Donbass')).toBe(true);
    expect(variantsOf(entry.id)).toEqual([{ text: 'Donbass', acceptedCount: 0 }]);
    expect(store.listRejections()).toEqual([]);
  });

  it('keeps rejections per entry, and drops them with their entry', () => {
    const donbas = store.add({ term: 'Donbas' });
    const donetsk = store.add({ term: 'Donetsk' });
    store.recordRejection(donbas.id, 'Donbass');
    store.recordRejection(donetsk.id, 'Donbass');
    expect(store.listRejections().map((r) => r.termId)).toEqual([donbas.id, donetsk.id]);
    store.remove(donbas.id);
    expect(store.listRejections().map((r) => r.termId)).toEqual([donetsk.id]);
  });

  it('refuses the term itself, a form, empty text, text without letters and unknown entries', () => {
    const entry = store.add({ term: 'Yoon Suk Yeol', forms: ['Yoon'] });
    expect(validationMessage(() => store.recordRejection(entry.id, 'yoon suk-yeol'))).toMatch(/its term/);
    expect(validationMessage(() => store.recordRejection(entry.id, 'YOON'))).toMatch(/one of its forms/);
    expect(validationMessage(() => store.recordRejection(entry.id, '   '))).toMatch(/empty/);
    expect(validationMessage(() => store.recordRejection(entry.id, '— …'))).toMatch(/no letters or digits/);
    expect(validationMessage(() => store.recordRejection(entry.id, 'x'.repeat(501)))).toMatch(/limit is 500/);
    expect(() => store.recordRejection('missing', 'Yun')).toThrow(GlossaryNotFoundError);
    expect(() => store.undoRejection('missing', 'Yun')).toThrow(GlossaryNotFoundError);
    expect(store.listRejections()).toEqual([]);
  });

  it('leaves exports as they were: entries only', () => {
    const entry = store.add({ term: 'Donbas', variants: ['Dombas'] });
    const csv = store.exportCsv();
    const json = store.exportJson();
    store.recordRejection(entry.id, 'Donbass');
    expect(store.exportCsv()).toBe(csv);
    expect(store.exportJson()).toBe(json);
  });
});
