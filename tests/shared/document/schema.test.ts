import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TranscriptDocument } from '../../../shared/document/model';
import { MAX_SEGMENTS, transcriptDocumentSchema } from '../../../shared/document/schema';
import { importTranscript } from '../../../shared/formats/index';

const SEED = fileURLToPath(new URL('../../../seeds/nk-news-2024-10-22-troops-ukraine.txt', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/transcripts/', import.meta.url));

function importFile(path: string, fileName: string): TranscriptDocument {
  return importTranscript({ bytes: new Uint8Array(readFileSync(path)), fileName });
}

const valid: TranscriptDocument = {
  version: 1,
  metadata: { sourceFormat: 'whisperx-json', title: 'Troops in Russia', sourceFile: 'episode.json' },
  segments: [
    {
      id: 's1',
      speaker: 'SPEAKER_00',
      startMs: 31,
      endMs: 1_200,
      text: 'Hello listeners.',
      words: [
        { text: 'Hello', startMs: 31, endMs: 372, confidence: 0.871 },
        { text: 'listeners.', startMs: 412, endMs: 1_200 },
      ],
    },
    { id: 's2', text: 'An untimed paragraph.' },
  ],
};

const REMOVE = Symbol('remove');
type Key = string | number;

/** A copy of the valid document with the value at `path` replaced (or removed). */
function withChange(path: readonly Key[], value: unknown): unknown {
  const copy: unknown = structuredClone(valid);
  let holder = copy as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<Key, unknown>;
  const last = path[path.length - 1] as Key;
  if (value === REMOVE) delete holder[last];
  else holder[last] = value;
  return copy;
}

/** Parses, expects a failure, and returns the first issue's path and the readable message. */
function rejection(value: unknown): { path: string; message: string } {
  const result = transcriptDocumentSchema.safeParse(value);
  expect(result.success).toBe(false);
  if (result.success) throw new Error('unreachable');
  return { path: result.error.issues[0]?.path.join('.') ?? '', message: z.prettifyError(result.error) };
}

describe('transcriptDocumentSchema', () => {
  it('accepts the seed transcript exactly as importTranscript produced it', () => {
    const doc = importFile(SEED, 'nk-news-2024-10-22-troops-ukraine.txt');
    expect(doc.segments.length).toBeGreaterThan(1);
    expect(transcriptDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('accepts every transcript fixture that imports, words and confidences included', () => {
    let imported = 0;
    let withWords = 0;
    for (const name of readdirSync(FIXTURES)) {
      let doc: TranscriptDocument;
      try {
        doc = importFile(`${FIXTURES}${name}`, name);
      } catch {
        continue; // the fixtures of broken files
      }
      imported++;
      if (doc.segments.some((segment) => segment.words?.length)) withWords++;
      const result = transcriptDocumentSchema.safeParse(doc);
      expect(result.success ? '' : `${name}: ${z.prettifyError(result.error)}`).toBe('');
    }
    expect(imported).toBeGreaterThanOrEqual(10);
    expect(withWords).toBeGreaterThanOrEqual(2);
  });

  it('accepts a document that has survived the JSON wire (no undefined keys)', () => {
    const doc = importFile(SEED, 'seed.txt');
    expect(transcriptDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
  });

  it.each<[string, Key[], unknown, string?]>([
    ['a wrong version', ['version'], 2],
    ['a missing metadata', ['metadata'], REMOVE],
    ['an unknown source format', ['metadata', 'sourceFormat'], 'docx'],
    ['a title that is not text', ['metadata', 'title'], 42],
    ['segments that are not a list', ['segments'], {}],
    ['a segment without an id', ['segments', 1, 'id'], REMOVE],
    ['a segment without text', ['segments', 0, 'text'], REMOVE],
    ['a negative start', ['segments', 0, 'startMs'], -1],
    ['a fractional end', ['segments', 0, 'endMs'], 1.5],
    ['a time that is not a number', ['segments', 0, 'startMs'], '0:01'],
    ['a word without a start', ['segments', 0, 'words', 1, 'startMs'], REMOVE],
    ['a confidence over 1', ['segments', 0, 'words', 0, 'confidence'], 1.2],
    ['a negative confidence', ['segments', 0, 'words', 0, 'confidence'], -0.1],
    ['an overlong word', ['segments', 0, 'words', 0, 'text'], 'x'.repeat(1_001)],
    ['a duplicate segment id', ['segments', 1, 'id'], 's1'],
    ['an unknown key', ['segments', 1, 'html'], '<b>', 'segments.1'],
  ])('rejects %s and says where', (_name, path, value, expectedPath = path.join('.')) => {
    const problem = rejection(withChange(path, value));
    expect(problem.path).toBe(expectedPath);
    // z.prettifyError writes the path as segments[0].words[1].startMs.
    expect(problem.message).toContain(expectedPath.replace(/\.(\d+)/g, '[$1]'));
  });

  it('rejects a value that is not a document at all', () => {
    for (const value of [null, 'document', [], 42]) expect(rejection(value).path).toBe('');
  });

  it(`refuses more than ${MAX_SEGMENTS.toLocaleString('en')} segments`, () => {
    const segments = Array.from({ length: MAX_SEGMENTS + 1 }, (_, i) => ({ id: `s${i + 1}`, text: '' }));
    expect(rejection({ ...valid, segments }).path).toBe('segments');
    expect(transcriptDocumentSchema.safeParse({ ...valid, segments: segments.slice(1) }).success).toBe(true);
  });
});
