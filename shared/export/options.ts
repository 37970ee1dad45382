/**
 * What an export can be asked for. Shared by every exporter (shared/export, electron/services/export),
 * the API contract, the CLI and the export dialog.
 */
import type { TranscriptDocument } from '../document/model';
import type { DocumentFlag } from '../workspace/types';

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'srt', 'vtt', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Timestamps in the text formats: none, one per paragraph (speaker turn), or one per segment. */
export const TIMESTAMP_MODES = ['none', 'paragraph', 'segment'] as const;
export type TimestampMode = (typeof TIMESTAMP_MODES)[number];

export interface ExportOptions {
  /** Speaker names before each paragraph (text formats) or as WebVTT voices. */
  speakers: boolean;
  timestamps: TimestampMode;
  /** Title, show, date and source at the top (text formats). */
  metadataHeader: boolean;
  /** Drop fillers ("um", "uh", "you know"), stutters and repeated words. */
  cleanVerbatim: boolean;
  /** The fillers to drop; the document language's list when absent. */
  fillers?: readonly string[];
  /** Passages flagged for fact-checking: kept, or left out of the export. */
  flaggedPassages: 'include' | 'drop';
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  speakers: true,
  timestamps: 'paragraph',
  metadataHeader: true,
  cleanVerbatim: false,
  flaggedPassages: 'include',
};

/** Everything an exporter reads. */
export interface ExportInput {
  document: TranscriptDocument;
  flags: readonly DocumentFlag[];
  options: ExportOptions;
}

/** What an exporter gives back: the file's content and anything the person should be told. */
export interface ExportOutput {
  /** Text formats return text (UTF-8 when written); DOCX returns bytes. */
  content: string | Uint8Array;
  /** e.g. "2 flagged passages are still open" — shown before or after writing. */
  warnings: string[];
}

/** Thrown when a document cannot be exported to a format (e.g. subtitles without timings). */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  txt: '.txt',
  md: '.md',
  html: '.html',
  docx: '.docx',
  srt: '.srt',
  vtt: '.vtt',
  json: '.json',
};
