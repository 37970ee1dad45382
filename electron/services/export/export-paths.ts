/** Where an export goes when no path is given, and whether two paths are the same file. */
import { realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXPORT_EXTENSIONS, type ExportFormat } from '../../../shared/export/options';

/**
 * Beside the transcript, with the format's extension ("talk.srt" → "talk.docx"); never the
 * transcript itself: exporting "talk.json" as JSON gives "talk.export.json".
 */
export function exportPathBeside(transcriptPath: string, format: ExportFormat): string {
  const extension = EXPORT_EXTENSIONS[format];
  const stem = basename(transcriptPath, extname(transcriptPath));
  const beside = join(dirname(transcriptPath), stem + extension);
  return isSameFile(beside, transcriptPath)
    ? join(dirname(transcriptPath), `${stem}.export${extension}`)
    : beside;
}

/** True when both paths name the same file (following links where the files exist). */
export function isSameFile(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there (yet): the folder may still be reached through a link.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
