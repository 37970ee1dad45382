import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { getApi } from './api/client';
import { AppHeader } from './components/AppHeader';
import { DropOverlay } from './components/DropOverlay';
import { ErrorAlert } from './components/ErrorAlert';
import { StartView } from './components/StartView';
import { TranscriptFileInput } from './components/TranscriptFileInput';
import { TranscriptView } from './components/TranscriptView';
import { useFileDrop } from './hooks/useFileDrop';
import { useOpenShortcut } from './hooks/useOpenShortcut';
import { useTranscriptOpener } from './hooks/useTranscriptOpener';

const api = getApi();
const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const OPEN_SHORTCUT = isMac ? '⌘O' : 'Ctrl+O';

export function App() {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);
  const { opened, busy, error, dismissError, openWithDialog, importFile } = useTranscriptOpener(api);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    api.getAppInfo({}).then(
      (info) => current && setAppInfo(info),
      (caught: unknown) => current && setInfoError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      current = false;
    };
  }, []);

  const open = useCallback(() => {
    if (busy) return;
    if (appInfo?.canOpenNativeDialog) void openWithDialog();
    else fileInput.current?.click();
  }, [appInfo, busy, openWithDialog]);

  const onFile = useCallback((file: File) => void importFile(file), [importFile]);

  useOpenShortcut(open);
  const dragging = useFileDrop(onFile);

  return (
    <>
      <AppHeader
        appInfo={appInfo}
        suggestionCount={opened ? opened.transcript.suggestions.length : null}
        onOpenAnother={opened ? open : null}
        busy={busy !== null}
      />
      <main className="app-main" aria-busy={busy !== null}>
        {infoError && (
          <div className="error-alert" role="alert">
            <p className="error-alert-message">
              <strong>Glossa is not connected.</strong> {infoError}
            </p>
          </div>
        )}
        {error && <ErrorAlert message={error} onDismiss={dismissError} />}
        {/* Always present so screen readers announce changes; the start view's button also shows it. */}
        <p className={opened ? 'busy-status' : 'busy-status visually-hidden'} role="status">
          {busy ?? ''}
        </p>
        {opened ? (
          <TranscriptView key={opened.serial} transcript={opened.transcript} />
        ) : (
          <StartView onOpen={open} busy={busy} shortcut={OPEN_SHORTCUT} />
        )}
      </main>
      <TranscriptFileInput ref={fileInput} onFile={onFile} />
      {dragging && <DropOverlay />}
    </>
  );
}
