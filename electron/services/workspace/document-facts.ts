/**
 * What the workspace's document list shows about a document, read off the document itself, so
 * the store keeps these columns in step with the segments it saves.
 */
import type { Segment, TranscriptDocument, TranscriptFormat } from '../../../shared/document/model';

export const UNTITLED = 'Untitled transcript';

export interface DocumentFacts {
  title: string;
  sourceFile: string;
  sourceFormat: TranscriptFormat;
  wordCount: number;
  segmentCount: number;
}

export function documentFacts(document: TranscriptDocument): DocumentFacts {
  const { title, sourceFile, sourceFormat } = document.metadata;
  let wordCount = 0;
  for (const segment of document.segments) wordCount += segmentWordCount(segment);
  return {
    // A blank title names nothing; fall back as if there were none.
    title: title?.trim() || sourceFile?.trim() || UNTITLED,
    sourceFile: sourceFile ?? '',
    sourceFormat,
    wordCount,
    segmentCount: document.segments.length,
  };
}

/**
 * The words of one segment's text, counted as countWords (shared/document/plain-text.ts) counts
 * them, so a document's word count is the sum over its segments (the store keeps one per row).
 */
export function segmentWordCount(segment: Pick<Segment, 'text'>): number {
  return segment.text.match(/\S+/g)?.length ?? 0;
}
