/**
 * SubRip (.srt): numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines, a blank line.
 * A small strict parser: a bad timing line, an end before its start, or a cue without text stops
 * the import with the line number, because a silently dropped cue is a lost part of the transcript.
 */
import { TranscriptImportError } from './errors';
import type { ParsedSegment, ParsedTranscript } from './parsed';
import { joinCueLines, splitIntoBlocks, type LineBlock } from './subtitle-blocks';

export const SRT_TIMING_EXPECTED = 'HH:MM:SS,mmm --> HH:MM:SS,mmm';

const CUE_NUMBER = /^\d+$/;
/** Hours may exceed two digits in very long files; a "." instead of "," is a common tool quirk. */
const SRT_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})$/;
const TIMING_LINE = /^\s*(.*?)\s*-->\s*(\S*)(?:\s+.*)?$/;
/** Formatting that SubRip players honour but that is not part of the words. */
const FORMATTING_TAGS = /<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi;

export function looksLikeSrt(text: string): boolean {
  const [first, second] = text.trimStart().split('\n', 2);
  return (
    (CUE_NUMBER.test(first?.trim() ?? '') && (second ?? '').includes('-->')) ||
    SRT_TIME.test(first?.split('-->')[0]?.trim() ?? '')
  );
}

export function parseSrt(text: string, fileName: string): ParsedTranscript {
  const segments: ParsedSegment[] = [];
  for (const block of splitIntoBlocks(text, (line) => line.trim() === '')) {
    const cue = readCue(block, fileName, segments.length === 0);
    const previous = segments[segments.length - 1];
    if (cue) {
      segments.push(cue);
    } else if (previous) {
      // Text after a blank line inside a cue (a common export quirk) belongs to that cue.
      previous.text = `${previous.text} ${cueText(block.lines)}`.trim();
    }
  }
  return { metadata: {}, segments };
}

/** Reads one cue, or returns undefined for a block of stray text that continues the previous cue. */
function readCue(block: LineBlock, fileName: string, isFirst: boolean): ParsedSegment | undefined {
  const timingIndex = findTimingLine(block, fileName, isFirst);
  if (timingIndex === undefined) return undefined;
  const timingLine = block.firstLine + timingIndex;
  const { startMs, endMs } = readTiming(block.lines[timingIndex] ?? '', timingLine, fileName);
  const text = cueText(block.lines.slice(timingIndex + 1));
  if (text === '') {
    throw new TranscriptImportError(
      {
        code: 'empty-cue',
        file: fileName,
        line: timingLine,
        expected: 'subtitle text after the timing line',
      },
      'this cue has a timing but no text',
    );
  }
  return { startMs, endMs, text };
}

/**
 * Index of the timing line in a block: 1 after a cue number, 0 when a tool left the number out.
 * A first block that is neither is not SRT at all; a later one is stray cue text (undefined).
 */
function findTimingLine(block: LineBlock, fileName: string, isFirst: boolean): number | undefined {
  const [first = '', second] = block.lines;
  if (first.includes('-->')) return 0;
  if (CUE_NUMBER.test(first.trim()) && (second !== undefined || isFirst)) return 1;
  if (!isFirst) return undefined;
  throw new TranscriptImportError(
    { code: 'unknown-format', file: fileName, line: block.firstLine, expected: 'a cue number such as "1"' },
    'this does not look like an SRT subtitle file',
  );
}

function cueText(lines: readonly string[]): string {
  return joinCueLines(lines).replace(FORMATTING_TAGS, '').replace(/\s+/g, ' ').trim();
}

function readTiming(line: string, lineNumber: number, fileName: string): { startMs: number; endMs: number } {
  const fail = (problem: string): never => {
    throw new TranscriptImportError(
      { code: 'bad-timestamp', file: fileName, line: lineNumber, expected: SRT_TIMING_EXPECTED },
      problem,
    );
  };
  const match = TIMING_LINE.exec(line);
  if (!match) return fail(`the cue timing line is ${JSON.stringify(line.trim())}`);
  const [, startText = '', endText = ''] = match;
  const startMs =
    parseSrtTime(startText) ?? fail(`the cue start ${JSON.stringify(startText)} is not a valid time`);
  const endMs = parseSrtTime(endText) ?? fail(`the cue end ${JSON.stringify(endText)} is not a valid time`);
  if (endMs < startMs) fail(`the cue ends (${endText}) before it starts (${startText})`);
  return { startMs, endMs };
}

function parseSrtTime(text: string): number | undefined {
  const match = SRT_TIME.exec(text);
  if (!match) return undefined;
  const [, hours, minutes, seconds, millis] = match.map(Number) as [number, number, number, number, number];
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}
