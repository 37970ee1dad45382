/**
 * Opens the glossary a command names: a SQLite .db (the app's format) as it is, or a glossary file
 * (.csv, .json, TBX, Vale; see glossary-exchange) loaded into a throwaway in-memory store, so every
 * path validates rows the same way.
 * Checking needs an existing glossary; glossary commands create the database on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { GLOSSARY_IMPORT_EXTENSIONS } from '../../shared/api/contract-glossary-exchange';
import { importGlossaryFile } from '../services/glossary/glossary-exchange';
import { GlossaryStore } from '../services/glossary/glossary-store';
import { defaultGlossaryPath } from '../services/user-data';
import { UsageError } from './usage';

export function openGlossary(path: string | undefined, { mustExist }: { mustExist: boolean }): GlossaryStore {
  const target = path ?? defaultGlossaryPath();
  const extension = extname(target).toLowerCase();
  if ((GLOSSARY_IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    if (!existsSync(target)) throw new UsageError(`${target}: no such glossary file`);
    const store = GlossaryStore.open(':memory:');
    try {
      importGlossaryFile(store, readFileSync(target, 'utf8'), target);
      return store;
    } catch (error) {
      store.close();
      throw error;
    }
  }
  if (mustExist && !existsSync(target)) throw new UsageError(`${target}: no such glossary database`);
  return GlossaryStore.open(target);
}
