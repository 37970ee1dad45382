import type { Segment, TranscriptMetadata } from '../document/model';

/** A segment as a parser produces it; `importTranscript` numbers the segments afterwards. */
export type ParsedSegment = Omit<Segment, 'id'>;

/** What every format parser returns: what it learned about the transcript, and its segments. */
export interface ParsedTranscript {
  metadata: Omit<TranscriptMetadata, 'sourceFormat' | 'sourceFile'>;
  segments: ParsedSegment[];
}
