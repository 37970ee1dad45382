/**
 * The engine speaks in offsets into the document's plain text; the editor in offsets into one
 * segment. This places each suggestion in the segment that holds it.
 */
import type { TranscriptDocument } from '../document/model';
import { segmentOffsets } from '../document/plain-text';
import type { Suggestion } from '../engine/suggestion';
import type { SegmentSuggestion } from './types';

export function toSegmentSuggestions(
  doc: TranscriptDocument,
  suggestions: readonly Suggestion[],
): SegmentSuggestion[] {
  const offsets = segmentOffsets(doc);
  const placed: SegmentSuggestion[] = [];
  let index = 0;
  // Suggestions come in document order, so one pass over the segments places them all.
  for (const suggestion of [...suggestions].sort((a, b) => a.start - b.start)) {
    while (index + 1 < offsets.length && (offsets[index + 1] ?? Infinity) <= suggestion.start) index++;
    const segment = doc.segments[index];
    const segmentStart = offsets[index];
    if (!segment || segmentStart === undefined) continue;
    const start = suggestion.start - segmentStart;
    const end = suggestion.end - segmentStart;
    // A suggestion never spans two segments (the blank line between them stops every match).
    if (start < 0 || end > segment.text.length) continue;
    placed.push({ ...suggestion, segmentId: segment.id, start, end });
  }
  return placed;
}
