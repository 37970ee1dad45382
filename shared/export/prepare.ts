/**
 * What the text exporters (txt, md, html) share: the document as paragraphs of kept, cleaned
 * segments, and the warnings. Formats only lay the paragraphs out.
 */
import { formatShortClock } from '../formats/timecode';
import type { Segment, TranscriptMetadata } from '../document/model';
import type { DocumentFlag } from '../workspace/types';
import { cleanVerbatim, fillersFor } from './clean-verbatim';
import type { ExportInput } from './options';

export interface ExportSegment {
  id: string;
  startMs?: number;
  endMs?: number;
  text: string;
}

/** One speaker turn: consecutive segments of the same speaker. */
export interface ExportParagraph {
  speaker?: string;
  /** The first segment's start. */
  startMs?: number;
  segments: ExportSegment[];
}

export interface PreparedExport {
  paragraphs: ExportParagraph[];
  warnings: string[];
}

/**
 * Segments → paragraphs. Open flags are cut out when options.flaggedPassages is 'drop' (resolved
 * flags were checked, so their passages stay); clean verbatim runs after that; segments left
 * empty are skipped. Segments without a speaker are a paragraph each: a speakerless transcript's
 * segments are its paragraphs, and merging them would make one wall of text.
 */
export function prepareExport(input: ExportInput): PreparedExport {
  const { document, options } = input;
  const segmentIds = new Set(document.segments.map((segment) => segment.id));
  const openFlags = input.flags.filter((flag) => flag.resolvedAt === null && segmentIds.has(flag.segmentId));
  const dropping = options.flaggedPassages === 'drop';
  const fillers = options.fillers ?? fillersFor(document.metadata.language);

  const paragraphs: ExportParagraph[] = [];
  for (const segment of document.segments) {
    let text = segment.text;
    if (dropping)
      text = cutSpans(
        text,
        openFlags.filter((flag) => flag.segmentId === segment.id),
      );
    if (options.cleanVerbatim) text = cleanVerbatim(text, fillers);
    text = text.trim();
    if (text === '') continue;
    addSegment(paragraphs, segment, text);
  }
  return { paragraphs, warnings: openFlags.length > 0 ? [openFlagsWarning(openFlags.length, dropping)] : [] };
}

function addSegment(paragraphs: ExportParagraph[], segment: Segment, text: string): void {
  const exported: ExportSegment = { id: segment.id, text };
  if (segment.startMs !== undefined) exported.startMs = segment.startMs;
  if (segment.endMs !== undefined) exported.endMs = segment.endMs;
  const last = paragraphs.at(-1);
  if (last && segment.speaker !== undefined && last.speaker === segment.speaker) {
    last.segments.push(exported);
    return;
  }
  const paragraph: ExportParagraph = { segments: [exported] };
  if (segment.speaker !== undefined) paragraph.speaker = segment.speaker;
  if (segment.startMs !== undefined) paragraph.startMs = segment.startMs;
  paragraphs.push(paragraph);
}

/** "1 flagged passage is still open", "2 flagged passages are still open", and whether they were cut. */
export function openFlagsWarning(count: number, dropped: boolean): string {
  const base = count === 1 ? '1 flagged passage is still open' : `${count} flagged passages are still open`;
  return dropped ? `${base}; left out of this export` : base;
}

/** The text without the flagged spans (offsets clamped, overlaps merged), spaces tidied at the cuts. */
export function cutSpans(text: string, flags: readonly Pick<DocumentFlag, 'start' | 'end'>[]): string {
  const spans = flags
    .map((flag) => ({ start: clamp(flag.start, text.length), end: clamp(flag.end, text.length) }))
    .filter((span) => span.start < span.end)
    .sort((a, b) => a.start - b.start);
  if (spans.length === 0) return text;
  let result = '';
  let position = 0;
  for (const span of spans) {
    if (span.start > position) result += `${text.slice(position, span.start)}\uE000`;
    position = Math.max(position, span.end);
  }
  result += text.slice(position);
  // U+E000 (private use) marks a cut: spaces around it become one, and none before punctuation.
  return result
    .replace(/[ \t]*\uE000[ \t]*(?=[,.;:!?…])/g, '')
    .replace(/[ \t]*\uE000[ \t]*/g, ' ')
    .replace(/^[\s,;:]+/, '')
    .trim();
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

/** 0:07, 12:34, 1:02:03, as the editor shows times. */
export const formatTimestamp = formatShortClock;

/** A segment's text on one line: line breaks inside a segment are layout, not paragraphs. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The metadata header's labelled lines, in order; the title and description are laid out apart. */
export function metadataFields(metadata: TranscriptMetadata): Array<{ label: string; value: string }> {
  const fields: Array<{ label: string; value: string | undefined }> = [
    { label: 'Show', value: metadata.show },
    { label: 'Date', value: metadata.episodeDate },
    { label: 'Source', value: metadata.sourceFile },
  ];
  return fields.flatMap(({ label, value }) => (value?.trim() ? [{ label, value: value.trim() }] : []));
}
