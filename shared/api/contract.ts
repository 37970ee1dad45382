/**
 * The one API between the renderer and the Node side (DESIGN.md, convention 2). Each call has an
 * argument schema, checked by the main process (and the browser-mode server) before any disk or
 * database work, and a result type. The preload exposes one function per call; browser mode serves
 * the same calls over HTTP. Add a call here first; TypeScript then asks for its handler.
 */
import { z } from 'zod';
import {
  MAX_SEGMENT_ID,
  MAX_SEGMENT_TEXT,
  MAX_SEGMENTS,
  segmentSchema,
  transcriptDocumentSchema,
} from '../document/schema';
import { EXPORT_FORMATS, TIMESTAMP_MODES } from '../export/options';
import {
  CORRECTION_DECISIONS,
  TERM_CATEGORIES,
  type DecisionResult,
  type GlossaryEntry,
} from '../glossary/types';
import type { DocumentSummary, OpenedDocument, SaveResult, SegmentSuggestion } from '../workspace/types';
import { API_CALLS, type ApiChannelCall } from './channels';
import { glossaryExchangeCalls } from './contract-glossary-exchange';
import { teamCalls } from './contract-team';
import { mediaCalls } from './contract-media';
import { waveformCalls } from './contract-waveform';

const MAX_FILE_NAME = 1024;
const MAX_QUERY = 500;
const MAX_HEARD = 500;

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop window, 'browser' when served by `npm run web`. */
  mode: 'electron' | 'browser';
  glossaryPath: string;
  glossaryEntryCount: number;
  /** True where a native file dialog exists (Electron). */
  canOpenNativeDialog: boolean;
}

export type { DocumentSummary, OpenedDocument, SaveResult, SegmentSuggestion };

export interface GlossaryImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Entries in the glossary after the import. */
  total: number;
}

const noArgs = z.object({}).strict();
const exportOptionsSchema = z.strictObject({
  speakers: z.boolean(),
  timestamps: z.enum(TIMESTAMP_MODES),
  metadataHeader: z.boolean(),
  cleanVerbatim: z.boolean(),
  fillers: z.array(z.string().min(1).max(100)).max(1000).readonly().optional(),
  flaggedPassages: z.enum(['include', 'drop']),
});

/** A file made for the person to keep: its suggested name, its bytes, and what to tell them. */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  warnings: string[];
}
const MAX_TERM = 500;
const MAX_NOTES = 20_000;
const MAX_FORMS = 200;
const MAX_IDS = 5_000;
const MAX_CHECK_SEGMENTS = 5_000;

const documentId = z.uuid();
const viewStateSchema = z.strictObject({
  segmentId: z.string().min(1).max(MAX_SEGMENT_ID).nullable(),
  offset: z.number().int().nonnegative().max(MAX_SEGMENT_TEXT),
  scrollTop: z.number().nonnegative().max(1e9),
});
const flagSchema = z
  .strictObject({
    id: z.uuid(),
    segmentId: z.string().min(1).max(MAX_SEGMENT_ID),
    start: z.number().int().nonnegative().max(MAX_SEGMENT_TEXT),
    end: z.number().int().nonnegative().max(MAX_SEGMENT_TEXT),
    quote: z.string().max(MAX_SEGMENT_TEXT),
    comment: z.string().max(MAX_NOTES),
    createdAt: z.string().min(1).max(64),
    resolvedAt: z.string().min(1).max(64).nullable(),
  })
  .refine((flag) => flag.start < flag.end, { message: 'a flag must cover some text (start < end)' });
const termText = z.string().trim().min(1).max(MAX_TERM);
const entryFields = {
  category: z.enum(TERM_CATEGORIES).optional(),
  forms: z.array(termText).max(MAX_FORMS).optional(),
  notes: z.string().max(MAX_NOTES).optional(),
  source: z.string().max(MAX_NOTES).optional(),
};
const glossaryEntrySchema = z.strictObject({
  id: z.uuid(),
  term: termText,
  category: z.enum(TERM_CATEGORIES),
  forms: z.array(termText).max(MAX_FORMS),
  variants: z
    .array(z.strictObject({ text: termText, acceptedCount: z.number().int().nonnegative() }))
    .max(10_000),
  notes: z.string().max(MAX_NOTES),
  source: z.string().max(MAX_NOTES),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
  createdBy: z.string().max(MAX_TERM),
  updatedBy: z.string().max(MAX_TERM),
  // Team sync: an entry as deleteGlossaryEntry returned it may carry these; restoring ignores them.
  verified: z.strictObject({ by: z.string().max(MAX_TERM), at: z.string().max(64) }).optional(),
  conflicted: z.boolean().optional(),
});

export const apiContract = {
  getAppInfo: { args: noArgs, result: null as unknown as AppInfo },
  /**
   * Shows the native open dialog and imports the chosen file into the workspace as a new document;
   * null when the user cancels.
   */
  openTranscriptDialog: { args: noArgs, result: null as unknown as OpenedDocument | null },
  /** Imports a transcript from its bytes (file input, drag and drop) as a new workspace document. */
  importTranscript: {
    args: z
      .object({ fileName: z.string().min(1).max(MAX_FILE_NAME), bytes: z.instanceof(Uint8Array) })
      .strict(),
    result: null as unknown as OpenedDocument,
  },
  /** The workspace's documents, most recently changed first. */
  listDocuments: { args: noArgs, result: null as unknown as DocumentSummary[] },
  /** A workspace document as last saved, with fresh suggestions, its flags and view state. */
  openDocument: { args: z.strictObject({ documentId }), result: null as unknown as OpenedDocument },
  /**
   * Autosave: replaces the document's current state, flags and view state in one transaction. The
   * imported original is never touched.
   */
  saveDocument: {
    args: z.strictObject({
      documentId,
      document: transcriptDocumentSchema,
      flags: z.array(flagSchema).max(100_000),
      viewState: viewStateSchema.nullable(),
      openSuggestionCount: z.number().int().nonnegative().max(10_000_000),
    }),
    result: null as unknown as SaveResult,
  },
  /**
   * Autosave while typing: only the segments added or changed since the last save travel, with
   * the whole segment order when segments were added, removed or moved (null otherwise). Flags,
   * view state and the count are replaced as in saveDocument. One transaction.
   */
  saveDocumentChanges: {
    args: z.strictObject({
      documentId,
      segments: z.array(segmentSchema).max(MAX_SEGMENTS),
      order: z.array(z.string().min(1).max(MAX_SEGMENT_ID)).max(MAX_SEGMENTS).nullable(),
      flags: z.array(flagSchema).max(100_000),
      viewState: viewStateSchema.nullable(),
      openSuggestionCount: z.number().int().nonnegative().max(10_000_000),
    }),
    result: null as unknown as SaveResult,
  },
  /**
   * The document as it is now, exported to a format (bytes + a suggested file name + warnings
   * such as unresolved flags). The page then saves it (saveFileAs) or downloads it.
   */
  exportDocument: {
    args: z.strictObject({ documentId, format: z.enum(EXPORT_FORMATS), options: exportOptionsSchema }),
    result: null as unknown as ExportedFile,
  },
  /** Every change since import (heard → corrected, time, glossary entry and source) as CSV or HTML. */
  exportCorrectionsReport: {
    args: z.strictObject({ documentId, format: z.enum(['csv', 'html']) }),
    result: null as unknown as ExportedFile,
  },
  /**
   * Electron only: shows the native save dialog and writes the file safely (temp file, flush,
   * rename; an existing file is replaced only by a complete new one). Null when cancelled.
   */
  saveFileAs: {
    args: z.strictObject({ fileName: z.string().min(1).max(MAX_FILE_NAME), bytes: z.instanceof(Uint8Array) }),
    result: null as unknown as { path: string } | null,
  },
  /** Removes a document (current state, original, flags) from the workspace. */
  deleteDocument: { args: z.strictObject({ documentId }), result: null as unknown as { deleted: boolean } },
  /** Imports a glossary file (.csv, .json, TBX, Vale .yml or accept.txt), merged by term; all-or-nothing. */
  importGlossary: {
    args: z
      .object({ fileName: z.string().min(1).max(MAX_FILE_NAME), bytes: z.instanceof(Uint8Array) })
      .strict(),
    result: null as unknown as GlossaryImportSummary,
  },
  /**
   * Checks a whole document against the current glossary, e.g. again after a glossary change.
   * Offsets are into each suggestion's segment.
   */
  checkTranscript: {
    args: z.object({ document: transcriptDocumentSchema }).strict(),
    result: null as unknown as SegmentSuggestion[],
  },
  /**
   * Re-checks edited segments (offsets in the result are into each segment's text), one paragraph
   * at a time, with what the rest of the document says when `documentId` is given.
   */
  checkSegments: {
    args: z.strictObject({
      /** The workspace document the segments belong to: its evidence is used (see DocumentEvidence). */
      documentId: documentId.optional(),
      segments: z
        .array(
          z.strictObject({
            id: z.string().min(1).max(MAX_SEGMENT_ID),
            text: z.string().max(MAX_SEGMENT_TEXT),
          }),
        )
        .max(MAX_CHECK_SEGMENTS),
    }),
    result: null as unknown as SegmentSuggestion[],
  },
  listGlossary: { args: noArgs, result: null as unknown as GlossaryEntry[] },
  searchGlossary: {
    args: z
      .object({ query: z.string().max(MAX_QUERY), limit: z.number().int().min(1).max(500).optional() })
      .strict(),
    result: null as unknown as GlossaryEntry[],
  },
  /** Entries by id, in the order asked; ids not in the glossary are left out. */
  getGlossaryEntries: {
    args: z.strictObject({ ids: z.array(z.uuid()).max(MAX_IDS) }),
    result: null as unknown as GlossaryEntry[],
  },
  addGlossaryEntry: {
    args: z.strictObject({
      entry: z.strictObject({
        term: termText,
        variants: z.array(termText).max(MAX_FORMS).optional(),
        ...entryFields,
      }),
    }),
    result: null as unknown as GlossaryEntry,
  },
  updateGlossaryEntry: {
    args: z.strictObject({
      id: z.uuid(),
      patch: z.strictObject({ term: termText.optional(), ...entryFields }),
    }),
    result: null as unknown as GlossaryEntry,
  },
  /** Deletes an entry and returns it whole, so the editor can offer to undo. */
  deleteGlossaryEntry: { args: z.strictObject({ id: z.uuid() }), result: null as unknown as GlossaryEntry },
  /** Puts back an entry exactly as deleteGlossaryEntry returned it (same id, variants, dates). */
  restoreGlossaryEntry: {
    args: z.strictObject({ entry: glossaryEntrySchema }),
    result: null as unknown as GlossaryEntry,
  },
  /**
   * Learning: accepting a suggestion makes the heard text a variant of the entry (counted);
   * rejecting it stops the suggestion for good. `undo: true` takes back one earlier decision.
   */
  recordDecision: {
    args: z
      .object({
        decision: z.enum(CORRECTION_DECISIONS),
        termId: z.uuid(),
        heard: z.string().min(1).max(MAX_HEARD),
        undo: z.boolean().optional(),
      })
      .strict(),
    result: null as unknown as DecisionResult,
  },
  ...teamCalls,
  ...mediaCalls,
  ...waveformCalls,
  ...glossaryExchangeCalls,
} as const;

export type ApiContract = typeof apiContract;
export type ApiCallName = keyof ApiContract;
export type ApiArgs<N extends ApiCallName> = z.infer<ApiContract[N]['args']>;
export type ApiResultValue<N extends ApiCallName> = ApiContract[N]['result'];

/** The typed API object the renderer uses, in Electron and in browser mode alike. */
export type GlossaApi = { [N in ApiCallName]: (args: ApiArgs<N>) => Promise<ApiResultValue<N>> };

/** The Node side's implementation of every call. */
export type ApiHandlers = GlossaApi;

/** What crosses the boundary: a value, or an error a person can read (never a stack trace). */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const API_CALL_NAMES: readonly ApiCallName[] = API_CALLS;

// The preload's channel list (kept free of zod so the sandboxed preload stays small) must name
// exactly the calls of the contract; this line stops the build when they drift apart.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatchContract: SameKeys<ApiChannelCall, ApiCallName> = true;
void channelsMatchContract;

/** Validates a call's arguments; throws ApiArgumentError naming the call and the bad field. */
export function parseApiArgs<N extends ApiCallName>(name: N, args: unknown): ApiArgs<N> {
  const result = apiContract[name].args.safeParse(args ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'arguments';
    throw new ApiArgumentError(`${name}: invalid ${field}: ${issue?.message ?? 'bad arguments'}`);
  }
  return result.data as ApiArgs<N>;
}

export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}

export class ApiArgumentError extends Error {
  override readonly name = 'ApiArgumentError';
}
