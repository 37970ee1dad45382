import type { ApiArgs, ApiCallName, ApiResponse, ApiResultValue } from '../../../shared/api/contract';

/**
 * What the Electron preload exposes as `window.glossa`: one function per contract call, each
 * resolving to an ApiResponse (errors cross the boundary as data, never as thrown objects).
 */
export type GlossaBridge = {
  [N in ApiCallName]: (args: ApiArgs<N>) => Promise<ApiResponse<ApiResultValue<N>>>;
};

declare global {
  interface Window {
    /** Present only in the Electron window. */
    readonly glossa?: GlossaBridge;
  }
}
