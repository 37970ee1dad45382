/**
 * Exporting a document: one entry point that hands the input to the format's exporter, and one
 * that writes the result so the target is either the old file or the complete new one.
 */
import { exportHtml } from '../../../shared/export/html';
import { exportJson } from '../../../shared/export/json';
import { exportMarkdown } from '../../../shared/export/markdown';
import type { ExportFormat, ExportInput, ExportOutput } from '../../../shared/export/options';
import { exportSrt } from '../../../shared/export/srt';
import { exportText } from '../../../shared/export/text';
import { exportVtt } from '../../../shared/export/vtt';
import { exportDocx } from './docx-export';

export { ExportWriteError, writeExport } from './write-export';

const EXPORTERS: Record<ExportFormat, (input: ExportInput) => ExportOutput | Promise<ExportOutput>> = {
  txt: exportText,
  md: exportMarkdown,
  html: exportHtml,
  docx: exportDocx,
  srt: exportSrt,
  vtt: exportVtt,
  json: exportJson,
};

/** The document in `format`. Throws ExportError when it cannot be (e.g. subtitles without timings). */
export async function exportDocument(format: ExportFormat, input: ExportInput): Promise<ExportOutput> {
  const exporter = EXPORTERS[format];
  // A format from outside the type system (an API call, a command line) is checked by the caller.
  if (!exporter) throw new TypeError(`unknown export format "${String(format)}"`);
  return exporter(input);
}
