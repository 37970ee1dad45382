/**
 * Transcripts for the workspace tests, built in code so a test can ask for any size. Deterministic:
 * the same arguments give the same document, so a test can rebuild what another process saved.
 */
import type { Segment, TranscriptDocument } from '../../../../shared/document/model';
import type { DocumentFlag } from '../../../../shared/workspace/types';

const WORDS = ['the', 'troops', 'crossed', 'into', 'Kursk', 'region', 'near', 'Donbass', 'said', 'officials'];

export interface DocumentShape {
  segments: number;
  wordsPerSegment: number;
  /** Written into the title and the first segment, so saves of one document differ. */
  revision?: number;
}

/** A transcript with word timings, like one imported from WhisperX. */
export function makeDocument({ segments, wordsPerSegment, revision = 0 }: DocumentShape): TranscriptDocument {
  let ms = 0;
  return {
    version: 1,
    metadata: {
      title: `Revision ${revision}`,
      sourceFile: 'episode.json',
      sourceFormat: 'whisperx-json',
      language: 'en',
    },
    segments: Array.from({ length: segments }, (_, s) => {
      const words = Array.from({ length: wordsPerSegment }, (_, w) => {
        const text = s === 0 && w === 0 ? `r${revision}` : (WORDS[(s * 7 + w) % WORDS.length] ?? 'word');
        const word = { text, startMs: ms, endMs: ms + 250, confidence: ((s + w) % 100) / 100 };
        ms += 300;
        return word;
      });
      return {
        id: `s${s + 1}`,
        speaker: s % 2 === 0 ? 'HOST' : 'GUEST',
        startMs: words[0]?.startMs ?? ms,
        endMs: words.at(-1)?.endMs ?? ms,
        text: words.map((word) => word.text).join(' '),
        words,
      };
    }),
  };
}

export function makeFlag(overrides: Partial<DocumentFlag> = {}): DocumentFlag {
  return {
    id: '8a7f3c2e-1b4d-4e5f-9a6b-7c8d9e0f1a2b',
    segmentId: 's1',
    start: 0,
    end: 6,
    quote: 'troops',
    comment: 'Check the number of troops',
    createdAt: '2024-10-22T10:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

/** The crash test's document: about 8,000 words with timings, so a kill can land inside a save. */
export const CRASH_DOCUMENT = { segments: 400, wordsPerSegment: 20 } as const;

/** The crash test's child stops after this many saves, should its parent die without killing it. */
export const MAX_SAVES = 5_000;

/**
 * The crash test's autosave of only the changes, number `revision` (1, 2, …) after the document
 * was created as makeDocument(CRASH_DOCUMENT): the first segment is edited (as in makeDocument with
 * that revision), a new segment replaces the one the previous save added, and the order puts it
 * second on odd revisions and last on even ones, so every save also moves the segments after it.
 */
export function crashChanges(revision: number): { segments: Segment[]; order: string[] } {
  const edited = makeDocument({ ...CRASH_DOCUMENT, revision }).segments;
  const added: Segment = { id: `added-${revision}`, speaker: 'HOST', text: `added by save ${revision}` };
  const [first, ...rest] = edited.map((segment) => segment.id);
  const order = revision % 2 === 1 ? [first!, added.id, ...rest] : [first!, ...rest, added.id];
  return { segments: [edited[0]!, added], order };
}

/** The crash test's document after crashChanges(revision) was saved (the metadata stays as created). */
export function documentAfterCrashChanges(revision: number): TranscriptDocument {
  const document = makeDocument(CRASH_DOCUMENT);
  const { segments, order } = crashChanges(revision);
  const byId = new Map([...document.segments, ...segments].map((segment) => [segment.id, segment]));
  return { ...document, segments: order.map((id) => byId.get(id)!) };
}
