import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TranscriptFormat } from '../../../shared/document/model';
import { decodeTranscriptBytes } from '../../../shared/formats/decode';
import { detectFormat } from '../../../shared/formats';
import { expectImportError, fixtureBytes, SEED_PATH } from './fixtures';

function detectFixture(name: string, fileName = name): TranscriptFormat {
  return detectFormat(decodeTranscriptBytes(fixtureBytes(name), fileName), fileName);
}

describe('detectFormat', () => {
  it.each<[string, TranscriptFormat]>([
    ['subtitle-edit.srt', 'srt'],
    ['utf8-bom-crlf.srt', 'srt'],
    ['utf16le-bom.srt', 'srt'],
    ['voices-notes.vtt', 'webvtt'],
    ['youtube-auto.en.vtt', 'webvtt'],
    ['whisper-openai.json', 'whisper-json'],
    ['whisperx.json', 'whisperx-json'],
    ['whispercpp.json', 'whispercpp-json'],
    ['whispercpp-full.json', 'whispercpp-json'],
    ['speaker-blocks.txt', 'speaker-text'],
    ['speaker-lines.txt', 'speaker-text'],
    ['speaker-rev.txt', 'speaker-text'],
    ['cr-only.txt', 'text'],
    ['utf16be-bom.txt', 'text'],
  ])('%s → %s', (name, format) => {
    expect(detectFixture(name)).toBe(format);
  });

  it('reads the podcast-page seed as plain text', () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    expect(detectFormat(text, 'episode.txt')).toBe('text');
  });

  it('goes by content, not by a misleading extension', () => {
    expect(detectFixture('subtitle-edit.srt', 'captions.txt')).toBe('srt');
    expect(detectFixture('voices-notes.vtt', 'captions.srt')).toBe('webvtt');
    expect(detectFixture('whisper-openai.json', 'transcript.txt')).toBe('whisper-json');
    expect(detectFixture('subtitle-edit.srt', 'captions.vtt')).toBe('srt');
  });

  it('recognises a Glossa document by { version, metadata, segments }', () => {
    const json = JSON.stringify({ version: 1, metadata: { sourceFormat: 'text' }, segments: [] });
    expect(detectFormat(json, 'doc.json')).toBe('glossa-json');
  });

  it('tells WhisperX from Whisper by segment speakers alone', () => {
    const json = JSON.stringify({ segments: [{ start: 0, end: 1, text: 'Hi', speaker: 'SPEAKER_00' }] });
    expect(detectFormat(json, 'x.json')).toBe('whisperx-json');
    const plain = JSON.stringify({ segments: [{ start: 0, end: 1, text: 'Hi' }] });
    expect(detectFormat(plain, 'x.json')).toBe('whisper-json');
  });

  it('lets a .srt/.vtt name choose the parser when the content is not subtitles', () => {
    expect(detectFixture('not-subtitles.srt')).toBe('srt');
    expect(detectFixture('not-webvtt.vtt')).toBe('webvtt');
  });

  it('treats text that merely starts with "{" or "[" as text unless it is named .json', () => {
    expect(detectFormat('{music} Welcome back to the show.\n', 'notes.txt')).toBe('text');
    expect(detectFormat('[laughs] Welcome back.\n', 'notes.txt')).toBe('text');
  });

  it('reports a .json file that does not parse with its line', () => {
    const text = decodeTranscriptBytes(fixtureBytes('missing-comma.json'), 'missing-comma.json');
    const error = expectImportError(() => detectFormat(text, 'missing-comma.json'), 'invalid-json');
    expect(error.line).toBe(7);
    expect(error.message).toContain('column 7');
  });

  it('reports JSON of an unknown shape', () => {
    const text = decodeTranscriptBytes(fixtureBytes('unknown-shape.json'), 'unknown-shape.json');
    expectImportError(() => detectFormat(text, 'unknown-shape.json'), 'unexpected-shape');
    expectImportError(() => detectFormat('[1, 2, 3]', 'list.json'), 'unexpected-shape');
  });
});
