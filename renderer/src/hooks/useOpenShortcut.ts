import { useEffect, useEffectEvent } from 'react';

/** Ctrl+O (Cmd+O on macOS) runs `onOpen` instead of the browser's own open-file command. */
export function useOpenShortcut(onOpen: () => void): void {
  const handleOpen = useEffectEvent(onOpen);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'o') return;
      event.preventDefault();
      handleOpen();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
