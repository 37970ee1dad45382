/**
 * What the workspace's document list shows about a document, read off the document itself, so
 * the store keeps these columns in step with the JSON it saves.
 */
import type { TranscriptDocument, TranscriptFormat } from '../../../shared/document/model';
import { countWords } from '../../../shared/document/plain-text';

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
  return {
    // A blank title names nothing; fall back as if there were none.
    title: title?.trim() || sourceFile?.trim() || UNTITLED,
    sourceFile: sourceFile ?? '',
    sourceFormat,
    wordCount: countWords(document),
    segmentCount: document.segments.length,
  };
}
