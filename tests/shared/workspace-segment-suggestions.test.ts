import { describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../shared/document/model';
import { documentPlainText } from '../../shared/document/plain-text';
import type { Suggestion } from '../../shared/engine/suggestion';
import { toSegmentSuggestions } from '../../shared/workspace/segment-suggestions';

const doc: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'text' },
  segments: [
    { id: 'a', text: 'We spoke to Marco Ruta.' },
    { id: 'b', text: '' },
    { id: 'c', text: 'The NAS said so, said Marco Ruta.' },
  ],
};

function suggestionAt(text: string, from = 0): Suggestion {
  const start = documentPlainText(doc).indexOf(text, from);
  return {
    start,
    end: start + text.length,
    text,
    replacement: 'X',
    score: 0.9,
    reason: 'sound',
    termId: 't',
    alternatives: [],
  };
}

describe('toSegmentSuggestions', () => {
  it('places each suggestion in its segment with offsets into that segment', () => {
    const plain = documentPlainText(doc);
    const second = plain.indexOf('Marco Ruta', 20);
    const placed = toSegmentSuggestions(doc, [
      suggestionAt('Marco Ruta', second),
      suggestionAt('Marco Ruta'),
      suggestionAt('NAS'),
    ]);
    expect(placed.map((s) => [s.segmentId, s.start, s.end])).toEqual([
      ['a', 12, 22],
      ['c', 4, 7],
      ['c', 22, 32],
    ]);
    for (const s of placed) {
      const segment = doc.segments.find((seg) => seg.id === s.segmentId);
      expect(segment?.text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
