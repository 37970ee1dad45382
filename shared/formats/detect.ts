/**
 * Chooses a transcript's format from its content; the file extension only breaks ties (and makes
 * a .srt/.vtt/.json file that is not what it claims fail with that format's precise error).
 */
import type { TranscriptFormat } from '../document/model';
import { lineAndColumn } from '../document/plain-text';
import { TranscriptImportError } from './errors';
import { looksLikeGlossaJson } from './glossa-json';
import { findJsonSyntaxError } from './json-syntax';
import { isJsonObject } from './json-shape';
import { looksLikeSpeakerText } from './speaker-text';
import { looksLikeSrt } from './srt';
import { looksLikeWebVtt } from './webvtt';

export interface DetectedTranscript {
  format: TranscriptFormat;
  /** The parsed JSON, for JSON formats, so it is parsed only once. */
  json?: unknown;
}

/** The format of a decoded transcript text; throws 'invalid-json' or 'unexpected-shape' for bad JSON. */
export function detectFormat(text: string, fileName: string): TranscriptFormat {
  return detectTranscript(text, fileName).format;
}

export function detectTranscript(text: string, fileName: string): DetectedTranscript {
  const extension = fileExtension(fileName);
  const start = text.trimStart();

  if (looksLikeWebVtt(start)) return { format: 'webvtt' };
  if (looksLikeSrt(start)) return { format: 'srt' };
  if (extension === 'json' || start.startsWith('{')) {
    const json = parseJsonOrUndefined(text);
    // Only a .json file must be JSON; a text file may well start with "{".
    if (json === undefined && extension === 'json') throw invalidJson(text, fileName);
    if (json !== undefined) return { format: jsonFormat(json, fileName), json };
  }
  // Named as subtitles but not recognised: let that parser say precisely what is wrong.
  if (extension === 'vtt') return { format: 'webvtt' };
  if (extension === 'srt') return { format: 'srt' };
  if (looksLikeSpeakerText(text.split('\n'))) return { format: 'speaker-text' };
  return { format: 'text' };
}

function jsonFormat(json: unknown, fileName: string): TranscriptFormat {
  if (looksLikeGlossaJson(json)) return 'glossa-json';
  if (isJsonObject(json) && Array.isArray(json.transcription)) return 'whispercpp-json';
  if (isJsonObject(json) && Array.isArray(json.segments)) {
    return isWhisperX(json.segments, json) ? 'whisperx-json' : 'whisper-json';
  }
  throw new TranscriptImportError(
    {
      code: 'unexpected-shape',
      file: fileName,
      expected: 'Whisper or WhisperX "segments", whisper.cpp "transcription", or a Glossa document',
    },
    'this JSON is not a transcript format Glossa knows',
  );
}

/** WhisperX marks itself by speakers on segments, `score` on words, or a `word_segments` list. */
function isWhisperX(segments: readonly unknown[], root: Record<string, unknown>): boolean {
  if (Array.isArray(root.word_segments)) return true;
  return segments.some(
    (segment) =>
      isJsonObject(segment) &&
      (typeof segment.speaker === 'string' ||
        (Array.isArray(segment.words) &&
          segment.words.some((word) => isJsonObject(word) && 'score' in word))),
  );
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function invalidJson(text: string, fileName: string): TranscriptImportError {
  const problem = findJsonSyntaxError(text);
  if (!problem) {
    return new TranscriptImportError({ code: 'invalid-json', file: fileName }, 'the JSON does not parse');
  }
  const { line, column } = lineAndColumn(text, problem.offset);
  return new TranscriptImportError(
    { code: 'invalid-json', file: fileName, line, expected: problem.expected },
    `invalid JSON at column ${column}: ${problem.problem}`,
  );
}

export function fileExtension(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
