/** Rename a speaker everywhere at once (one undo step). */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_PUSH_TAG } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { $segmentNodes } from './document-bridge';

export function SpeakersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const [speakers, setSpeakers] = useState<Array<{ name: string; count: number }>>([]);
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      const counts = new Map<string, number>();
      editor.getEditorState().read(() => {
        for (const node of $segmentNodes()) {
          const speaker = node.getSpeaker();
          if (speaker) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
        }
      });
      const list = [...counts].map(([name, count]) => ({ name, count }));
      setSpeakers(list);
      setNames(Object.fromEntries(list.map(({ name }) => [name, name])));
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, editor]);

  const apply = () => {
    const renames = new Map(
      Object.entries(names).filter(([from, to]) => to.trim() !== '' && to.trim() !== from),
    );
    if (renames.size > 0) {
      editor.update(
        () => {
          for (const node of $segmentNodes()) {
            const to = renames.get(node.getSpeaker() ?? '');
            if (to) node.setSpeaker(to.trim());
          }
        },
        { tag: HISTORY_PUSH_TAG },
      );
    }
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="app-dialog speakers-dialog"
      aria-labelledby="speakers-title"
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <h2 id="speakers-title">Speakers</h2>
        {speakers.length === 0 ? (
          <p>This transcript names no speakers.</p>
        ) : (
          speakers.map(({ name, count }) => (
            <label key={name} className="speaker-row">
              <span>
                {name} <small>({count} segments)</small>
              </span>
              <input
                value={names[name] ?? name}
                data-testid="speaker-name"
                onChange={(event) => setNames({ ...names, [name]: event.target.value })}
              />
            </label>
          ))
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary">
            Rename
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
