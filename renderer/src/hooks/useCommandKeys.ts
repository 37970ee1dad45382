/**
 * The page's own keyboard shortcuts (the keymap in shortcuts/store.ts, with the person's changes),
 * caught before the editor sees the key. Text fields keep their keys, except the suggestion keys,
 * the sheet's key and the playback keys, which work everywhere; a plain character such as "?"
 * types in any text, the transcript included.
 */
import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { isTypingChord } from '../shortcuts/chord';
import { shortcutStore } from '../shortcuts/store';

const EVERYWHERE = new Set<MenuCommand>([
  'next-suggestion',
  'previous-suggestion',
  'show-shortcuts',
  // Playback keys work while typing in any field: listening and typing go together.
  'play-pause',
  'skip-back',
  'skip-forward',
  'play-suggestion',
]);

/** Marks the field where the shortcuts sheet records a new chord: every key there is its own. */
export const CHORD_CAPTURE_ATTRIBUTE = 'data-chord-capture';

/** `handle` returns false when it did not act, so the key keeps its usual meaning (e.g. Alt+Backspace). */
export function useCommandKeys(handle: (command: MenuCommand) => boolean): void {
  const onCommand = useEffectEvent(handle);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest(`[${CHORD_CAPTURE_ATTRIBUTE}]`)) return;
      const hit = shortcutStore.commandFor(event);
      if (!hit) return;
      const inField = !!target?.closest('input, textarea, select');
      const inText = inField || !!target?.isContentEditable;
      if (inField && !EVERYWHERE.has(hit.command)) return;
      if (inText && isTypingChord(hit.chord)) return;
      if (!onCommand(hit.command)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capture: the editor handles keys on its own element, and must not see the ones used here.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
