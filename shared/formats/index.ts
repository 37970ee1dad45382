/**
 * Transcript import: bytes → text → format → document. Every failure is a TranscriptImportError
 * whose message is one line naming the file (and the line, where one applies).
 */
import { DOCUMENT_VERSION, type TranscriptDocument, type TranscriptFormat } from '../document/model';
import { decodeTranscriptBytes } from './decode';
import { detectTranscript } from './detect';
import { TranscriptImportError } from './errors';
import type { DocumentFlag } from '../workspace/types';
import { parseGlossaJson } from './glossa-json';
import type { ParsedTranscript } from './parsed';
import { parsePlainText } from './plain-text';
import { parseSpeakerText } from './speaker-text';
import { parseSrt } from './srt';
import { parseWebVtt } from './webvtt';
import { parseWhisperCppJson, parseWhisperJson, parseWhisperXJson } from './whisper-json';

export { detectFormat } from './detect';
export { TranscriptImportError, type ImportErrorCode, type ImportErrorDetails } from './errors';
export {
  parseDocumentJson,
  parseGlossaJson,
  serializeDocumentJson,
  type GlossaJsonContent,
} from './glossa-json';
export { writeDocumentText } from './text-writer';

/** Larger files are refused before they are read: no transcript is anywhere near this. */
export const MAX_TRANSCRIPT_BYTES = 100 * 1024 * 1024;

const BYTES_PER_MB = 1024 * 1024;

export function importTranscript(input: { bytes: Uint8Array; fileName: string }): TranscriptDocument {
  return importTranscriptWithFlags(input).document;
}

/** A transcript as imported: only a Glossa JSON file carries flags; every other format gives []. */
export interface ImportedTranscript {
  document: TranscriptDocument;
  flags: DocumentFlag[];
}

/** importTranscript, keeping the fact-check flags a Glossa JSON export carries. */
export function importTranscriptWithFlags(input: {
  bytes: Uint8Array;
  fileName: string;
}): ImportedTranscript {
  const { bytes, fileName } = input;
  assertTranscriptSize(bytes.length, fileName);
  const text = decodeTranscriptBytes(bytes, fileName);
  const detected = detectTranscript(text, fileName);

  // A Glossa document is already a document: keep its ids, metadata and flags exactly (lossless).
  const { document: doc, flags } =
    detected.format === 'glossa-json'
      ? parseGlossaJson(detected.json, fileName)
      : {
          document: toDocument(
            parseAs(detected.format, text, detected.json, fileName),
            detected.format,
            fileName,
          ),
          flags: [],
        };

  if (doc.segments.length === 0) {
    throw new TranscriptImportError(
      { code: 'empty', file: fileName },
      'the file contains no transcript text',
    );
  }
  return { document: doc, flags };
}

/** Throws 'too-large' for a file over MAX_TRANSCRIPT_BYTES; call it before reading a file too. */
export function assertTranscriptSize(byteLength: number, fileName: string): void {
  if (byteLength <= MAX_TRANSCRIPT_BYTES) return;
  const sizeMb = (byteLength / BYTES_PER_MB).toFixed(1);
  throw new TranscriptImportError(
    { code: 'too-large', file: fileName },
    `the file is ${sizeMb} MB; transcripts larger than ${MAX_TRANSCRIPT_BYTES / BYTES_PER_MB} MB are not opened`,
  );
}

function parseAs(
  format: Exclude<TranscriptFormat, 'glossa-json'>,
  text: string,
  json: unknown,
  fileName: string,
): ParsedTranscript {
  switch (format) {
    case 'text':
      return parsePlainText(text);
    case 'speaker-text':
      return parseSpeakerText(text);
    case 'srt':
      return parseSrt(text, fileName);
    case 'webvtt':
      return parseWebVtt(text, fileName);
    case 'whisper-json':
      return parseWhisperJson(json, fileName);
    case 'whisperx-json':
      return parseWhisperXJson(json, fileName);
    case 'whispercpp-json':
      return parseWhisperCppJson(json, fileName);
  }
}

function toDocument(
  parsed: ParsedTranscript,
  format: TranscriptFormat,
  fileName: string,
): TranscriptDocument {
  return {
    version: DOCUMENT_VERSION,
    metadata: { ...parsed.metadata, sourceFile: fileName, sourceFormat: format },
    segments: parsed.segments.map((segment, i) => ({ id: `s${i + 1}`, ...segment })),
  };
}
