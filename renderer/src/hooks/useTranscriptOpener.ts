import { useCallback, useRef, useState } from 'react';
import type { GlossaApi, OpenedTranscript } from '../../../shared/api/contract';

export interface OpenedFile {
  transcript: OpenedTranscript;
  /** Increases with every document opened, so views keyed on it start fresh. */
  serial: number;
}

export interface TranscriptOpener {
  opened: OpenedFile | null;
  /** What is happening, e.g. "Importing talk.srt…", while an open or import runs. */
  busy: string | null;
  error: string | null;
  dismissError(): void;
  /** Shows the native open dialog (Electron). */
  openWithDialog(): Promise<void>;
  /** Imports a file from the file input or a drop. */
  importFile(file: File): Promise<void>;
}

/**
 * Opening transcripts: one import at a time; a failure keeps the previous document and sets an
 * error message written for people.
 */
export function useTranscriptOpener(api: GlossaApi): TranscriptOpener {
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const serial = useRef(0);

  const run = useCallback(async (busyText: string, load: () => Promise<OpenedTranscript | null>) => {
    if (running.current) return;
    running.current = true;
    setBusy(busyText);
    try {
      const transcript = await load();
      if (transcript) {
        serial.current += 1;
        setOpened({ transcript, serial: serial.current });
        setError(null);
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const openWithDialog = useCallback(
    () => run('Opening a transcript…', () => api.openTranscriptDialog({})),
    [api, run],
  );

  const importFile = useCallback(
    (file: File) =>
      run(`Importing ${file.name}…`, async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return api.importTranscript({ fileName: file.name, bytes });
      }),
    [api, run],
  );

  const dismissError = useCallback(() => setError(null), []);

  return { opened, busy, error, dismissError, openWithDialog, importFile };
}
