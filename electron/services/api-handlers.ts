/**
 * The Node side of the API contract: one handler per call, built from plain services. The IPC
 * router (Electron) and the HTTP server (browser mode) both serve exactly these handlers, and the
 * tests call them directly.
 */
import {
  ApiArgumentError,
  type ApiHandlers,
  type OpenedDocument,
  type SegmentSuggestion,
} from '../../shared/api/contract';
import { EXPORT_EXTENSIONS } from '../../shared/export/options';
import type { TranscriptDocument } from '../../shared/document/model';
import { importTranscriptWithFlags } from '../../shared/formats/index';
import { toSegmentSuggestions } from '../../shared/workspace/segment-suggestions';
import type { DocumentFlag, ViewState } from '../../shared/workspace/types';
import { cachedEngineFor, recordDecision } from './corrections/decisions';
import { EvidenceCache } from './corrections/evidence-cache';
import { correctionsReport, reportCsv, reportHtml } from './export/corrections-report';
import { exportFileName } from './export/export-file-name';
import { exportDocument, writeExport } from './export/export-service';
import { decodeGlossaryText } from './glossary/decode-glossary-text';
import { GlossaryNotFoundError } from './glossary/glossary-errors';
import { importGlossaryFile } from './glossary/glossary-exchange';
import { createGlossaryExchangeHandlers } from './glossary/glossary-exchange-handlers';
import type { GlossaryStore } from './glossary/glossary-store';
import { readTranscriptFileWithFlags } from './transcript-files';
import type { WorkspaceStore } from './workspace/workspace-store';
import { createTeamHandlers } from './team/team-handlers';
import type { TeamSyncService } from './team/team-sync-service';
import { createMediaHandlers } from './media/media-handlers';
import { MediaService } from './media/media-service';
import { createWaveformHandlers } from './media/waveform-handlers';
import { dirname, join } from 'node:path';

export interface ApiHandlerDeps {
  glossary: GlossaryStore;
  workspace: WorkspaceStore;
  mode: 'electron' | 'browser';
  version: string;
  /** Shows a native open dialog and returns the chosen path; absent in browser mode. */
  chooseTranscriptFile?: () => Promise<string | null>;
  /** Shows a native save dialog for a suggested file name; absent in browser mode. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Team sync (issue 7); absent where the glossary is not shared (tests, tools). */
  teamSync?: TeamSyncService;
  /** Shows a native open dialog for audio/video; absent in browser mode. */
  chooseMediaFile?: () => Promise<string | null>;
  /** Documents' recordings; by default kept beside the workspace (uploads in its media folder). */
  media?: MediaService;
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const { glossary, workspace } = deps;
  const engine = cachedEngineFor(glossary);
  const evidence = new EvidenceCache();
  const media =
    deps.media ?? new MediaService({ workspace, uploadsDir: join(dirname(workspace.path), 'media') });

  const suggestionsFor = (document: TranscriptDocument): SegmentSuggestion[] =>
    toSegmentSuggestions(document, engine().checkDocument(document));

  const opened = (
    documentId: string,
    document: TranscriptDocument,
    flags: DocumentFlag[],
    viewState: ViewState | null,
    suggestions = suggestionsFor(document),
  ): OpenedDocument => ({ documentId, document, suggestions, flags, viewState });

  /** A freshly imported file becomes a workspace document, checked once so its count is right. */
  const addToWorkspace = async (
    document: TranscriptDocument,
    flags: DocumentFlag[] = [],
  ): Promise<OpenedDocument> => {
    const suggestions = suggestionsFor(document);
    const summary = workspace.createDocument(document, suggestions.length);
    // A Glossa JSON export brings its fact-checking flags back with it.
    if (flags.length > 0) {
      workspace.saveChanges(summary.id, {
        segments: [],
        order: null,
        flags,
        viewState: null,
        openSuggestionCount: suggestions.length,
      });
    }
    evidence.remember(summary.id, engine(), document);
    // The recording beside the transcript (or named in it) is linked at once.
    await media.linkFromMetadata(summary.id, document);
    return opened(summary.id, document, flags, null, suggestions);
  };

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
      if (!path) return null;
      const { document, flags } = await readTranscriptFileWithFlags(path);
      return addToWorkspace(document, flags);
    },
    async importTranscript({ fileName, bytes }) {
      const { document, flags } = importTranscriptWithFlags({ fileName, bytes });
      return addToWorkspace(document, flags);
    },
    async listDocuments() {
      return workspace.listDocuments();
    },
    async openDocument({ documentId }) {
      const stored = workspace.getDocument(documentId);
      evidence.remember(documentId, engine(), stored.document);
      return opened(documentId, stored.document, stored.flags, stored.viewState);
    },
    async saveDocument({ documentId, ...save }) {
      const result = workspace.saveDocument(documentId, save);
      evidence.refresh(documentId, engine(), save.document);
      return result;
    },
    async saveDocumentChanges({ documentId, ...changes }) {
      const result = workspace.saveChanges(documentId, changes);
      // The whole document is assembled from the store only when the evidence is due anyway.
      evidence.refresh(documentId, engine(), () => workspace.getCurrentDocument(documentId));
      return result;
    },
    async exportDocument({ documentId, format, options }) {
      const stored = workspace.getDocument(documentId);
      const output = await exportDocument(format, {
        document: stored.document,
        flags: stored.flags,
        options,
      });
      return {
        fileName: exportFileName(stored.document, EXPORT_EXTENSIONS[format]),
        bytes: typeof output.content === 'string' ? new TextEncoder().encode(output.content) : output.content,
        warnings: output.warnings,
      };
    },
    async exportCorrectionsReport({ documentId, format }) {
      const stored = workspace.getDocument(documentId);
      const rows = correctionsReport(stored.original, stored.document, glossary.list());
      const title = stored.document.metadata.title ?? stored.summary.title;
      const text = format === 'csv' ? reportCsv(rows) : reportHtml(rows, `Corrections: ${title}`);
      return {
        fileName: exportFileName(stored.document, `.${format}`, ' corrections'),
        bytes: new TextEncoder().encode(text),
        warnings: rows.length === 0 ? ['Nothing has been changed since the import.'] : [],
      };
    },
    async saveFileAs({ fileName, bytes }) {
      if (!deps.chooseSavePath)
        throw new ApiArgumentError('saveFileAs: there is no save dialog in browser mode');
      const path = await deps.chooseSavePath(fileName);
      if (!path) return null;
      await writeExport(path, { content: bytes, warnings: [] });
      return { path };
    },
    async deleteDocument({ documentId }) {
      evidence.forget(documentId);
      const deleted = workspace.deleteDocument(documentId);
      await media.documentDeleted(documentId);
      return { deleted };
    },
    async importGlossary({ fileName, bytes }) {
      const text = decodeGlossaryText(bytes, fileName);
      const summary = importGlossaryFile(glossary, text, fileName);
      return { ...summary, total: glossary.count() };
    },
    async checkTranscript({ document }) {
      return suggestionsFor(document);
    },
    async checkSegments({ documentId, segments }) {
      const current = engine();
      const context =
        documentId === undefined
          ? undefined
          : (evidence.get(documentId, current) ??
            evidence.remember(documentId, current, workspace.getCurrentDocument(documentId)));
      // Offset 0: each segment is checked as a paragraph of its own, so offsets are into its text.
      return segments.flatMap((segment) =>
        current
          .checkParagraph(segment.text, 0, context)
          .map((suggestion) => ({ ...suggestion, segmentId: segment.id })),
      );
    },
    async listGlossary() {
      return glossary.list();
    },
    async searchGlossary({ query, limit }) {
      return query.trim() === '' ? glossary.list({ limit: limit ?? 50 }) : glossary.search(query, limit);
    },
    async getGlossaryEntries({ ids }) {
      return ids.flatMap((id) => glossary.get(id) ?? []);
    },
    async addGlossaryEntry({ entry }) {
      return glossary.add(entry);
    },
    async updateGlossaryEntry({ id, patch }) {
      return glossary.update(id, patch);
    },
    async deleteGlossaryEntry({ id }) {
      // Read first: the editor's undo needs the whole entry back (restoreGlossaryEntry).
      const entry = glossary.get(id);
      if (!entry || !glossary.remove(id)) throw new GlossaryNotFoundError(id);
      return entry;
    },
    async restoreGlossaryEntry({ entry }) {
      return glossary.restore(entry);
    },
    async recordDecision(request) {
      return recordDecision(glossary, request);
    },
    ...createTeamHandlers(glossary, deps.teamSync),
    ...createMediaHandlers({
      media,
      ...(deps.chooseMediaFile ? { chooseMediaFile: deps.chooseMediaFile } : {}),
    }),
    ...createGlossaryExchangeHandlers(glossary),
    // The workspace lives in Glossa's user-data folder, so the waveform cache goes beside it.
    ...createWaveformHandlers({ workspace, userDataDir: dirname(workspace.path) }),
  };
}
