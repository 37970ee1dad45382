import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../shared/export/json';
import { DEFAULT_EXPORT_OPTIONS } from '../../../shared/export/options';
import { importTranscriptWithFlags, serializeDocumentJson } from '../../../shared/formats';
import type { DocumentFlag } from '../../../shared/workspace/types';
import { expectImportError, importFixture } from '../formats/fixtures';

const FLAG: DocumentFlag = {
  id: '0b7f2c1e-6a4d-4c47-9a51-2f8e5d7c9b10',
  segmentId: 's2',
  start: 0,
  end: 6,
  quote: 'It was',
  comment: 'Check the recording date.',
  createdAt: '2024-10-23T09:15:00.000Z',
  resolvedAt: null,
};
const RESOLVED: DocumentFlag = {
  ...FLAG,
  id: 'b2c8',
  segmentId: 's1',
  start: 6,
  end: 15,
  resolvedAt: '2024-10-24T10:00:00Z',
};

function importJson(text: string) {
  return importTranscriptWithFlags({
    bytes: new TextEncoder().encode(text),
    fileName: 'episode.glossa.json',
  });
}

describe('JSON export', () => {
  const document = importFixture('whisperx.json');

  it.each([
    ['with open and resolved flags', [FLAG, RESOLVED]],
    ['without flags', []],
  ])('round-trips the document (words, confidences, timings) %s', (_name, flags) => {
    const { content, warnings } = exportJson({ document, flags, options: DEFAULT_EXPORT_OPTIONS });
    expect(warnings).toEqual([]);
    const again = importJson(content as string);
    expect(again.document).toEqual(document);
    expect(again.flags).toEqual(flags);
    expect(document.segments[0]?.words?.[0]?.confidence).toBeTypeOf('number');
  });

  it('ignores clean verbatim and dropped passages: it is the lossless document', () => {
    const options = { ...DEFAULT_EXPORT_OPTIONS, cleanVerbatim: true, flaggedPassages: 'drop' as const };
    const plain = exportJson({ document, flags: [FLAG], options: DEFAULT_EXPORT_OPTIONS });
    expect(exportJson({ document, flags: [FLAG], options }).content).toBe(plain.content);
  });

  it('reads a Glossa JSON file written before flags existed as having none', () => {
    expect(importJson(serializeDocumentJson(document)).flags).toEqual([]);
  });

  it.each([
    ['a flag on a segment that does not exist', { ...FLAG, segmentId: 's99' }, 'flags[0].segmentId'],
    ['a flag covering no text', { ...FLAG, end: 0 }, 'flags[0]'],
    ['a flag with a negative offset', { ...FLAG, start: -1 }, 'flags[0].start'],
    ['a flag without a comment', { ...FLAG, comment: undefined }, 'flags[0].comment'],
  ])('refuses %s, naming where', (_name, flag, path) => {
    const json = serializeDocumentJson(document, [flag as DocumentFlag]);
    const error = expectImportError(() => importJson(json), 'unexpected-shape');
    expect(error.message).toContain(`${path}:`);
  });

  it('refuses two flags with the same id', () => {
    const json = serializeDocumentJson(document, [FLAG, { ...FLAG, segmentId: 's1' }]);
    expect(expectImportError(() => importJson(json), 'unexpected-shape').message).toContain('used twice');
  });
});
