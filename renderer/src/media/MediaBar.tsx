/**
 * The playback bar above the transcript: attach a recording (file input or drop), play/pause,
 * skip 5 s, speed, volume, time, and the video itself when there is one. It drives the session's
 * MediaController; the keyboard commands drive the same controller.
 */
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { formatShortClock } from '../../../shared/formats/timecode';
import { useEditorSession } from '../editor/session';
import { useKeyLabels, withKeys } from '../shortcuts/useShortcuts';
import { isMediaFile, MEDIA_ACCEPT, SKIP_MS } from './media-controller';
import type { MediaLinkState } from './media-link';
import { LEAD_CHOICES_MS } from './lead-preference';
import './media.css';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export function MediaBar() {
  const session = useEditorSession();
  const media = session.media;
  const linker = session.mediaLink;
  const link = useSyncExternalStore(linker.link.subscribe, linker.link.get);
  const linkProblem = useSyncExternalStore(linker.problem.subscribe, linker.problem.get);
  const keys = useKeyLabels();
  const state = useSyncExternalStore(media.state.subscribe, media.state.get);
  const element = useSyncExternalStore(media.element.subscribe, media.element.get);
  const inputRef = useRef<HTMLInputElement>(null);
  const slotRef = useRef<HTMLDivElement>(null);
  const rateId = useId();
  const leadId = useId();
  const leadMs = useSyncExternalStore(media.leadMs.subscribe, media.leadMs.get);
  const volumeId = useId();

  // The controller owns the element; the bar only gives it a place in the page.
  useEffect(() => {
    const slot = slotRef.current;
    if (!slot || !element) return;
    slot.append(element);
    return () => element.remove();
  }, [element]);

  // The recording the workspace links to this document is attached as the document opens.
  useEffect(() => {
    void linker.load();
    return linker.provideChooser(() => inputRef.current?.click());
  }, [linker]);

  // A recording dropped on the window while a document is open is linked here; transcripts and
  // glossaries keep going to the app's own drop handler.
  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file || !isMediaFile(file)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void linker.attachFile(file);
      endAppDrag(file);
    };
    // Capture, so the app's window listener (which would open it as a transcript) never sees it.
    window.addEventListener('drop', onDrop, true);
    return () => window.removeEventListener('drop', onDrop, true);
  }, [linker]);

  const attached = state.name !== null;
  const playLabel = state.playing ? 'Pause' : 'Play';

  return (
    <div className="media-bar" role="group" aria-label="Playback" data-testid="media-bar">
      <input
        ref={inputRef}
        type="file"
        accept={MEDIA_ACCEPT}
        hidden
        data-testid="media-attach-input"
        aria-label="Audio or video file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void linker.attachFile(file);
          event.currentTarget.value = '';
        }}
      />
      <button
        type="button"
        className="button button-quiet"
        data-testid="media-attach"
        disabled={link.state === 'uploading'}
        onClick={() => void linker.choose()}
      >
        {link.state === 'missing' ? 'Relink…' : attached ? 'Replace audio/video…' : 'Attach audio/video…'}
      </button>
      <MediaLinkNotice link={link} problem={linkProblem} onForget={() => void linker.detach()} />
      {attached && (
        <>
          <button
            type="button"
            className="button button-secondary media-play"
            aria-pressed={state.playing}
            aria-keyshortcuts={keys.aria('play-pause')}
            title={withKeys(playLabel, keys.all('play-pause'))}
            data-testid="media-play"
            onClick={() => media.toggle()}
          >
            <span aria-hidden="true">{state.playing ? '❚❚' : '▶'}</span> {playLabel}
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-label="Back 5 seconds"
            aria-keyshortcuts={keys.aria('skip-back')}
            title={withKeys('Back 5 seconds', keys.all('skip-back'))}
            data-testid="media-back"
            onClick={() => media.skip(-SKIP_MS)}
          >
            −5 s
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-label="Forward 5 seconds"
            aria-keyshortcuts={keys.aria('skip-forward')}
            title={withKeys('Forward 5 seconds', keys.all('skip-forward'))}
            data-testid="media-forward"
            onClick={() => media.skip(SKIP_MS)}
          >
            +5 s
          </button>
          <span className="media-time" data-testid="media-time">
            {formatShortClock(state.currentMs)} / {formatShortClock(state.durationMs)}
          </span>
          <label className="media-field" htmlFor={rateId}>
            Speed
          </label>
          <select
            id={rateId}
            className="media-rate"
            value={String(state.rate)}
            data-testid="media-rate"
            onChange={(event) => media.setRate(Number(event.currentTarget.value))}
          >
            {RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {rate}×
              </option>
            ))}
          </select>
          <label className="media-field" htmlFor={leadId} title="Played before and after a suggestion">
            Around suggestions
          </label>
          <select
            id={leadId}
            className="media-rate"
            value={String(leadMs)}
            data-testid="media-lead"
            onChange={(event) => media.setLeadMs(Number(event.currentTarget.value))}
          >
            {LEAD_CHOICES_MS.map((ms) => (
              <option key={ms} value={String(ms)}>
                {ms === 0 ? 'none' : `±${ms / 1000} s`}
              </option>
            ))}
          </select>
          <label className="media-field" htmlFor={volumeId}>
            Volume
          </label>
          <input
            id={volumeId}
            className="media-volume"
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={state.volume}
            aria-valuetext={`${Math.round(state.volume * 100)}%`}
            onChange={(event) => media.setVolume(Number(event.currentTarget.value))}
          />
          <span className="media-name" data-testid="media-name" title={state.name ?? undefined}>
            {state.name}
          </span>
          <button
            type="button"
            className="button-link media-detach"
            aria-label={`Remove ${state.name ?? 'the recording'} from this document`}
            title="Remove the recording from this document (the file itself stays)"
            data-testid="media-detach"
            onClick={() => void linker.detach()}
          >
            Remove
          </button>
        </>
      )}
      {state.error && (
        <p className="media-error" role="alert" data-testid="media-error">
          {state.error}
        </p>
      )}
      <div
        ref={slotRef}
        className={state.kind === 'video' ? 'media-video' : 'media-audio'}
        aria-label={state.kind === 'video' ? 'Video' : undefined}
      />
    </div>
  );
}

/** What the bar says about the link when there is nothing to play: missing, expected, copying. */
function MediaLinkNotice({
  link,
  problem,
  onForget,
}: {
  link: MediaLinkState;
  problem: string | null;
  onForget: () => void;
}) {
  return (
    <>
      {link.state === 'missing' && (
        <p className="media-notice" role="status" data-testid="media-missing">
          <span title={link.path}>{link.reason}.</span> Relink it to keep listening; nothing else is lost.{' '}
          <button type="button" className="button-link" onClick={onForget}>
            Forget it
          </button>
        </p>
      )}
      {link.state === 'none' && link.expected && (
        <p className="media-notice" data-testid="media-expected">
          This transcript was made from <strong>{link.expected}</strong>.
        </p>
      )}
      {link.state === 'uploading' && (
        <p className="media-notice" role="status" data-testid="media-uploading">
          Adding {link.name}… {Math.round(link.fraction * 100)}%
        </p>
      )}
      {problem && (
        <p className="media-error" role="alert" data-testid="media-link-error">
          {problem}
        </p>
      )}
    </>
  );
}

/**
 * The app's drop overlay counts dragenter/dragleave on the window and is reset by its drop
 * listener, which must not see a recording (it would open it as a transcript). Leaving events
 * end its drag state instead; extra ones do nothing (its count stops at zero).
 */
function endAppDrag(file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  for (let i = 0; i < 64; i++) window.dispatchEvent(new DragEvent('dragleave', { dataTransfer: transfer }));
}
