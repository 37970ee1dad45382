/** Small documents and flags for the text exporters' tests (txt, md, html, prepare). */
import type { Segment, TranscriptDocument, TranscriptMetadata } from '../../../shared/document/model';
import { DEFAULT_EXPORT_OPTIONS, type ExportInput, type ExportOptions } from '../../../shared/export/options';
import type { DocumentFlag } from '../../../shared/workspace/types';

export function documentOf(
  segments: Array<Omit<Segment, 'id'> & { id?: string }>,
  metadata: Partial<TranscriptMetadata> = {},
): TranscriptDocument {
  return {
    version: 1,
    metadata: { sourceFormat: 'glossa-json', ...metadata },
    segments: segments.map((segment, index) => ({ id: `s${index + 1}`, ...segment })),
  };
}

export function flag(segmentId: string, start: number, end: number, resolved = false): DocumentFlag {
  return {
    id: `f-${segmentId}-${start}`,
    segmentId,
    start,
    end,
    quote: '',
    comment: 'check',
    createdAt: '2024-05-01T10:00:00.000Z',
    resolvedAt: resolved ? '2024-05-02T10:00:00.000Z' : null,
  };
}

export function inputOf(
  document: TranscriptDocument,
  options: Partial<ExportOptions> = {},
  flags: DocumentFlag[] = [],
): ExportInput {
  return { document, flags, options: { ...DEFAULT_EXPORT_OPTIONS, ...options } };
}

/** Two speakers, three turns, a title and a transcript full of characters that need escaping. */
export const INTERVIEW = documentOf(
  [
    {
      speaker: 'Anna',
      startMs: 7_000,
      endMs: 12_000,
      text: 'Welcome to <script>alert("x")</script> & more.',
    },
    { speaker: 'Anna', startMs: 12_000, endMs: 15_000, text: "It's *really* [1] #big_news." },
    { speaker: 'Bram', startMs: 754_000, endMs: 760_000, text: 'Thanks, Anna.' },
    { speaker: 'Anna', startMs: 3_723_000, endMs: 3_725_000, text: '- 1. Bye' },
  ],
  {
    title: 'The <NIS> & "you"',
    show: 'Tech Talk',
    episodeDate: '2024-05-01',
    sourceFile: 'episode-12.srt',
    description: 'A talk about things.',
    language: 'nl-BE',
  },
);
