import type { ApiArgs, ApiCallName, ApiResponse, ApiResultValue } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/api/menu-commands';

/**
 * What the Electron preload exposes as `window.glossa`: one function per contract call, each
 * resolving to an ApiResponse (errors cross the boundary as data, never as thrown objects), and
 * a subscription to the application menu's commands.
 */
export type GlossaBridge = {
  [N in ApiCallName]: (args: ApiArgs<N>) => Promise<ApiResponse<ApiResultValue<N>>>;
} & {
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  readonly onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
  /** The file's path on disk (Electron only; '' for files not from the disk). */
  readonly pathForFile?: (file: File) => string;
};

declare global {
  interface Window {
    /** Present only in the Electron window. */
    readonly glossa?: GlossaBridge;
  }
}
