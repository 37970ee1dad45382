/**
 * DOCX export: a real Word document built with the `docx` library. Title and metadata at the top,
 * one paragraph per speaker turn (speaker in bold, timestamps small and grey), and every flagged
 * passage as a Word comment anchored on exactly its text. Node side: the bytes come from
 * Packer.toBuffer.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { Segment } from '../../../shared/document/model';
import { cleanVerbatim, fillersFor } from '../../../shared/export/clean-verbatim';
import type { ExportInput, ExportOptions, ExportOutput } from '../../../shared/export/options';
import { formatTimestamp } from '../../../shared/export/prepare';
import type { DocumentFlag } from '../../../shared/workspace/types';

/** The author Word shows on every comment. */
export const DOCX_COMMENT_AUTHOR = 'Glossa';
const COMMENT_INITIALS = 'G';
const RESOLVED_PREFIX = 'Resolved: ';
const EMPTY_COMMENT = 'Flagged for checking';

/** Timestamps and the metadata lines: smaller (half-points) and lighter than the text. */
const TIMESTAMP_COLOR = '808080';
const TIMESTAMP_SIZE = 18;
const METADATA_COLOR = '595959';
const METADATA_SIZE = 20;
const UNTITLED = 'Transcript';

/** A flag placed in its segment: offsets clamped to the text, and the comment id it gets. */
interface PlacedFlag {
  flag: DocumentFlag;
  start: number;
  end: number;
  commentId: number;
}

interface Turn {
  speaker: string | undefined;
  segments: Segment[];
}

export async function exportDocx(input: ExportInput): Promise<ExportOutput> {
  const { document, options } = input;
  const warnings: string[] = [];
  const segmentIds = new Set(document.segments.map((segment) => segment.id));
  const flagsBySegment = placeFlags(input.flags, document.segments, warnings);

  const dropping = options.flaggedPassages === 'drop';
  const clean = textCleaner(options, document.metadata.language);
  const comments: ICommentOptions[] = [];
  const body: Paragraph[] = [];

  for (const turn of speakerTurns(document.segments)) {
    const children: ParagraphChild[] = [];
    let first = true;
    for (const segment of turn.segments) {
      const placed = flagsBySegment.get(segment.id) ?? [];
      const dropped = dropping ? placed.filter((p) => p.flag.resolvedAt === null) : [];
      const commented = placed.filter((p) => !dropped.includes(p));
      const pieces = keptPieces(segment.text, dropped);
      if (pieces.every((piece) => clean(piece.text).trim() === '')) continue;

      if (first && (options.speakers || options.timestamps === 'paragraph')) {
        children.push(...turnLabel(turn, segment, options.speakers, options.timestamps === 'paragraph'));
      }
      if (!first) children.push(new TextRun(' '));
      if (options.timestamps === 'segment' && segment.startMs !== undefined) {
        children.push(timestampRun(`[${formatTimestamp(segment.startMs)}] `));
      }
      children.push(...segmentRuns(pieces, commented, comments, clean));
      first = false;
    }
    if (!first) body.push(new Paragraph({ children }));
  }

  const openFlags = input.flags.filter((f) => f.resolvedAt === null && segmentIds.has(f.segmentId));
  if (openFlags.length > 0) {
    const count = `${openFlags.length} flagged passage${openFlags.length === 1 ? '' : 's'}`;
    warnings.push(
      dropping
        ? `${count} left out of the export`
        : `${count} ${openFlags.length === 1 ? 'is' : 'are'} still open`,
    );
  }

  const { metadata } = document;
  const title = metadata.title ?? metadata.sourceFile ?? UNTITLED;
  const doc = new Document({
    creator: DOCX_COMMENT_AUTHOR,
    title,
    ...(metadata.description !== undefined ? { description: metadata.description } : {}),
    styles: {
      default: {
        document: {
          run: metadata.language !== undefined ? { language: { value: metadata.language } } : {},
        },
      },
    },
    comments: { children: comments },
    sections: [{ children: [...(options.metadataHeader ? header(input) : []), ...body] }],
  });
  const buffer = await Packer.toBuffer(doc);
  return { content: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), warnings };
}

/** Consecutive segments of the same speaker make one paragraph. */
function speakerTurns(segments: readonly Segment[]): Turn[] {
  const turns: Turn[] = [];
  for (const segment of segments) {
    const last = turns[turns.length - 1];
    if (last !== undefined && last.speaker === segment.speaker) last.segments.push(segment);
    else turns.push({ speaker: segment.speaker, segments: [segment] });
  }
  return turns;
}

/**
 * Flags by segment, in text order, with comment ids numbered in document order. A flag whose
 * segment is gone is left out (with a warning); offsets past the text are clamped to it.
 */
function placeFlags(
  flags: readonly DocumentFlag[],
  segments: readonly Segment[],
  warnings: string[],
): Map<string, PlacedFlag[]> {
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const textLength = new Map(segments.map((segment) => [segment.id, segment.text.length]));
  let missing = 0;
  const sorted = flags
    .filter((flag) => {
      if (order.has(flag.segmentId)) return true;
      missing += 1;
      return false;
    })
    .sort(
      (a, b) =>
        (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start || a.end - b.end,
    );
  if (missing > 0) {
    warnings.push(
      `${missing} flag${missing === 1 ? ' is' : 's are'} on text no longer in the document and ${missing === 1 ? 'was' : 'were'} left out`,
    );
  }

  const bySegment = new Map<string, PlacedFlag[]>();
  let nextId = 0;
  for (const flag of sorted) {
    const length = textLength.get(flag.segmentId) ?? 0;
    const start = clamp(flag.start, 0, length);
    const end = clamp(flag.end, 0, length);
    if (start >= end) continue;
    const list = bySegment.get(flag.segmentId) ?? [];
    list.push({ flag, start, end, commentId: nextId });
    nextId += 1;
    bySegment.set(flag.segmentId, list);
  }
  return bySegment;
}

/** A stretch of a segment's text that is exported, with its offset in the segment. */
interface Piece {
  offset: number;
  text: string;
}

/**
 * The segment's text without the dropped passages. Where a cut leaves a space on both sides, one
 * of them goes.
 */
function keptPieces(text: string, dropped: readonly PlacedFlag[]): Piece[] {
  if (dropped.length === 0) return [{ offset: 0, text }];
  const cuts = mergeRanges(dropped.map((p) => [p.start, p.end] as const));
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    if (start > at) pieces.push({ offset: at, text: text.slice(at, start) });
    at = end;
  }
  if (at < text.length) pieces.push({ offset: at, text: text.slice(at) });

  // Tidy the joins: no doubled space, no space before punctuation, none at the edges.
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i];
    if (piece === undefined) continue;
    const previous = pieces[i - 1];
    const trimmed =
      previous === undefined || /\s$/.test(previous.text) || /^\s+[.,;:!?)]/.test(piece.text)
        ? piece.text.replace(/^\s+/, '')
        : piece.text;
    piece.offset += piece.text.length - trimmed.length;
    piece.text = trimmed;
  }
  const last = pieces[pieces.length - 1];
  if (last !== undefined) last.text = last.text.replace(/\s+$/, '');
  return pieces.filter((piece) => piece.text.length > 0);
}

function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The runs of one segment, split wherever a comment starts or ends. Word allows comment ranges to
 * overlap, so overlapping flags each keep their own exact range. A flag only partly inside the
 * kept text (a dropped passage cut into it) is anchored on what is left of it.
 */
function segmentRuns(
  pieces: readonly Piece[],
  flags: readonly PlacedFlag[],
  comments: ICommentOptions[],
  clean: (text: string) => string,
): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const open = new Set<PlacedFlag>();
  const done = new Set<PlacedFlag>();
  for (const piece of pieces) {
    const pieceEnd = piece.offset + piece.text.length;
    const points = new Set<number>([piece.offset, pieceEnd]);
    for (const p of flags) {
      if (p.start > piece.offset && p.start < pieceEnd) points.add(p.start);
      if (p.end > piece.offset && p.end < pieceEnd) points.add(p.end);
    }
    const sortedPoints = [...points].sort((a, b) => a - b);
    for (let i = 0; i < sortedPoints.length; i += 1) {
      const at = sortedPoints[i] ?? 0;
      for (const p of flags) {
        if (open.has(p) && p.end <= at) {
          children.push(...closeComment(p, comments));
          open.delete(p);
          done.add(p);
        }
      }
      const next = sortedPoints[i + 1];
      if (next === undefined) break;
      for (const p of flags) {
        if (!open.has(p) && !done.has(p) && p.start <= at && p.end > at) {
          children.push(new CommentRangeStart(p.commentId));
          open.add(p);
        }
      }
      children.push(...textRuns(clean(piece.text.slice(at - piece.offset, next - piece.offset))));
    }
  }
  for (const p of open) children.push(...closeComment(p, comments));
  return children;
}

function closeComment(placed: PlacedFlag, comments: ICommentOptions[]): ParagraphChild[] {
  const { flag, commentId } = placed;
  const text = (flag.comment.trim() === '' ? EMPTY_COMMENT : flag.comment.trim()).split(/\r?\n/);
  if (flag.resolvedAt !== null) text[0] = RESOLVED_PREFIX + (text[0] ?? '');
  const date = new Date(flag.createdAt);
  comments.push({
    id: commentId,
    author: DOCX_COMMENT_AUTHOR,
    initials: COMMENT_INITIALS,
    ...(Number.isNaN(date.getTime()) ? {} : { date }),
    children: text.map((line) => new Paragraph({ children: textRuns(line) })),
  });
  return [new CommentRangeEnd(commentId), new TextRun({ children: [new CommentReference(commentId)] })];
}

/** Text as runs: a line break inside a segment stays a line break; XML-invalid characters go. */
function textRuns(text: string, style: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  const clean = text.replace(/\t/g, ' ').replace(INVALID_XML_CHARS, '');
  return clean
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...style }));
}

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Clean verbatim, applied to each run of text on its own (a run ends where a comment starts or
 * ends, so the comments stay on exactly their words). The whitespace around a run is kept.
 */
function textCleaner(options: ExportOptions, language: string | undefined): (text: string) => string {
  if (!options.cleanVerbatim) return (text) => text;
  const fillers = options.fillers ?? fillersFor(language);
  return (text) => {
    const lead = /^\s*/.exec(text)?.[0] ?? '';
    const trail = text.trim() === '' ? '' : (/\s*$/.exec(text)?.[0] ?? '');
    const inner = cleanVerbatim(text, fillers);
    return inner === '' ? lead : lead + inner + trail;
  };
}

/** The start of a paragraph: the speaker in bold and/or the turn's time, then a line break. */
function turnLabel(
  turn: Turn,
  firstSegment: Segment,
  withSpeaker: boolean,
  withTime: boolean,
): ParagraphChild[] {
  const label: ParagraphChild[] = [];
  const speaker = withSpeaker ? turn.speaker?.trim() : undefined;
  if (speaker !== undefined && speaker !== '') label.push(...textRuns(speaker, { bold: true }));
  const startMs = firstSegment.startMs;
  if (withTime && startMs !== undefined) {
    label.push(timestampRun(`${label.length > 0 ? '  ' : ''}${formatTimestamp(startMs)}`));
  }
  if (label.length > 0) label.push(new TextRun({ break: 1 }));
  return label;
}

function timestampRun(text: string): TextRun {
  return new TextRun({ text, color: TIMESTAMP_COLOR, size: TIMESTAMP_SIZE });
}

/** Title (Word's Title style), then show, date and source in a small grey style. */
function header(input: ExportInput): Paragraph[] {
  const { metadata } = input.document;
  const title = metadata.title ?? metadata.sourceFile ?? UNTITLED;
  const lines: string[] = [];
  if (metadata.show !== undefined && metadata.show.trim() !== '') lines.push(metadata.show.trim());
  if (metadata.episodeDate !== undefined) lines.push(metadata.episodeDate);
  if (metadata.sourceFile !== undefined) lines.push(`Source: ${metadata.sourceFile}`);
  if (metadata.mediaFile !== undefined) lines.push(`Media: ${metadata.mediaFile}`);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(title) }),
    ...lines.map(
      (line) =>
        new Paragraph({
          children: textRuns(line, { color: METADATA_COLOR, size: METADATA_SIZE }),
        }),
    ),
    ...(lines.length > 0 ? [new Paragraph({})] : []),
  ];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
