/**
 * The Node side of the API contract: one handler per call, built from plain services. The IPC
 * router (Electron) and the HTTP server (browser mode) both serve exactly these handlers, and the
 * tests call them directly.
 */
import type { ApiHandlers, OpenedTranscript } from '../../shared/api/contract';
import type { TranscriptDocument } from '../../shared/document/model';
import { importTranscript } from '../../shared/formats/index';
import { cachedEngineFor, recordDecision } from './corrections/decisions';
import type { GlossaryStore } from './glossary/glossary-store';
import { readTranscriptFile } from './transcript-files';
import { decodeGlossaryText } from './glossary/decode-glossary-text';

export interface ApiHandlerDeps {
  glossary: GlossaryStore;
  mode: 'electron' | 'browser';
  version: string;
  /** Shows a native open dialog and returns the chosen path; absent in browser mode. */
  chooseTranscriptFile?: () => Promise<string | null>;
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const { glossary } = deps;
  const engine = cachedEngineFor(glossary);

  const withSuggestions = (document: TranscriptDocument): OpenedTranscript => ({
    document,
    suggestions: engine().checkDocument(document),
  });

  return {
    async getAppInfo() {
      return {
        version: deps.version,
        mode: deps.mode,
        glossaryPath: glossary.path,
        glossaryEntryCount: glossary.count(),
        canOpenNativeDialog: deps.chooseTranscriptFile !== undefined,
      };
    },
    async openTranscriptDialog() {
      const path = await deps.chooseTranscriptFile?.();
      return path ? withSuggestions(await readTranscriptFile(path)) : null;
    },
    async importTranscript({ fileName, bytes }) {
      return withSuggestions(importTranscript({ fileName, bytes }));
    },
    async importGlossary({ fileName, bytes }) {
      const text = decodeGlossaryText(bytes, fileName);
      const summary = /\.json$/i.test(fileName)
        ? glossary.importJson(text, fileName)
        : glossary.importCsv(text, fileName);
      return { ...summary, total: glossary.count() };
    },
    async checkTranscript({ document }) {
      return engine().checkDocument(document);
    },
    async listGlossary() {
      return glossary.list();
    },
    async searchGlossary({ query, limit }) {
      return query.trim() === '' ? glossary.list({ limit: limit ?? 50 }) : glossary.search(query, limit);
    },
    async recordDecision(request) {
      return recordDecision(glossary, request);
    },
  };
}
