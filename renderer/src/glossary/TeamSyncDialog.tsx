import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { GlossaApi } from '../../../shared/api/contract';
import type { TeamSyncMode, TeamSyncStatus } from '../../../shared/api/contract-team';
import { errorMessage } from './entry-values';

interface TeamSyncDialogProps {
  api: GlossaApi;
  open: boolean;
  status: TeamSyncStatus | null;
  onClose: () => void;
  /** After the settings were saved (whether or not the first round worked). */
  onSaved: () => void;
}

const MODES: { value: TeamSyncMode; label: string }[] = [
  { value: 'off', label: 'Off (this glossary stays on this computer)' },
  { value: 'folder', label: 'Shared folder' },
  { value: 'postgres', label: 'PostgreSQL server' },
];

type Outcome = { kind: 'error' | 'warning' | 'done'; text: string } | null;

/**
 * "Team sync…": your name, and where the team's glossary meets (a shared folder or a PostgreSQL
 * server). Saving checks the settings and tries one round at once; a failed round keeps the
 * settings and says why, and Glossa retries later. A modal <dialog>: Esc closes it, focus stays in.
 */
export function TeamSyncDialog({ api, open, status, onClose, onSaved }: TeamSyncDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [author, setAuthor] = useState('');
  const [mode, setMode] = useState<TeamSyncMode>('off');
  const [folder, setFolder] = useState('');
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [interval, setIntervalSeconds] = useState('30');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // Each opening starts from the saved settings (never from a password: none comes back).
  const [openedWith, setOpenedWith] = useState<boolean>(false);
  if (open !== openedWith) {
    setOpenedWith(open);
    if (open && status) {
      setAuthor(status.author);
      setMode(status.mode);
      setFolder(status.folder ?? '');
      setUrl(status.postgresUrl ?? '');
      setPassword('');
      setIntervalSeconds(String(status.intervalSeconds || 30));
      setOutcome(null);
    }
  }

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const seconds = Number(interval);
      const result = await api.configureTeamSync({
        author,
        mode,
        ...(mode === 'folder' ? { folder } : {}),
        ...(mode === 'postgres' ? { postgresUrl: url } : {}),
        ...(mode === 'postgres' && password !== '' ? { password } : {}),
        ...(Number.isInteger(seconds) && seconds >= 2 ? { intervalSeconds: seconds } : {}),
      });
      setPassword('');
      onSaved();
      if (result.status.lastError) {
        setOutcome({
          kind: 'warning',
          text: `Saved, but the first sync failed: ${result.status.lastError}. Glossa will try again.`,
        });
      } else if (result.report) {
        const { published, received, conflicts } = result.report;
        setOutcome({
          kind: 'done',
          text: `Saved and synced: ${published} sent, ${received} received, ${conflicts.length} open conflicts.`,
        });
      } else {
        onClose();
      }
    } catch (caught) {
      setOutcome({ kind: 'error', text: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  const keychain = status?.secretsAvailable ?? false;
  const passwordNote = keychain
    ? 'Saved encrypted by your system keychain, never as text.'
    : 'There is no keychain here: the password is kept in memory only until Glossa closes.';

  return (
    <dialog
      ref={dialog}
      className="app-dialog team-sync-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      data-testid="team-sync-dialog"
    >
      <h2 id={`${ids}-title`}>Team sync</h2>
      <form onSubmit={(event) => void submit(event)}>
        <div className="team-sync-field">
          <label htmlFor={`${ids}-author`}>Your name</label>
          <input
            id={`${ids}-author`}
            type="text"
            value={author}
            onChange={(event) => setAuthor(event.target.value)}
            required
            maxLength={200}
            autoComplete="name"
            aria-describedby={`${ids}-author-note`}
            data-testid="team-sync-author"
          />
          <p className="team-sync-note" id={`${ids}-author-note`}>
            Shown beside every change you make to the glossary.
          </p>
        </div>

        <fieldset className="team-sync-modes">
          <legend>Share the glossary through</legend>
          {MODES.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={`${ids}-mode`}
                value={option.value}
                checked={mode === option.value}
                onChange={() => setMode(option.value)}
                data-testid={`team-sync-mode-${option.value}`}
              />
              {option.label}
            </label>
          ))}
        </fieldset>

        {mode === 'folder' && (
          <div className="team-sync-field">
            <label htmlFor={`${ids}-folder`}>Folder path</label>
            <input
              id={`${ids}-folder`}
              type="text"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              required
              spellCheck={false}
              placeholder="/Volumes/Team/Glossa"
              aria-describedby={`${ids}-folder-note`}
              data-testid="team-sync-folder"
            />
            <p className="team-sync-note" id={`${ids}-folder-note`}>
              A folder everyone on the team can reach (network drive, Dropbox, Syncthing). Glossa keeps only
              change logs there.
            </p>
          </div>
        )}

        {mode === 'postgres' && (
          <>
            <div className="team-sync-field">
              <label htmlFor={`${ids}-url`}>Server address</label>
              <input
                id={`${ids}-url`}
                type="text"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                required
                spellCheck={false}
                placeholder="postgres://user@db.example.org:5432/glossary?sslmode=verify-full"
                aria-describedby={`${ids}-url-note`}
                data-testid="team-sync-url"
              />
              <p className="team-sync-note" id={`${ids}-url-note`}>
                Add <code>?sslmode=verify-full</code> (or <code>require</code>) to connect with TLS.
              </p>
            </div>
            <div className="team-sync-field">
              <label htmlFor={`${ids}-password`}>Password</label>
              <input
                id={`${ids}-password`}
                type="password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
                placeholder={status?.passwordSaved ? 'Saved; type a new one to change it' : ''}
                aria-describedby={`${ids}-password-note`}
                data-testid="team-sync-password"
              />
              <p className="team-sync-note" id={`${ids}-password-note`}>
                {passwordNote}
              </p>
            </div>
          </>
        )}

        {mode !== 'off' && (
          <div className="team-sync-field team-sync-interval">
            <label htmlFor={`${ids}-interval`}>Sync every (seconds)</label>
            <input
              id={`${ids}-interval`}
              type="number"
              min={2}
              max={86400}
              step={1}
              value={interval}
              onChange={(event) => setIntervalSeconds(event.target.value)}
              data-testid="team-sync-interval"
            />
          </div>
        )}

        {outcome && (
          <p
            className={`team-sync-outcome team-sync-outcome-${outcome.kind}`}
            role={outcome.kind === 'done' ? 'status' : 'alert'}
            data-testid="team-sync-outcome"
          >
            {outcome.text}
          </p>
        )}

        <div className="dialog-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="team-sync-save"
          >
            {busy ? 'Saving…' : mode === 'off' ? 'Save' : 'Save and sync'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {outcome?.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
