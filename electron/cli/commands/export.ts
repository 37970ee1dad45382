import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_FORMATS,
  ExportError,
  TIMESTAMP_MODES,
  type ExportFormat,
  type ExportOptions,
  type TimestampMode,
} from '../../../shared/export/options';
import { exportPathBeside, isSameFile } from '../../services/export/export-paths';
import { exportDocument, ExportWriteError, writeExport } from '../../services/export/export-service';
import { readTranscriptFileWithFlags } from '../../services/transcript-files';
import type { CommandContext } from '../context';
import { CommandError, UsageError } from '../usage';

const FORMAT_NAMES: Record<ExportFormat, string> = {
  txt: 'plain text',
  md: 'Markdown',
  html: 'HTML',
  docx: 'Word document',
  srt: 'SRT subtitles',
  vtt: 'WebVTT subtitles',
  json: 'Glossa JSON',
};

/** glossa export FILE --to FORMAT [-o OUT] [--no-speakers] [--timestamps …] [--no-header] [--clean] [--drop-flagged] */
export async function exportCommand(ctx: CommandContext): Promise<number> {
  const [file, ...extra] = ctx.positionals;
  if (!file)
    throw new UsageError(`export: which transcript? (glossa export FILE --to ${EXPORT_FORMATS.join('|')})`);
  if (extra.length) throw new UsageError(`export: one transcript at a time (unexpected "${extra[0]}")`);
  const format = exportFormat(ctx.option('to'));
  const options = exportOptions(ctx);

  const given = ctx.option('o');
  const target = given ?? exportPathBeside(file, format);
  if (isSameFile(target, file)) {
    throw new CommandError(`${target} is the transcript being exported; choose another name with -o`);
  }

  const { document, flags } = await readTranscriptFileWithFlags(file);
  let output;
  try {
    output = await exportDocument(format, { document, flags, options });
  } catch (error) {
    if (error instanceof ExportError) {
      throw new CommandError(`${file}: cannot export as ${FORMAT_NAMES[format]}: ${oneLine(error.message)}`);
    }
    throw error;
  }
  try {
    await writeExport(target, output);
  } catch (error) {
    if (error instanceof ExportWriteError) throw new CommandError(error.message);
    throw error;
  }
  ctx.out(`wrote ${target} (${FORMAT_NAMES[format]})`);
  for (const warning of output.warnings) ctx.out(`warning: ${oneLine(warning)}`);
  return 0;
}

function exportFormat(to: string | undefined): ExportFormat {
  if (to === undefined) throw new UsageError(`export: --to is needed (${EXPORT_FORMATS.join(', ')})`);
  const format = to.toLowerCase().replace(/^\./, '');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export: --to must be one of ${EXPORT_FORMATS.join(', ')}, not "${to}"`);
  }
  return format as ExportFormat;
}

function exportOptions(ctx: CommandContext): ExportOptions {
  const timestamps = ctx.option('timestamps') ?? DEFAULT_EXPORT_OPTIONS.timestamps;
  if (!(TIMESTAMP_MODES as readonly string[]).includes(timestamps)) {
    throw new UsageError(`export: --timestamps must be ${TIMESTAMP_MODES.join(', ')}, not "${timestamps}"`);
  }
  return {
    ...DEFAULT_EXPORT_OPTIONS,
    speakers: !ctx.flag('no-speakers'),
    timestamps: timestamps as TimestampMode,
    metadataHeader: !ctx.flag('no-header'),
    cleanVerbatim: ctx.flag('clean'),
    flaggedPassages: ctx.flag('drop-flagged') ? 'drop' : 'include',
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
