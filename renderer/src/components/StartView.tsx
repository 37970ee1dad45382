import type { ReactNode } from 'react';
import { SUPPORTED_FORMATS_LINE } from '../lib/format';
import { useKeyLabels } from '../shortcuts/useShortcuts';

interface StartViewProps {
  onOpen: () => void;
  /** A transcript being opened, e.g. "Importing talk.srt…": shown on the button. */
  busy: string | null;
  /** True while anything else runs (a glossary import), so opening must wait. */
  blocked: boolean;
  /** Shown below the open button, e.g. the empty-glossary hint. */
  children?: ReactNode;
}

/** The first screen: one clear way to open a transcript, and what can be opened. */
export function StartView({ onOpen, busy, blocked, children }: StartViewProps) {
  const keys = useKeyLabels();
  const shortcut = keys.all('open');
  return (
    <section className="start-view" aria-labelledby="start-title">
      <h1 id="start-title">Open a transcript</h1>
      <p className="start-lead">
        Glossa checks the names in a machine transcript against your glossary and underlines the ones that
        look misheard.
      </p>
      <button
        type="button"
        className="button button-primary button-large"
        onClick={onOpen}
        aria-disabled={busy !== null || blocked}
        aria-keyshortcuts={keys.aria('open')}
      >
        {busy ?? 'Open transcript…'}
      </button>
      <p className="start-hint">
        or drop a file anywhere in this window
        {shortcut && (
          <>
            {' '}
            · <kbd>{shortcut}</kbd>
          </>
        )}
      </p>
      {children}
      <p className="start-formats">
        <span className="start-formats-label">Supported formats:</span> {SUPPORTED_FORMATS_LINE}
      </p>
    </section>
  );
}
