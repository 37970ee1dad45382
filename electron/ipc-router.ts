/**
 * Serves the API contract over Electron IPC: one `invoke` channel per call, the sender checked
 * (our page's main frame only) and the arguments validated before a handler runs. Handlers' errors
 * come back as one readable line in an ApiResponse, never as a rejected promise with a stack.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  API_CALL_NAMES,
  parseApiArgs,
  type ApiCallName,
  type ApiHandlers,
  type ApiResponse,
} from '../shared/api/contract';
import { apiChannel } from '../shared/api/channels';
import { toApiFailure } from './services/api-errors';
import { isAppUrl } from './window-options';

export async function dispatchApiCall(
  handlers: ApiHandlers,
  name: ApiCallName,
  rawArgs: unknown,
): Promise<ApiResponse<unknown>> {
  try {
    const args = parseApiArgs(name, rawArgs);
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(args) };
  } catch (error) {
    return { ok: false, error: toApiFailure(error) };
  }
}

export function registerApiHandlers(ipcMain: IpcMain, handlers: ApiHandlers): () => void {
  for (const name of API_CALL_NAMES) {
    ipcMain.handle(apiChannel(name), async (event: IpcMainInvokeEvent, args: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use Glossa.' } };
      }
      return dispatchApiCall(handlers, name, args);
    });
  }
  return () => {
    for (const name of API_CALL_NAMES) ipcMain.removeHandler(apiChannel(name));
  };
}
