import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canGoBack, canGoForward, parseHash, routeToHash, searchRoute, startRouter, useRouter, type Route } from '../../../renderer/src/state/router';

/** Resolves with the next popstate (jsdom moves through history asynchronously, like browsers). */
const nextPop = (): Promise<void> => new Promise((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));

describe('hash routes', () => {
  it('reads every route from its hash', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/')).toEqual({ name: 'home' });
    expect(parseHash('#/search?q=%EB%B9%84%EB%B2%88&sort=recent&category=%EA%B3%84%EC%A0%95&platform=ios')).toEqual({
      name: 'search',
      query: '비번',
      sort: 'recent',
      category: '계정',
      platform: 'ios',
    });
    expect(parseHash('#/article/dark-mode-windows?section=settings&context=settings.display')).toEqual({ name: 'article', id: 'dark-mode-windows', section: 'settings', context: 'settings.display' });
    expect(parseHash('#/category/%EC%B1%84%ED%8C%85%2F%EB%A9%94%EC%8B%9C%EC%A7%80')).toEqual({ name: 'category', path: '채팅/메시지' });
    expect(parseHash('#/context/settings.display?platform=macos&q=%EC%98%A4%EB%A5%98')).toEqual({ name: 'context', id: 'settings.display', platform: 'macos', query: '오류' });
    expect(parseHash('#/bookmarks')).toEqual({ name: 'bookmarks' });
    expect(parseHash('#/history')).toEqual({ name: 'history' });
    expect(parseHash('#/settings')).toEqual({ name: 'settings' });
  });

  it('drops what it cannot trust and falls back to home for unknown paths', () => {
    expect(parseHash('#/article/Not_An_Id')).toEqual({ name: 'home' });
    expect(parseHash('#/search?q=x&sort=sideways&platform=amiga')).toEqual({ name: 'search', query: 'x', sort: 'relevance', category: null, platform: null });
    expect(parseHash('#/category/%E0%A4%A')).toEqual({ name: 'home' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'home' });
  });

  it('writes hashes that read back as the same route', () => {
    const routes: Route[] = [
      { name: 'home' },
      searchRoute({ query: '메시지 신고 & 차단?', sort: 'recent', category: '신고/이용제한', platform: 'all' }),
      { name: 'article', id: 'report-friend', section: 'steps', context: 'chat.report' },
      { name: 'category', path: '채팅/메시지' },
      { name: 'context', id: 'chat.report', platform: 'android', query: '신고 버튼' },
      { name: 'bookmarks' },
      { name: 'history' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseHash(routeToHash(route))).toEqual(route);
    expect(routeToHash(searchRoute({ query: 'a' }))).toBe('#/search?q=a');
  });
});

describe('navigation', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    window.history.replaceState(null, '', '/#/');
  });
  afterEach(() => stop());

  it('starts from the address, marking the entry as its own', () => {
    window.history.replaceState(null, '', '/#/article/dark-mode');
    stop = startRouter(window);
    expect(useRouter.getState()).toMatchObject({ route: { name: 'article', id: 'dark-mode' }, index: 0, last: 0, via: 'start' });
    expect(window.history.state).toEqual({ doumIndex: 0 });
  });

  it('pushes an entry per navigation, replaces for typing, and redirects in place', () => {
    stop = startRouter(window);
    const { navigate } = useRouter.getState();
    navigate({ name: 'bookmarks' });
    expect(window.location.hash).toBe('#/bookmarks');
    expect(useRouter.getState()).toMatchObject({ index: 1, last: 1, via: 'push' });
    navigate(searchRoute({ query: 'ㅅ' }));
    navigate(searchRoute({ query: '신고' }), { replace: true });
    expect(window.location.hash).toBe('#/search?q=%EC%8B%A0%EA%B3%A0');
    expect(useRouter.getState()).toMatchObject({ index: 2, last: 2, via: 'replace' });
    navigate({ name: 'article', id: 'one' }, { redirect: true });
    expect(useRouter.getState()).toMatchObject({ route: { name: 'article', id: 'one' }, index: 2, via: 'replace' });
    expect(window.history.state).toEqual({ doumIndex: 2 });
  });

  it('goes back and forward through the browser history, and knows when it cannot', async () => {
    stop = startRouter(window);
    const router = useRouter.getState();
    expect(canGoBack(useRouter.getState())).toBe(false);
    router.navigate({ name: 'history' });
    router.navigate({ name: 'settings' });
    const popped = nextPop();
    router.back();
    await popped;
    expect(useRouter.getState()).toMatchObject({ route: { name: 'history' }, index: 1, last: 2, via: 'pop' });
    expect(canGoBack(useRouter.getState())).toBe(true);
    expect(canGoForward(useRouter.getState())).toBe(true);
    const forward = nextPop();
    router.forward();
    await forward;
    expect(useRouter.getState()).toMatchObject({ route: { name: 'settings' }, index: 2 });
    expect(canGoForward(useRouter.getState())).toBe(false);
  });

  it('does not leave the app when there is nothing to go back to', () => {
    stop = startRouter(window);
    const length = window.history.length;
    useRouter.getState().back();
    useRouter.getState().forward();
    expect(window.history.length).toBe(length);
    expect(useRouter.getState().index).toBe(0);
  });

  it('takes a hash typed by hand as a new entry', () => {
    stop = startRouter(window);
    window.history.pushState(null, '', '/#/bookmarks');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useRouter.getState()).toMatchObject({ route: { name: 'bookmarks' }, index: 1, via: 'push' });
    expect(window.history.state).toEqual({ doumIndex: 1 });
  });

  it('stops following the window once stopped', () => {
    stop();
    stop = startRouter(window);
    stop();
    stop = () => undefined;
    const before = useRouter.getState().route;
    window.history.pushState(null, '', '/#/settings');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useRouter.getState().route).toBe(before);
  });
});
