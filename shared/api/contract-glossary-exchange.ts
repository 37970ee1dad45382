/**
 * The glossary's exchange with other tools (CSV, Glossa JSON, TBX, Vale): the export call, spread
 * into apiContract. Imports go through importGlossary, which tells formats apart by extension.
 */
import { z } from 'zod';
import { GLOSSARY_EXPORT_FORMATS } from '../glossary/exchange-formats';
import type { ExportedFile } from './contract';

export {
  GLOSSARY_EXPORT_FORMATS,
  GLOSSARY_IMPORT_EXTENSIONS,
  type GlossaryExportFormat,
} from '../glossary/exchange-formats';

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
