/**
 * When to sync: the policy only, as pure functions of the time, the sync status and what just
 * happened. No timers live here — the Electron shell owns those. It calls `decideSync` when
 * something happens (the app started, its timer fired, the machine came back online or woke
 * from sleep) and arms one timer for `nextSyncAt`:
 *
 *   const input = { now: Date.now(), intervalHours, online, syncing, ...statusOf(store) };
 *   if (decideSync('start', input).sync) void service.syncNow();
 *   const at = nextSyncAt(input);           // null: wait for an event, not for a time
 *   if (at !== null) timer = setTimeout(onTimer, Math.max(0, at - Date.now()));
 *
 * Rules, in order:
 * - a manual sync always runs (unless one is running): the person asked for it;
 * - nothing runs while a sync is running, or automatically while offline, or automatically
 *   when the interval is 0 (automatic sync off);
 * - after failures, the next automatic try waits an exponential backoff with jitter from the
 *   last attempt (capped by the interval), so a dead server is not hammered by every desktop;
 *   coming back online or waking up retries a failed sync at once, since the failure was
 *   most likely the missing network;
 * - otherwise a sync is due `intervalHours` after the last success (at once if there never
 *   was one), whatever the trigger;
 * - no automatic sync starts within `minGapMs` of the last attempt (flapping networks send
 *   many "online" events);
 * - a last success in the future (the clock was set back) counts as due.
 */

export type SyncTrigger = 'start' | 'timer' | 'online' | 'resume' | 'manual';

export interface SchedulerInput {
  /** Epoch milliseconds. */
  now: number;
  /** Hours between automatic syncs; 0 turns automatic sync off. */
  intervalHours: number;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Failed syncs since the last success. */
  failures: number;
  online: boolean;
  syncing: boolean;
}

export interface SchedulerPolicy {
  /** First retry delay after a failure; doubles with each further failure. */
  retryBaseMs: number;
  /** Longest retry delay (and never more than the interval). */
  retryMaxMs: number;
  /** Jitter as a fraction of the delay: 0.2 spreads retries over ±20 %. */
  jitter: number;
  /** Shortest time between two automatic attempts. */
  minGapMs: number;
  /** Clock skew tolerated before a last success "in the future" is distrusted. */
  clockSkewMs: number;
}

export const DEFAULT_SCHEDULER_POLICY: SchedulerPolicy = {
  retryBaseMs: 5 * 60_000,
  retryMaxMs: 6 * 3_600_000,
  jitter: 0.2,
  minGapMs: 30_000,
  clockSkewMs: 5 * 60_000,
};

export type SchedulerDecision =
  | { sync: true; reason: 'manual' | 'never-synced' | 'due' | 'retry' | 'back-online' }
  | { sync: false; reason: 'syncing' | 'offline' | 'automatic-off' | 'too-soon' | 'not-due' };

const HOUR_MS = 3_600_000;

/**
 * The wait before retrying after `failures` failures: base·2^(failures−1), capped, spread by
 * the jitter. `random` is a number in [0, 1) the caller draws (0.5 means no spread).
 */
export function retryDelayMs(failures: number, intervalHours: number, policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY, random = 0.5): number {
  const cap = intervalHours > 0 ? Math.min(policy.retryMaxMs, intervalHours * HOUR_MS) : policy.retryMaxMs;
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const delay = Math.min(cap, policy.retryBaseMs * 2 ** exponent);
  return Math.round(delay * (1 + policy.jitter * (2 * random - 1)));
}

/** When the next automatic sync is due (epoch ms), ignoring online state and triggers. */
export function dueAt(input: SchedulerInput, policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY, random = 0.5): number {
  const { now, intervalHours, lastSuccessAt, lastAttemptAt, failures } = input;
  if (failures > 0 && lastAttemptAt !== null) {
    return Math.min(lastAttemptAt, now) + retryDelayMs(failures, intervalHours, policy, random);
  }
  if (lastSuccessAt === null || lastSuccessAt > now + policy.clockSkewMs) return now;
  return lastSuccessAt + intervalHours * HOUR_MS;
}

function tooSoon(input: SchedulerInput, policy: SchedulerPolicy): boolean {
  const { lastAttemptAt, now } = input;
  return lastAttemptAt !== null && lastAttemptAt <= now && now - lastAttemptAt < policy.minGapMs;
}

/** Whether to sync now, given what just happened. */
export function decideSync(trigger: SyncTrigger, input: SchedulerInput, policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY, random = 0.5): SchedulerDecision {
  if (input.syncing) return { sync: false, reason: 'syncing' };
  if (trigger === 'manual') return { sync: true, reason: 'manual' };
  if (input.intervalHours <= 0) return { sync: false, reason: 'automatic-off' };
  if (!input.online) return { sync: false, reason: 'offline' };
  if (tooSoon(input, policy)) return { sync: false, reason: 'too-soon' };
  if (input.lastSuccessAt === null && input.failures === 0) return { sync: true, reason: 'never-synced' };
  if (input.failures > 0 && (trigger === 'online' || trigger === 'resume')) return { sync: true, reason: 'back-online' };
  if (input.now >= dueAt(input, policy, random)) return { sync: true, reason: input.failures > 0 ? 'retry' : 'due' };
  return { sync: false, reason: 'not-due' };
}

/**
 * When the shell should next fire the 'timer' trigger (epoch ms), or null when only an
 * event can start the next automatic sync (automatic sync off, offline, or one running).
 */
export function nextSyncAt(input: SchedulerInput, policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY, random = 0.5): number | null {
  if (input.syncing || input.intervalHours <= 0 || !input.online) return null;
  const due = dueAt(input, policy, random);
  const earliest = input.lastAttemptAt !== null && input.lastAttemptAt <= input.now ? input.lastAttemptAt + policy.minGapMs : input.now;
  return Math.max(due, earliest);
}

/** The scheduler's view of a stored sync status (ISO dates as written by the engine). */
export function schedulerStatus(state: { lastSuccessAt: string | null; lastAttemptAt: string | null; failures: number }): Pick<SchedulerInput, 'lastSuccessAt' | 'lastAttemptAt' | 'failures'> {
  const time = (iso: string | null): number | null => {
    if (iso === null) return null;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? null : ms;
  };
  return { lastSuccessAt: time(state.lastSuccessAt), lastAttemptAt: time(state.lastAttemptAt), failures: state.failures };
}
