/** A file name for an export, from the document's title: safe on every platform, never empty. */
import type { TranscriptDocument } from '../../../shared/document/model';

const MAX_STEM = 100;

export function exportFileName(document: TranscriptDocument, extension: string, suffix = ''): string {
  const { title, sourceFile } = document.metadata;
  const base = title ?? sourceFile?.replace(/\.[^.]+$/, '') ?? 'transcript';
  const printable = [...base].map((char) => (char.charCodeAt(0) < 32 ? ' ' : char)).join('');
  const stem = printable
    .replace(/[\\/:*?"<>|]+/g, ' ') // characters Windows, macOS or Linux refuse
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '') // Windows drops trailing dots and spaces
    .slice(0, MAX_STEM)
    .trim();
  return `${stem || 'transcript'}${suffix}${extension}`;
}
