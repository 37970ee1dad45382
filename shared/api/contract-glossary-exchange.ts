/**
 * The glossary's exchange with other tools (CSV, Glossa JSON, TBX, Vale): the export call and the
 * formats, spread into apiContract. Kept apart so the contract file stays short.
 */
import { z } from 'zod';
import type { ExportedFile } from './contract';

/** What the glossary can be exported as; imports are told apart by extension (GLOSSARY_IMPORT_EXTENSIONS). */
export const GLOSSARY_EXPORT_FORMATS = ['csv', 'json', 'tbx', 'vale', 'vale-vocab'] as const;
export type GlossaryExportFormat = (typeof GLOSSARY_EXPORT_FORMATS)[number];

/** .tbx/.xml: TBX; .yml/.yaml: a Vale substitution rule; .txt: a Vale vocabulary's accept.txt. */
export const GLOSSARY_IMPORT_EXTENSIONS = ['.csv', '.json', '.tbx', '.xml', '.yml', '.yaml', '.txt'] as const;

/** How each export format is named to a person. */
export const GLOSSARY_EXPORT_LABELS: Readonly<Record<GlossaryExportFormat, string>> = {
  csv: 'CSV (spreadsheet)',
  json: 'Glossa JSON (keeps accepted counts)',
  tbx: 'TBX (translation tools)',
  vale: 'Vale substitution rule (.yml)',
  'vale-vocab': 'Vale vocabulary (accept.txt)',
};

/** A BCP 47 language tag such as "en" or "en-GB", for TBX's xml:lang. */
const languageTag = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u, 'a language tag such as "en" or "en-GB"');

export const glossaryExchangeCalls = {
  /**
   * The whole glossary as a file in one of the exchange formats (bytes + suggested name + warnings,
   * e.g. variants two entries share). The page then saves it (saveFileAs) or downloads it.
   */
  exportGlossary: {
    args: z.strictObject({ format: z.enum(GLOSSARY_EXPORT_FORMATS), lang: languageTag.optional() }),
    result: null as unknown as ExportedFile,
  },
} as const;
