/**
 * Insert timestamp: the playback position becomes the start of the segment at the caret. At the
 * start of a segment (or in an empty one) that segment is re-timed; elsewhere the segment is split
 * there exactly as Enter splits it, and the new second segment gets the time. Times never run
 * backwards: a time before the previous timestamp or after the next one is refused.
 */
import { $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { segmentTimes } from '../../../../shared/document/realign-words';
import { alignedWords } from '../../editor/document-bridge';
import { $isSegmentNode, type SegmentNode } from '../../editor/nodes';
import { formatShortClock } from '../../../../shared/formats/timecode';
import { $segmentPlace } from '../../editor/segment-text';

export type TimestampResult =
  { ok: true; segmentId: string; split: boolean; message: string } | { ok: false; message: string };

const refuse = (message: string): TimestampResult => ({ ok: false, message });

/** Inside an update: puts `ms` (whole milliseconds) at the caret. Changes nothing when it refuses. */
export function $insertTimestamp(ms: number): TimestampResult {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return refuse('Put the caret in the transcript first.');
  const point = selection.isBackward() ? selection.focus : selection.anchor;
  const place = $segmentPlace(point);
  if (!place) return refuse('Put the caret in the transcript first.');
  const { segment, offset } = place;
  const text = segment.getTextContent();
  if (wordTimed(segment)) {
    return refuse('This segment is timed by its words; its time cannot be set by hand.');
  }
  const atStart = text.slice(0, offset).trim() === '';

  // The neighbours that bound the new time: for a split, the segment itself comes before it.
  const previous = $knownStartBefore(atStart ? segment.getPreviousSibling() : segment);
  const next = $knownStartAfter(segment.getNextSibling());
  const clock = formatShortClock(ms);
  if (previous && ms < previous.startMs) {
    return refuse(
      `${clock} is before the previous timestamp (${formatShortClock(previous.startMs)}): times cannot run backwards.`,
    );
  }
  if (next && ms > next.startMs) {
    return refuse(
      `${clock} is after the next timestamp (${formatShortClock(next.startMs)}): times cannot run backwards.`,
    );
  }

  const oldEnd = segment.getEndMs();
  let target: SegmentNode = segment;
  if (!atStart) {
    // Collapse a range to its start first: the timestamp splits, it never deletes text.
    selection.anchor.set(point.key, point.offset, point.type);
    selection.focus.set(point.key, point.offset, point.type);
    // The same split as Enter (RangeSelection.insertParagraph → SegmentNode.insertNewAfter).
    const created = selection.insertParagraph();
    if (!$isSegmentNode(created)) return refuse('The segment could not be split here.');
    target = created;
  }
  target.setTimes(ms, oldEnd !== undefined && oldEnd > ms ? oldEnd : undefined);

  // The previous hand-timed segment ends where this one starts, unless it already ends earlier.
  const before = $knownStartBefore(target.getPreviousSibling());
  if (before && !wordTimed(before.node)) {
    const end = before.node.getEndMs();
    if (end === undefined || end > ms) before.node.setTimes(before.node.getStartMs(), ms);
  }

  return {
    ok: true,
    segmentId: target.getSegmentId(),
    split: !atStart,
    message: `Timestamp ${clock} set.`,
  };
}

function wordTimed(node: SegmentNode): boolean {
  return (alignedWords(node.getWords(), node.getTextContent())?.length ?? 0) > 0;
}

/** A segment's start as saved: its words' start, else its own; undefined when it has none. */
export function $knownStart(node: SegmentNode): number | undefined {
  const words = alignedWords(node.getWords(), node.getTextContent());
  return (words && segmentTimes(words)?.startMs) ?? node.getStartMs();
}

interface Known {
  node: SegmentNode;
  startMs: number;
}

/** The nearest segment at or before `from` that has a start. */
function $knownStartBefore(from: LexicalNode | null): Known | null {
  for (let node = from; node; node = node.getPreviousSibling()) {
    if (!$isSegmentNode(node)) continue;
    const startMs = $knownStart(node);
    if (startMs !== undefined) return { node, startMs };
  }
  return null;
}

/** The nearest segment at or after `from` that has a start. */
function $knownStartAfter(from: LexicalNode | null): Known | null {
  for (let node = from; node; node = node.getNextSibling()) {
    if (!$isSegmentNode(node)) continue;
    const startMs = $knownStart(node);
    if (startMs !== undefined) return { node, startMs };
  }
  return null;
}
