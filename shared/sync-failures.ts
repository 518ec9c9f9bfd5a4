/**
 * Why a sync can fail: the kinds core's SyncError carries (electron/core/errors.ts) and the UI
 * words (a `sync.error.<kind>` message each). One list, so a kind added in core cannot go
 * without words in the renderer unnoticed.
 */
export const SYNC_FAILURES = [
  'network', // connection refused, reset, DNS
  'timeout', // no answer in time
  'http', // unexpected HTTP status
  'not-found', // feed or file missing
  'integrity', // sha256 mismatch or truncated body
  'signature', // manifest signature missing or wrong
  'invalid-feed', // manifest/snapshot/delta not in doum-feed/1 shape
  'invalid-record', // an article record failed validation
  'cancelled',
  'busy', // another sync holds the lock
  'storage', // the local database could not be written
  'rollback', // a signed feed older than one already applied (the feed went back in time)
  'expired', // a signed manifest past its expiresAt, or without one
  'refused', // a source the trust settings do not allow (Zendesk with a pinned key, plain http)
  'too-large', // a file over Doum's size cap
  'read-only', // the data folder cannot be written
  'untrusted', // the trust settings were lost; a person must set them again
] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];

export function isSyncFailure(value: unknown): value is SyncFailure {
  return typeof value === 'string' && (SYNC_FAILURES as readonly string[]).includes(value);
}
