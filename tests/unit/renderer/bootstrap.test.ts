import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHelpApi, flush, APP_INFO, home, SETTINGS, syncStatus, searchResult } from './fake-api';

/** A fresh copy of the renderer's modules, as a page load would have. */
async function freshRenderer() {
  vi.resetModules();
  const [bootstrap, api, data, router, search, settings, sync, app] = await Promise.all([
    import('../../../renderer/src/app/bootstrap'),
    import('../../../renderer/src/api'),
    import('../../../renderer/src/state/data'),
    import('../../../renderer/src/state/router'),
    import('../../../renderer/src/state/search'),
    import('../../../renderer/src/state/settings'),
    import('../../../renderer/src/state/sync'),
    import('../../../renderer/src/state/app'),
  ]);
  return { ...bootstrap, ...api, ...data, ...router, ...search, ...settings, ...sync, ...app };
}

let stop: () => void = () => undefined;

beforeEach(() => {
  window.history.replaceState(null, '', '/#/bookmarks');
});
afterEach(() => {
  stop();
  stop = () => undefined;
});

describe('start-up', () => {
  it('does nothing at import time: no HelpApi, no history entry, no listener', async () => {
    const addListener = vi.spyOn(window, 'addEventListener');
    const r = await freshRenderer();
    await import('../../../renderer/src/app/App');
    expect(addListener).not.toHaveBeenCalled();
    addListener.mockRestore();
    expect(window.history.state).toBeNull();
    expect(r.useRouter.getState().route).toEqual({ name: 'home' });
    expect(() => r.api.getHome('ko')).toThrow(/before startApp/);
  });

  it('startApp installs the HelpApi, reads the address and listens to the core; stopping undoes it', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi();
    stop = r.startApp(fake.api, window);
    expect(r.useRouter.getState().route).toEqual({ name: 'bookmarks' });
    for (const event of ['syncProgress', 'syncStatus', 'settingsChanged', 'navigate', 'contentUpdated'] as const) expect(fake.listenerCount(event)).toBe(1);
    stop();
    stop = () => undefined;
    expect(fake.listenerCount('contentUpdated')).toBe(0);
    expect(() => r.api.getHome('ko')).toThrow(/before startApp/);
  });

  it('bootstrap loads who we are, the settings and what the first screen shows', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi()
      .respond('getAppInfo', () => APP_INFO)
      .respond('getSettings', () => SETTINGS)
      .respond('getHome', () => home())
      .respond('listBookmarks', () => [])
      .respond('listHistory', () => [])
      .respond('getSyncStatus', () => syncStatus());
    stop = r.startApp(fake.api, window);
    await r.bootstrap();
    expect(r.useApp.getState().status).toBe('ready');
    expect(r.useSettings.getState().settings).toEqual(SETTINGS);
    expect(fake.callsOf('getHome')[0]!.args).toEqual(['ko']);
    expect(r.homeData.read('ko').status).toBe('ready');
    expect(r.bookmarksData.read('bookmarks').status).toBe('ready');
    expect(r.useSync.getState().status).toEqual(syncStatus());
  });

  it('hands the search what it needs: the host OS and the UI language, followed as they change', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi();
    stop = r.startApp(fake.api, window);
    r.useApp.setState({ info: APP_INFO, hostOs: 'macos' });
    r.useSettings.setState({ settings: { ...SETTINGS, language: 'en' } });
    expect(r.useSearch.getState().environment).toEqual({ hostOs: 'macos', uiLocale: 'en' });
  });

  it('new content makes what is shown load again: data, sync status and the search', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi().respond('getHome', () => home()).respond('getSyncStatus', () => syncStatus({ revision: 2 }));
    stop = r.startApp(fake.api, window);
    await r.homeData.load('ko');
    const unwatch = r.homeData.watch('ko');
    r.useSearch.getState().setQuery('신고');
    await fake.take('search').resolve(searchResult('신고', []));
    fake.emit('contentUpdated', { revision: 2 });
    await flush();
    expect(fake.callsOf('getHome')).toHaveLength(2);
    expect(fake.callsOf('getSyncStatus')).toHaveLength(1);
    expect(fake.take('search').args[0].text).toBe('신고');
    expect(r.useSync.getState().status?.revision).toBe(2);
    unwatch();
  });

  it('reloads the history shown when the service says it changed (an article read, the history cleared)', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi().respond('listHistory', () => []);
    stop = r.startApp(fake.api, window);
    await r.historyData.load('history');
    const unwatch = r.historyData.watch('history');
    expect(fake.callsOf('listHistory')).toHaveLength(1);
    fake.emit('historyChanged', null);
    await flush();
    expect(fake.callsOf('listHistory')).toHaveLength(2);
    unwatch();
  });

  it('follows settings changed elsewhere and navigation asked for by the shell', async () => {
    const r = await freshRenderer();
    const fake = new FakeHelpApi();
    stop = r.startApp(fake.api, window);
    fake.emit('settingsChanged', { ...SETTINGS, theme: 'dark' });
    expect(r.useSettings.getState().settings?.theme).toBe('dark');
    fake.emit('navigate', { kind: 'article', id: 'dark-mode', section: 'steps' });
    expect(r.useRouter.getState().route).toEqual({ name: 'article', id: 'dark-mode', section: 'steps' });
    expect(window.location.hash).toBe('#/article/dark-mode?section=steps');
    fake.emit('navigate', { kind: 'search', query: '비번' });
    expect(r.useRouter.getState().route).toMatchObject({ name: 'search', query: '비번' });
    expect(r.useSearch.getState().query).toBe('비번');
  });
});
