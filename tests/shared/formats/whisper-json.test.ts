import { describe, expect, it } from 'vitest';
import {
  fillMissingTimes,
  parseWhisperCppJson,
  parseWhisperJson,
  parseWhisperXJson,
} from '../../../shared/formats/whisper-json';
import { expectImportError, importFixture } from './fixtures';

describe('openai-whisper JSON', () => {
  const doc = importFixture('whisper-openai.json');

  it('reads segments in ms with trimmed text and the language', () => {
    expect(doc.metadata).toEqual({
      language: 'en',
      sourceFile: 'whisper-openai.json',
      sourceFormat: 'whisper-json',
    });
    expect(doc.segments.map((s) => [s.id, s.startMs, s.endMs, s.text])).toEqual([
      ['s1', 0, 3_240, 'Welcome to the NK News podcast.'],
      ['s2', 3_240, 6_900, "I'm your host, Jacos Wetzlud."],
      ['s3', 7_120, 10_040, 'Seoul’s spy agency says so.'],
    ]);
  });

  it('reads words without their leading spaces, with probability as confidence', () => {
    expect(doc.segments[1]?.words?.[3]).toEqual({
      text: 'Jacos',
      startMs: 4_300,
      endMs: 5_020,
      confidence: 0.3127,
    });
    for (const segment of doc.segments) {
      expect(segment.words?.map((w) => w.text).join(' ')).toBe(segment.text);
    }
  });

  it('rounds seconds to integer milliseconds', () => {
    const parsed = parseWhisperJson({ segments: [{ start: 1.0005, end: 2.9996, text: ' x ' }] }, 'x.json');
    expect(parsed.segments).toEqual([{ startMs: 1_001, endMs: 3_000, text: 'x' }]);
  });

  it('skips segments with no text', () => {
    const parsed = parseWhisperJson(
      {
        segments: [
          { start: 0, end: 1, text: ' ' },
          { start: 1, end: 2, text: ' Hi.' },
        ],
      },
      'x.json',
    );
    expect(parsed.segments).toEqual([{ startMs: 1_000, endMs: 2_000, text: 'Hi.' }]);
  });

  it('names the path of a value of the wrong type', () => {
    const error = expectImportError(
      () =>
        parseWhisperJson(
          {
            segments: [
              { start: 0, end: 1, text: 'a' },
              { start: 1, end: 2, text: 'b', words: [{ word: ' b', start: 1 }] },
            ],
          },
          'w.json',
        ),
      'unexpected-shape',
    );
    expect(error.message).toBe('w.json: segments[1].words[0].end: missing (expected a number)');
  });
});

describe('WhisperX JSON', () => {
  const doc = importFixture('whisperx.json');

  it('reads speakers and word scores', () => {
    expect(doc.metadata.sourceFormat).toBe('whisperx-json');
    expect(doc.segments.map((s) => s.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_00', 'SPEAKER_01']);
    expect(doc.segments[2]?.words?.[1]).toEqual({
      text: 'Jacco.',
      startMs: 9_500,
      endMs: 10_020,
      confidence: 0.58,
    });
  });

  it('gives a word WhisperX could not align the gap up to the segment end, without a confidence', () => {
    const words = doc.segments[1]?.words ?? [];
    expect(words.at(-1)).toEqual({ text: '2024.', startMs: 7_200, endMs: 8_930 });
    expect(words.map((w) => w.text).join(' ')).toBe(doc.segments[1]?.text);
  });

  it('shares a gap evenly between several untimed words in a row', () => {
    const words = fillMissingTimes(
      [
        { text: 'a', startMs: 0, endMs: 100 },
        { text: '1' },
        { text: '2' },
        { text: '%' },
        { text: 'b', startMs: 400, endMs: 500 },
      ],
      0,
      600,
    );
    expect(words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['a', 0, 100],
      ['1', 100, 200],
      ['2', 200, 300],
      ['%', 300, 400],
      ['b', 400, 500],
    ]);
  });

  it('uses the segment start for an untimed first word', () => {
    const words = fillMissingTimes(
      [
        { text: '£5', confidence: 0.2 },
        { text: 'bn', startMs: 900, endMs: 1_000 },
      ],
      500,
      1_000,
    );
    expect(words[0]).toEqual({ text: '£5', startMs: 500, endMs: 900, confidence: 0.2 });
  });

  it('still requires segment times', () => {
    const error = expectImportError(
      () => parseWhisperXJson({ segments: [{ text: 'x', speaker: 'SPEAKER_00' }] }, 'x.json'),
      'unexpected-shape',
    );
    expect(error.message).toContain('segments[0].start');
  });
});

describe('whisper.cpp JSON', () => {
  it('reads the -oj output: offsets in ms, trimmed text, result.language', () => {
    const doc = importFixture('whispercpp.json');
    expect(doc.metadata).toEqual({
      language: 'en',
      sourceFile: 'whispercpp.json',
      sourceFormat: 'whispercpp-json',
    });
    expect(doc.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
      [0, 4_120, 'Welcome to the NK News podcast.'],
      [4_120, 8_840, "I'm joined in the studio by Anton Sokolin."],
      [8_840, 12_300, 'North Korea has deployed troops to Russia.'],
    ]);
  });

  it('builds words from -ojf tokens, skipping special tokens and joining word pieces', () => {
    const doc = importFixture('whispercpp-full.json');
    expect(doc.segments[0]?.words?.map((w) => w.text)).toEqual([
      'Welcome',
      'to',
      'the',
      'NK',
      'News',
      'podcast.',
    ]);
    // "N" + "K": the word spans both pieces and is as uncertain as its least certain piece.
    expect(doc.segments[0]?.words?.[3]).toEqual({
      text: 'NK',
      startMs: 940,
      endMs: 1_360,
      confidence: 0.655,
    });
    expect(doc.segments[1]?.words?.[1]).toEqual({
      text: 'Jong-un',
      startMs: 3_600,
      endMs: 4_300,
      confidence: 0.41,
    });
  });

  it('keeps a diarized speaker but not the "?" it writes when unsure', () => {
    const parsed = parseWhisperCppJson(
      {
        transcription: [
          { offsets: { from: 0, to: 1000 }, text: ' Hi.', speaker: '0' },
          { offsets: { from: 1000, to: 2000 }, text: ' Hm.', speaker: '?' },
        ],
      },
      'x.json',
    );
    expect(parsed.segments.map((s) => s.speaker)).toEqual(['0', undefined]);
  });

  it('names the path when offsets are missing', () => {
    const error = expectImportError(
      () =>
        parseWhisperCppJson(
          { transcription: [{ timestamps: { from: '00:00:00,000', to: '00:00:01,000' }, text: 'x' }] },
          'c.json',
        ),
      'unexpected-shape',
    );
    expect(error.message).toBe('c.json: transcription[0].offsets: missing (expected an object)');
  });
});
