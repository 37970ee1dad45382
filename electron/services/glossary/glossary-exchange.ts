/**
 * One entry point for every glossary file format, for the app, the CLI and browser mode alike:
 * imports are told apart by the file's extension, exports by the format asked for. Imports go
 * through the store's all-or-nothing import (every entry checked, one transaction).
 */
import { extname } from 'node:path';
import {
  GLOSSARY_IMPORT_EXTENSIONS,
  type GlossaryExportFormat,
} from '../../../shared/api/contract-glossary-exchange';
import { formatGlossaryCsv, parseGlossaryCsv } from './glossary-csv';
import { GlossaryImportError } from './glossary-errors';
import type { ImportedEntry } from './glossary-import';
import { formatGlossaryJson, parseGlossaryJson } from './glossary-json';
import type { GlossaryStore, ImportSummary } from './glossary-store';
import { formatGlossaryTbx, parseGlossaryTbx, type TbxOptions } from './glossary-tbx';
import {
  formatValeSubstitution,
  formatValeVocabulary,
  parseValeSubstitution,
  parseValeVocabulary,
  type FormattedExport,
} from './glossary-vale';

export interface GlossaryFileExport extends FormattedExport {
  /** A name to suggest when saving. */
  fileName: string;
}

const READERS: Record<string, (text: string, file: string, options: TbxOptions) => ImportedEntry[]> = {
  '.csv': parseGlossaryCsv,
  '.json': parseGlossaryJson,
  '.tbx': parseGlossaryTbx,
  '.xml': parseGlossaryTbx,
  '.yml': parseValeSubstitution,
  '.yaml': parseValeSubstitution,
  '.txt': parseValeVocabulary,
};

/** Reads a glossary file of any supported format into entries; refuses an unknown extension. */
export function parseGlossaryFile(text: string, fileName: string, options: TbxOptions = {}): ImportedEntry[] {
  const reader = READERS[extname(fileName).toLowerCase()];
  if (!reader) {
    throw new GlossaryImportError(
      { file: fileName },
      `Unknown glossary file type; use one of ${GLOSSARY_IMPORT_EXTENSIONS.join(', ')}`,
    );
  }
  return reader(text, fileName, options);
}

/** Imports a glossary file's text, merged by term; all or nothing (GlossaryImportError names the line). */
export function importGlossaryFile(
  store: GlossaryStore,
  text: string,
  fileName: string,
  options: TbxOptions = {},
): ImportSummary {
  const entries = parseGlossaryFile(text, fileName, options);
  try {
    return store.importEntries(entries);
  } catch (error) {
    // The store names the field as a CSV column ("line 8, column variants"); TBX and Vale files have none.
    const csv = extname(fileName).toLowerCase() === '.csv';
    if (!(error instanceof GlossaryImportError) || csv || error.line === undefined) throw error;
    throw new GlossaryImportError({ file: error.file, line: error.line }, error.problem);
  }
}

/** The whole glossary, sorted by term, in an exchange format. */
export function exportGlossaryFile(
  store: GlossaryStore,
  format: GlossaryExportFormat,
  options: TbxOptions = {},
): GlossaryFileExport {
  const entries = store.list();
  switch (format) {
    case 'csv':
      return { fileName: 'glossary.csv', text: formatGlossaryCsv(entries), warnings: [] };
    case 'json':
      return { fileName: 'glossary.json', text: formatGlossaryJson(entries), warnings: [] };
    case 'tbx':
      return { fileName: 'glossary.tbx', text: formatGlossaryTbx(entries, options), warnings: [] };
    case 'vale':
      return { fileName: 'Glossary.yml', ...formatValeSubstitution(entries) };
    case 'vale-vocab':
      return { fileName: 'accept.txt', ...formatValeVocabulary(entries) };
  }
}
