/**
 * The page's own keyboard shortcuts (see suggestions/shortcuts.ts), caught before the editor sees
 * the key. Text fields keep their keys, except the suggestion keys F8/F1 and the playback keys,
 * which work everywhere.
 */
import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { shortcutFor, TYPING_KEYS } from '../suggestions/shortcuts';

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

/** `handle` returns false when it did not act, so the key keeps its usual meaning (e.g. Alt+Backspace). */
export function useCommandKeys(handle: (command: MenuCommand) => boolean): void {
  const onCommand = useEffectEvent(handle);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const inField = !!target?.closest('input, textarea, select');
      const inText = inField || !!target?.isContentEditable;
      if (inField && !EVERYWHERE.has(shortcut.command) && !(event.key === 'F1')) return;
      if (inText && TYPING_KEYS.has(shortcut.command) && event.key === '?') return;
      if (!onCommand(shortcut.command)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capture: the editor handles keys on its own element, and must not see the ones used here.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
