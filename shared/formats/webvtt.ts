/**
 * WebVTT (.vtt): a "WEBVTT" header, then cues ("[id]\nHH:MM:SS.mmm --> HH:MM:SS.mmm [settings]\ntext")
 * and NOTE/STYLE/REGION blocks, which are skipped. `<v Name>` voice spans give the speaker; other
 * tags are dropped and entities decoded. YouTube's rolling auto-captions (each cue repeats the
 * previous line, with inline word times) are de-duplicated and their word times kept.
 */
import type { TranscriptWord } from '../document/model';
import { TranscriptImportError } from './errors';
import type { ParsedSegment, ParsedTranscript } from './parsed';
import { splitIntoBlocks, type LineBlock } from './subtitle-blocks';

export const VTT_TIMING_EXPECTED = 'HH:MM:SS.mmm --> HH:MM:SS.mmm (hours optional)';

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const TIMING_LINE = /^\s*(.*?)\s*-->\s*(\S*)(?:\s+.*)?$/;
const VTT_TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const INLINE_TIME = /<((?:\d{1,3}:)?[0-5]\d:[0-5]\d\.\d{3})>/g;
const HAS_INLINE_TIME = /<(?:\d{1,3}:)?[0-5]\d:[0-5]\d\.\d{3}>/;
const STARTS_WITH_TIME = /^\s*(?:\d+:)?\d+:\d+/;
/** `<v Name>` or `<v.loud Name>`: the name is everything after the first space. */
const VOICE_TAG = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;
const ANY_TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
  lrm: '\u200e',
  rlm: '\u200f',
};

interface Cue {
  startMs: number;
  endMs: number;
  /** Raw cue text lines, tags included. */
  lines: string[];
}

export function looksLikeWebVtt(text: string): boolean {
  return HEADER.test(text.trimStart().split('\n', 1)[0] ?? '');
}

export function parseWebVtt(text: string, fileName: string): ParsedTranscript {
  const [headerBlock, ...blocks] = splitIntoBlocks(text, (line) => line === '');
  if (!headerBlock || headerBlock.firstLine !== 1 || !HEADER.test(headerBlock.lines[0] ?? '')) {
    throw new TranscriptImportError(
      { code: 'unknown-format', file: fileName, line: 1, expected: '"WEBVTT" on the first line' },
      'this does not look like a WebVTT subtitle file',
    );
  }
  // A cue written right under the header, without the blank line the spec asks for, is still a cue.
  const cueInHeader = headerBlock.lines.findIndex((line) => line.includes('-->'));
  if (cueInHeader !== -1) {
    blocks.unshift({
      firstLine: headerBlock.firstLine + cueInHeader,
      lines: headerBlock.lines.slice(cueInHeader),
    });
    headerBlock.lines = headerBlock.lines.slice(0, cueInHeader);
  }
  const metadata: ParsedTranscript['metadata'] = {};
  const language = headerBlock.lines.map((line) => /^Language:\s*(\S+)/i.exec(line)?.[1]).find(Boolean);
  if (language) metadata.language = language;

  const cues: Cue[] = [];
  for (const block of blocks) {
    if (SKIPPED_BLOCK.test(block.lines[0] ?? '')) continue;
    const cue = readCue(block, fileName);
    const previous = cues[cues.length - 1];
    if (cue) {
      cues.push(cue);
    } else if (previous) {
      previous.lines.push(...block.lines); // text after a blank line inside a cue
    } else {
      throw badTiming(fileName, block.firstLine, 'text comes before the first cue timing');
    }
  }
  const rolling = cues.some((cue) => cue.lines.some((line) => HAS_INLINE_TIME.test(line)));
  return { metadata, segments: rolling ? rollingCuesToSegments(cues) : cues.flatMap(cueToSegments) };
}

/** Reads a cue block; returns undefined for stray text that continues the previous cue. */
function readCue(block: LineBlock, fileName: string): Cue | undefined {
  const [first = '', second = ''] = block.lines;
  const timingIndex = first.includes('-->') ? 0 : second.includes('-->') ? 1 : -1;
  if (timingIndex === -1) {
    // A cue timing that lost its arrow still starts with a time; anything else is cue text.
    const noArrow = 'the cue timing has no "-->"';
    if (STARTS_WITH_TIME.test(first)) throw badTiming(fileName, block.firstLine, noArrow);
    if (STARTS_WITH_TIME.test(second)) throw badTiming(fileName, block.firstLine + 1, noArrow);
    return undefined;
  }
  const timingLine = block.firstLine + timingIndex;
  const { startMs, endMs } = readTiming(block.lines[timingIndex] ?? '', timingLine, fileName);
  const lines = block.lines.slice(timingIndex + 1);
  if (lines.every((line) => cleanCueText(line) === '')) {
    throw new TranscriptImportError(
      { code: 'empty-cue', file: fileName, line: timingLine, expected: 'caption text after the timing line' },
      'this cue has a timing but no text',
    );
  }
  return { startMs, endMs, lines };
}

function readTiming(line: string, lineNumber: number, fileName: string): { startMs: number; endMs: number } {
  const [, startText = '', endText = ''] = TIMING_LINE.exec(line) ?? [];
  const fail = (problem: string) => badTiming(fileName, lineNumber, problem);
  const startMs = parseVttTime(startText);
  if (startMs === undefined) throw fail(`the cue start ${JSON.stringify(startText)} is not a valid time`);
  const endMs = parseVttTime(endText);
  if (endMs === undefined) throw fail(`the cue end ${JSON.stringify(endText)} is not a valid time`);
  if (endMs < startMs) throw fail(`the cue ends (${endText}) before it starts (${startText})`);
  return { startMs, endMs };
}

function badTiming(fileName: string, line: number, problem: string): TranscriptImportError {
  return new TranscriptImportError(
    { code: 'bad-timestamp', file: fileName, line, expected: VTT_TIMING_EXPECTED },
    problem,
  );
}

export function parseVttTime(text: string): number | undefined {
  const match = VTT_TIME.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** One segment per voice in the cue (usually one); all share the cue's timing. */
function cueToSegments(cue: Cue): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  let speaker: string | undefined;
  let parts: string[] = [];
  const flush = () => {
    const text = parts.filter((part) => part !== '').join(' ');
    if (text !== '') {
      segments.push({ ...(speaker ? { speaker } : {}), startMs: cue.startMs, endMs: cue.endMs, text });
    }
    parts = [];
  };
  for (const line of cue.lines) {
    // Text before a voice tag belongs to the voice already open (a voice lasts to the cue's end).
    let last = 0;
    for (const voice of line.matchAll(VOICE_TAG)) {
      parts.push(cleanCueText(line.slice(last, voice.index)));
      const name = voice[1]?.trim() || undefined;
      if (name !== speaker) {
        flush();
        speaker = name;
      }
      last = voice.index + voice[0].length;
    }
    parts.push(cleanCueText(line.slice(last)));
  }
  flush();
  return segments;
}

/**
 * YouTube auto-captions: each cue shows the previous line again above the new one, and 10 ms
 * "transition" cues repeat text only. Drop lines already shown by the previous cue; keep the new
 * line's inline times (`word<00:00:01.234><c> next</c>`) as word timings.
 */
function rollingCuesToSegments(cues: readonly Cue[]): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  let previousLines: string[] = [];
  for (const cue of cues) {
    const shown = cue.lines.filter((line) => cleanCueText(line) !== '');
    const fresh = shown.filter((line) => !previousLines.includes(cleanCueText(line)));
    previousLines = shown.map(cleanCueText);
    const text = fresh.map(cleanCueText).join(' ');
    if (text === '') continue;
    const words = inlineWordTimes(fresh.join(' '), cue);
    segments.push({ startMs: cue.startMs, endMs: cue.endMs, text, ...(words ? { words } : {}) });
  }
  return segments;
}

/** Words with times from inline timestamps: each word starts at the time before it. */
function inlineWordTimes(rawText: string, cue: Cue): TranscriptWord[] | undefined {
  const pieces: Array<{ startMs: number; text: string }> = [];
  let startMs = cue.startMs;
  let last = 0;
  for (const time of rawText.matchAll(INLINE_TIME)) {
    pieces.push({ startMs, text: rawText.slice(last, time.index) });
    startMs = parseVttTime(time[1] ?? '') ?? startMs;
    last = time.index + time[0].length;
  }
  if (pieces.length === 0) return undefined;
  pieces.push({ startMs, text: rawText.slice(last) });

  const words: TranscriptWord[] = [];
  pieces.forEach((piece, i) => {
    const endMs = Math.max(piece.startMs, pieces[i + 1]?.startMs ?? cue.endMs);
    for (const word of cleanCueText(piece.text).split(/\s+/)) {
      if (word !== '') words.push({ text: word, startMs: piece.startMs, endMs });
    }
  });
  return words;
}

/** Cue text without tags, with entities decoded and whitespace collapsed. */
export function cleanCueText(raw: string): string {
  return decodeEntities(raw.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
    const codePoint =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
