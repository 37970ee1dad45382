import { describe, expect, it } from 'vitest';
import { importTranscript, MAX_TRANSCRIPT_BYTES } from '../../../shared/formats';
import { expectImportError, importFixture, importString } from './fixtures';

describe('importTranscript', () => {
  it('sets the source file and format and numbers segments s1, s2, … in order', () => {
    const doc = importFixture('subtitle-edit.srt');
    expect(doc.version).toBe(1);
    expect(doc.metadata.sourceFile).toBe('subtitle-edit.srt');
    expect(doc.metadata.sourceFormat).toBe('srt');
    expect(doc.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('never returns a document without segments', () => {
    const error = expectImportError(
      () => importString('WEBVTT\n\nNOTE nothing here yet\n', 'draft.vtt'),
      'empty',
    );
    expect(error.file).toBe('draft.vtt');
    expectImportError(
      () => importString(JSON.stringify({ segments: [{ start: 0, end: 1, text: ' ' }] }), 'silence.json'),
      'empty',
    );
  });

  it('refuses more than MAX_TRANSCRIPT_BYTES, saying how large the file is', () => {
    expect(MAX_TRANSCRIPT_BYTES).toBe(100 * 1024 * 1024);
    const bytes = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1);
    const error = expectImportError(() => importTranscript({ bytes, fileName: 'huge.txt' }), 'too-large');
    expect(error.message).toBe(
      'huge.txt: the file is 100.0 MB; transcripts larger than 100 MB are not opened',
    );
  });
});
