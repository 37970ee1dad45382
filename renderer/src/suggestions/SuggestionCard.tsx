/**
 * The card of one suggestion: heard → proposed, why, how sure, the entry's notes and source, the
 * alternatives, and the buttons. Shown when the pointer rests on an underline or the caret is in it.
 */
import type { GlossaryEntry } from '../../../shared/glossary/types';
import type { LiveSuggestion } from './suggestion-store';
import { formatScore, REASON_LABELS } from './reasons';

export interface SuggestionCardProps {
  suggestion: LiveSuggestion;
  entry: GlossaryEntry | undefined;
  onAccept: (choice?: { replacement: string; termId: string }) => void;
  onReject: () => void;
  /** Keys shown on the buttons. */
  keys: { accept: string; reject: string; play?: string };
  /** Plays the suggestion's passage of the attached recording; `blocker` says why it cannot. */
  play?: { onPlay: () => void; blocker: string | null };
}

export function SuggestionCard({ suggestion, entry, onAccept, onReject, keys, play }: SuggestionCardProps) {
  return (
    <div className="suggestion-card" data-testid="suggestion-card" data-reason={suggestion.reason}>
      <p className="suggestion-card-change">
        <span className="suggestion-heard">{suggestion.text}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> should be </span>
        <strong className="suggestion-proposed">{suggestion.replacement}</strong>
      </p>
      <p className="suggestion-card-why">
        <span className={`reason-chip reason-${suggestion.reason}`}>{REASON_LABELS[suggestion.reason]}</span>{' '}
        <span title="How sure the engine is">{formatScore(suggestion.score)}</span>
        {entry && <span className="suggestion-card-category"> · {entry.category}</span>}
      </p>
      {entry?.notes && <p className="suggestion-card-notes">{entry.notes}</p>}
      {entry?.source && (
        <p className="suggestion-card-source">
          Source: <span className="source-text">{entry.source}</span>
        </p>
      )}
      {suggestion.alternatives.length > 0 && (
        <p className="suggestion-card-alternatives">
          Or:{' '}
          {suggestion.alternatives.map((alternative) => (
            <button
              key={alternative.termId + alternative.replacement}
              type="button"
              className="button-link"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onAccept({ replacement: alternative.replacement, termId: alternative.termId })}
            >
              {alternative.replacement}
            </button>
          ))}
        </p>
      )}
      <div className="suggestion-card-actions">
        <button
          type="button"
          className="button button-primary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onAccept()}
        >
          Accept {keys.accept && <kbd>{keys.accept}</kbd>}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={onReject}
        >
          Reject {keys.reject && <kbd>{keys.reject}</kbd>}
        </button>
        {play && (
          <button
            type="button"
            className="button button-quiet"
            data-testid="suggestion-play"
            disabled={play.blocker !== null}
            title={play.blocker ?? 'Play this passage with a second around it'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={play.onPlay}
          >
            <span aria-hidden="true">▶</span> Play {keys.play && <kbd>{keys.play}</kbd>}
          </button>
        )}
      </div>
    </div>
  );
}
