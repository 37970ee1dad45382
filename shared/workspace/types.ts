/**
 * What the workspace keeps for each transcript a person works on: the document as it is now, its
 * fact-checking flags and where the person was. Shared by the workspace store (Node side), the
 * API contract and the editor.
 */
import type { TranscriptDocument, TranscriptFormat } from '../document/model';
import type { Suggestion } from '../engine/suggestion';

/** One line of the start screen's "recent documents" list. */
export interface DocumentSummary {
  /** UUID. */
  id: string;
  title: string;
  sourceFile: string;
  sourceFormat: TranscriptFormat;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** Suggestions the person has neither accepted nor rejected, as of the last save. */
  openSuggestionCount: number;
  wordCount: number;
  segmentCount: number;
}

/** Where the person was, so reopening returns to the same place. */
export interface ViewState {
  /** The segment holding the caret; null when the caret was nowhere. */
  segmentId: string | null;
  /** Caret offset in that segment's text. */
  offset: number;
  /** The editor's vertical scroll position in CSS pixels. */
  scrollTop: number;
}

/** A passage flagged for fact-checking: garbled speech, a claim to verify. */
export interface DocumentFlag {
  /** UUID. */
  id: string;
  segmentId: string;
  /** Offsets in the segment's text; start < end. */
  start: number;
  end: number;
  /** The flagged text when it was flagged. */
  quote: string;
  comment: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null while the flag is open. */
  resolvedAt: string | null;
}

/** A suggestion placed in one segment: offsets are into that segment's text. */
export interface SegmentSuggestion extends Suggestion {
  segmentId: string;
}

/** A document opened from the workspace (or just imported into it). */
export interface OpenedDocument {
  documentId: string;
  document: TranscriptDocument;
  /** The engine's suggestions for the document as it is now, in document order. */
  suggestions: SegmentSuggestion[];
  flags: DocumentFlag[];
  /** Null for a document never saved with a view state (e.g. just imported). */
  viewState: ViewState | null;
}

/** What saving returned. */
export interface SaveResult {
  /** ISO 8601. */
  savedAt: string;
}

/**
 * The recording a document was made from, as the workspace remembers it: a file on this
 * computer, linked by path (never copied, except that browser mode keeps a copy of a file it
 * was given by upload). Checked against the disk every time the document opens.
 */
export interface MediaLink {
  documentId: string;
  /** Absolute path of the audio or video file. */
  path: string;
  /** The file's name as the person knows it (base name of the path, or the uploaded file's name). */
  name: string;
  /** Size in bytes and modification time when linked; a change means the file was replaced. */
  size: number;
  mtimeMs: number;
  /** ISO 8601. */
  attachedAt: string;
}
