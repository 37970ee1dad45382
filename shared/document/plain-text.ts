import { SEGMENT_SEPARATOR, type TranscriptDocument } from './model';

/** The document's plain text: the string that suggestion offsets index. */
export function documentPlainText(doc: TranscriptDocument): string {
  return doc.segments.map((segment) => segment.text).join(SEGMENT_SEPARATOR);
}

/** Where each segment starts in the plain text, in segment order. */
export function segmentOffsets(doc: TranscriptDocument): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const segment of doc.segments) {
    offsets.push(offset);
    offset += segment.text.length + SEGMENT_SEPARATOR.length;
  }
  return offsets;
}

export function countWords(doc: TranscriptDocument): number {
  let words = 0;
  for (const segment of doc.segments) {
    const matches = segment.text.match(/\S+/g);
    words += matches ? matches.length : 0;
  }
  return words;
}

/** 1-based line and column of an offset in a text, for messages a person reads. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
