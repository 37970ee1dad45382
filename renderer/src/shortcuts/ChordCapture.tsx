/**
 * Records the next chord pressed: a read-only text field (so screen readers pass every key through,
 * as in any field) that the app's key handler leaves alone. Esc cancels; Tab leaves (and cancels);
 * a lone modifier waits for the rest of the chord.
 */
import { useId, type KeyboardEvent } from 'react';
import { CHORD_CAPTURE_ATTRIBUTE } from '../hooks/useCommandKeys';
import { chordFromEvent, type Chord } from './chord';

export interface ChordCaptureProps {
  description: string;
  mac: boolean;
  /** Why the last chord pressed was refused, shown under the field. */
  refusal: string | null;
  onChord: (chord: Chord) => void;
  onCancel: () => void;
}

export function ChordCapture({ description, mac, refusal, onChord, onCancel }: ChordCaptureProps) {
  const hintId = useId();
  const refusalId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    // Tab moves on as usual; leaving the field ends the recording (onBlur).
    if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.repeat) return;
    if (event.key === 'Escape' && plain) {
      onCancel();
      return;
    }
    const chord = chordFromEvent(event.nativeEvent, mac);
    if (chord) onChord(chord);
  };

  return (
    <span className="chord-capture">
      <input
        type="text"
        readOnly
        autoFocus
        className="chord-capture-field"
        {...{ [CHORD_CAPTURE_ATTRIBUTE]: '' }}
        data-testid="chord-capture"
        aria-label={`New keys for “${description}”`}
        aria-describedby={refusal ? `${refusalId} ${hintId}` : hintId}
        placeholder="Press the new keys…"
        onKeyDown={onKeyDown}
        onBlur={onCancel}
      />
      <span id={hintId} className="chord-capture-hint">
        Esc cancels
      </span>
      {refusal && (
        <span id={refusalId} className="chord-capture-refusal" role="alert" data-testid="chord-refusal">
          {refusal}
        </span>
      )}
    </span>
  );
}
