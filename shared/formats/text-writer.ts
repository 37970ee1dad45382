/**
 * A readable plain-text rendering of a document (`glossa convert --to txt`): the header the
 * podcast-page importer understands, a blank line, then one paragraph per segment with a
 * "Speaker [0:01:23]: " prefix when the speaker or time is known. Importing the result again
 * keeps the header; "Speaker [0:01:23]:" lines are read back as speaker blocks (to the second).
 */
import type { Segment, TranscriptDocument } from '../document/model';
import { formatHeaderDate } from './podcast-header';
import { formatClock } from './timecode';

export function writeDocumentText(doc: TranscriptDocument): string {
  const { title, show, episodeDate, description } = doc.metadata;
  const header: string[] = [];
  if (title !== undefined || show !== undefined) header.push([show, title].filter(Boolean).join(' - '));
  if (episodeDate !== undefined) header.push(`Episode Date: ${formatHeaderDate(episodeDate)}`);
  if (description !== undefined) header.push(description);
  // Without a date line nothing marks the end of the header, so say where the transcript starts.
  if (header.length > 0 && episodeDate === undefined) header.push('Transcript');

  const paragraphs = doc.segments.map(segmentLine);
  return `${[...(header.length > 0 ? [header.join('\n')] : []), ...paragraphs].join('\n\n')}\n`;
}

function segmentLine(segment: Segment): string {
  const time = segment.startMs === undefined ? undefined : `[${formatClock(segment.startMs)}]`;
  if (segment.speaker !== undefined) {
    return `${segment.speaker}${time ? ` ${time}` : ''}: ${segment.text}`;
  }
  return time ? `${time} ${segment.text}` : segment.text;
}
