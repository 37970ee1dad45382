/**
 * The zod schema of a TranscriptDocument, for documents that cross a trust boundary (the API
 * contract validates `checkTranscript`'s document with it). It accepts exactly the shape of
 * model.ts, with caps that no real transcript reaches, so a hostile or corrupted document cannot
 * make the Node side do unbounded work. Unknown keys are refused.
 */
import { z } from 'zod';
import { DOCUMENT_VERSION, TRANSCRIPT_FORMATS, type TranscriptDocument } from './model';

/** A 3-hour podcast has a few thousand segments; subtitles for a long film, a few tens of thousands. */
export const MAX_SEGMENTS = 200_000;
/** A segment may hold a whole unparagraphed transcript (plain text without blank lines). */
export const MAX_SEGMENT_TEXT = 2_000_000;
export const MAX_WORDS_PER_SEGMENT = 500_000;
export const MAX_WORD_TEXT = 1_000;
export const MAX_SEGMENT_ID = 200;
export const MAX_SPEAKER = 1_000;
export const MAX_DESCRIPTION = 100_000;
/** Titles, show names, dates, file names, media paths and language tags. */
export const MAX_METADATA_FIELD = 4_096;

const milliseconds = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const metadataText = z.string().max(MAX_METADATA_FIELD);

export const transcriptWordSchema = z.strictObject({
  text: z.string().max(MAX_WORD_TEXT),
  startMs: milliseconds,
  endMs: milliseconds,
  confidence: z.number().min(0).max(1).optional(),
});

export const segmentSchema = z.strictObject({
  id: z.string().min(1).max(MAX_SEGMENT_ID),
  speaker: z.string().max(MAX_SPEAKER).optional(),
  startMs: milliseconds.optional(),
  endMs: milliseconds.optional(),
  text: z.string().max(MAX_SEGMENT_TEXT),
  words: z.array(transcriptWordSchema).max(MAX_WORDS_PER_SEGMENT).optional(),
});

export const transcriptMetadataSchema = z.strictObject({
  title: metadataText.optional(),
  show: metadataText.optional(),
  episodeDate: metadataText.optional(),
  description: z.string().max(MAX_DESCRIPTION).optional(),
  sourceFile: metadataText.optional(),
  sourceFormat: z.enum(TRANSCRIPT_FORMATS),
  mediaFile: metadataText.optional(),
  language: metadataText.optional(),
});

export const transcriptDocumentSchema = z
  .strictObject({
    version: z.literal(DOCUMENT_VERSION),
    metadata: transcriptMetadataSchema,
    segments: z.array(segmentSchema).max(MAX_SEGMENTS),
  })
  .superRefine((doc, context) => {
    // Segment ids are stable handles within a document (model.ts), so they must be unique.
    const seen = new Set<string>();
    doc.segments.forEach((segment, index) => {
      if (seen.has(segment.id)) {
        context.addIssue({
          code: 'custom',
          path: ['segments', index, 'id'],
          message: `the id "${segment.id}" is used twice`,
        });
      }
      seen.add(segment.id);
    });
  });

// The schema and the model must describe the same type; the build stops when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ParsedDocument = z.infer<typeof transcriptDocumentSchema>;
const schemaMatchesModel: Same<ParsedDocument, TranscriptDocument> = true;
void schemaMatchesModel;
