/** Which words of a segment the recogniser was unsure of, as spans of the segment's text. */
import type { TranscriptWord } from '../../../shared/document/model';
import { wordSpans } from '../../../shared/document/realign-words';
import { alignedWords } from './document-bridge';
import type { Span } from './dom-ranges';

/** Below this a Whisper word probability is worth a second look; above it, shading is noise. */
export const LOW_CONFIDENCE = 0.5;

export function lowConfidenceSpans(words: readonly TranscriptWord[], text: string): Span[] {
  if (!words.some((word) => word.confidence !== undefined && word.confidence < LOW_CONFIDENCE)) return [];
  const aligned = alignedWords(words, text) ?? [];
  const spans = wordSpans(text);
  return spans.filter((_span, i) => {
    const confidence = aligned[i]?.confidence;
    return confidence !== undefined && confidence < LOW_CONFIDENCE;
  });
}
