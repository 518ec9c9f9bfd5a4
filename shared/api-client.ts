/**
 * Builds a HelpApi proxy from a transport. The preload (IPC) and the preview's HTTP client
 * both use it, so every method exists on both with the same semantics.
 */
import { HELP_METHODS, type HelpApi, type HelpEventName, type HelpEvents, type HelpMethod, type HelpRequests, type Unsubscribe } from './api';
import { HelpApiError, isApiErrorPayload, type ApiErrorPayload, type ApiResponse } from './errors';

export interface HelpTransport {
  invoke(method: HelpMethod, args: unknown[]): Promise<ApiResponse<unknown>>;
  subscribe<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe;
}

export function createHelpApiClient(transport: HelpTransport): HelpApi {
  const requests: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of HELP_METHODS) {
    requests[method] = async (...args: unknown[]) => {
      const response = await transport.invoke(method, args);
      if (response.ok) return response.value;
      throw HelpApiError.fromPayload(response.error);
    };
  }
  return {
    ...(requests as unknown as HelpRequests),
    on: (event, listener) => transport.subscribe(event, listener),
  };
}

/*
 * contextBridge copies only an Error's message across worlds. The preload therefore rejects
 * with the payload encoded in the message, and the renderer decodes it back into a
 * HelpApiError (see `decodeBridgedError`).
 */
const BRIDGE_PREFIX = 'doum-api-error:';

export function encodeBridgedError(payload: ApiErrorPayload): Error {
  return new Error(BRIDGE_PREFIX + JSON.stringify(payload));
}

export function decodeBridgedError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const at = error.message.indexOf(BRIDGE_PREFIX);
  if (at < 0) return error;
  try {
    const payload: unknown = JSON.parse(error.message.slice(at + BRIDGE_PREFIX.length));
    return isApiErrorPayload(payload) ? HelpApiError.fromPayload(payload) : error;
  } catch {
    return error;
  }
}

/** Wraps an API whose rejections were bridged, restoring typed HelpApiErrors. */
export function withDecodedErrors(api: HelpApi): HelpApi {
  const wrapped: Record<string, unknown> = {};
  for (const method of HELP_METHODS) {
    const call = api[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = (...args: unknown[]) =>
      call(...args).catch((error: unknown) => {
        throw decodeBridgedError(error);
      });
  }
  return { ...(wrapped as unknown as HelpRequests), on: api.on };
}
