/**
 * The lossless document JSON: exactly the TranscriptDocument, pretty-printed with a fixed key
 * order so saved files diff cleanly, plus (optionally) the document's fact-check flags. Reading it
 * back validates every field and the version. Files without `flags` (older saves, `glossa
 * convert`) stay valid: they simply have no flags.
 */
import {
  DOCUMENT_VERSION,
  TRANSCRIPT_FORMATS,
  type Segment,
  type TranscriptDocument,
  type TranscriptFormat,
  type TranscriptMetadata,
  type TranscriptWord,
} from '../document/model';
import type { DocumentFlag } from '../workspace/types';
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
  shapeProblem,
} from './json-shape';

/** Metadata keys in the order they are written; also the list of keys read back. */
const METADATA_KEYS = [
  'title',
  'show',
  'episodeDate',
  'description',
  'sourceFile',
  'sourceFormat',
  'mediaFile',
  'language',
] as const satisfies ReadonlyArray<keyof TranscriptMetadata>;

/** A Glossa JSON file read back: the document and the flags saved with it ([] when none were). */
export interface GlossaJsonContent {
  document: TranscriptDocument;
  flags: DocumentFlag[];
}

/**
 * `flags` are written only when passed, so a document-only save (the CLI's convert) is
 * byte-identical to what it was before flags existed.
 */
export function serializeDocumentJson(doc: TranscriptDocument, flags?: readonly DocumentFlag[]): string {
  const metadata: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (doc.metadata[key] !== undefined) metadata[key] = doc.metadata[key];
  const ordered = {
    version: doc.version,
    metadata,
    segments: doc.segments.map((segment) =>
      withoutUndefined({
        id: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        endMs: segment.endMs,
        text: segment.text,
        words: segment.words?.map((word) =>
          withoutUndefined({
            text: word.text,
            startMs: word.startMs,
            endMs: word.endMs,
            confidence: word.confidence,
          }),
        ),
      }),
    ),
    ...(flags === undefined ? {} : { flags: flags.map(orderedFlag) }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** True for the top-level shape `{ version, metadata, segments }` (used by format detection). */
export function looksLikeGlossaJson(json: unknown): boolean {
  return (
    typeof json === 'object' && json !== null && 'version' in json && 'metadata' in json && 'segments' in json
  );
}

/** Validates parsed JSON as a Glossa document; unknown extra keys are ignored. */
export function parseDocumentJson(json: unknown, fileName: string): TranscriptDocument {
  return parseGlossaJson(json, fileName).document;
}

/** Validates parsed JSON as a Glossa document with its flags; unknown extra keys are ignored. */
export function parseGlossaJson(json: unknown, fileName: string): GlossaJsonContent {
  return readJsonShape(fileName, () => {
    const root = expectObject(json, '');
    const version = expectNumber(root.version, 'version');
    if (version !== DOCUMENT_VERSION) {
      shapeProblem(
        'version',
        `this document has version ${version}, which this Glossa cannot read`,
        `version ${DOCUMENT_VERSION}`,
      );
    }
    const segments = expectArray(root.segments, 'segments').map((value, i) =>
      readSegment(value, item('segments', i)),
    );
    const ids = new Set<string>();
    segments.forEach((segment, i) => {
      if (ids.has(segment.id)) {
        const path = field(item('segments', i), 'id');
        shapeProblem(path, `the id "${segment.id}" is used twice`, 'unique segment ids');
      }
      ids.add(segment.id);
    });
    const document: TranscriptDocument = {
      version: DOCUMENT_VERSION,
      metadata: readMetadata(root.metadata),
      segments,
    };
    return { document, flags: readFlags(root.flags, ids) };
  });
}

function orderedFlag(flag: DocumentFlag): DocumentFlag {
  const { id, segmentId, start, end, quote, comment, createdAt, resolvedAt } = flag;
  return { id, segmentId, start, end, quote, comment, createdAt, resolvedAt };
}

/**
 * A flag must point at a segment of this document and cover some text. Its offsets are not checked
 * against the segment's length: the workspace is the judge of that, and refusing our own export
 * over it would lose the whole document.
 */
function readFlags(value: unknown, segmentIds: ReadonlySet<string>): DocumentFlag[] {
  const flagIds = new Set<string>();
  return (optionalArray(value, 'flags') ?? []).map((entry, i) => {
    const path = item('flags', i);
    const raw = expectObject(entry, path);
    const flag: DocumentFlag = {
      id: expectString(raw.id, field(path, 'id')),
      segmentId: expectString(raw.segmentId, field(path, 'segmentId')),
      start: expectOffset(raw.start, field(path, 'start')),
      end: expectOffset(raw.end, field(path, 'end')),
      quote: expectString(raw.quote, field(path, 'quote')),
      comment: expectString(raw.comment, field(path, 'comment')),
      createdAt: expectString(raw.createdAt, field(path, 'createdAt')),
      resolvedAt: optionalString(raw.resolvedAt, field(path, 'resolvedAt')) ?? null,
    };
    if (flagIds.has(flag.id))
      shapeProblem(field(path, 'id'), `the id "${flag.id}" is used twice`, 'unique flag ids');
    flagIds.add(flag.id);
    if (!segmentIds.has(flag.segmentId)) {
      shapeProblem(
        field(path, 'segmentId'),
        `no segment has the id "${flag.segmentId}"`,
        'the id of a segment',
      );
    }
    if (flag.start >= flag.end) shapeProblem(path, 'the flag covers no text', 'start < end');
    return flag;
  });
}

function expectOffset(value: unknown, path: string): number {
  const offset = expectNumber(value, path);
  if (!Number.isInteger(offset) || offset < 0)
    shapeProblem(path, `${offset} is not a text offset`, 'a whole number ≥ 0');
  return offset;
}

function readMetadata(value: unknown): TranscriptMetadata {
  const raw = expectObject(value, 'metadata');
  const sourceFormat = expectString(raw.sourceFormat, 'metadata.sourceFormat');
  if (!isTranscriptFormat(sourceFormat)) {
    shapeProblem(
      'metadata.sourceFormat',
      `unknown format "${sourceFormat}"`,
      `one of ${TRANSCRIPT_FORMATS.join(', ')}`,
    );
  }
  const metadata: TranscriptMetadata = { sourceFormat };
  for (const key of METADATA_KEYS) {
    if (key === 'sourceFormat') continue;
    const text = optionalString(raw[key], field('metadata', key));
    if (text !== undefined) metadata[key] = text;
  }
  return metadata;
}

function readSegment(value: unknown, path: string): Segment {
  const raw = expectObject(value, path);
  const id = expectString(raw.id, field(path, 'id'));
  const speaker = optionalString(raw.speaker, field(path, 'speaker'));
  const startMs = optionalNumber(raw.startMs, field(path, 'startMs'));
  const endMs = optionalNumber(raw.endMs, field(path, 'endMs'));
  const text = expectString(raw.text, field(path, 'text'));
  const words = optionalArray(raw.words, field(path, 'words'))?.map((word, i) =>
    readWord(word, item(field(path, 'words'), i)),
  );
  // Keys in the model's order, so a parsed document serialises to the same text.
  return {
    id,
    ...(speaker === undefined ? {} : { speaker }),
    ...(startMs === undefined ? {} : { startMs }),
    ...(endMs === undefined ? {} : { endMs }),
    text,
    ...(words === undefined ? {} : { words }),
  };
}

function readWord(value: unknown, path: string): TranscriptWord {
  const raw = expectObject(value, path);
  const word: TranscriptWord = {
    text: expectString(raw.text, field(path, 'text')),
    startMs: expectNumber(raw.startMs, field(path, 'startMs')),
    endMs: expectNumber(raw.endMs, field(path, 'endMs')),
  };
  const confidence = optionalNumber(raw.confidence, field(path, 'confidence'));
  if (confidence !== undefined) word.confidence = confidence;
  return word;
}

function isTranscriptFormat(value: string): value is TranscriptFormat {
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
