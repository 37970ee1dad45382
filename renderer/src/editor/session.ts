/**
 * Everything that belongs to one open document besides the Lexical editor itself: its suggestion
 * and flag stores, the highlight painter, the segment index, the shared undo history and which
 * suggestion is current. Plugins and panels reach it through React context.
 */
import { createEmptyHistoryState, type HistoryState } from '@lexical/history';
import type { LexicalEditor } from 'lexical';
import { createContext, useContext } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { TranscriptMetadata } from '../../../shared/document/model';
import { FlagStore } from '../flags/flag-store';
import { dismissalKey, SuggestionStore, withKeys } from '../suggestions/suggestion-store';
import { $readDocument, $segmentNodes } from './document-bridge';
import { Observable } from '../lib/observable';
import { DecisionLog } from '../suggestions/decision-log';
import { sameSaveStatus, type SaveStatus } from './save-status';
import { HighlightPainter } from './highlight-painter';
import { SegmentIndex } from './segment-index';
import { MediaController } from '../media/media-controller';
import { MediaLinker } from '../media/media-link';

export class EditorSession {
  readonly suggestions = new SuggestionStore();
  readonly flags = new FlagStore();
  readonly historyState: HistoryState = createEmptyHistoryState();
  /** Key of the suggestion the keyboard commands act on. */
  readonly currentSuggestion = new Observable<string | null>(null);
  /** Bumped when the glossary changed, so cards re-read their entries. */
  readonly glossaryRevision = new Observable(0);
  readonly decisionLog = new DecisionLog();
  /** The recording played while correcting. */
  readonly media = new MediaController();
  /** Which recording the workspace links to this document; attaching and relinking go through it. */
  readonly mediaLink: MediaLinker;
  /** What the autosave is doing; only the indicator re-renders when it changes. */
  readonly saveStatus = new Observable<SaveStatus>({ state: 'saved', at: null });
  setSaveStatus(status: SaveStatus): void {
    if (!sameSaveStatus(status, this.saveStatus.get())) this.saveStatus.set(status);
  }
  /** Problems to show the person (a failed check or decision); set by the screen. */
  readonly problem = new Observable<string | null>(null);
  reportProblem(message: string): void {
    this.problem.set(message);
  }
  private flush: (() => Promise<void>) | null = null;

  /** Saves pending changes now (the autosave plugin provides this while a document is open). */
  async flushSave(): Promise<void> {
    await this.flush?.();
  }

  provideFlush(flush: () => Promise<void>): () => void {
    this.flush = flush;
    return () => {
      if (this.flush === flush) this.flush = null;
    };
  }
  private attached: { editor: LexicalEditor; index: SegmentIndex; painter: HighlightPainter } | null = null;

  constructor(
    readonly api: GlossaApi,
    readonly documentId: string,
    public metadata: TranscriptMetadata,
  ) {
    this.mediaLink = new MediaLinker(api, documentId, this.media);
  }

  attach(editor: LexicalEditor): () => void {
    const index = new SegmentIndex(editor);
    const painter = new HighlightPainter((segmentId) => index.element(segmentId));
    this.attached = { editor, index, painter };
    const syncOrder = () => {
      const order = index.order();
      this.suggestions.setOrder(order);
      this.flags.setOrder(order);
    };
    const stopOrder = index.onStructureChange(syncOrder);
    // The index reported the segments already there while it was built, before anyone listened:
    // without this the stores know no order until a segment is added or removed, and a segment
    // re-checked after an edit would move its suggestions to the end of the list (and of F8).
    syncOrder();
    return () => {
      stopOrder();
      painter.dispose();
      index.dispose();
      this.media.detach();
      this.attached = null;
    };
  }

  /**
   * Checks the whole document again (after the glossary changed) and replaces the suggestions of
   * every segment that still reads as it did when the check started.
   */
  async recheckAll(): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    const sent = editor.getEditorState().read(() => $readDocument(this.metadata));
    let results;
    try {
      results = await this.api.checkTranscript({ document: sent });
    } catch (error) {
      this.reportProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    const now = editor
      .getEditorState()
      .read(
        () =>
          new Map(
            $segmentNodes().map((node) => [
              node.getSegmentId(),
              { text: node.getTextContent(), dismissed: node.getDismissed() },
            ]),
          ),
      );
    const unchanged = new Set(
      sent.segments.filter((seg) => now.get(seg.id)?.text === seg.text).map((seg) => seg.id),
    );
    const fresh = results.filter((s) => {
      const segment = now.get(s.segmentId);
      return (
        segment && unchanged.has(s.segmentId) && !segment.dismissed.includes(dismissalKey(s.termId, s.text))
      );
    });
    // Segments edited meanwhile keep their own (newer) suggestions.
    const kept = this.suggestions.list().filter((s) => !unchanged.has(s.segmentId));
    this.suggestions.replaceAll([...kept, ...withKeys(fresh)]);
    this.glossaryRevision.set(this.glossaryRevision.get() + 1);
  }

  get editor(): LexicalEditor | null {
    return this.attached?.editor ?? null;
  }
  get index(): SegmentIndex | null {
    return this.attached?.index ?? null;
  }
  get painter(): HighlightPainter | null {
    return this.attached?.painter ?? null;
  }
}

export const EditorSessionContext = createContext<EditorSession | null>(null);

export function useEditorSession(): EditorSession {
  const session = useContext(EditorSessionContext);
  if (!session) throw new Error('useEditorSession outside an open document');
  return session;
}
