/**
 * Splits each segment's text into plain runs and suggestion marks. Suggestion offsets index the
 * document's plain text (segments joined by a blank line), so each one is mapped into the segment
 * that holds it.
 */
import type { TranscriptDocument } from '../../../shared/document/model';
import { segmentOffsets } from '../../../shared/document/plain-text';
import type { Suggestion } from '../../../shared/engine/suggestion';

export type Run = { kind: 'text'; text: string } | { kind: 'mark'; text: string; suggestion: Suggestion };

/** One list of runs per segment, in segment order. Overlapping or out-of-range suggestions are skipped. */
export function segmentRuns(doc: TranscriptDocument, suggestions: readonly Suggestion[]): Run[][] {
  const offsets = segmentOffsets(doc);
  const bySegment: Suggestion[][] = doc.segments.map(() => []);
  for (const suggestion of suggestions) {
    const index = segmentIndexAt(offsets, suggestion.start);
    const segment = doc.segments[index];
    const start = offsets[index];
    if (segment === undefined || start === undefined) continue;
    if (suggestion.end <= suggestion.start || suggestion.end > start + segment.text.length) continue;
    bySegment[index]?.push(suggestion);
  }
  return doc.segments.map((segment, index) => {
    const base = offsets[index] ?? 0;
    const marks = (bySegment[index] ?? []).sort((a, b) => a.start - b.start || b.end - a.end);
    const runs: Run[] = [];
    let cursor = 0;
    for (const suggestion of marks) {
      const from = suggestion.start - base;
      const to = suggestion.end - base;
      if (from < cursor) continue;
      if (from > cursor) runs.push({ kind: 'text', text: segment.text.slice(cursor, from) });
      runs.push({ kind: 'mark', text: segment.text.slice(from, to), suggestion });
      cursor = to;
    }
    if (cursor < segment.text.length || runs.length === 0) {
      runs.push({ kind: 'text', text: segment.text.slice(cursor) });
    }
    return runs;
  });
}

/** The last segment starting at or before the offset (binary search over ascending offsets). */
function segmentIndexAt(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? 0) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
