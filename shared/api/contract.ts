/**
 * The one API between the renderer and the Node side (DESIGN.md, convention 2). Each call has an
 * argument schema, checked by the main process (and the browser-mode server) before any disk or
 * database work, and a result type. The preload exposes one function per call; browser mode serves
 * the same calls over HTTP. Add a call here first; TypeScript then asks for its handler.
 */
import { z } from 'zod';
import type { TranscriptDocument } from '../document/model';
import { transcriptDocumentSchema } from '../document/schema';
import { CORRECTION_DECISIONS, type DecisionResult, type GlossaryEntry } from '../glossary/types';
import type { Suggestion } from '../engine/suggestion';
import { API_CALLS, type ApiChannelCall } from './channels';

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

/** A transcript read from a file, with the suggestions the glossary gives for it. */
export interface OpenedTranscript {
  document: TranscriptDocument;
  suggestions: Suggestion[];
}

export interface GlossaryImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Entries in the glossary after the import. */
  total: number;
}

const noArgs = z.object({}).strict();

export const apiContract = {
  getAppInfo: { args: noArgs, result: null as unknown as AppInfo },
  /** Shows the native open dialog; null when the user cancels. */
  openTranscriptDialog: { args: noArgs, result: null as unknown as OpenedTranscript | null },
  /** Imports a transcript from its bytes (file input, drag and drop). */
  importTranscript: {
    args: z
      .object({ fileName: z.string().min(1).max(MAX_FILE_NAME), bytes: z.instanceof(Uint8Array) })
      .strict(),
    result: null as unknown as OpenedTranscript,
  },
  /** Imports a glossary file (.csv or .json), merged by term; all-or-nothing. */
  importGlossary: {
    args: z
      .object({ fileName: z.string().min(1).max(MAX_FILE_NAME), bytes: z.instanceof(Uint8Array) })
      .strict(),
    result: null as unknown as GlossaryImportSummary,
  },
  /** Checks a document against the current glossary, e.g. again after a glossary import. */
  checkTranscript: {
    args: z.object({ document: transcriptDocumentSchema }).strict(),
    result: null as unknown as Suggestion[],
  },
  listGlossary: { args: noArgs, result: null as unknown as GlossaryEntry[] },
  searchGlossary: {
    args: z
      .object({ query: z.string().max(MAX_QUERY), limit: z.number().int().min(1).max(500).optional() })
      .strict(),
    result: null as unknown as GlossaryEntry[],
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
