/**
 * The header that podcast and news sites put above a transcript, e.g.
 *
 *   North Korea News Podcast by NK News - Examining evidence of …
 *   Episode Date: October 22, 2024North Korea has deployed troops …   (description glued on)
 *   Transcript
 *   Discussion (0)
 *
 * and the header `writeDocumentText` writes (same lines, description on its own line, then a
 * blank line). Recognised only when an "Episode Date:" line or a "Transcript" line is near the top.
 */
import type { ParsedTranscript } from './parsed';
import { MONTH_NAMES } from '../document/calendar';

export interface PodcastHeader {
  metadata: ParsedTranscript['metadata'];
  /** Index of the first body line. */
  bodyStart: number;
}

/** How far down the file the header's marker lines may be. */
const HEADER_SEARCH_LINES = 12;
/** Without a date line, only a few title/description lines may stand above "Transcript". */
const MAX_LINES_ABOVE_TRANSCRIPT_WITHOUT_DATE = 4;
const DATE_LINE = /^(?:Episode\s+)?Date:\s*/i;
const TRANSCRIPT_LINE = /^Transcript:?$/i;
const DISCUSSION_LINE = /^(?:Discussion|Comments)\s*\(\d+\)$/i;
/** Show and title are joined by " - " on the first line; a longer "show" is not a show name. */
const MAX_SHOW_NAME_CHARS = 80;

export function readPodcastHeader(lines: readonly string[]): PodcastHeader | undefined {
  const top = lines.slice(0, HEADER_SEARCH_LINES).map((line) => line.trim());
  const dateIndex = top.findIndex((line) => DATE_LINE.test(line));
  const transcriptIndex = top.findIndex((line) => TRANSCRIPT_LINE.test(line));
  if (dateIndex === -1 && transcriptIndex === -1) return undefined;
  if (dateIndex === -1 && transcriptIndex > MAX_LINES_ABOVE_TRANSCRIPT_WITHOUT_DATE) return undefined;

  // The header ends at the "Transcript" line, else at the first blank line after the date.
  let headerEnd = transcriptIndex;
  if (headerEnd === -1) {
    const blank = top.findIndex((line, i) => i > dateIndex && line === '');
    headerEnd = blank === -1 ? dateIndex + 1 : blank;
  }
  if (dateIndex > headerEnd) return undefined;

  const metadata: ParsedTranscript['metadata'] = {};
  const descriptionParts: string[] = [];
  const headerLines = top.slice(0, headerEnd);
  const titleIndex = headerLines.findIndex((line) => line !== '');
  headerLines.forEach((line, i) => {
    if (line === '') return;
    if (i === dateIndex) {
      const { isoDate, rest } = splitDate(line.replace(DATE_LINE, ''));
      if (isoDate) metadata.episodeDate = isoDate;
      if (rest) descriptionParts.push(rest);
    } else if (i === titleIndex && i !== dateIndex) {
      Object.assign(metadata, splitShowAndTitle(line));
    } else {
      descriptionParts.push(line);
    }
  });
  if (descriptionParts.length > 0) metadata.description = descriptionParts.join(' ');

  let bodyStart = headerEnd + (transcriptIndex === -1 ? 0 : 1);
  const isSkippable = (line: string) => line === '' || DISCUSSION_LINE.test(line);
  while (bodyStart < lines.length && isSkippable(lines[bodyStart]?.trim() ?? '')) bodyStart++;
  return { metadata, bodyStart };
}

/** "Show Name - Episode title" → show and title; a line without " - " is the title. */
export function splitShowAndTitle(line: string): { show?: string; title: string } {
  const separator = line.indexOf(' - ');
  const show = line.slice(0, separator).trim();
  const title = line.slice(separator + 3).trim();
  if (separator <= 0 || show.length > MAX_SHOW_NAME_CHARS || title === '') return { title: line };
  return { show, title };
}

/**
 * Reads a date at the start of the text and returns the text after it (where sites glue the
 * description on without a space). Accepts "October 22, 2024", "Oct 22 2024", "22 October 2024"
 * and "2024-10-22".
 */
export function splitDate(text: string): { isoDate?: string; rest: string } {
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  let parts: { year: string; month: number; day: string; length: number } | undefined;
  if (monthFirst) {
    const [whole, month = '', day = '', year = ''] = monthFirst;
    parts = { year, month: monthNumber(month), day, length: whole.length };
  } else if (dayFirst) {
    const [whole, day = '', month = '', year = ''] = dayFirst;
    parts = { year, month: monthNumber(month), day, length: whole.length };
  } else if (iso) {
    const [whole, year = '', month = '', day = ''] = iso;
    parts = { year, month: Number(month), day, length: whole.length };
  }
  if (!parts) return { rest: text.trim() };
  const isoDate = toIsoDate(Number(parts.year), parts.month, Number(parts.day));
  if (!isoDate) return { rest: text.trim() };
  return { isoDate, rest: text.slice(parts.length).trim() };
}

/** 1..12 for a month name or its 3+ letter abbreviation, 0 otherwise. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTH_NAMES.findIndex((month) => month.startsWith(lower)) + 1;
}

function toIsoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2024-10-22" → "October 22, 2024", the way the header is written back out. */
export function formatHeaderDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = MONTH_NAMES[Number(match?.[2]) - 1];
  if (!match || !month) return isoDate;
  return `${month[0]?.toUpperCase()}${month.slice(1)} ${Number(match[3])}, ${match[1]}`;
}
