/**
 * The renderer's one way to reach the Node side. In Electron the preload's `window.glossa` carries
 * the calls over IPC; in browser mode they are POSTed to the local server with the page's token.
 * Both transports answer with an ApiResponse, unwrapped here, so both behave the same: a value, or
 * an Error whose message is written for people.
 */
// Types only from the contract: its zod schemas belong to the Node side, not the renderer bundle.
import { API_CALLS } from '../../../shared/api/channels';
import type { ApiArgs, ApiCallName, ApiResponse, GlossaApi } from '../../../shared/api/contract';
import { decodeWire, encodeWire } from '../../../shared/api/wire';
import type { GlossaBridge } from './window';

/** Thrown when the Node side answers with `ok: false`; the message is the one to show. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Transport = (name: ApiCallName, args: unknown) => Promise<ApiResponse<unknown>>;

let api: GlossaApi | undefined;

export function getApi(): GlossaApi {
  api ??= buildApi(window.glossa ? bridgeTransport(window.glossa) : httpTransport(readToken()));
  return api;
}

function buildApi(transport: Transport): GlossaApi {
  const entries = API_CALLS.map((name) => [
    name,
    async (args: ApiArgs<typeof name>) => unwrap(await transport(name, args)),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as GlossaApi;
}

/** The value of an answer, or its error thrown as an ApiCallError. */
export function unwrap(response: ApiResponse<unknown>): unknown {
  if (response.ok) return response.value;
  throw new ApiCallError(response.error.code, response.error.message);
}

function bridgeTransport(bridge: GlossaBridge): Transport {
  return (name, args) => (bridge[name] as (args: unknown) => Promise<ApiResponse<unknown>>)(args);
}

/** Browser mode: the secret the page's own address carries (?token=…). */
export function readToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

export function unreachable(): ApiCallError {
  return new ApiCallError('unreachable', 'Cannot reach Glossa: is it still running in the terminal?');
}

/** Browser mode: the server's answer to `what` as an ApiResponse, or a bad-response error. */
export function readAnswer(text: string, status: number, what: string): ApiResponse<unknown> {
  let body: unknown;
  try {
    body = decodeWire(text);
  } catch {
    body = undefined;
  }
  if (!isApiResponse(body))
    throw new ApiCallError('bad-response', `Glossa answered ${what} with HTTP ${status}.`);
  return body;
}

function httpTransport(token: string): Transport {
  return async (name, args) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Glossa-Token': token },
        body: encodeWire(args ?? {}),
        cache: 'no-store',
      });
    } catch {
      throw unreachable();
    }
    return readAnswer(await response.text(), response.status, name);
  };
}

function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}
