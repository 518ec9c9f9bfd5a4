/** The sync schedule as a pure policy: what each trigger does given the status and the clock. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULER_POLICY as POLICY,
  decideSync,
  nextSyncAt,
  retryDelayMs,
  schedulerStatus,
  type SchedulerInput,
} from '../../electron/core/sync/scheduler';

const HOUR = 3_600_000;
const MIN = 60_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

const input = (patch: Partial<SchedulerInput> = {}): SchedulerInput => ({
  now: NOW,
  intervalHours: 6,
  lastSuccessAt: NOW - 1 * HOUR,
  lastAttemptAt: NOW - 1 * HOUR,
  failures: 0,
  online: true,
  syncing: false,
  ...patch,
});

describe('decideSync', () => {
  it('syncs on start when the store never synced', () => {
    expect(decideSync('start', input({ lastSuccessAt: null, lastAttemptAt: null }))).toEqual({ sync: true, reason: 'never-synced' });
  });

  it('syncs on start or timer once the interval has passed since the last success, not before', () => {
    expect(decideSync('start', input())).toEqual({ sync: false, reason: 'not-due' });
    expect(decideSync('timer', input({ lastSuccessAt: NOW - 6 * HOUR, lastAttemptAt: NOW - 6 * HOUR }))).toEqual({ sync: true, reason: 'due' });
    expect(decideSync('resume', input({ lastSuccessAt: NOW - 30 * HOUR, lastAttemptAt: NOW - 30 * HOUR }))).toEqual({ sync: true, reason: 'due' });
  });

  it('always runs a manual sync, unless one is already running', () => {
    expect(decideSync('manual', input({ intervalHours: 0, online: false }))).toEqual({ sync: true, reason: 'manual' });
    expect(decideSync('manual', input({ syncing: true }))).toEqual({ sync: false, reason: 'syncing' });
  });

  it('does nothing automatically while offline, while syncing, or with automatic sync off', () => {
    const due = { lastSuccessAt: NOW - 7 * HOUR, lastAttemptAt: NOW - 7 * HOUR };
    expect(decideSync('timer', input({ ...due, online: false }))).toEqual({ sync: false, reason: 'offline' });
    expect(decideSync('timer', input({ ...due, syncing: true }))).toEqual({ sync: false, reason: 'syncing' });
    expect(decideSync('start', input({ ...due, intervalHours: 0 }))).toEqual({ sync: false, reason: 'automatic-off' });
  });

  it('backs off after failures, then retries when the backoff has passed', () => {
    const failedOnce = input({ failures: 1, lastAttemptAt: NOW - 1 * MIN, lastSuccessAt: NOW - 8 * HOUR });
    expect(decideSync('timer', failedOnce)).toEqual({ sync: false, reason: 'not-due' });
    expect(decideSync('timer', { ...failedOnce, now: NOW - 1 * MIN + POLICY.retryBaseMs })).toEqual({ sync: true, reason: 'retry' });
    const failedThrice = input({ failures: 3, lastAttemptAt: NOW - 10 * MIN, lastSuccessAt: NOW - 8 * HOUR });
    expect(decideSync('timer', failedThrice)).toEqual({ sync: false, reason: 'not-due' });
    expect(decideSync('timer', { ...failedThrice, now: NOW - 10 * MIN + 4 * POLICY.retryBaseMs })).toEqual({ sync: true, reason: 'retry' });
  });

  it('retries a failed sync at once when the network comes back or the machine wakes', () => {
    const failed = input({ failures: 4, lastAttemptAt: NOW - 2 * MIN, lastSuccessAt: NOW - 8 * HOUR });
    expect(decideSync('online', failed)).toEqual({ sync: true, reason: 'back-online' });
    expect(decideSync('resume', failed)).toEqual({ sync: true, reason: 'back-online' });
    expect(decideSync('timer', failed)).toEqual({ sync: false, reason: 'not-due' });
  });

  it('ignores a flapping network: no automatic sync within the minimum gap of the last attempt', () => {
    const justTried = input({ failures: 1, lastAttemptAt: NOW - 5_000, lastSuccessAt: null });
    expect(decideSync('online', justTried)).toEqual({ sync: false, reason: 'too-soon' });
    expect(decideSync('online', { ...justTried, now: NOW - 5_000 + POLICY.minGapMs })).toEqual({ sync: true, reason: 'back-online' });
  });

  it('treats a last success in the future (the clock went back) as due', () => {
    expect(decideSync('start', input({ lastSuccessAt: NOW + 48 * HOUR, lastAttemptAt: NOW - 2 * HOUR }))).toEqual({ sync: true, reason: 'due' });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, capped by the maximum and by the interval', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 24))).toEqual([5, 10, 20, 40].map((m) => m * MIN));
    expect(retryDelayMs(30, 24)).toBe(POLICY.retryMaxMs);
    expect(retryDelayMs(30, 1)).toBe(1 * HOUR);
    expect(retryDelayMs(1000, 24)).toBe(POLICY.retryMaxMs);
  });

  it('spreads retries by the jitter fraction', () => {
    expect(retryDelayMs(1, 24, POLICY, 0)).toBe(Math.round(5 * MIN * (1 - POLICY.jitter)));
    expect(retryDelayMs(1, 24, POLICY, 1)).toBe(Math.round(5 * MIN * (1 + POLICY.jitter)));
  });
});

describe('nextSyncAt', () => {
  it('is the interval after the last success', () => {
    expect(nextSyncAt(input())).toBe(NOW - 1 * HOUR + 6 * HOUR);
  });

  it('is the end of the backoff after a failure, and never sooner than the minimum gap', () => {
    expect(nextSyncAt(input({ failures: 2, lastAttemptAt: NOW - 1 * MIN }))).toBe(NOW - 1 * MIN + 10 * MIN);
    expect(nextSyncAt(input({ lastSuccessAt: null, lastAttemptAt: NOW - 1_000 }))).toBe(NOW - 1_000 + POLICY.minGapMs);
  });

  it('is null when only an event can start the next sync', () => {
    expect(nextSyncAt(input({ intervalHours: 0 }))).toBeNull();
    expect(nextSyncAt(input({ online: false }))).toBeNull();
    expect(nextSyncAt(input({ syncing: true }))).toBeNull();
  });
});

describe('schedulerStatus', () => {
  it('reads the stored status', () => {
    expect(schedulerStatus({ lastSuccessAt: '2026-06-01T12:00:00.000Z', lastAttemptAt: null, failures: 2 })).toEqual({ lastSuccessAt: NOW, lastAttemptAt: null, failures: 2 });
    expect(schedulerStatus({ lastSuccessAt: 'garbage', lastAttemptAt: null, failures: 0 }).lastSuccessAt).toBeNull();
  });
});
