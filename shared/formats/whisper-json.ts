/**
 * JSON from the Whisper family:
 * - openai-whisper: `{ text, segments: [{ start, end, text, words?: [{ word, start, end, probability }] }], language }`
 * - WhisperX: the same with `segments[].speaker` ("SPEAKER_00") and `words[].score`; words it
 *   could not align (numbers, symbols) have no start/end;
 * - whisper.cpp (`-oj`): `{ result: { language }, transcription: [{ timestamps, offsets: { from, to }, text, tokens? }] }`.
 * Seconds become integer milliseconds; text is trimmed; segments with no text are skipped.
 */
import type { TranscriptWord } from '../document/model';
import {
  expectArray,
  expectNumber,
  expectObject,
  expectString,
  field,
  item,
  optionalArray,
  optionalNumber,
  optionalString,
  readJsonShape,
  type JsonObject,
} from './json-shape';
import type { ParsedSegment, ParsedTranscript } from './parsed';
import { secondsToMs } from './timecode';

/** A word as read, before missing WhisperX times are filled in. */
interface LooseWord {
  text: string;
  startMs?: number;
  endMs?: number;
  confidence?: number;
}

export function parseWhisperJson(json: unknown, fileName: string): ParsedTranscript {
  return readJsonShape(fileName, () => readWhisper(json, 'whisper'));
}

export function parseWhisperXJson(json: unknown, fileName: string): ParsedTranscript {
  return readJsonShape(fileName, () => readWhisper(json, 'whisperx'));
}

export function parseWhisperCppJson(json: unknown, fileName: string): ParsedTranscript {
  return readJsonShape(fileName, () => readWhisperCpp(json));
}

function readWhisper(json: unknown, flavour: 'whisper' | 'whisperx'): ParsedTranscript {
  const root = expectObject(json, '');
  const language = optionalString(root.language, 'language');
  const segments: ParsedSegment[] = [];
  expectArray(root.segments, 'segments').forEach((value, i) => {
    const path = item('segments', i);
    const raw = expectObject(value, path);
    // WhisperX always writes segment times; openai-whisper too. Only WhisperX words may lack them.
    const startMs = secondsToMs(expectNumber(raw.start, field(path, 'start')));
    const endMs = secondsToMs(expectNumber(raw.end, field(path, 'end')));
    const text = expectString(raw.text, field(path, 'text')).trim();
    const speaker = optionalString(raw.speaker, field(path, 'speaker'));
    const looseWords = optionalArray(raw.words, field(path, 'words'))?.map((word, w) =>
      readWhisperWord(word, item(field(path, 'words'), w), flavour),
    );
    if (text === '') return;
    const segment: ParsedSegment = { startMs, endMs, text };
    if (speaker) segment.speaker = speaker;
    if (looseWords && looseWords.length > 0) segment.words = fillMissingTimes(looseWords, startMs, endMs);
    segments.push(segment);
  });
  return { metadata: language ? { language } : {}, segments };
}

function readWhisperWord(value: unknown, path: string, flavour: 'whisper' | 'whisperx'): LooseWord {
  const raw = expectObject(value, path);
  const word: LooseWord = { text: expectString(raw.word, field(path, 'word')).trim() };
  const read = flavour === 'whisperx' ? optionalNumber : expectNumber;
  const start = read(raw.start, field(path, 'start'));
  const end = read(raw.end, field(path, 'end'));
  if (start !== undefined) word.startMs = secondsToMs(start);
  if (end !== undefined) word.endMs = secondsToMs(end);
  const confidence = optionalNumber(
    flavour === 'whisperx' ? raw.score : raw.probability,
    field(path, flavour === 'whisperx' ? 'score' : 'probability'),
  );
  if (confidence !== undefined) word.confidence = confidence;
  return word;
}

/**
 * The model needs times on every word, and dropping a word would break the words/text alignment,
 * so a word without times gets the gap between its timed neighbours (the segment's bounds at the
 * edges), shared evenly when several untimed words are in a row.
 */
export function fillMissingTimes(
  words: readonly LooseWord[],
  segmentStartMs: number,
  segmentEndMs: number,
): TranscriptWord[] {
  const result: TranscriptWord[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as LooseWord;
    if (word.startMs !== undefined && word.endMs !== undefined) {
      result.push(timedWord(word, word.startMs, word.endMs));
      i++;
      continue;
    }
    // A run of untimed words from i to runEnd (exclusive) sits between two known times.
    let runEnd = i;
    while (
      runEnd < words.length &&
      (words[runEnd]?.startMs === undefined || words[runEnd]?.endMs === undefined)
    )
      runEnd++;
    const gapStart = word.startMs ?? result[result.length - 1]?.endMs ?? segmentStartMs;
    const gapEnd = Math.max(gapStart, words[runEnd]?.startMs ?? segmentEndMs);
    const share = (gapEnd - gapStart) / (runEnd - i);
    for (let k = i; k < runEnd; k++) {
      const startMs = Math.round(gapStart + share * (k - i));
      const endMs = Math.round(gapStart + share * (k - i + 1));
      result.push(timedWord(words[k] as LooseWord, startMs, endMs));
    }
    i = runEnd;
  }
  return result;
}

function timedWord(word: LooseWord, startMs: number, endMs: number): TranscriptWord {
  const timed: TranscriptWord = { text: word.text, startMs, endMs };
  if (word.confidence !== undefined) timed.confidence = word.confidence;
  return timed;
}

function readWhisperCpp(json: unknown): ParsedTranscript {
  const root = expectObject(json, '');
  const result = root.result === undefined ? undefined : expectObject(root.result, 'result');
  const language = optionalString(result?.language, 'result.language');
  const segments: ParsedSegment[] = [];
  expectArray(root.transcription, 'transcription').forEach((value, i) => {
    const path = item('transcription', i);
    const raw = expectObject(value, path);
    const offsets = expectObject(raw.offsets, field(path, 'offsets'));
    const startMs = Math.round(expectNumber(offsets.from, field(path, 'offsets.from')));
    const endMs = Math.round(expectNumber(offsets.to, field(path, 'offsets.to')));
    const text = expectString(raw.text, field(path, 'text')).trim();
    const tokens = optionalArray(raw.tokens, field(path, 'tokens'));
    // With --diarize (stereo input) whisper.cpp writes "0", "1", or "?" when it cannot tell.
    const speaker = optionalString(raw.speaker, field(path, 'speaker'));
    if (text === '') return;
    const segment: ParsedSegment = { startMs, endMs, text };
    if (speaker && speaker !== '?') segment.speaker = speaker;
    const words = tokens ? wordsFromTokens(tokens, field(path, 'tokens')) : [];
    if (words.length > 0) segment.words = words;
    segments.push(segment);
  });
  return { metadata: language ? { language } : {}, segments };
}

/** whisper.cpp's special tokens: [_BEG_], [_TT_150], [_SOT_] … — not words. */
const SPECIAL_TOKEN = /^\[_[A-Z0-9_]+\]$/;

/**
 * whisper.cpp tokens are word pieces; a piece starting with a space starts a new word. A word
 * spans its pieces' offsets, and its confidence is its least certain piece's `p`.
 */
function wordsFromTokens(tokens: readonly unknown[], path: string): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  tokens.forEach((value, i) => {
    const tokenPath = item(path, i);
    const token: JsonObject = expectObject(value, tokenPath);
    const text = expectString(token.text, field(tokenPath, 'text'));
    if (SPECIAL_TOKEN.test(text.trim()) || text.trim() === '') return;
    const offsets = expectObject(token.offsets, field(tokenPath, 'offsets'));
    const startMs = Math.round(expectNumber(offsets.from, field(tokenPath, 'offsets.from')));
    const endMs = Math.round(expectNumber(offsets.to, field(tokenPath, 'offsets.to')));
    const p = optionalNumber(token.p, field(tokenPath, 'p'));
    const previous = words[words.length - 1];
    if (previous && !/^\s/.test(text)) {
      previous.text += text;
      previous.endMs = Math.max(previous.endMs, endMs);
      if (p !== undefined) previous.confidence = Math.min(previous.confidence ?? p, p);
    } else {
      words.push({ text: text.trim(), startMs, endMs, ...(p === undefined ? {} : { confidence: p }) });
    }
  });
  return words;
}
