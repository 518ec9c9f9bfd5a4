/**
 * Sync, one path for every host: HelpService.syncNow (and `syncFrom`, the CLI's --feed) over
 * the injected runner — in-process here as in the CLI, the preview and the app's service
 * process — against real SQLite files and a real feed server on 127.0.0.1; and the shell's
 * scheduler (start, timer, online, resume) around core's policy, on vitest's fake timers.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PowerMonitor } from 'electron';
import type { HelpEventName, HelpEvents } from '../../shared/api';
import type { SyncReport, SyncStatus } from '../../shared/types';
import { openHelpCenter, type HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import type { SyncRunner } from '../../electron/core/sync/runner';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { MAX_TIMER_MS, ONLINE_POLL_MS, SyncScheduler, watchSystem } from '../../electron/main/sync-scheduler';
import { recordingLog } from '../support/electron-fakes';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { editArticles, generatedArticles, writeGeneratedFeed } from '../support/generated-feed';
import { fastRetry } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

vi.mock('electron', () => ({}));

const HOUR = 3_600_000;
const REPORT: SyncReport = { revision: 2, added: 3, updated: 1, deleted: 0, total: 10, notModified: false, bytesDownloaded: 1234, assets: { added: 0, removed: 0 } };

let server: FeedServer;
let feedDir: string;
const opened: HelpCenter[] = [];

beforeAll(async () => {
  feedDir = join(tempDir(), 'feed');
  writeGeneratedFeed(feedDir, generatedArticles(30));
  server = await startFeedServer(feedDir);
});

afterEach(() => {
  for (const center of opened.splice(0)) center.close();
  vi.useRealTimers();
});

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

/** An empty help center on files of its own, its feed set to the test server (as Settings would). */
async function helpCenter(options: { syncRunner?: SyncRunner } = {}): Promise<HelpCenter> {
  const center = await openHelpCenter({
    files: dataFilesForContentDb(join(tempDir(), 'content.db')),
    bundledFeedDir: null,
    hostOs: 'macos',
    version: '0.0.0',
    systemLocale: 'ko-KR',
    transport: 'http',
    openExternal: async () => undefined,
    // Retries without waiting: a failure is a failure at once.
    sourceFor: (location) => syncSourceFor(location, { retry: fastRetry() }),
    ...options,
  });
  opened.push(center);
  await center.service.setSettings({ feedUrl: server.url });
  return center;
}

/** The sync events the service emits, in order ('progress:<phase>' for syncProgress). */
function recordSyncEvents(center: HelpCenter): string[] {
  const seen: string[] = [];
  const names: HelpEventName[] = ['syncStatus', 'syncProgress', 'contentUpdated'];
  for (const name of names) {
    center.service.on(name, (payload: HelpEvents[typeof name]) => {
      if (name === 'syncProgress') seen.push(`progress:${(payload as HelpEvents['syncProgress']).phase}`);
      else if (name === 'syncStatus') seen.push(`status:${(payload as SyncStatus).syncing ? 'syncing' : 'idle'}`);
      else seen.push(name);
    });
  }
  return seen;
}

describe('the service’s one sync path', () => {
  it('says it is syncing first, indexes the new content before contentUpdated, and says done and idle last', async () => {
    const center = await helpCenter();
    const events = recordSyncEvents(center);
    const report = await center.service.syncNow();
    expect(report).toMatchObject({ revision: 1, added: 30, notModified: false });
    expect(events[0]).toBe('status:syncing');
    expect(events).toContain('progress:download');
    expect(events.slice(-4)).toEqual(['progress:index', 'contentUpdated', 'progress:done', 'status:idle']);
    // The index caught up before contentUpdated: the new articles are found.
    expect((await center.service.search({ text: '메시지 삭제' })).total).toBeGreaterThan(0);
    expect(await center.service.getSyncStatus()).toMatchObject({ syncing: false, revision: 1, articles: 30, failures: 0, lastError: null });
  });

  it('joins a sync that is already running: one download, the same report', async () => {
    const center = await helpCenter();
    let open!: () => void;
    server.fail('manifest.json', { kind: 'gate', until: new Promise<void>((resolve) => (open = resolve)) });
    const before = server.requestsTo('manifest.json').length;
    const first = center.service.syncNow();
    const second = center.service.syncNow();
    expect(second).toBe(first);
    // A view of the service for another host OS (the preview's) shares the running sync too.
    expect(center.service.withHostOs('windows').syncNow()).toBe(first);
    expect(await center.service.getSyncStatus()).toMatchObject({ syncing: true });
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(server.requestsTo('manifest.json').length - before).toBe(1);
    expect(await center.service.getSyncStatus()).toMatchObject({ syncing: false });
  });

  it('cancels a running sync: it fails as cancelled, nothing changes, and the next sync starts afresh', async () => {
    const center = await helpCenter();
    let open!: () => void;
    server.fail('manifest.json', { kind: 'gate', until: new Promise<void>((resolve) => (open = resolve)) });
    const running = center.service.syncNow();
    expect(await center.service.cancelSync()).toBe(true);
    open();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(await center.service.getSyncStatus()).toMatchObject({ syncing: false, revision: null, articles: 0 });
    expect(await center.service.cancelSync()).toBe(false);
    await expect(center.service.syncNow()).resolves.toMatchObject({ revision: 1 });
  });

  it('syncs a location the host names (doum sync --feed) through the same path', async () => {
    const center = await helpCenter();
    const events = recordSyncEvents(center);
    const other = join(tempDir(), 'other-feed');
    const articles = editArticles(generatedArticles(12), 0.5, 1);
    writeGeneratedFeed(other, articles);
    await expect(center.service.syncFrom(other)).resolves.toMatchObject({ total: articles.length, notModified: false });
    expect(events.slice(-3)).toEqual(['contentUpdated', 'progress:done', 'status:idle']);
    expect(await center.service.getSyncStatus()).toMatchObject({ source: other, articles: articles.length });
  });

  it('counts failures in a row for the scheduler’s backoff, and a success resets them', async () => {
    const center = await helpCenter();
    // Every attempt of two syncs fails (fastRetry: 3 attempts each).
    server.fail('manifest.json', ...Array.from({ length: 6 }, () => ({ kind: 'status' as const, status: 500 })));
    await expect(center.service.syncNow()).rejects.toMatchObject({ kind: 'http' });
    expect((await center.service.getSyncStatus()).failures).toBe(1);
    await expect(center.service.syncNow()).rejects.toMatchObject({ kind: 'http' });
    expect((await center.service.getSyncStatus()).failures).toBe(2);
    await expect(center.service.syncNow()).resolves.toMatchObject({ revision: 1 });
    expect((await center.service.getSyncStatus()).failures).toBe(0);
  });

  it('runs on the runner the host injects', async () => {
    const runs: string[] = [];
    const runner: SyncRunner = {
      running: false,
      run: async (source, options) => {
        runs.push(source.id);
        options.onProgress?.({ phase: 'index' });
        return REPORT;
      },
      cancel: () => false,
    };
    const center = await helpCenter({ syncRunner: runner });
    const events = recordSyncEvents(center);
    await expect(center.service.syncNow()).resolves.toBe(REPORT);
    expect(runs).toEqual([expect.stringContaining(server.url)]);
    expect(events).toEqual(['status:syncing', 'progress:index', 'contentUpdated', 'progress:done', 'status:idle']);
  });
});

describe('the sync scheduler', () => {
  /** A scheduler on vitest's fake clock and timers, whose syncs the test ends by hand. */
  function scheduler(patch: { online?: boolean; intervalHours?: number; lastSuccessAt?: number | null; failures?: number; lastAttemptAt?: number | null } = {}) {
    vi.useFakeTimers({ now: 1_000 * HOUR });
    const syncs: Array<{ resolve: (r: SyncReport) => void; reject: (e: unknown) => void; done: Promise<unknown> }> = [];
    let running = false;
    const state = {
      lastSuccessAt: patch.lastSuccessAt === undefined ? new Date(Date.now() - HOUR).toISOString() : patch.lastSuccessAt === null ? null : new Date(patch.lastSuccessAt).toISOString(),
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
          let resolve!: (r: SyncReport) => void;
          let reject!: (e: unknown) => void;
          const done = new Promise<SyncReport>((res, rej) => {
            resolve = res;
            reject = rej;
          }).finally(() => {
            running = false;
          });
          syncs.push({ resolve, reject, done: done.catch(() => undefined) });
          return done;
        },
      },
      syncState: () => state,
      intervalHours: () => env.intervalHours,
      online: () => env.online,
      log: recordingLog(),
      random: () => 0.5,
    });
    return { s, syncs, state, env };
  }

  it('syncs at start when it never has', () => {
    const { s, syncs } = scheduler({ lastSuccessAt: null });
    s.trigger('start');
    expect(syncs).toHaveLength(1);
  });

  it('waits for the interval after the last success, and syncs when the timer fires', async () => {
    const { s, syncs } = scheduler();
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    // Due in 5 hours; the timer is never armed for more than an hour at a time.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(MAX_TIMER_MS - 1);
    expect(syncs).toHaveLength(0);
    vi.advanceTimersByTime(1 + 3 * HOUR);
    expect(syncs).toHaveLength(0);
    vi.advanceTimersByTime(HOUR);
    expect(syncs).toHaveLength(1);
    // While it runs, no timer; when it ends, the next one is armed.
    expect(vi.getTimerCount()).toBe(0);
    syncs[0]!.resolve(REPORT);
    await syncs[0]!.done;
    expect(vi.getTimerCount()).toBe(1);
  });

  it('does nothing automatic while offline, and syncs a failed sync at once when the network returns', () => {
    const { s, syncs, env } = scheduler({ online: false, failures: 2, lastAttemptAt: 1_000 * HOUR - 10 * 60_000 });
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
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
    const { s, syncs } = scheduler({ intervalHours: 0, lastSuccessAt: null });
    s.trigger('start');
    expect(syncs).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms for a new interval, and stops for good', () => {
    const { s, env, syncs } = scheduler({ lastSuccessAt: 1_000 * HOUR - 30 * 60_000 });
    env.intervalHours = 1;
    s.reschedule();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30 * 60_000);
    expect(syncs).toHaveLength(1);
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    s.trigger('timer');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('hears the machine waking up and the network coming back', () => {
    vi.useFakeTimers();
    const triggers: string[] = [];
    const fake = { trigger: (t: string) => triggers.push(t), reschedule: () => triggers.push('reschedule') } as unknown as SyncScheduler;
    const power = new EventEmitter();
    let online = true;
    const stop = watchSystem(fake, { powerMonitor: power as unknown as PowerMonitor, isOnline: () => online });
    power.emit('resume');
    online = false;
    vi.advanceTimersByTime(2 * ONLINE_POLL_MS);
    online = true;
    vi.advanceTimersByTime(2 * ONLINE_POLL_MS);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(triggers).toEqual(['resume', 'reschedule', 'online']);
  });
});
