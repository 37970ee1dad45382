import { useCallback, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/api/menu-commands';
import { getApi } from './api/client';
import { AppHeader } from './components/AppHeader';
import { DropOverlay } from './components/DropOverlay';
import { EmptyGlossaryHint } from './components/EmptyGlossaryHint';
import { ErrorAlert } from './components/ErrorAlert';
import { FileInput } from './components/FileInput';
import { RecentDocuments } from './components/RecentDocuments';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { StartView } from './components/StartView';
import { StatusLine } from './components/StatusLine';
import { useAppInfo } from './hooks/useAppInfo';
import { useCommandKeys } from './hooks/useCommandKeys';
import { useFileDrop } from './hooks/useFileDrop';
import { useGlossaryImporter } from './hooks/useGlossaryImporter';
import { useMenuCommands } from './hooks/useMenuCommands';
import { useRecentDocuments } from './hooks/useRecentDocuments';
import { useTranscriptOpener } from './hooks/useTranscriptOpener';
import { GLOSSARY_EXTENSIONS, isGlossaryDrop, TRANSCRIPT_EXTENSIONS } from './lib/format';
import { EditorScreen, type EditorScreenHandle } from './screens/EditorScreen';

const api = getApi();

export function App() {
  const info = useAppInfo(api);
  const transcripts = useTranscriptOpener(api);
  const recent = useRecentDocuments(api);
  const { opened } = transcripts;
  const editorRef = useRef<EditorScreenHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const refreshInfo = info.refresh;
  // After a glossary import: the new entry count, and the open transcript's new suggestions.
  const afterGlossaryImport = useCallback(async () => {
    await Promise.all([refreshInfo(), editorRef.current?.recheck()]);
  }, [refreshInfo]);
  const glossary = useGlossaryImporter(api, afterGlossaryImport);
  const transcriptInput = useRef<HTMLInputElement>(null);
  const glossaryInput = useRef<HTMLInputElement>(null);

  // One import at a time, of either kind.
  const busy = transcripts.busy ?? glossary.busy;
  const canOpenNativeDialog = info.appInfo?.canOpenNativeDialog ?? false;
  const { openWithDialog, importFile: importTranscript, openSaved, close } = transcripts;
  const { importFile: importGlossary, clearNotice } = glossary;
  const refreshRecent = recent.refresh;

  const leaveDocument = useCallback(async () => {
    await editorRef.current?.flush();
  }, []);

  const openTranscript = useCallback(() => {
    if (busy !== null) return;
    clearNotice();
    if (canOpenNativeDialog) void leaveDocument().then(openWithDialog);
    else transcriptInput.current?.click();
  }, [busy, canOpenNativeDialog, clearNotice, openWithDialog, leaveDocument]);

  const chooseGlossary = useCallback(() => {
    if (busy === null) glossaryInput.current?.click();
  }, [busy]);

  const backToDocuments = useCallback(() => {
    void leaveDocument().then(() => {
      close();
      void refreshRecent();
    });
  }, [leaveDocument, close, refreshRecent]);

  const onTranscriptFile = useCallback(
    (file: File) => {
      clearNotice();
      void leaveDocument().then(() => importTranscript(file));
    },
    [clearNotice, importTranscript, leaveDocument],
  );
  const onGlossaryFile = useCallback((file: File) => void importGlossary(file), [importGlossary]);
  const onDroppedFile = useCallback(
    (file: File) => {
      if (busy !== null) return;
      if (isGlossaryDrop(file.name)) onGlossaryFile(file);
      else onTranscriptFile(file);
    },
    [busy, onGlossaryFile, onTranscriptFile],
  );

  const runCommand = useCallback(
    (command: MenuCommand): boolean => {
      switch (command) {
        case 'open':
          openTranscript();
          return true;
        case 'import-glossary':
          chooseGlossary();
          return true;
        case 'show-shortcuts':
          setShortcutsOpen(true);
          return true;
        case 'go-to-start':
          if (opened) backToDocuments();
          return true;
        default:
          return editorRef.current?.command(command) ?? false;
      }
    },
    [openTranscript, chooseGlossary, backToDocuments, opened],
  );
  useCommandKeys(runCommand);
  useMenuCommands(runCommand);
  const dragging = useFileDrop(onDroppedFile);

  const glossaryIsEmpty = info.appInfo?.glossaryEntryCount === 0;
  // On the start screen the open button itself shows a transcript import's progress.
  const statusVisible = opened !== null || transcripts.busy === null;

  return (
    <>
      <AppHeader
        appInfo={info.appInfo}
        onOpenAnother={opened ? openTranscript : null}
        onImportGlossary={chooseGlossary}
        busy={busy !== null}
      />
      <main className={opened ? 'app-main app-main-editor' : 'app-main'} aria-busy={busy !== null}>
        <div className="alerts">
          {info.error && (
            <div className="error-alert" role="alert">
              <p className="error-alert-message">
                <strong>Glossa is not connected.</strong> {info.error}
              </p>
            </div>
          )}
          {transcripts.error && (
            <ErrorAlert problem={transcripts.error} onDismiss={transcripts.dismissError} />
          )}
          {glossary.error && <ErrorAlert problem={glossary.error} onDismiss={glossary.dismissError} />}
        </div>
        <StatusLine
          text={busy ?? glossary.notice}
          visible={statusVisible}
          onDismiss={busy === null && glossary.notice ? clearNotice : null}
        />
        {opened ? (
          <EditorScreen
            key={opened.serial}
            ref={editorRef}
            api={api}
            opened={opened.transcript}
            onBack={backToDocuments}
            onGlossaryChanged={refreshInfo}
            nativeSave={canOpenNativeDialog}
          />
        ) : (
          <StartView onOpen={openTranscript} busy={transcripts.busy} blocked={busy !== null}>
            {glossaryIsEmpty && <EmptyGlossaryHint onImport={chooseGlossary} busy={busy !== null} />}
            <RecentDocuments
              documents={recent.documents}
              blocked={busy !== null}
              onOpen={(document) => void openSaved(document.id, document.title)}
              onRemove={(document) => void recent.remove(document)}
            />
          </StartView>
        )}
      </main>
      <FileInput
        ref={transcriptInput}
        accept={TRANSCRIPT_EXTENSIONS}
        testId="transcript-file-input"
        onFile={onTranscriptFile}
      />
      <FileInput
        ref={glossaryInput}
        accept={GLOSSARY_EXTENSIONS}
        testId="glossary-file-input"
        onFile={onGlossaryFile}
      />
      {dragging && <DropOverlay kind={dragging} documentOpen={opened !== null} />}
      <ShortcutsSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </>
  );
}
