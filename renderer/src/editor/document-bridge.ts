/**
 * The transcript document ↔ the editor state. Loading makes one SegmentNode per segment holding a
 * single text node; reading re-aligns each segment's recognised words with its text, so timings
 * and confidences survive edits.
 */
import { $createTextNode, $getRoot } from 'lexical';
import type { Segment, TranscriptDocument, TranscriptWord } from '../../../shared/document/model';
import { realignWords, segmentTimes } from '../../../shared/document/realign-words';
import { $createSegmentNode, $isSegmentNode, type SegmentNode } from './nodes';

export function $loadDocument(doc: TranscriptDocument): void {
  const root = $getRoot();
  root.clear();
  const nodes = doc.segments.map((segment) => {
    const node = $createSegmentNode({
      segmentId: segment.id,
      speaker: segment.speaker,
      startMs: segment.startMs,
      endMs: segment.endMs,
      words: segment.words ?? [],
    });
    if (segment.text !== '') node.append($createTextNode(segment.text));
    return node;
  });
  root.append(...nodes);
}

export function $segmentNodes(): SegmentNode[] {
  return $getRoot().getChildren().filter($isSegmentNode);
}

/** The document as the editor holds it now; call inside `editor.read()` or `editorState.read()`. */
export function $readDocument(metadata: TranscriptDocument['metadata']): TranscriptDocument {
  return { version: 1, metadata, segments: $segmentNodes().map($readSegment) };
}

export function $readSegment(node: SegmentNode): Segment {
  const text = node.getTextContent();
  const words = alignedWords(node.getWords(), text);
  const times = words ? segmentTimes(words) : null;
  const startMs = times?.startMs ?? node.getStartMs();
  const endMs = times?.endMs ?? node.getEndMs();
  const speaker = node.getSpeaker();
  return {
    id: node.getSegmentId(),
    ...(speaker !== undefined && { speaker }),
    ...(startMs !== undefined && { startMs }),
    ...(endMs !== undefined && { endMs }),
    text,
    ...(words && { words }),
  };
}

// Saving runs every second while someone types; only the segments whose text changed since the
// last save need a new alignment, so the last one is remembered per words array.
const alignmentCache = new WeakMap<readonly TranscriptWord[], { text: string; words: TranscriptWord[] }>();

export function alignedWords(words: readonly TranscriptWord[], text: string): TranscriptWord[] | undefined {
  if (words.length === 0) return undefined;
  const cached = alignmentCache.get(words);
  if (cached && cached.text === text) return cached.words;
  const aligned = realignWords(words, text);
  alignmentCache.set(words, { text, words: aligned });
  return aligned;
}
