import { useCallback, useRef, useState } from 'react';
import type { GlossaApi, OpenedDocument } from '../../../shared/api/contract';
import { toProblem, type Problem } from '../lib/problem';

export interface OpenedFile {
  transcript: OpenedDocument;
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
  /** Opens a document from the workspace (the recent-documents list). */
  openSaved(documentId: string, title: string): Promise<void>;
  /** Back to the start screen. */
  close(): void;
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
  const show = useCallback((file: OpenedFile) => setOpened(file), []);

  const run = useCallback(
    async (busyText: string, load: () => Promise<OpenedDocument | null>) => {
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

  const openSaved = useCallback(
    (documentId: string, title: string) => run(`Opening ${title}…`, () => api.openDocument({ documentId })),
    [api, run],
  );

  const close = useCallback(() => setOpened(null), []);

  const dismissError = useCallback(() => setError(null), []);

  return { opened, busy, error, dismissError, openWithDialog, importFile, openSaved, close };
}
