import type { AppInfo } from '../../../shared/api/contract';
import { countLabel } from '../lib/format';

interface GlossaryInfoProps {
  appInfo: AppInfo | null;
  onImport: () => void;
  busy: boolean;
}

/** The glossary in use (its size; its file on hover) and the way to import more entries into it. */
export function GlossaryInfo({ appInfo, onImport, busy }: GlossaryInfoProps) {
  return (
    <div className="glossary-info">
      <span className="glossary-count" title={appInfo?.glossaryPath} data-testid="glossary-count">
        {appInfo ? (
          <>
            <span className="glossary-count-label">Glossary: </span>
            {countLabel(appInfo.glossaryEntryCount, 'entry', 'entries')}
          </>
        ) : (
          'Glossary…'
        )}
      </span>
      <button type="button" className="button button-secondary" onClick={onImport} aria-disabled={busy}>
        Import glossary…
      </button>
    </div>
  );
}
