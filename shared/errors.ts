/**
 * The error shape that crosses the HelpApi seam (IPC or HTTP). Core throws typed errors;
 * the transport turns them into `ApiErrorPayload`, and the client side rethrows them as
 * `HelpApiError` so the renderer can choose its wording by `code`.
 */

export const API_ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'refused',
  'sync-failed',
  'sync-busy',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
  /** Extra machine-readable detail, e.g. the sync failure kind. */
  detail?: string;
}

export class HelpApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'HelpApiError';
  }

  toPayload(): ApiErrorPayload {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }

  static fromPayload(payload: ApiErrorPayload): HelpApiError {
    return new HelpApiError(payload.code, payload.message, payload.detail);
  }
}

/** The envelope every transport uses for a method's outcome. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

export function isApiErrorPayload(value: unknown): value is ApiErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (API_ERROR_CODES as readonly unknown[]).includes(v.code);
}
