/** The keyboard shortcuts, opened with ? or F1; a modal <dialog>, so Esc closes it and focus stays inside. */
import { useEffect, useRef } from 'react';
import { EXTRA_KEYS, SHORTCUTS } from '../suggestions/shortcuts';

export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="app-dialog shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {[...SHORTCUTS, ...EXTRA_KEYS].map((shortcut) => (
            <tr key={shortcut.description}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button button-primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
