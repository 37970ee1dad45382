/**
 * Text with speaker blocks, as transcript services export it. Recognised header lines:
 *
 *   Anton Sokolin  0:01:23          name, two or more spaces (or a tab), H:MM:SS or MM:SS;
 *                                   the paragraphs follow on the next lines
 *   [00:01:23] Anton Sokolin: text  time in brackets, name, colon, text (more lines may follow)
 *   Anton Sokolin (00:01:23): text  name, time in parentheses or brackets, colon, text
 *
 * A block's time becomes its first segment's startMs; the next block's time is its endMs.
 */
import type { ParsedSegment, ParsedTranscript } from './parsed';
import { paragraphsFromLines } from './paragraphs';
import { readPodcastHeader } from './podcast-header';
import { parseClock } from './timecode';

export interface SpeakerHeader {
  speaker: string;
  startMs: number;
  /** Text on the header line itself, after the colon. */
  text: string;
}

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const NAME_THEN_TIME = new RegExp(String.raw`^(\S.{0,59}?)(?: {2,}|\t+)(${CLOCK})\s*$`);
const TIME_THEN_NAME = new RegExp(String.raw`^\[(${CLOCK})\]\s*([^\s:\[\]][^:\[\]]{0,59}?)\s*:(?:\s+(.*))?$`);
const NAME_TIME_COLON = new RegExp(
  String.raw`^([^\s:()\[\]][^:()\[\]]{0,59}?)\s*[(\[](${CLOCK})[)\]]:(?:\s+(.*))?$`,
);

/** How many non-empty lines may come before the first speaker header (a page header, a title). */
const MAX_LINES_BEFORE_FIRST_HEADER = 10;

/** Reads a speaker header line, or returns undefined when the line is ordinary text. */
export function readSpeakerHeader(line: string): SpeakerHeader | undefined {
  const trimmed = line.trim();
  let match = NAME_THEN_TIME.exec(trimmed);
  if (match) return header(match[1], match[2], '');
  match = TIME_THEN_NAME.exec(trimmed);
  if (match) return header(match[2], match[1], match[3]);
  match = NAME_TIME_COLON.exec(trimmed);
  if (match) return header(match[1], match[2], match[3]);
  return undefined;
}

function header(
  name: string | undefined,
  clock: string | undefined,
  text: string | undefined,
): SpeakerHeader | undefined {
  const startMs = parseClock(clock ?? '');
  const speaker = name?.trim();
  // A "name" made of digits and punctuation is a number in a sentence, not a speaker.
  if (startMs === undefined || !speaker || !/\p{L}/u.test(speaker)) return undefined;
  return { speaker, startMs, text: text?.trim() ?? '' };
}

/** True when the text is laid out as speaker blocks (used by format detection). */
export function looksLikeSpeakerText(lines: readonly string[]): boolean {
  let nonEmptySeen = 0;
  let headers = 0;
  let firstHeaderAt = -1;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (readSpeakerHeader(line)) {
      if (firstHeaderAt === -1) firstHeaderAt = nonEmptySeen;
      headers++;
      if (headers >= 2) break;
    }
    nonEmptySeen++;
    if (firstHeaderAt === -1 && nonEmptySeen > MAX_LINES_BEFORE_FIRST_HEADER) return false;
  }
  return firstHeaderAt === 0 || (firstHeaderAt !== -1 && headers >= 2);
}

export function parseSpeakerText(text: string): ParsedTranscript {
  const lines = text.split('\n');
  const firstHeader = lines.findIndex((line) => readSpeakerHeader(line) !== undefined);
  const before = firstHeader === -1 ? lines : lines.slice(0, firstHeader);

  // Lines above the first speaker: a page header, or untimed text that must not be lost.
  const pageHeader = readPodcastHeader(before);
  const segments: ParsedSegment[] = paragraphsFromLines(
    pageHeader ? before.slice(pageHeader.bodyStart) : before,
  ).map((paragraph) => ({ text: paragraph }));

  const blocks = readBlocks(firstHeader === -1 ? [] : lines.slice(firstHeader));
  blocks.forEach((block, i) => {
    const paragraphs = paragraphsFromLines([block.header.text, ...block.lines]);
    const nextStart = blocks[i + 1]?.header.startMs;
    paragraphs.forEach((paragraph, p) => {
      const segment: ParsedSegment = { speaker: block.header.speaker, text: paragraph };
      if (p === 0) segment.startMs = block.header.startMs;
      if (p === paragraphs.length - 1 && nextStart !== undefined && nextStart >= block.header.startMs) {
        segment.endMs = nextStart;
      }
      segments.push(segment);
    });
  });
  return { metadata: pageHeader?.metadata ?? {}, segments };
}

function readBlocks(lines: readonly string[]): Array<{ header: SpeakerHeader; lines: string[] }> {
  const blocks: Array<{ header: SpeakerHeader; lines: string[] }> = [];
  for (const line of lines) {
    const header = readSpeakerHeader(line);
    if (header) {
      blocks.push({ header, lines: [] });
    } else {
      blocks[blocks.length - 1]?.lines.push(line);
    }
  }
  return blocks;
}
