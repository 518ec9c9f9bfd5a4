/**
 * The error shape that crosses the HelpApi seam (IPC or HTTP). Core throws typed errors with
 * a REASON; the transport turns them into `ApiErrorPayload`, and the client side rethrows them
 * as `HelpApiError`. The renderer words an error by its reason (a closed list, each mapped to
 * a message key that tsc checks); `message` is the core's English technical text, for the log
 * and the "자세히" disclosure — never the headline.
 */

import { SYNC_FAILURES, type SyncFailure } from './sync-failures';

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

/** Why a request was refused (core's RequestError), or why the service could not answer. */
export const REQUEST_REASONS = [
  'invalid-request', // arguments that fail the HelpApi's checks (a caller's bug)
  'link-invalid', // openExternal: not a URL, or no host
  'link-refused', // openExternal: a scheme or form Doum does not open
  'feed-url-invalid', // not an http(s) URL or an absolute folder path
  'feed-url-credentials', // a user name or password inside the feed URL
  'zendesk-url-invalid', // zendesk: not followed by an http(s) address
  'zendesk-needs-https', // zendesk: over plain http to another machine
  'key-invalid', // the feed public key is not a usable Ed25519 key
  'update-url-not-https', // the update URL is not https
  'setting-locked', // an administrator's policy fixes the setting (params.settings)
  'not-confirmed', // the person did not confirm a security-relevant change
  'article-not-found', // no article with that id (params.id)
  'store-corrupt', // the content database is damaged
  'store-newer-schema', // written by a newer Doum
  'store-read-only', // the data folder cannot be written
  'store-lost', // the user's data and every copy are gone
  'store-failed', // the database could not be opened or read otherwise
  'content-invalid', // a content folder with problems (feed build)
  'service-unreachable', // the transport could not reach the service (preview server gone)
  'preview-token', // the preview's address was opened without its per-run token
  'internal', // anything unexpected
] as const;
export type RequestReason = (typeof REQUEST_REASONS)[number];

/** Every reason an error can carry across the seam: the closed list the UI words. */
export const ERROR_REASONS = [...REQUEST_REASONS, ...SYNC_FAILURES] as const;
export type ErrorReason = RequestReason | SyncFailure;

/** Values a reason's message is built with (e.g. the locked settings, an article id). */
export type ErrorParams = Readonly<Record<string, string | number>>;

export function isErrorReason(value: unknown): value is ErrorReason {
  return (ERROR_REASONS as readonly unknown[]).includes(value);
}

function isErrorParams(value: unknown): value is ErrorParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}

export interface ApiErrorPayload {
  code: ApiErrorCode;
  /** The technical message (English): for the log and the "자세히" disclosure. */
  message: string;
  /** Why, as a closed code the UI words in the person's language. */
  reason?: ErrorReason;
  /** Values the reason's message needs. */
  params?: ErrorParams;
}

export class HelpApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly reason?: ErrorReason,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'HelpApiError';
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }

  /**
   * From a payload that passed `isApiErrorPayload`. A reason or params this side does not know
   * (a newer service) are dropped rather than trusted: the UI then falls back to its general
   * sentence, with the message still behind "자세히".
   */
  static fromPayload(payload: ApiErrorPayload): HelpApiError {
    const reason = isErrorReason(payload.reason) ? payload.reason : undefined;
    const params = isErrorParams(payload.params) ? payload.params : undefined;
    return new HelpApiError(payload.code, payload.message, reason, params);
  }
}

/** The envelope every transport uses for a method's outcome. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

export function isApiErrorPayload(value: unknown): value is ApiErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (API_ERROR_CODES as readonly unknown[]).includes(v.code);
}
