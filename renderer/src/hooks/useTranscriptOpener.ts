import { useCallback, useRef, useState } from 'react';
import type { GlossaApi, OpenedTranscript } from '../../../shared/api/contract';
import { toProblem, type Problem } from '../lib/problem';

export interface OpenedFile {
  transcript: OpenedTranscript;
  /** Increases with every document opened, so views keyed on it start fresh. */
  serial: number;
}

export interface TranscriptOpener {
  opened: OpenedFile | null;
  /** What is happening, e.g. "Importing talk.srt…", while an open or import runs. */
  busy: string | null;
  error: Problem | null;
  dismissError(): void;
  /** Shows the native open dialog (Electron). */
  openWithDialog(): Promise<void>;
  /** Imports a file from the file input or a drop. */
  importFile(file: File): Promise<void>;
  /**
   * Checks the open document again against the glossary as it is now (after an import) and
   * replaces its suggestions; the document and its view stay as they are. Never throws.
   */
  recheck(): Promise<void>;
}

/**
 * Opening transcripts: one import at a time; a failure keeps the previous document and sets an
 * error message written for people.
 */
export function useTranscriptOpener(api: GlossaApi): TranscriptOpener {
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const running = useRef(false);
  const serial = useRef(0);
  // The open document as of the last change, for work that finishes later (recheck).
  const latest = useRef<OpenedFile | null>(null);

  const show = useCallback((file: OpenedFile) => {
    latest.current = file;
    setOpened(file);
  }, []);

  const run = useCallback(
    async (busyText: string, load: () => Promise<OpenedTranscript | null>) => {
      if (running.current) return;
      running.current = true;
      setBusy(busyText);
      try {
        const transcript = await load();
        if (transcript) {
          serial.current += 1;
          show({ transcript, serial: serial.current });
          setError(null);
        }
      } catch (caught) {
        setError(toProblem('Could not open the transcript.', caught));
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [show],
  );

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

  const recheck = useCallback(async () => {
    const current = latest.current;
    if (!current) return;
    const { document } = current.transcript;
    try {
      const suggestions = await api.checkTranscript({ document });
      // Another document (or a newer check) may have replaced this one meanwhile.
      if (latest.current !== current) return;
      show({ ...current, transcript: { document, suggestions } });
    } catch (caught) {
      setError(toProblem('Could not check the transcript against the new glossary.', caught));
    }
  }, [api, show]);

  const dismissError = useCallback(() => setError(null), []);

  return { opened, busy, error, dismissError, openWithDialog, importFile, recheck };
}
