/**
 * Reads a transcript file from disk: checks its size before reading (a 500 MB file is refused
 * without loading it), imports it, and links the audio/video file beside it with the same name.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TranscriptDocument } from '../../shared/document/model';
import {
  assertTranscriptSize,
  importTranscriptWithFlags,
  TranscriptImportError,
  type ImportedTranscript,
} from '../../shared/formats';

/** Media a transcript may belong to, in order of preference when several share its name. */
export const MEDIA_EXTENSIONS = ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'opus', 'flac', 'mp4', 'webm'] as const;

export async function readTranscriptFile(
  filePath: string,
  displayName?: string,
): Promise<TranscriptDocument> {
  return (await readTranscriptFileWithFlags(filePath, displayName)).document;
}

/** The same, with the fact-check flags a Glossa JSON file carries (other formats have none). */
export async function readTranscriptFileWithFlags(
  filePath: string,
  displayName?: string,
): Promise<ImportedTranscript> {
  const fileName = displayName ?? path.basename(filePath);
  const info = await stat(filePath).catch((error: unknown) => {
    throw fileSystemError(error, fileName, filePath);
  });
  if (info.isDirectory()) {
    throw new TranscriptImportError(
      { code: 'unreadable', file: fileName },
      'this is a folder, not a transcript file',
    );
  }
  if (!info.isFile()) {
    throw new TranscriptImportError({ code: 'unreadable', file: fileName }, 'this is not a regular file');
  }
  assertTranscriptSize(info.size, fileName);

  const bytes = await readFile(filePath).catch((error: unknown) => {
    throw fileSystemError(error, fileName, filePath);
  });
  // The size may have changed between stat and read; the importer checks bytes.length again.
  const imported = importTranscriptWithFlags({ bytes, fileName });
  const mediaFile = await findMediaBeside(filePath);
  if (mediaFile) imported.document.metadata.mediaFile = mediaFile;
  return imported;
}

/**
 * The absolute path of a media file named like the transcript ("talk.srt" → "talk.mp3"), also
 * without a language suffix ("talk.en.vtt" → "talk.mp4"), compared without regard to case.
 */
export async function findMediaBeside(transcriptPath: string): Promise<string | undefined> {
  const folder = path.dirname(path.resolve(transcriptPath));
  const stem = path.basename(transcriptPath, path.extname(transcriptPath)).toLowerCase();
  const stems = [stem];
  const withoutLanguage = stem.replace(/\.[a-z]{2,3}(?:[-_][a-z0-9]{2,4})?$/, '');
  if (withoutLanguage !== stem && withoutLanguage !== '') stems.push(withoutLanguage);

  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return undefined; // no media link is not an import failure
  }
  const byLowerName = new Map(names.map((name) => [name.toLowerCase(), name]));
  for (const candidateStem of stems) {
    for (const extension of MEDIA_EXTENSIONS) {
      const name = byLowerName.get(`${candidateStem}.${extension}`);
      if (name) return path.join(folder, name);
    }
  }
  return undefined;
}

function fileSystemError(error: unknown, fileName: string, filePath: string): TranscriptImportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // Say where we looked: the name alone does not tell a moved file from a typo in the folder.
    return new TranscriptImportError(
      { code: 'not-found', file: fileName },
      `the file does not exist (looked for ${path.resolve(filePath)})`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new TranscriptImportError(
      { code: 'unreadable', file: fileName },
      'permission to read the file was denied',
    );
  }
  if (code === 'EISDIR') {
    return new TranscriptImportError(
      { code: 'unreadable', file: fileName },
      'this is a folder, not a transcript file',
    );
  }
  return new TranscriptImportError(
    { code: 'unreadable', file: fileName },
    `the file could not be read (${code ?? 'unknown error'})`,
  );
}
