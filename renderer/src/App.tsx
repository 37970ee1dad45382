import { useCallback, useRef } from 'react';
import { getApi } from './api/client';
import { AppHeader } from './components/AppHeader';
import { DropOverlay } from './components/DropOverlay';
import { EmptyGlossaryHint } from './components/EmptyGlossaryHint';
import { ErrorAlert } from './components/ErrorAlert';
import { FileInput } from './components/FileInput';
import { StartView } from './components/StartView';
import { StatusLine } from './components/StatusLine';
import { TranscriptView } from './components/TranscriptView';
import { useAppInfo } from './hooks/useAppInfo';
import { useFileDrop } from './hooks/useFileDrop';
import { useGlossaryImporter } from './hooks/useGlossaryImporter';
import { useOpenShortcut } from './hooks/useOpenShortcut';
import { useTranscriptOpener } from './hooks/useTranscriptOpener';
import { GLOSSARY_EXTENSIONS, isGlossaryDrop, TRANSCRIPT_EXTENSIONS } from './lib/format';

const api = getApi();
const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const OPEN_SHORTCUT = isMac ? '⌘O' : 'Ctrl+O';

export function App() {
  const info = useAppInfo(api);
  const transcripts = useTranscriptOpener(api);
  const { opened, recheck } = transcripts;
  const refreshInfo = info.refresh;
  // After a glossary import: the new entry count, and the open transcript's new suggestions.
  const afterGlossaryImport = useCallback(async () => {
    await Promise.all([refreshInfo(), recheck()]);
  }, [refreshInfo, recheck]);
  const glossary = useGlossaryImporter(api, afterGlossaryImport);
  const transcriptInput = useRef<HTMLInputElement>(null);
  const glossaryInput = useRef<HTMLInputElement>(null);

  // One import at a time, of either kind.
  const busy = transcripts.busy ?? glossary.busy;
  const canOpenNativeDialog = info.appInfo?.canOpenNativeDialog ?? false;
  const { openWithDialog, importFile: importTranscript } = transcripts;
  const { importFile: importGlossary, clearNotice } = glossary;

  const openTranscript = useCallback(() => {
    if (busy !== null) return;
    clearNotice();
    if (canOpenNativeDialog) void openWithDialog();
    else transcriptInput.current?.click();
  }, [busy, canOpenNativeDialog, clearNotice, openWithDialog]);

  const chooseGlossary = useCallback(() => {
    if (busy === null) glossaryInput.current?.click();
  }, [busy]);

  const onTranscriptFile = useCallback(
    (file: File) => {
      clearNotice();
      void importTranscript(file);
    },
    [clearNotice, importTranscript],
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

  useOpenShortcut(openTranscript);
  const dragging = useFileDrop(onDroppedFile);

  const glossaryIsEmpty = info.appInfo?.glossaryEntryCount === 0;
  // On the start screen the open button itself shows a transcript import's progress.
  const statusVisible = opened !== null || transcripts.busy === null;

  return (
    <>
      <AppHeader
        appInfo={info.appInfo}
        suggestionCount={opened ? opened.transcript.suggestions.length : null}
        onOpenAnother={opened ? openTranscript : null}
        onImportGlossary={chooseGlossary}
        busy={busy !== null}
      />
      <main className="app-main" aria-busy={busy !== null}>
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
          <TranscriptView key={opened.serial} transcript={opened.transcript} />
        ) : (
          <StartView
            onOpen={openTranscript}
            busy={transcripts.busy}
            blocked={busy !== null}
            shortcut={OPEN_SHORTCUT}
          >
            {glossaryIsEmpty && <EmptyGlossaryHint onImport={chooseGlossary} busy={busy !== null} />}
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
      {dragging && <DropOverlay />}
    </>
  );
}
