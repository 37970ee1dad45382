import { basename, extname } from 'node:path';
import { correctionsReport, reportCsv, reportHtml } from '../../services/export/corrections-report';
import { isSameFile } from '../../services/export/export-paths';
import { ExportWriteError, writeExport } from '../../services/export/write-export';
import { readTranscriptFile } from '../../services/transcript-files';
import type { CommandContext } from '../context';
import { openGlossary } from '../glossary-source';
import { CommandError, UsageError } from '../usage';

/** glossa report CORRECTED --original ORIGINAL [--glossary G] [--format csv|html] [-o OUT] */
export async function reportCommand(ctx: CommandContext): Promise<number> {
  const [file, ...extra] = ctx.positionals;
  if (!file) throw new UsageError('report: which transcript? (glossa report CORRECTED --original ORIGINAL)');
  if (extra.length) throw new UsageError(`report: one transcript at a time (unexpected "${extra[0]}")`);
  const originalPath = ctx.option('original');
  if (!originalPath) {
    throw new UsageError('report: --original is needed: the transcript as it was before correcting');
  }
  const target = ctx.option('o');
  const format = ctx.option('format') ?? formatFromName(target);
  if (format !== 'csv' && format !== 'html') {
    throw new UsageError(`report: --format must be csv or html, not "${format}"`);
  }
  if (target && (isSameFile(target, file) || isSameFile(target, originalPath))) {
    throw new CommandError(`${target} is one of the transcripts being compared; choose another name with -o`);
  }

  const [original, current] = await Promise.all([readTranscriptFile(originalPath), readTranscriptFile(file)]);
  const glossaryPath = ctx.option('glossary');
  const glossary = openGlossary(glossaryPath, { mustExist: glossaryPath !== undefined });
  let rows;
  try {
    rows = correctionsReport(original, current, glossary.list());
  } finally {
    glossary.close();
  }

  const title = `Corrections: ${current.metadata.title ?? basename(file)}`;
  const content = format === 'csv' ? reportCsv(rows) : reportHtml(rows, title);
  const count = rows.length === 1 ? '1 change' : `${rows.length} changes`;
  if (!target) {
    // The byte-order mark is for spreadsheet programs opening a file, not for a pipe.
    ctx.out(content.replace(/^\uFEFF/, '').replace(/\n$/, ''));
    return 0;
  }
  try {
    await writeExport(target, { content, warnings: [] });
  } catch (error) {
    if (error instanceof ExportWriteError) throw new CommandError(error.message);
    throw error;
  }
  ctx.out(`wrote ${target} (${count}, ${format === 'csv' ? 'CSV' : 'HTML'})`);
  return 0;
}

function formatFromName(target: string | undefined): string {
  const extension = target ? extname(target).toLowerCase() : '';
  return extension === '.html' || extension === '.htm' ? 'html' : 'csv';
}
