import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TranscriptDocument } from '../../../shared/document/model';
import { writeDocumentText } from '../../../shared/formats';
import { importFixture, importString, importTranscript, SEED_PATH } from './fixtures';

describe('writeDocumentText', () => {
  it('writes the header, a blank line, then paragraphs', () => {
    const doc: TranscriptDocument = {
      version: 1,
      metadata: {
        sourceFormat: 'text',
        show: 'NK News Podcast',
        title: 'Troops in Russia',
        episodeDate: '2024-10-22',
        description: 'Anton Sokolin joins.',
      },
      segments: [
        { id: 's1', text: 'First paragraph.' },
        { id: 's2', text: 'Second paragraph.' },
      ],
    };
    expect(writeDocumentText(doc)).toBe(
      'NK News Podcast - Troops in Russia\nEpisode Date: October 22, 2024\nAnton Sokolin joins.\n\nFirst paragraph.\n\nSecond paragraph.\n',
    );
  });

  it('prefixes speaker and time when known', () => {
    const doc: TranscriptDocument = {
      version: 1,
      metadata: { sourceFormat: 'webvtt' },
      segments: [
        { id: 's1', speaker: 'Jacco', startMs: 83_400, text: 'Hello.' },
        { id: 's2', speaker: 'Anton', text: 'Hi.' },
        { id: 's3', startMs: 3_725_000, text: 'Music.' },
        { id: 's4', text: 'Plain.' },
      ],
    };
    expect(writeDocumentText(doc)).toBe(
      'Jacco [0:01:23]: Hello.\n\nAnton: Hi.\n\n[1:02:05] Music.\n\nPlain.\n',
    );
  });

  it('writes a title-only header with a "Transcript" line so it reads back as a header', () => {
    const doc: TranscriptDocument = {
      version: 1,
      metadata: { sourceFormat: 'text', title: 'Troops in Russia' },
      segments: [{ id: 's1', text: 'Body.' }],
    };
    const text = writeDocumentText(doc);
    expect(text).toBe('Troops in Russia\nTranscript\n\nBody.\n');
    expect(importString(text, 'out.txt').metadata.title).toBe('Troops in Russia');
  });

  it('reads back the seed rendering with the same metadata and text', () => {
    const doc = importTranscript({ bytes: readFileSync(SEED_PATH), fileName: 'seed.txt' });
    const again = importString(writeDocumentText(doc), 'seed.txt');
    expect(again.metadata).toEqual(doc.metadata);
    expect(again.segments.map((s) => s.text)).toEqual(doc.segments.map((s) => s.text));
  });

  it('reads back speakers and start times (to the second) from a speaker rendering', () => {
    const doc = importFixture('speaker-lines.txt');
    const again = importString(writeDocumentText(doc), 'x.txt');
    expect(again.metadata.sourceFormat).toBe('speaker-text');
    expect(again.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual(
      doc.segments.map((s) => [s.speaker, s.startMs, s.text]),
    );
  });
});
