/**
 * Plain text: an optional podcast-page header (title, show, date, description) and then the body,
 * rebuilt into paragraphs. Each paragraph becomes one segment, without speaker or times.
 */
import type { ParsedTranscript } from './parsed';
import { paragraphsFromLines } from './paragraphs';
import { readPodcastHeader } from './podcast-header';

export function parsePlainText(text: string): ParsedTranscript {
  const lines = text.split('\n');
  const header = readPodcastHeader(lines);
  const body = header ? lines.slice(header.bodyStart) : lines;
  return {
    metadata: header?.metadata ?? {},
    segments: paragraphsFromLines(body).map((paragraph) => ({ text: paragraph })),
  };
}
