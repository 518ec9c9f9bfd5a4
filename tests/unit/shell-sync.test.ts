/**
 * Background sync: the utility-process job (run here as plain Node), the main-process runner
 * that drives it and tells the renderer, the desktop HelpApi that delegates to it, and the
 * scheduler's triggers (start, timer, online, resume) around core's policy.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { PowerMonitor } from 'electron';
import type { HelpEventName, HelpEvents } from '../../shared/api';
import { HelpApiError } from '../../shared/errors';
import type { SyncReport, SyncStatus } from '../../shared/types';
import { buildFeed } from '../../electron/core/feed/builder';
import { openHelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import type { HelpService } from '../../electron/core/service';
import { desktopApi } from '../../electron/main/desktop-api';
import { startSyncJob, type FromSyncProcess, type SyncJob, type ToSyncProcess } from '../../electron/main/sync-process';
import { BackgroundSync, type SyncChild } from '../../electron/main/sync-runner';
import { MAX_TIMER_MS, ONLINE_POLL_MS, SyncScheduler, watchSystem } from '../../electron/main/sync-scheduler';
import { writeContent } from '../support/content';
import { recordingLog } from '../support/electron-fakes';
import { removeTempDirs, tempDir } from '../support/temp';

vi.mock('electron', () => ({}));

afterAll(removeTempDirs);

const HOUR = 3_600_000;
const REPORT: SyncReport = { revision: 2, added: 3, updated: 1, deleted: 0, total: 10, notModified: false, bytesDownloaded: 1234, assets: { added: 0, removed: 0 } };
const STATUS: SyncStatus = { syncing: false, source: 'bundled', revision: 1, articles: 7, lastSuccessAt: null, lastAttemptAt: null, lastError: null, storage: { totalBytes: 4096, pictures: 0, pictureBytes: 0 } };

/** A HelpService stand-in that records the events the runner emits. */
function fakeService(syncNow: () => Promise<SyncReport> = async () => REPORT) {
  const events: Array<[HelpEventName, unknown]> = [];
  const service = {
    events,
    cancelled: 0,
    emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]) {
      events.push([event, payload]);
    },
    getSyncStatus: async () => STATUS,
    syncNow,
    cancelSync: async () => {
      service.cancelled += 1;
      return true;
    },
  };
  return service;
}

/** A utility process stand-in: records what it is sent; the test speaks for it. */
class FakeChild implements SyncChild {
  sent: ToSyncProcess[] = [];
  killed = 0;
  private readonly emitter = new EventEmitter();
  postMessage(message: ToSyncProcess): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed += 1;
    return true;
  }
  onMessage(listener: (message: FromSyncProcess) => void): void {
    this.emitter.on('message', listener);
  }
  onExit(listener: (code: number) => void): void {
    this.emitter.on('exit', listener);
  }
  say(message: FromSyncProcess): void {
    this.emitter.emit('message', message);
  }
  exit(code: number): void {
    this.emitter.emit('exit', code);
  }
}

const JOB: SyncJob = { files: dataFilesForContentDb('/tmp/none.db'), bundledFeedDir: null, hostOs: 'macos', version: '0.0.0', systemLocale: 'ko-KR' };

function runner(options: { child?: FakeChild | null; service?: ReturnType<typeof fakeService>; reloads?: string[] } = {}) {
  const service = options.service ?? fakeService();
  const reloads = options.reloads ?? [];
  const outcomes: unknown[] = [];
  const sync = new BackgroundSync({
    fork: options.child === null ? null : () => options.child ?? new FakeChild(),
    job: JOB,
    service: service as unknown as HelpService,
    reloadIndex: async () => {
      reloads.push('reload');
      service.events.push(['reload' as HelpEventName, null]);
    },
    log: recordingLog(),
    onFinished: (outcome) => outcomes.push(outcome),
    cancelGraceMs: 5,
  });
  return { sync, service, reloads, outcomes };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the background sync runner', () => {
  it('runs the sync in the child, forwards progress, and reloads the index before contentUpdated', async () => {
    const child = new FakeChild();
    const { sync, service, outcomes } = runner({ child });
    const done = sync.syncNow();
    expect(child.sent).toEqual([{ type: 'start', job: JOB }]);
    await flush();
    expect(await sync.status()).toMatchObject({ syncing: true });
    child.say({ type: 'progress', progress: { phase: 'download', bytes: 10, totalBytes: 100 } });
    child.say({ type: 'progress', progress: { phase: 'done' } });
    child.say({ type: 'done', report: REPORT });
    await expect(done).resolves.toEqual(REPORT);
    await flush();
    expect(child.killed).toBe(1);
    expect(service.events.map(([event, payload]) => (event === 'syncProgress' ? `progress:${(payload as { phase: string }).phase}` : event))).toEqual([
      'syncStatus',
      'progress:download',
      'progress:index',
      'reload',
      'contentUpdated',
      'progress:done',
      'syncStatus',
    ]);
    expect(service.events.find(([e]) => e === 'contentUpdated')?.[1]).toEqual({ revision: 2 });
    expect((service.events[0]![1] as SyncStatus).syncing).toBe(true);
    expect((service.events.at(-1)![1] as SyncStatus).syncing).toBe(false);
    expect(outcomes).toEqual([{ report: REPORT }]);
  });

  it('does not reload the index when nothing changed', async () => {
    const child = new FakeChild();
    const { sync, reloads, service } = runner({ child });
    const done = sync.syncNow();
    child.say({ type: 'done', report: { ...REPORT, notModified: true } });
    await done;
    expect(reloads).toEqual([]);
    expect(service.events.some(([e]) => e === 'contentUpdated')).toBe(false);
  });

  it('joins a sync that is already running', async () => {
    const children: FakeChild[] = [];
    const sync = new BackgroundSync({
      fork: () => {
        const child = new FakeChild();
        children.push(child);
        return child;
      },
      job: JOB,
      service: fakeService() as unknown as HelpService,
      reloadIndex: async () => undefined,
      log: recordingLog(),
    });
    const first = sync.syncNow();
    const second = sync.syncNow();
    expect(second).toBe(first);
    children[0]!.say({ type: 'done', report: REPORT });
    await first;
    expect(children).toHaveLength(1);
  });

  it('rejects with the HelpApi error the child reports', async () => {
    const child = new FakeChild();
    const { sync, outcomes } = runner({ child });
    const done = sync.syncNow();
    child.say({ type: 'failed', error: { code: 'sync-failed', message: '피드 서버가 응답하지 않습니다', reason: 'timeout' } });
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelpApiError);
    expect(error).toMatchObject({ code: 'sync-failed', reason: 'timeout', message: '피드 서버가 응답하지 않습니다' });
    expect(outcomes).toEqual([{ error }]);
    expect(sync.running).toBe(false);
  });

  it('reports a child that stops without an answer', async () => {
    const child = new FakeChild();
    const { sync } = runner({ child });
    const done = sync.syncNow();
    child.exit(9);
    await expect(done).rejects.toMatchObject({ code: 'sync-failed', message: expect.stringContaining('exit code 9') });
  });

  it('asks the child to stop on cancel, and ends it if it does not', async () => {
    const child = new FakeChild();
    const { sync } = runner({ child });
    const done = sync.syncNow().catch(() => undefined);
    expect(sync.cancel()).toBe(true);
    expect(child.sent.at(-1)).toEqual({ type: 'cancel' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(child.killed).toBe(1);
    child.exit(1);
    await done;
    expect(sync.cancel()).toBe(false);
  });

  it('does not wait for a cancelled child that never stops: the next sync starts a new one', async () => {
    const stuck = new FakeChild();
    const { sync } = runner({ child: stuck });
    const first = sync.syncNow();
    sync.cancel();
    // The child neither answers nor exits, even when ended.
    await expect(first).rejects.toMatchObject({ code: 'sync-failed', reason: 'cancelled' });
    expect(stuck.killed).toBeGreaterThan(0);
    expect(sync.running).toBe(false);
  });

  it('syncs in-process when no utility process can be started', async () => {
    const service = fakeService(async () => ({ ...REPORT, revision: 7 }));
    const { sync } = runner({ child: null, service });
    await expect(sync.syncNow()).resolves.toMatchObject({ revision: 7 });
  });
});

describe('the desktop HelpApi', () => {
  it('sends syncing through the background runner and tells the tray about history', async () => {
    const history: string[] = [];
    const service = {
      getSettings: async () => ({ theme: 'dark' }),
      getHome: async () => ({ counts: { articles: 3, topics: 2 }, sync: STATUS }),
      recordView: async (id: string) => void history.push(`view:${id}`),
      clearHistory: async () => void history.push('clear'),
    };
    const sync = { syncNow: async () => REPORT, cancel: () => true, status: async () => ({ ...STATUS, syncing: true }) };
    const api = desktopApi(new Proxy(service, { get: (t, p) => (t as Record<string | symbol, unknown>)[p] ?? (async () => 'service') }) as unknown as HelpService, sync, {
      historyChanged: () => history.push('changed'),
      confirmSecurityChange: async () => false,
    });
    await expect(api.syncNow()).resolves.toBe(REPORT);
    await expect(api.cancelSync()).resolves.toBe(true);
    await expect(api.getSyncStatus()).resolves.toMatchObject({ syncing: true });
    await expect(api.getHome()).resolves.toMatchObject({ counts: { articles: 3, topics: 2 }, sync: { syncing: true } });
    await expect(api.getSettings()).resolves.toEqual({ theme: 'dark' });
    await expect(api.search({ text: 'x' })).resolves.toBe('service');
    await api.recordView('a');
    await api.clearHistory();
    expect(history).toEqual(['view:a', 'changed', 'clear', 'changed']);
  });
});

describe('the sync process job', () => {
  it('syncs the shared files and persists an index the main process then loads as is', async () => {
    const dir = tempDir();
    const content = writeContent(join(dir, 'content'), [
      { id: 'block-friend', title: '친구를 차단하려면 어떻게 하나요?', body: '친구 목록에서 차단을 누릅니다.' },
      { id: 'report-message', title: '메시지를 신고하려면 어떻게 하나요?', body: '신고한 메시지는 운영팀이 검토합니다.' },
    ]);
    const feed = join(dir, 'feed');
    buildFeed({ contentDir: content, outDir: feed });
    const files = dataFilesForContentDb(join(dir, 'content.db'));
    // The app's side: an empty help center (nothing bundled), open while the job runs.
    const center = await openHelpCenter({ files, bundledFeedDir: null, hostOs: 'macos', version: '0.0.0', systemLocale: 'ko-KR', transport: 'ipc', openExternal: async () => undefined });
    try {
      const messages: FromSyncProcess[] = [];
      const job = startSyncJob({ files, bundledFeedDir: feed, hostOs: 'macos', version: '0.0.0', systemLocale: 'ko-KR' }, (m) => messages.push(m));
      await job.finished;
      const done = messages.at(-1);
      expect(done).toMatchObject({ type: 'done', report: { added: 2, total: 2, notModified: false } });
      expect(messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.progress.phase : ''))).toContain('index');

      const load = await center.search.open();
      expect(load.how).toBe('loaded');
      const found = await center.service.search({ text: '차단' });
      expect(found.results.map((r) => r.id)).toEqual(['block-friend']);
      expect((await center.service.getSyncStatus()).articles).toBe(2);
    } finally {
      center.close();
    }
  });

  it('reports a failure as a HelpApi error payload', async () => {
    const dir = tempDir();
    const messages: FromSyncProcess[] = [];
    const job = startSyncJob({ files: dataFilesForContentDb(join(dir, 'c.db')), bundledFeedDir: join(dir, 'no-feed-here'), hostOs: 'linux', version: '0', systemLocale: 'en' }, (m) => messages.push(m));
    await job.finished;
    expect(messages.at(-1)).toMatchObject({ type: 'failed', error: { code: 'sync-failed' } });
  });
});

describe('the sync scheduler', () => {
  function scheduler(patch: { online?: boolean; intervalHours?: number; lastSuccessAt?: number | null; failures?: number; lastAttemptAt?: number | null } = {}) {
    let now = 1_000 * HOUR;
    const timers: Array<{ at: number; callback: () => void; cleared: boolean }> = [];
    const syncs: Array<{ resolve: (r: SyncReport) => void; reject: (e: unknown) => void }> = [];
    let running = false;
    const state = {
      lastSuccessAt: patch.lastSuccessAt === undefined ? new Date(now - HOUR).toISOString() : patch.lastSuccessAt === null ? null : new Date(patch.lastSuccessAt).toISOString(),
      lastAttemptAt: patch.lastAttemptAt ? new Date(patch.lastAttemptAt).toISOString() : null,
      failures: patch.failures ?? 0,
    };
    const env = { online: patch.online ?? true, intervalHours: patch.intervalHours ?? 6 };
    const s = new SyncScheduler({
      sync: {
        get running() {
          return running;
        },
        syncNow: () => {
          running = true;
          return new Promise<SyncReport>((resolve, reject) => syncs.push({ resolve, reject })).finally(() => {
            running = false;
          });
        },
      },
      syncState: () => state,
      intervalHours: () => env.intervalHours,
      online: () => env.online,
      log: recordingLog(),
      now: () => now,
      random: () => 0.5,
      setTimeout: (callback, ms) => {
        const timer = { at: now + ms, callback, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle) => void ((handle as { cleared: boolean }).cleared = true),
    });
    const armed = () => timers.filter((t) => !t.cleared);
    const advanceTo = (at: number) => {
      now = at;
      for (const timer of armed().filter((t) => t.at <= at)) {
        timer.cleared = true;
        timer.callback();
      }
    };
    return { s, syncs, state, env, armed, advanceTo, now: () => now };
  }

  it('syncs at start when it never has', () => {
    const { s, syncs } = scheduler({ lastSuccessAt: null });
    s.trigger('start');
    expect(syncs).toHaveLength(1);
  });

  it('waits for the interval after the last success, and syncs when the timer fires', async () => {
    const { s, syncs, armed, advanceTo, now } = scheduler();
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    // Due in 5 hours; the timer is never armed for more than an hour at a time.
    expect(armed().map((t) => t.at - now())).toEqual([MAX_TIMER_MS]);
    for (let hour = 1; hour <= 4; hour++) advanceTo(now() + HOUR);
    expect(syncs).toHaveLength(0);
    advanceTo(now() + HOUR);
    expect(syncs).toHaveLength(1);
    // While it runs, no timer; when it ends, the next one is armed.
    expect(armed()).toHaveLength(0);
    syncs[0]!.resolve(REPORT);
    await flush();
    expect(armed()).toHaveLength(1);
  });

  it('does nothing automatic while offline, and syncs a failed sync at once when the network returns', () => {
    const failedAt = 1_000 * HOUR - 10 * 60_000;
    const { s, syncs, armed, env } = scheduler({ online: false, failures: 2, lastAttemptAt: failedAt });
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    expect(armed()).toHaveLength(0);
    env.online = true;
    s.trigger('online');
    expect(syncs).toHaveLength(1);
  });

  it('retries a failed sync on resume', () => {
    const { s, syncs } = scheduler({ failures: 1, lastAttemptAt: 1_000 * HOUR - HOUR });
    s.trigger('resume');
    expect(syncs).toHaveLength(1);
  });

  it('arms no timer when automatic sync is off', () => {
    const { s, syncs, armed } = scheduler({ intervalHours: 0, lastSuccessAt: null });
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    expect(armed()).toHaveLength(0);
  });

  it('re-arms for a new interval, and stops for good', () => {
    const { s, env, armed, now } = scheduler({ lastSuccessAt: 1_000 * HOUR - 30 * 60_000 });
    env.intervalHours = 1;
    s.reschedule();
    expect(armed().map((t) => t.at - now())).toEqual([30 * 60_000]);
    s.stop();
    expect(armed()).toHaveLength(0);
    s.trigger('timer');
    expect(armed()).toHaveLength(0);
  });

  it('hears the machine waking up and the network coming back', () => {
    const triggers: string[] = [];
    const fake = { trigger: (t: string) => triggers.push(t), reschedule: () => triggers.push('reschedule') } as unknown as SyncScheduler;
    const power = new EventEmitter();
    let online = true;
    let poll: () => void = () => undefined;
    let interval = 0;
    const stop = watchSystem(fake, {
      powerMonitor: power as unknown as PowerMonitor,
      isOnline: () => online,
      setInterval: (callback, ms) => {
        poll = callback;
        interval = ms;
        return 1;
      },
      clearInterval: () => triggers.push('stopped'),
    });
    expect(interval).toBe(ONLINE_POLL_MS);
    power.emit('resume');
    online = false;
    poll();
    poll();
    online = true;
    poll();
    poll();
    stop();
    expect(triggers).toEqual(['resume', 'reschedule', 'online', 'stopped']);
  });
});
