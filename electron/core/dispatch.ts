/**
 * The server side of the HelpApi seam, shared by the IPC handlers and the preview's HTTP
 * server: check the method name and arguments, call the service, and wrap the outcome in
 * the transport envelope with a typed error code.
 */
import { checkArgs, isHelpMethod, type HelpRequests } from '../../shared/api';
import { HelpApiError, type ApiErrorPayload, type ApiResponse } from '../../shared/errors';
import { ValidationError } from '../../shared/validate';
import { ContentBuildError, RequestError, StoreError, SyncError } from './errors';

/** A thrown value as the seam's payload: code, reason (the UI's wording) and the English message. */
export function toApiError(error: unknown): ApiErrorPayload {
  if (error instanceof HelpApiError) return error.toPayload();
  if (error instanceof ValidationError || error instanceof RangeError) return { code: 'invalid-argument', reason: 'invalid-request', message: error.message };
  if (error instanceof RequestError) {
    return { code: error.kind, reason: error.reason, message: error.message, ...(error.params ? { params: error.params } : {}) };
  }
  if (error instanceof SyncError) return { code: error.kind === 'busy' ? 'sync-busy' : 'sync-failed', reason: error.reason, message: error.message };
  if (error instanceof StoreError) return { code: 'unavailable', reason: error.reason, message: error.message };
  if (error instanceof ContentBuildError) return { code: 'unavailable', reason: 'content-invalid', message: error.message };
  return { code: 'internal', reason: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export async function dispatch(service: HelpRequests, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  if (!isHelpMethod(method)) return { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: `unknown method ${JSON.stringify(method)}` } };
  if (!Array.isArray(args)) return { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: 'arguments must be an array' } };
  try {
    const checked = checkArgs(method, args) as unknown[];
    const call = service[method] as (...values: unknown[]) => Promise<unknown>;
    const value = await call.apply(service, checked);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
