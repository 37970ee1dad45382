import { useId, useState, type JSX } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import {
  GLOSSARY_EXPORT_FORMATS,
  GLOSSARY_EXPORT_LABELS,
  type GlossaryExportFormat,
} from '../../../shared/glossary/exchange-formats';
import { deliverFile } from '../export/download';
import './glossary-exchange.css';

interface GlossaryExportProps {
  api: GlossaApi;
}

type Message = { kind: 'done' | 'error'; text: string };

/**
 * "Export glossary…": the whole glossary as CSV, Glossa JSON, TBX or a Vale file. Electron shows the
 * save dialog; browser mode downloads the file, as the document export does.
 */
export function GlossaryExport({ api }: GlossaryExportProps): JSX.Element {
  const [format, setFormat] = useState<GlossaryExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const selectId = useId();

  const exportGlossary = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await api.exportGlossary({ format });
      const { canOpenNativeDialog } = await api.getAppInfo({});
      const done = await deliverFile(api, file, canOpenNativeDialog);
      if (done) setMessage({ kind: 'done', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="glossary-exchange" data-testid="glossary-export">
      <summary className="glossary-exchange-summary">Export glossary…</summary>
      <div className="glossary-exchange-row">
        <label htmlFor={selectId} className="glossary-panel-label">
          Format
        </label>
        <select
          id={selectId}
          value={format}
          onChange={(event) => setFormat(event.target.value as GlossaryExportFormat)}
          data-testid="glossary-export-format"
        >
          {GLOSSARY_EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {GLOSSARY_EXPORT_LABELS[value]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary glossary-panel-button"
          onClick={() => void exportGlossary()}
          aria-disabled={busy}
          disabled={busy}
          data-testid="glossary-export-button"
        >
          Export
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'glossary-panel-error' : 'glossary-panel-summary'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="glossary-export-message"
        >
          {message.text}
        </p>
      )}
    </details>
  );
}
