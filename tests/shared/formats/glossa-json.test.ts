import { describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../../shared/document/model';
import { parseDocumentJson, serializeDocumentJson } from '../../../shared/formats';
import { expectImportError, importFixture, importString } from './fixtures';

const doc: TranscriptDocument = {
  version: 1,
  metadata: {
    language: 'en',
    sourceFormat: 'whisperx-json',
    title: 'Troops in Russia',
    sourceFile: 'episode.json',
    episodeDate: '2024-10-22',
  },
  segments: [
    {
      text: 'Hello listeners.',
      id: 's1',
      startMs: 31,
      endMs: 1_200,
      speaker: 'SPEAKER_00',
      words: [
        { text: 'Hello', endMs: 372, startMs: 31, confidence: 0.871 },
        { text: 'listeners.', startMs: 412, endMs: 1_200 },
      ],
    },
    { id: 's7', text: 'An untimed paragraph.' },
  ],
};

describe('Glossa document JSON', () => {
  it('writes pretty JSON with a stable key order', () => {
    const json = serializeDocumentJson(doc);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.indexOf('"title"')).toBeLessThan(json.indexOf('"sourceFormat"'));
    expect(json.indexOf('"id": "s1"')).toBeLessThan(json.indexOf('"speaker"'));
    expect(json.indexOf('"speaker"')).toBeLessThan(json.indexOf('"text": "Hello listeners."'));
    expect(json).toContain('{\n  "version": 1,\n  "metadata": {\n    "title": "Troops in Russia",');
  });

  it('round-trips exactly, and serialises the parsed document to the same text', () => {
    const json = serializeDocumentJson(doc);
    const parsed = parseDocumentJson(JSON.parse(json), 'doc.json');
    expect(parsed).toEqual(doc);
    expect(serializeDocumentJson(parsed)).toBe(json);
  });

  it('is imported losslessly: ids and source metadata are kept', () => {
    const imported = importString(serializeDocumentJson(doc), 'saved.glossa.json');
    expect(imported).toEqual(doc);
  });

  it('round-trips every fixture import', () => {
    for (const name of ['whisperx.json', 'voices-notes.vtt', 'speaker-blocks.txt']) {
      const imported = importFixture(name);
      expect(parseDocumentJson(JSON.parse(serializeDocumentJson(imported)), 'x.json')).toEqual(imported);
    }
  });

  it('refuses another version, an unknown source format and duplicate ids', () => {
    const newer = expectImportError(
      () => parseDocumentJson({ ...doc, version: 2 }, 'doc.json'),
      'unexpected-shape',
    );
    expect(newer.message).toContain('version 2');
    const badFormat = { ...doc, metadata: { ...doc.metadata, sourceFormat: 'docx' } };
    expect(
      expectImportError(() => parseDocumentJson(badFormat, 'doc.json'), 'unexpected-shape').message,
    ).toContain('metadata.sourceFormat');
    const duplicate = { ...doc, segments: [doc.segments[1], doc.segments[1]] };
    expect(
      expectImportError(() => parseDocumentJson(duplicate, 'doc.json'), 'unexpected-shape').message,
    ).toContain('segments[1].id');
  });

  it('names the path of a bad word', () => {
    const bad = {
      ...doc,
      segments: [{ id: 's1', text: 'x', words: [{ text: 'x', startMs: '0', endMs: 1 }] }],
    };
    const error = expectImportError(() => parseDocumentJson(bad, 'doc.json'), 'unexpected-shape');
    expect(error.message).toBe(
      'doc.json: segments[0].words[0].startMs: found the string "0" (expected a number)',
    );
  });
});
