/**
 * The sync failure kinds (shared/sync-failures.ts): one list for core's SyncError and the
 * renderer's words, so every kind core can raise has a sentence in Korean and English.
 */
import { describe, expect, it } from 'vitest';
import { isSyncFailure, SYNC_FAILURES } from '../../shared/sync-failures';
import { SyncError } from '../../electron/core/errors';
import { en } from '../../renderer/src/i18n/en';
import { ko } from '../../renderer/src/i18n/ko';

describe('sync failure kinds', () => {
  it('are known by name, nothing else is', () => {
    expect(SYNC_FAILURES.every(isSyncFailure)).toBe(true);
    expect(['sync-busy', 'Network', '', 'unknown', 'toString', null, 3].some(isSyncFailure)).toBe(false);
  });

  it.each(SYNC_FAILURES)('%s has words in Korean and English', (kind) => {
    const key = `sync.error.${kind}`;
    expect(Object.keys(ko)).toContain(key);
    expect(Object.keys(en)).toContain(key);
  });

  it('each is a SyncError kind; only network faults and timeouts are retried by default', () => {
    const retried = SYNC_FAILURES.filter((kind) => new SyncError(kind, 'x').retryable);
    expect(retried).toEqual(['network', 'timeout']);
  });
});
