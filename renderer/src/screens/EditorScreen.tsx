/**
 * One open document: the Lexical transcript editor with its plugins, the toolbar and the side
 * panels (suggestions, glossary, flags). Everything lives inside the LexicalComposer so panels can
 * reach the editor.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type Ref,
} from 'react';
import type { GlossaApi, OpenedDocument } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { $loadDocument } from '../editor/document-bridge';
import { EDITOR_NODES } from '../editor/nodes';
import { AutosavePlugin } from '../editor/plugins/AutosavePlugin';
import { PaintPlugin } from '../editor/plugins/PaintPlugin';
import { SetupPlugin } from '../editor/plugins/SetupPlugin';
import { SyncPlugin } from '../editor/plugins/SyncPlugin';
import { ViewStatePlugin } from '../editor/plugins/ViewStatePlugin';
import { EditorSession, EditorSessionContext } from '../editor/session';
import { SpeakersDialog } from '../editor/SpeakersDialog';
import { FindReplaceBar } from '../find/FindReplaceBar';
import { useFindRequest } from '../find/useFindRequest';
import { startFlag } from '../flags/flag-actions';
import { toLiveFlags } from '../flags/flag-store';
import { FlagDialog } from '../flags/FlagDialog';
import { FlagsPanel } from '../flags/FlagsPanel';
import { GlossaryPanel } from '../glossary/GlossaryPanel';
import { Observable } from '../lib/observable';
import {
  acceptAllForEntry,
  acceptSuggestion,
  currentSuggestion,
  goToNeighbour,
  rejectSuggestion,
} from '../suggestions/actions';
import { CaretPlugin, type CaretPlace } from '../suggestions/CaretPlugin';
import { DecisionUndoPlugin } from '../suggestions/DecisionUndoPlugin';
import { SuggestionCardLayer } from '../suggestions/SuggestionCardLayer';
import { withKeys } from '../suggestions/suggestion-store';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { ExportDialog } from '../export/ExportDialog';
import { FollowPlaybackPlugin } from '../media/FollowPlaybackPlugin';
import { MediaBar } from '../media/MediaBar';
import { $syncSelectionFromDom } from '../editor/selection-sync';
import { Waveform } from '../media/Waveform';
import { SKIP_MS } from '../media/media-controller';
import { passageTime } from '../media/segment-timing';
import { ApproximateTimesPlugin } from '../media/timestamps/ApproximateTimesPlugin';
import { GutterSeekPlugin } from '../media/timestamps/GutterSeekPlugin';
import { insertTimestamp, playCaretSegment } from '../media/timestamps/timestamp-actions';
import { TimestampNotice } from '../media/timestamps/TimestampNotice';
import { SaveIndicator } from './SaveIndicator';
import '../editor/editor.css';

const SIDE_PANELS = ['suggestions', 'glossary', 'flags'] as const;
export type SidePanel = (typeof SIDE_PANELS)[number];

/** What the app shell can ask of the open document. */
export interface EditorScreenHandle {
  /** Runs a menu or keyboard command; false when it does not apply here. */
  command(command: MenuCommand): boolean;
  /** The glossary changed elsewhere (an import): check the document again. */
  recheck(): Promise<void>;
  /** Saves pending edits now (before leaving the document). */
  flush(): Promise<void>;
}

export function EditorScreen({
  api,
  opened,
  onBack,
  onGlossaryChanged,
  nativeSave,
  ref,
}: {
  api: GlossaApi;
  opened: OpenedDocument;
  onBack: () => void;
  onGlossaryChanged: () => void;
  /** True in Electron: exports go through the native save dialog instead of a download. */
  nativeSave: boolean;
  ref?: Ref<EditorScreenHandle>;
}) {
  const session = useMemo(() => {
    const created = new EditorSession(api, opened.documentId, opened.document.metadata);
    created.suggestions.replaceAll(withKeys(opened.suggestions));
    created.flags.replaceAll(toLiveFlags(opened.flags));
    return created;
  }, [api, opened]);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'glossa-transcript',
      nodes: EDITOR_NODES,
      theme: {},
      onError: (error) => session.reportProblem(`The editor hit a problem: ${error.message}`),
      editorState: () => $loadDocument(opened.document),
    }),
    [opened, session],
  );
  const caret = useMemo(() => new Observable<CaretPlace>(null), []);
  // Kept in state (not a ref) so the card layer re-renders with it once it exists.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const attachScroll = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScrollElement(element);
  }, []);
  const scrollContainer = useCallback(() => scrollRef.current, []);
  const [panel, setPanel] = useState<SidePanel>('suggestions');
  const [speakersOpen, setSpeakersOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [glossaryAddRequest, setGlossaryAddRequest] = useState(0);
  const problem = useSyncExternalStore(session.problem.subscribe, session.problem.get);
  const glossaryRevision = useSyncExternalStore(
    session.glossaryRevision.subscribe,
    session.glossaryRevision.get,
  );
  const reportProblem = useCallback((message: string) => session.reportProblem(message), [session]);
  const { request: findRequest, open: openFind, close: closeFind } = useFindRequest(session);

  const glossaryChanged = useCallback(() => {
    void session.recheckAll();
    onGlossaryChanged();
  }, [session, onGlossaryChanged]);

  const selectedText = useCallback(() => window.getSelection()?.toString().trim() ?? '', []);

  const runCommand = useCallback(
    (command: MenuCommand): boolean => {
      // The page's shortcuts act where the caret is drawn, even a key after a key (selection-sync.ts).
      session.editor?.update(() => $syncSelectionFromDom(), { discrete: true });
      const current = currentSuggestion(session);
      switch (command) {
        case 'next-suggestion':
          goToNeighbour(session, 1);
          return true;
        case 'previous-suggestion':
          goToNeighbour(session, -1);
          return true;
        case 'accept-suggestion':
          if (!current) return false;
          acceptSuggestion(session, current);
          return true;
        case 'reject-suggestion':
          // Alt+Backspace also deletes a word; it rejects only while the caret is on the suggestion.
          if (!current || !caretOn(caret.get(), current)) return false;
          rejectSuggestion(session, current);
          return true;
        case 'accept-all-for-entry':
          if (!current) return false;
          acceptAllForEntry(session, current.termId);
          return true;
        case 'flag-passage':
          // With nothing to flag, the flags panel says what to do.
          if (!startFlag(session)) setPanel('flags');
          return true;
        case 'find':
        case 'replace':
          openFind(command);
          return true;
        case 'export':
          setExportOpen(true);
          return true;
        case 'add-glossary-entry':
          setPanel('glossary');
          setGlossaryAddRequest((n) => n + 1);
          return true;
        case 'toggle-suggestions-panel':
          setPanel('suggestions');
          return true;
        case 'toggle-glossary-panel':
          setPanel('glossary');
          return true;
        case 'toggle-flags-panel':
          setPanel('flags');
          return true;
        case 'attach-media':
          void session.mediaLink.choose();
          return true;
        // Without a recording the playback keys keep their usual meaning.
        case 'play-pause':
          if (!session.media.attached) return false;
          session.media.toggle();
          return true;
        case 'skip-back':
        case 'skip-forward':
          if (!session.media.attached) return false;
          session.media.skip(command === 'skip-back' ? -SKIP_MS : SKIP_MS);
          return true;
        case 'play-suggestion': {
          const time = current && session.media.attached ? passageTime(session, current) : null;
          if (!time) return false;
          session.media.playSpan(time.startMs, time.endMs);
          return true;
        }
        // Both answer in the status line, with or without a recording.
        case 'play-segment':
          return playCaretSegment(session);
        case 'insert-timestamp':
          insertTimestamp(session);
          return true;
        default:
          return false;
      }
    },
    [session, caret, openFind],
  );

  useImperativeHandle(
    ref,
    () => ({
      command: runCommand,
      recheck: () => session.recheckAll(),
      flush: async () => {
        await session.flushSave();
      },
    }),
    [runCommand, session],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorSessionContext.Provider value={session}>
        <div className="editor-screen">
          <div className="editor-toolbar" role="toolbar" aria-label="Document">
            <button
              type="button"
              className="button button-quiet"
              onClick={onBack}
              data-testid="back-to-documents"
            >
              ← Documents
            </button>
            <h1 className="document-title" title={opened.document.metadata.sourceFile}>
              {opened.document.metadata.title ?? opened.document.metadata.sourceFile ?? 'Untitled transcript'}
            </h1>
            <SaveIndicator />
            <button type="button" className="button button-quiet" onClick={() => setSpeakersOpen(true)}>
              Speakers…
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setExportOpen(true)}
              data-testid="open-export"
            >
              Export…
            </button>
          </div>
          {problem && (
            <div className="error-alert" role="alert">
              <p className="error-alert-message">{problem}</p>
              <button type="button" className="button-link" onClick={() => session.problem.set(null)}>
                Dismiss
              </button>
            </div>
          )}
          {findRequest && <FindReplaceBar request={findRequest} onClose={closeFind} />}
          <MediaBar />
          <Waveform />
          <TimestampNotice />
          <div className="editor-body">
            <div className="editor-scroll" ref={attachScroll}>
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="transcript-editor"
                    aria-label="Transcript"
                    data-testid="transcript-editor"
                    spellCheck={false}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
              <SuggestionCardLayer caret={caret} container={scrollElement} />
            </div>
            <aside className="side-column" aria-label="Panels">
              <div
                className="side-tabs"
                role="tablist"
                aria-label="Side panels"
                onKeyDown={(event) => {
                  // Arrow keys move between tabs (the ARIA tabs pattern); Tab goes on into the panel.
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                  if (step === 0) return;
                  const index = SIDE_PANELS.indexOf(panel);
                  const next = SIDE_PANELS[(index + step + SIDE_PANELS.length) % SIDE_PANELS.length] ?? panel;
                  setPanel(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {SIDE_PANELS.map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    id={`tab-${name}`}
                    aria-selected={panel === name}
                    tabIndex={panel === name ? 0 : -1}
                    aria-controls={`panel-${name}`}
                    data-testid={`tab-${name}`}
                    onClick={() => setPanel(name)}
                  >
                    {name[0]?.toUpperCase() + name.slice(1)}
                  </button>
                ))}
              </div>
              {/* All three stay mounted (hidden when not shown), so a panel keeps its search, scroll
                  and pending requests (e.g. "add from selection") while another tab is open. */}
              <div
                className="side-panel-body"
                role="tabpanel"
                id="panel-suggestions"
                aria-labelledby="tab-suggestions"
                hidden={panel !== 'suggestions'}
              >
                <SuggestionsPanel />
              </div>
              <div
                className="side-panel-body"
                role="tabpanel"
                id="panel-glossary"
                aria-labelledby="tab-glossary"
                hidden={panel !== 'glossary'}
              >
                <GlossaryPanel
                  api={api}
                  getSelectedText={selectedText}
                  onGlossaryChanged={glossaryChanged}
                  addRequest={glossaryAddRequest}
                  reloadRequest={glossaryRevision}
                />
              </div>
              <div
                className="side-panel-body"
                role="tabpanel"
                id="panel-flags"
                aria-labelledby="tab-flags"
                hidden={panel !== 'flags'}
              >
                <FlagsPanel />
              </div>
            </aside>
          </div>
        </div>
        <SpeakersDialog open={speakersOpen} onClose={() => setSpeakersOpen(false)} />
        <ExportDialog
          api={api}
          open={exportOpen}
          nativeSave={nativeSave}
          onClose={() => setExportOpen(false)}
        />
        <FlagDialog onSaved={() => setPanel('flags')} />
        <SetupPlugin />
        <HistoryPlugin externalHistoryState={session.historyState} />
        <DecisionUndoPlugin />
        <SyncPlugin onCheckError={reportProblem} />
        <PaintPlugin />
        <FollowPlaybackPlugin scrollContainer={scrollContainer} />
        <GutterSeekPlugin />
        <ApproximateTimesPlugin />
        <CaretPlugin caret={caret} />
        <AutosavePlugin scrollContainer={scrollContainer} />
        <ViewStatePlugin viewState={opened.viewState} scrollContainer={scrollContainer} />
      </EditorSessionContext.Provider>
    </LexicalComposer>
  );
}

function caretOn(place: CaretPlace, suggestion: { segmentId: string; start: number; end: number }): boolean {
  return (
    !!place &&
    place.segmentId === suggestion.segmentId &&
    suggestion.start <= place.offset &&
    place.offset <= suggestion.end
  );
}
