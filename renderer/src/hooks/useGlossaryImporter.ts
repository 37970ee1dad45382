import { useCallback, useRef, useState } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import { glossaryImportNotice } from '../lib/format';
import { toProblem, type Problem } from '../lib/problem';

export interface GlossaryImporter {
  /** "Importing terms.csv…" while an import runs. */
  busy: string | null;
  /** What the last import did, e.g. "Imported terms.csv: 34 new, …", until the next action. */
  notice: string | null;
  error: Problem | null;
  dismissError(): void;
  clearNotice(): void;
  /** Imports a glossary file (.csv, .json, TBX, Vale) from the file input or a drop. */
  importFile(file: File): Promise<void>;
}

/**
 * Importing glossary files: one at a time. Imports are all-or-nothing on the Node side, so a
 * failure changes nothing and only sets an error. After a successful import `afterImport` runs
 * (refresh the entry count, check the open transcript again) before the notice is shown.
 */
export function useGlossaryImporter(api: GlossaApi, afterImport: () => Promise<void>): GlossaryImporter {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const running = useRef(false);

  const importFile = useCallback(
    async (file: File) => {
      if (running.current) return;
      running.current = true;
      setBusy(`Importing ${file.name}…`);
      setNotice(null);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const summary = await api.importGlossary({ fileName: file.name, bytes });
        setError(null);
        await afterImport();
        setNotice(glossaryImportNotice(file.name, summary));
      } catch (caught) {
        setError(toProblem('Could not import the glossary.', caught));
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [api, afterImport],
  );

  const dismissError = useCallback(() => setError(null), []);
  const clearNotice = useCallback(() => setNotice(null), []);

  return { busy, notice, error, dismissError, clearNotice, importFile };
}
