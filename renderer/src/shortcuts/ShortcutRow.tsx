/**
 * One command in the shortcuts sheet: what it does, its keys, and Change / Reset. While it is being
 * changed the keys cell records the new chord, or asks before taking it from another command.
 */
import { Fragment, useId, type KeyboardEvent, type Ref } from 'react';
import { printChord, type Chord } from './chord';
import { ChordCapture } from './ChordCapture';
import type { Binding } from './keymap';

/** The row being changed: recording, or asking about a chord another command has. */
export interface RowEditing {
  refusal: string | null;
  conflict: { chord: Chord; with: Binding } | null;
}

export interface ShortcutRowProps {
  binding: Binding;
  mac: boolean;
  editing: RowEditing | null;
  changeRef: Ref<HTMLButtonElement>;
  onChange: () => void;
  onReset: () => void;
  onChord: (chord: Chord) => void;
  onCancel: () => void;
  onReplace: () => void;
  /** Back to recording after declining to replace. */
  onDecline: () => void;
}

export function ShortcutRow(props: ShortcutRowProps) {
  const { binding, mac, editing, changeRef } = props;
  const { description, command } = binding.def;
  return (
    <tr
      data-testid={`shortcut-${command}`}
      className={editing ? 'shortcut-row shortcut-row-editing' : 'shortcut-row'}
    >
      <th scope="row">{description}</th>
      <td className="shortcut-keys" data-testid="shortcut-keys">
        {editing?.conflict ? (
          <ConflictQuestion
            conflict={editing.conflict}
            mac={mac}
            onReplace={props.onReplace}
            onDecline={props.onDecline}
          />
        ) : editing ? (
          <ChordCapture
            description={description}
            mac={mac}
            refusal={editing.refusal}
            onChord={props.onChord}
            onCancel={props.onCancel}
          />
        ) : (
          <Keys chords={binding.chords} mac={mac} />
        )}
      </td>
      <td className="shortcut-actions">
        <button
          ref={changeRef}
          type="button"
          className="small-button"
          aria-label={`Change the keys for “${description}”`}
          data-testid="shortcut-change"
          onClick={props.onChange}
        >
          Change
        </button>
        {binding.changed && (
          <button
            type="button"
            className="small-button"
            aria-label={`Reset the keys for “${description}”`}
            data-testid="shortcut-reset"
            onClick={props.onReset}
          >
            Reset
          </button>
        )}
      </td>
    </tr>
  );
}

function Keys({ chords, mac }: { chords: readonly Chord[]; mac: boolean }) {
  if (chords.length === 0) return <span className="shortcut-none">No keys</span>;
  return chords.map((chord, index) => (
    <Fragment key={index}>
      {index > 0 && ' or '}
      <kbd>{printChord(chord, mac)}</kbd>
    </Fragment>
  ));
}

interface ConflictQuestionProps {
  conflict: { chord: Chord; with: Binding };
  mac: boolean;
  onReplace: () => void;
  onDecline: () => void;
}

/** "Alt+P is already “Play …” — replace it?", with the focus on Replace. */
function ConflictQuestion({ conflict, mac, onReplace, onDecline }: ConflictQuestionProps) {
  const questionId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    // Esc declines here; it must not close the sheet.
    event.preventDefault();
    event.stopPropagation();
    onDecline();
  };
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="chord-conflict"
      data-testid="chord-conflict"
      onKeyDown={onKeyDown}
    >
      <span id={questionId}>
        <kbd>{printChord(conflict.chord, mac)}</kbd> is already “{conflict.with.def.description}” — replace
        it?
      </span>
      <span className="chord-conflict-buttons">
        <button
          type="button"
          className="small-button"
          autoFocus
          data-testid="chord-replace"
          onClick={onReplace}
        >
          Replace
        </button>
        <button type="button" className="small-button" data-testid="chord-decline" onClick={onDecline}>
          Cancel
        </button>
      </span>
    </div>
  );
}
