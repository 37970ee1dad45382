/**
 * Writing an export to disk: the target is either the old file or the complete new one, and a
 * failure is one line saying why.
 */
import { writeFileAtomic } from '../atomic-write';
import type { ExportOutput } from '../../../shared/export/options';
import { firstLine } from '../api-errors';

/** Writing an export failed; the message is one line naming the file and why. */
export class ExportWriteError extends Error {
  override readonly name = 'ExportWriteError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`could not write ${path}: ${reason}`, options);
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it is a folder, not a file',
  ENOTEMPTY: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Writes an export (text as UTF-8, DOCX as bytes) through a temporary file beside the target that
 * is flushed and renamed over it: an existing file is replaced only once the new one is complete,
 * and a failure leaves the old file as it was and no temporary file behind.
 */
export async function writeExport(path: string, output: ExportOutput): Promise<void> {
  try {
    writeFileAtomic(path, output.content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      (code && WRITE_REASONS[code]) ?? (error instanceof Error ? firstLine(error.message) : String(error));
    throw new ExportWriteError(path, reason, { cause: error });
  }
}
