/**
 * Undoing a delete: GlossaryStore.restore puts an entry back exactly as it was (id, lists, counts,
 * dates, authors), searchable again, and refuses when the id or the term has come back meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  GlossaryStore,
  GlossaryValidationError,
} from '../../../../electron/services/glossary/glossary-store';
import type { GlossaryEntry } from '../../../../shared/glossary/types';

let folder: string;
let file: string;
let store: GlossaryStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-glossary-restore-'));
  file = path.join(folder, 'glossary.db');
  store = GlossaryStore.open(file, { author: 'alice' });
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** An entry with every field filled in and a variant that was accepted twice. */
function richEntry(): GlossaryEntry {
  const added = store.add({
    term: 'Yoon Suk Yeol',
    category: 'person',
    forms: ['Yoon', 'President Yoon'],
    variants: ['Yun Suk Yol'],
    notes: 'House style:\nsurname Yoon',
    source: 'https://example.org/yoon',
  });
  store.recordAcceptedVariant(added.id, 'Yoon Sook Yeol');
  store.recordAcceptedVariant(added.id, 'Yoon Sook Yeol');
  return store.get(added.id)!;
}

it('puts a deleted entry back exactly, searchable by every field', () => {
  const entry = richEntry();
  expect(entry.variants).toEqual([
    { text: 'Yun Suk Yol', acceptedCount: 0 },
    { text: 'Yoon Sook Yeol', acceptedCount: 2 },
  ]);
  expect(store.remove(entry.id)).toBe(true);
  expect(store.search('Sook')).toEqual([]);

  // Restored by someone else, later: the entry keeps its own dates and authors.
  store.close();
  store = GlossaryStore.open(file, { author: 'bob' });
  expect(store.restore(entry)).toEqual(entry);
  expect(store.get(entry.id)).toEqual(entry);
  expect(store.findByTerm('yoon suk yeol')).toEqual(entry);
  for (const query of ['Yoon Suk', 'President', 'Sook', 'surname', 'Yol']) {
    expect(store.search(query).map((found) => found.id)).toEqual([entry.id]);
  }
  expect(store.count()).toBe(1);
});

it('refuses to restore over an entry with the same id or the same term', () => {
  const entry = richEntry();
  expect(() => store.restore(entry)).toThrow(/^An entry with the id ".+" is already in the glossary$/);

  store.remove(entry.id);
  const again = store.add({ term: 'YOON SUK YEOL' });
  expect(() => store.restore(entry)).toThrow(/^The term "Yoon Suk Yeol" is already in the glossary$/);
  expect(store.list()).toEqual([again]);
});

it('checks what it restores like any entry, and dates as dates', () => {
  const entry = richEntry();
  store.remove(entry.id);
  expect(() => store.restore({ ...entry, variants: [{ text: 'Yoon', acceptedCount: 1 }] })).toThrow(
    /cannot be a variant/,
  );
  expect(() => store.restore({ ...entry, createdAt: 'yesterday' })).toThrow(
    /^The createdAt "yesterday" is not an ISO 8601 date and time$/,
  );
  expect(() => store.restore({ ...entry, updatedAt: '2024-13-45T00:00:00Z' })).toThrow(
    GlossaryValidationError,
  );
  expect(store.count()).toBe(0);
});
