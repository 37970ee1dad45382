/**
 * The keyboard shortcuts, opened with ? or F1; a modal <dialog>, so Esc closes it and focus stays
 * inside. Each command's keys can be changed (Change → press the new keys) and reset; changes are
 * kept on this computer (shortcuts/overrides.ts) and apply at once everywhere keys are shown.
 */
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { printChord, printChords, type Chord } from '../shortcuts/chord';
import {
  assignChord,
  bindingOf,
  conflictOf,
  defaultChords,
  resetCommand,
  type Binding,
  type Change,
} from '../shortcuts/keymap';
import { reservedReason } from '../shortcuts/rules';
import { ShortcutRow, type RowEditing } from '../shortcuts/ShortcutRow';
import { shortcutStore } from '../shortcuts/store';
import { fixedKeys, GROUP_TITLES, type ShortcutGroup } from '../shortcuts/table';
import { useShortcutState } from '../shortcuts/useShortcuts';
import '../shortcuts/shortcuts.css';

type Editing = RowEditing & { command: MenuCommand };

export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { keymap, overrides } = useShortcutState();
  const { mac } = keymap;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState('');
  const changeButtons = useRef(new Map<MenuCommand, HTMLButtonElement>());
  /** The row whose Change button gets the focus after the next render (its field or Reset went away). */
  const focusAfter = useRef<MenuCommand | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first control (a Change button); Close is the safer first stop.
      closeButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    const command = focusAfter.current;
    if (command === null) return;
    focusAfter.current = null;
    changeButtons.current.get(command)?.focus();
  });

  const finish = (command: MenuCommand, change: Change, message: string) => {
    shortcutStore.apply(change.overrides);
    const taken = change.takenFrom.map((binding) => `“${binding.def.description}”`).join(', ');
    setStatus(taken ? `${message} Removed from ${taken}.` : message);
    setEditing(null);
    focusAfter.current = command;
  };

  const assign = (command: MenuCommand, chord: Chord) => {
    const binding = bindingOf(keymap, command);
    if (!binding) return;
    const change = assignChord(keymap, overrides, command, chord);
    finish(command, change, `“${binding.def.description}” is now ${printChord(chord, mac)}.`);
  };

  const onChord = (command: MenuCommand, chord: Chord) => {
    const refusal = reservedReason(chord, mac);
    if (refusal) return setEditing({ command, refusal, conflict: null });
    const other = conflictOf(keymap, command, chord);
    if (other) return setEditing({ command, refusal: null, conflict: { chord, with: other } });
    assign(command, chord);
  };

  const reset = (binding: Binding) => {
    const { command, description } = binding.def;
    const defaults = printChords(defaultChords(binding.def, mac), mac);
    finish(command, resetCommand(keymap, overrides, command), `“${description}” is back to ${defaults}.`);
  };

  const anyChanged = keymap.bindings.some((binding) => binding.changed);
  const resetAll = () => {
    if (!anyChanged) return;
    shortcutStore.resetAll();
    setEditing(null);
    setStatus('Every shortcut is back to its default.');
  };

  const stopEditing = (command: MenuCommand) =>
    // A blur after the field gave way to the question must not end the question.
    setEditing((current) => (current?.command === command && !current.conflict ? null : current));

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (!editing) return;
    // Esc while recording ends the recording only.
    event.preventDefault();
    focusAfter.current = editing.command;
    setEditing(null);
  };

  const groups = [...new Set(keymap.bindings.map((binding) => binding.def.group))];

  return (
    <dialog
      ref={dialog}
      className="app-dialog shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      aria-describedby="shortcuts-intro"
      onCancel={onCancel}
      onClose={() => {
        setEditing(null);
        setStatus('');
        onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p id="shortcuts-intro" className="shortcuts-intro">
        Change a command’s keys with its Change button, then press the new keys. Your keys are kept on this
        computer.
      </p>
      <table>
        <colgroup>
          <col className="shortcuts-col-what" />
          <col className="shortcuts-col-keys" />
          <col className="shortcuts-col-actions" />
        </colgroup>
        {groups.map((group) => (
          <GroupRows
            key={group}
            group={group}
            bindings={keymap.bindings.filter((binding) => binding.def.group === group)}
            render={(binding) => {
              const { command } = binding.def;
              const mine = editing?.command === command ? editing : null;
              return (
                <ShortcutRow
                  key={command}
                  binding={binding}
                  mac={mac}
                  editing={mine}
                  changeRef={(element) => {
                    if (element) changeButtons.current.set(command, element);
                    else changeButtons.current.delete(command);
                  }}
                  onChange={() => {
                    setStatus('');
                    setEditing({ command, refusal: null, conflict: null });
                  }}
                  onReset={() => reset(binding)}
                  onChord={(chord) => onChord(command, chord)}
                  onCancel={() => stopEditing(command)}
                  onReplace={() => mine?.conflict && assign(command, mine.conflict.chord)}
                  onDecline={() => setEditing({ command, refusal: null, conflict: null })}
                />
              );
            }}
          />
        ))}
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={3} className="shortcuts-group">
              Other keys
            </th>
          </tr>
          {fixedKeys(mac).map((row) => (
            <tr key={row.description}>
              <th scope="row">{row.description}</th>
              <td className="shortcut-keys">
                <kbd>{row.keys}</kbd>
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-status" role="status" data-testid="shortcuts-status">
        {status}
      </p>
      <form method="dialog" className="shortcuts-footer">
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={!anyChanged}
          data-testid="shortcuts-reset-all"
          onClick={resetAll}
        >
          Reset all
        </button>
        <button ref={closeButton} type="submit" className="button button-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}

function GroupRows({
  group,
  bindings,
  render,
}: {
  group: ShortcutGroup;
  bindings: readonly Binding[];
  render: (binding: Binding) => ReactNode;
}) {
  return (
    <tbody>
      <tr>
        <th scope="rowgroup" colSpan={3} className="shortcuts-group">
          {GROUP_TITLES[group]}
        </th>
      </tr>
      {bindings.map(render)}
    </tbody>
  );
}
