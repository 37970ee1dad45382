/**
 * JSON export: the lossless Glossa document with its flags, the same file Glossa opens again.
 * Options (clean verbatim, dropping flagged passages) are deliberately not applied: this is the
 * archive and hand-over format, and importing it must give back exactly what was exported.
 */
import { serializeDocumentJson } from '../formats/glossa-json';
import type { ExportInput, ExportOutput } from './options';

export function exportJson(input: ExportInput): ExportOutput {
  return { content: serializeDocumentJson(input.document, input.flags), warnings: [] };
}
