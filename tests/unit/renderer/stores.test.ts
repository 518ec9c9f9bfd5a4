/** Every zustand store of the renderer, driven through a fake HelpApi. */
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installApi } from '../../../renderer/src/api';
import { followSystemColorScheme, useApp } from '../../../renderer/src/state/app';
import { feedbackErrorFor, useArticle } from '../../../renderer/src/state/article';
import { feedbackData } from '../../../renderer/src/state/data';
import { uiLanguage, useLanguage, useResolvedTheme } from '../../../renderer/src/state/language';
import { useReading } from '../../../renderer/src/state/reading';
import { searchLogCsv, useSearchLog } from '../../../renderer/src/state/search-log';
import { useSettings } from '../../../renderer/src/state/settings';
import { progressFraction, syncState, useSync } from '../../../renderer/src/state/sync';
import { useToast } from '../../../renderer/src/state/toast';
import { HelpApiError } from '../../../shared/errors';
import type { FeedbackEntry, SyncReport } from '../../../shared/types';
import { APP_INFO, FakeHelpApi, SETTINGS, syncStatus } from './fake-api';

let fake: FakeHelpApi;
beforeEach(() => {
  fake = new FakeHelpApi();
  installApi(fake.api);
});
afterEach(() => installApi(null));

describe('app', () => {
  beforeEach(() => useApp.setState({ info: null, hostOs: 'linux', status: 'loading', error: null, systemDark: false }));

  it('loads who we are from the core', async () => {
    const loading = useApp.getState().load();
    await fake.take('getAppInfo').resolve(APP_INFO);
    await expect(loading).resolves.toEqual(APP_INFO);
    expect(useApp.getState()).toMatchObject({ info: APP_INFO, hostOs: 'windows', status: 'ready', error: null });
  });

  it('says why it could not start', async () => {
    const loading = useApp.getState().load();
    const unreachable = new Error('the preview server is not reachable');
    await fake.take('getAppInfo').reject(unreachable);
    await expect(loading).resolves.toBeNull();
    expect(useApp.getState()).toMatchObject({ status: 'error', error: unreachable });
  });

  it('follows the system colour scheme once started, and stops when told', () => {
    let listener: ((event: MediaQueryListEvent) => void) | null = null;
    const query = {
      matches: true,
      addEventListener: (_: string, l: (event: MediaQueryListEvent) => void) => (listener = l),
      removeEventListener: () => (listener = null),
    };
    const win = { matchMedia: () => query } as unknown as Window;
    const stop = followSystemColorScheme(win);
    expect(useApp.getState().systemDark).toBe(true);
    listener!({ matches: false } as MediaQueryListEvent);
    expect(useApp.getState().systemDark).toBe(false);
    stop();
    expect(listener).toBeNull();
  });
});

describe('article feedback', () => {
  const entry: FeedbackEntry = { articleId: 'a', helpful: false, reason: 'did-not-work', note: null, at: '2026-11-01T00:00:00Z' };
  beforeEach(() => {
    useArticle.setState({ feedbackFor: null, feedbackError: null });
    feedbackData.clear();
  });

  it('stores the answer and shows it as the article’s feedback', async () => {
    const saving = useArticle.getState().setFeedback('a', false, { reason: 'did-not-work', note: null });
    expect(fake.callsOf('setFeedback')[0]!.args).toEqual(['a', false, { reason: 'did-not-work', note: null }]);
    await fake.take('setFeedback').resolve(entry);
    await expect(saving).resolves.toBe(true);
    expect(feedbackData.read('a').data).toEqual(entry);
    expect(feedbackErrorFor('a')(useArticle.getState())).toBeNull();
  });

  it('sends no trailing undefined for a plain answer (HTTP would turn it into null)', () => {
    void useArticle.getState().setFeedback('a', true);
    expect(fake.take('setFeedback').args).toEqual(['a', true]);
  });

  it('says why an answer was not stored, for that article only', async () => {
    const saving = useArticle.getState().setFeedback('a', true);
    const readOnly = new Error('read-only data folder');
    await fake.take('setFeedback').reject(readOnly);
    await expect(saving).resolves.toBe(false);
    expect(feedbackErrorFor('a')(useArticle.getState())).toBe(readOnly);
    expect(feedbackErrorFor('b')(useArticle.getState())).toBeNull();
  });
});

describe('reading', () => {
  it('opens the find bar (again taking focus), keeps its text, and closes', () => {
    useReading.setState({ findOpen: false, findText: '', findRequests: 0 });
    useReading.getState().openFind();
    useReading.getState().openFind();
    useReading.getState().setFindText('설정');
    expect(useReading.getState()).toMatchObject({ findOpen: true, findRequests: 2, findText: '설정' });
    useReading.getState().closeFind();
    expect(useReading.getState().findOpen).toBe(false);
  });
});

describe('search log', () => {
  it('loads, clears, and exports as CSV with quotes doubled', async () => {
    useSearchLog.setState({ entries: null });
    const entries = [{ query: '비번 "분실"', outcome: 'none' as const, count: 2, lastAt: '2026-11-01' }];
    const loading = useSearchLog.getState().load();
    await fake.take('listSearchLog').resolve(entries);
    await loading;
    expect(useSearchLog.getState().entries).toEqual(entries);
    const clearing = useSearchLog.getState().clear();
    await fake.take('clearSearchLog').resolve(undefined);
    await clearing;
    expect(useSearchLog.getState().entries).toEqual([]);
    expect(searchLogCsv(entries)).toBe('query,outcome,count,last\n"비번 ""분실""",none,2,2026-11-01\n');
  });
});

describe('sync', () => {
  const report: SyncReport = { revision: 2, added: 1, updated: 0, deleted: 0, total: 4, notModified: false, bytesDownloaded: 10, assets: { added: 0, removed: 0 } };
  beforeEach(() => useSync.setState({ status: null, progress: null, running: false, report: null, failure: null }));

  it('runs a sync, shows it running, keeps the report and reloads the status', async () => {
    const syncing = useSync.getState().syncNow();
    expect(useSync.getState()).toMatchObject({ running: true, progress: { phase: 'manifest' } });
    void useSync.getState().syncNow(); // a second press while running does nothing
    expect(fake.callsOf('syncNow')).toHaveLength(1);
    await fake.take('syncNow').resolve(report);
    await fake.take('getSyncStatus').resolve(syncStatus({ revision: 2, lastSuccessAt: '2026-11-01T00:00:00Z' }));
    await syncing;
    expect(useSync.getState()).toMatchObject({ running: false, progress: null, report, status: { revision: 2 } });
    expect(syncState(useSync.getState()).state).toBe('ok');
  });

  it('keeps the failure kind and message of a sync that failed', async () => {
    const syncing = useSync.getState().syncNow();
    await fake.take('syncNow').reject(new HelpApiError('sync-failed', 'manifest.json: HTTP 404', 'network'));
    await fake.take('getSyncStatus').reject(new Error('busy'));
    await syncing;
    expect(useSync.getState().failure?.error).toMatchObject({ reason: 'network', message: 'manifest.json: HTTP 404' });
    expect(syncState(useSync.getState())).toMatchObject({ state: 'error', outcome: { error: { reason: 'network' } } });
  });

  it('follows progress and status events of syncs started elsewhere', () => {
    useSync.getState().receiveProgress({ phase: 'download', bytes: 50, totalBytes: 200 });
    expect(progressFraction(useSync.getState().progress)).toBe(0.25);
    expect(syncState(useSync.getState()).state).toBe('syncing');
    useSync.getState().receiveProgress({ phase: 'done' });
    expect(useSync.getState().progress).toBeNull();
    useSync.getState().receiveStatus(syncStatus({ lastError: { code: 'cancelled', message: 'stopped', at: '2026-11-01T00:00:00Z' } }));
    expect(syncState(useSync.getState()).state).toBe('cancelled');
  });

  it('asks the core to stop a sync, and shrugs when nothing runs', async () => {
    const cancelling = useSync.getState().cancel();
    await fake.take('cancelSync').reject(new Error('nothing to cancel'));
    await expect(cancelling).resolves.toBeUndefined();
  });
});

describe('toast', () => {
  afterEach(() => vi.useRealTimers());

  it('shows at most three confirmations and removes each after a while', () => {
    vi.useFakeTimers();
    useToast.setState({ toasts: [] });
    for (const message of ['하나', '둘', '셋', '넷']) useToast.getState().show(message);
    expect(useToast.getState().toasts.map((t) => t.message)).toEqual(['둘', '셋', '넷']);
    vi.advanceTimersByTime(3199);
    expect(useToast.getState().toasts).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(useToast.getState().toasts).toEqual([]);
  });

  it('can be dismissed before its time', () => {
    vi.useFakeTimers();
    useToast.setState({ toasts: [] });
    useToast.getState().show('복사했습니다');
    useToast.getState().dismiss(useToast.getState().toasts[0]!.id);
    expect(useToast.getState().toasts).toEqual([]);
  });
});

describe('language and theme', () => {
  it('follow the setting, else the system: the app’s locale over IPC, the browser’s in the preview', () => {
    useSettings.setState({ settings: { ...SETTINGS, language: 'system', theme: 'system' } });
    useApp.setState({ info: { ...APP_INFO, systemLocale: 'en-US', transport: 'ipc' }, systemDark: true });
    expect(uiLanguage()).toBe('en');
    const { result, rerender } = renderHook(() => ({ language: useLanguage(), theme: useResolvedTheme() }));
    expect(result.current).toEqual({ language: 'en', theme: 'dark' });
    useApp.setState({ info: { ...APP_INFO, systemLocale: 'en-US', transport: 'http' } });
    rerender();
    expect(result.current.language).toBe(navigator.language.startsWith('ko') ? 'ko' : 'en');
    useSettings.setState({ settings: { ...SETTINGS, language: 'ko', theme: 'light' } });
    rerender();
    expect(result.current).toEqual({ language: 'ko', theme: 'light' });
  });
});
