/**
 * The transcript document: what every importer produces, what the editor edits and what every
 * exporter reads. Times are integer milliseconds from the start of the media, so subtitle
 * timings round-trip exactly.
 */

/** Every format Glossa can read; `glossa-json` is the lossless document itself. */
export const TRANSCRIPT_FORMATS = [
  'text',
  'speaker-text',
  'srt',
  'webvtt',
  'whisper-json',
  'whisperx-json',
  'whispercpp-json',
  'glossa-json',
] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs: number;
  /** Recognition confidence in 0..1, when the recogniser reports one. */
  confidence?: number;
}

export interface Segment {
  /** Stable within a document; never reused after a segment is deleted. */
  id: string;
  speaker?: string;
  startMs?: number;
  endMs?: number;
  text: string;
  words?: TranscriptWord[];
}

export interface TranscriptMetadata {
  title?: string;
  show?: string;
  /** ISO date (YYYY-MM-DD) when the source states one. */
  episodeDate?: string;
  description?: string;
  /** The file name the transcript was imported from. */
  sourceFile?: string;
  sourceFormat: TranscriptFormat;
  /** Path or name of the audio/video file the transcript belongs to. */
  mediaFile?: string;
  language?: string;
}

export const DOCUMENT_VERSION = 1;

export interface TranscriptDocument {
  version: typeof DOCUMENT_VERSION;
  metadata: TranscriptMetadata;
  segments: Segment[];
}

/** Segments are joined by a blank line in the document's plain text. */
export const SEGMENT_SEPARATOR = '\n\n';
