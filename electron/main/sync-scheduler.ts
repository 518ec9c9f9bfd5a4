/**
 * When automatic syncs happen. The policy is core's (core/sync/scheduler.ts: due after the
 * interval, backoff after failures, a retry when the network or the machine comes back, never
 * while offline or already syncing); this file owns the timer and the triggers:
 * - 'start' once the app is up, 'timer' when the policy's next time comes,
 * - 'online' when the network comes back (net.isOnline, polled: the main process gets no event),
 * - 'resume' when the machine wakes (powerMonitor).
 * The syncs themselves run in the help center's own process (HelpService.syncNow, asked through
 * service-client.ts); the shell learns their outcome from its syncStatus events. The timer is re-armed after
 * every sync and every settings change, and never for more than an hour at a time, so sleep
 * and clock changes cannot leave it far off.
 */
import type { PowerMonitor } from 'electron';
import type { SyncReport } from '../../shared/types';
import { decideSync, nextSyncAt, schedulerStatus, type SchedulerInput, type SyncTrigger } from '../core/sync/scheduler';
import type { Log } from './logging';

export const MAX_TIMER_MS = 3_600_000;
export const ONLINE_POLL_MS = 30_000;

export interface SchedulerDeps {
  sync: { syncNow(): Promise<SyncReport>; readonly running: boolean };
  /** The stored sync state (content store): last success, last attempt, failures. */
  syncState(): { lastSuccessAt: string | null; lastAttemptAt: string | null; failures: number };
  intervalHours(): number;
  online(): boolean;
  log: Log;
  now?: () => number;
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export class SyncScheduler {
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  private input(): SchedulerInput {
    const { deps } = this;
    return {
      now: (deps.now ?? Date.now)(),
      intervalHours: deps.intervalHours(),
      online: deps.online(),
      syncing: deps.sync.running,
      ...schedulerStatus(deps.syncState()),
    };
  }

  /** Something happened: sync if the policy says so, then re-arm the timer. */
  trigger(trigger: SyncTrigger): void {
    if (this.stopped) return;
    const decision = decideSync(trigger, this.input(), undefined, (this.deps.random ?? Math.random)());
    if (!decision.sync) {
      this.reschedule();
      return;
    }
    this.deps.log.info(`sync (${trigger}: ${decision.reason})`);
    // The outcome is logged and reported by the runner; a failure only moves the backoff on.
    this.deps.sync.syncNow().then(
      () => this.reschedule(),
      () => this.reschedule(),
    );
    this.reschedule();
  }

  /** Arms the timer for the policy's next sync (or none). */
  reschedule(): void {
    const clear = this.deps.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    if (this.timer !== null) clear(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const input = this.input();
    const at = nextSyncAt(input, undefined, (this.deps.random ?? Math.random)());
    if (at === null) return;
    const delay = Math.min(Math.max(0, at - input.now), MAX_TIMER_MS);
    const set = this.deps.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
    this.timer = set(() => {
      this.timer = null;
      this.trigger('timer');
    }, delay);
  }

  stop(): void {
    this.stopped = true;
    const clear = this.deps.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    if (this.timer !== null) clear(this.timer);
    this.timer = null;
  }
}

export interface SystemWatch {
  powerMonitor: Pick<PowerMonitor, 'on'>;
  isOnline(): boolean;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Feeds the scheduler 'resume' and 'online' (offline → online) triggers; returns the stop. */
export function watchSystem(scheduler: SyncScheduler, watch: SystemWatch): () => void {
  watch.powerMonitor.on('resume', () => scheduler.trigger('resume'));
  let online = watch.isOnline();
  const every = watch.setInterval ?? ((callback: () => void, ms: number) => setInterval(callback, ms));
  const handle = every(() => {
    const now = watch.isOnline();
    if (now && !online) scheduler.trigger('online');
    // Going offline stops the timer (nextSyncAt is null offline); coming back re-arms it.
    else if (!now && online) scheduler.reschedule();
    online = now;
  }, ONLINE_POLL_MS);
  return () => (watch.clearInterval ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>)))(handle);
}
