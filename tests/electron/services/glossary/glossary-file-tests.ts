/**
 * What the glossary file-format tests (CSV/JSON, TBX, Vale) share: a temporary folder per test
 * with the stores opened in it (closed and removed after each test), and the helpers that read
 * fixtures, import errors and entries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { GlossaryImportError, GlossaryStore } from '../../../../electron/services/glossary/glossary-store';
import type { GlossaryEntry } from '../../../../shared/glossary/types';

/** Registers the per-test folder (named with `prefix`) and returns what works in it. */
export function useGlossaryFolder(prefix: string) {
  let folder = '';
  const stores: GlossaryStore[] = [];

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  return {
    /** A fresh glossary file in this test's folder. */
    openStore(name = 'glossary.sqlite'): GlossaryStore {
      const store = GlossaryStore.open(path.join(folder, name), { author: 'tester' });
      stores.push(store);
      return store;
    },
    /** Writes a file into the test folder and reads it back, so imports always come from real files. */
    writeFile(name: string, text: string): string {
      const file = path.join(folder, name);
      fs.writeFileSync(file, text);
      return fs.readFileSync(file, 'utf8');
    },
  };
}

/** Reads fixtures (as UTF-8 text) from one folder. */
export function fixtureReader(folder: string): (name: string) => string {
  return (name) => fs.readFileSync(path.join(folder, name), 'utf8');
}

/** What an entry says, without its identity and stamps (which differ between databases). */
export function content({ term, category, forms, variants, notes, source }: GlossaryEntry) {
  return { term, category, forms, variants, notes, source };
}

export function importError(action: () => unknown): GlossaryImportError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    return error as GlossaryImportError;
  }
  throw new Error('expected a GlossaryImportError');
}
