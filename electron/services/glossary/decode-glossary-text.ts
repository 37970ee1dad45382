/**
 * Glossary files are UTF-8 (spreadsheets add a BOM, which the CSV reader tolerates). Anything that
 * is not valid UTF-8 is refused with a clear message rather than imported as mojibake.
 */
import { GlossaryImportError } from './glossary-errors';

export function decodeGlossaryText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new GlossaryImportError(
      { file: fileName },
      'not a UTF-8 text file (save the glossary as "CSV UTF-8" or as JSON)',
    );
  }
}
