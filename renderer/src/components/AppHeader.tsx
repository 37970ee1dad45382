import type { AppInfo } from '../../../shared/api/contract';
import { GlossaryInfo } from './GlossaryInfo';

interface AppHeaderProps {
  appInfo: AppInfo | null;
  onOpenAnother: (() => void) | null;
  onImportGlossary: () => void;
  busy: boolean;
}

/** The top bar: the app name, the glossary in use, and, with a transcript open, its suggestions. */
export function AppHeader({ appInfo, onOpenAnother, onImportGlossary, busy }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="app-name">Glossa</span>
        <GlossaryInfo appInfo={appInfo} onImport={onImportGlossary} busy={busy} />
        <span className="app-header-spacer" />
        {onOpenAnother && (
          <button
            type="button"
            className="button button-secondary"
            onClick={onOpenAnother}
            aria-disabled={busy}
          >
            Open another…
          </button>
        )}
      </div>
    </header>
  );
}
