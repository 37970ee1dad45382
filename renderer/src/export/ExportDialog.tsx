/**
 * File → Export…: the transcript as it is now, in the format an editor needs (a CMS, a word
 * processor, a video platform), or the corrections report for fact-checkers. Choices are
 * remembered per document. In Electron the file is saved through the native dialog; in browser
 * mode it is downloaded.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ExportedFile, GlossaApi } from '../../../shared/api/contract';
import { TIMESTAMP_MODES, type ExportFormat, type ExportOptions } from '../../../shared/export/options';
import { useEditorSession } from '../editor/session';
import { deliverFile } from './download';
import { loadExportPreferences, saveExportPreferences } from './export-preferences';
import './export.css';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  txt: 'Plain text (.txt)',
  md: 'Markdown (.md)',
  html: 'Web page (.html)',
  srt: 'SubRip subtitles (.srt)',
  vtt: 'WebVTT subtitles (.vtt)',
  json: 'Glossa JSON (.json, lossless)',
};
const TEXT_FORMATS = new Set<ExportFormat>(['docx', 'txt', 'md', 'html']);
const TIMESTAMP_LABELS = {
  none: 'None',
  paragraph: 'One per speaker turn',
  segment: 'One per segment',
} as const;

export function ExportDialog({
  api,
  open,
  nativeSave,
  onClose,
}: {
  api: GlossaApi;
  open: boolean;
  /** True in Electron, where a native save dialog exists. */
  nativeSave: boolean;
  onClose: () => void;
}) {
  const session = useEditorSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [preferences, setPreferences] = useState(() => loadExportPreferences(session.documentId));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const flags = useSyncExternalStore(session.flags.subscribe, session.flags.list);
  const openFlags = flags.filter((flag) => flag.resolvedAt === null).length;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setMessage(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const { format, options } = preferences;
  const setFormat = (next: ExportFormat) => update({ format: next, options });
  const setOption = <K extends keyof ExportOptions>(name: K, value: ExportOptions[K]) =>
    update({ format, options: { ...options, [name]: value } });
  const update = (next: typeof preferences) => {
    setPreferences(next);
    saveExportPreferences(session.documentId, next);
  };

  const deliver = async (make: () => Promise<ExportedFile>) => {
    setBusy(true);
    setMessage(null);
    try {
      await session.flushSave(); // export what is on screen, including the last keystrokes
      const done = await deliverFile(api, await make(), nativeSave);
      if (done) setMessage({ kind: 'done', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="app-dialog export-dialog"
      aria-labelledby="export-title"
      onClose={onClose}
      data-testid="export-dialog"
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void deliver(() =>
            api.exportDocument({
              documentId: session.documentId,
              format,
              options,
            }),
          );
        }}
      >
        <h2 id="export-title">Export</h2>
        <fieldset className="export-formats">
          <legend>Format</legend>
          {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="export-format"
                value={name}
                checked={format === name}
                onChange={() => setFormat(name)}
                data-testid={`export-format-${name}`}
              />
              {FORMAT_LABELS[name]}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-options">
          <legend>Options</legend>
          <label>
            <input
              type="checkbox"
              checked={options.speakers}
              onChange={(event) => setOption('speakers', event.target.checked)}
            />
            Speaker names
          </label>
          {TEXT_FORMATS.has(format) && (
            <>
              <label>
                <input
                  type="checkbox"
                  checked={options.metadataHeader}
                  onChange={(event) => setOption('metadataHeader', event.target.checked)}
                />
                Title and details at the top
              </label>
              <label className="export-select">
                Timestamps
                <select
                  value={options.timestamps}
                  onChange={(event) =>
                    setOption('timestamps', event.target.value as ExportOptions['timestamps'])
                  }
                >
                  {TIMESTAMP_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {TIMESTAMP_LABELS[mode]}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <label>
            <input
              type="checkbox"
              checked={options.cleanVerbatim}
              onChange={(event) => setOption('cleanVerbatim', event.target.checked)}
              data-testid="export-clean"
            />
            Clean verbatim (drop “um”, “uh”, stutters and repeated words)
          </label>
          <label>
            <input
              type="checkbox"
              checked={options.flaggedPassages === 'drop'}
              onChange={(event) => setOption('flaggedPassages', event.target.checked ? 'drop' : 'include')}
            />
            Leave out passages flagged for fact-checking
          </label>
        </fieldset>
        {openFlags > 0 && (
          <p className="export-warning" role="note">
            {openFlags === 1 ? '1 flagged passage is' : `${openFlags} flagged passages are`} still open.
          </p>
        )}
        {message && (
          <p
            className={`export-message export-${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="export-message"
          >
            {message.text}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={busy}
            disabled={busy}
            data-testid="export-submit"
          >
            {nativeSave ? 'Export…' : 'Download'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="export-report">
          <span>Corrections report for fact-checkers:</span>
          {(['csv', 'html'] as const).map((reportFormat) => (
            <button
              key={reportFormat}
              type="button"
              className="button button-quiet"
              disabled={busy}
              data-testid={`export-report-${reportFormat}`}
              onClick={() =>
                void deliver(() =>
                  api.exportCorrectionsReport({ documentId: session.documentId, format: reportFormat }),
                )
              }
            >
              {reportFormat.toUpperCase()}
            </button>
          ))}
        </div>
      </form>
    </dialog>
  );
}
