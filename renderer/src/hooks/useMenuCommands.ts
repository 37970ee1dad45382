import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';

/**
 * Runs `handler` for each application-menu command (Electron only; in browser mode there is no
 * menu and this does nothing). Subscribes once and unsubscribes on unmount, so StrictMode's
 * double mount leaves one listener.
 */
export function useMenuCommands(handler: (command: MenuCommand) => void): void {
  const onCommand = useEffectEvent(handler);

  useEffect(() => {
    const bridge = window.glossa;
    if (!bridge?.onMenuCommand) return;
    return bridge.onMenuCommand((command) => onCommand(command));
  }, []);
}
