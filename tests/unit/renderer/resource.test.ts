import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HomeData } from '../../../shared/types';
import { createResource, useResource, type Resource } from '../../../renderer/src/state/resource';
import { FakeHelpApi, flush, home, summary } from './fake-api';

function homeResource(fake: FakeHelpApi, cacheSize?: number): Resource<string, HomeData> {
  return createResource<string, HomeData>({ fetch: (locale) => fake.api.getHome(locale), key: (locale) => locale, ...(cacheSize ? { cacheSize } : {}) });
}

afterEach(cleanup);

describe('a resource', () => {
  it('is idle until asked, loading while the request is out, then ready with the answer', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    expect(homes.read('ko').status).toBe('idle');
    const loaded = homes.load('ko');
    expect(homes.read('ko')).toMatchObject({ status: 'loading', data: undefined });
    const answer = home();
    await fake.take('getHome').resolve(answer);
    await expect(loaded).resolves.toBe(answer);
    expect(homes.read('ko')).toMatchObject({ status: 'ready', data: answer, error: null, refreshing: false });
  });

  it('keeps what was thrown as the error and loads again on the next use', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    const failure = new Error('database is locked');
    const first = homes.load('ko');
    await fake.take('getHome').reject(failure);
    await expect(first).rejects.toBe(failure);
    expect(homes.read('ko')).toMatchObject({ status: 'error', error: failure });
    void homes.load('ko');
    expect(fake.waitingFor('getHome')).toBe(1);
  });

  it('joins a request in flight for the same key instead of asking twice', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    const a = homes.load('ko');
    const b = homes.load('ko');
    expect(fake.callsOf('getHome')).toHaveLength(1);
    await fake.take('getHome').resolve(home());
    expect(await a).toBe(await b);
    // Fresh and ready: answered from the cache.
    await homes.load('ko');
    expect(fake.callsOf('getHome')).toHaveLength(1);
  });

  it('keys requests by their arguments: an answer for one never shows for another', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    void homes.load('ko');
    void homes.load('en');
    const english = home([summary('english')]);
    await fake.callsOf('getHome')[1]!.resolve(english);
    expect(homes.read('en').data).toBe(english);
    expect(homes.read('ko').status).toBe('loading');
  });

  it('drops an answer overtaken by a newer request for the same key, whatever order they arrive in', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    void homes.load('ko');
    void homes.reload('ko');
    const [older, newer] = fake.callsOf('getHome');
    const fresh = home([summary('fresh')]);
    await newer!.resolve(fresh);
    await older!.resolve(home([summary('stale')]));
    expect(homes.read('ko').data).toBe(fresh);
  });

  it('drops an answer overtaken by a stored mutation result', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    void homes.load('ko');
    const mutated = home([summary('mutated')]);
    homes.set('ko', mutated);
    await fake.take('getHome').resolve(home([summary('older')]));
    expect(homes.read('ko')).toMatchObject({ status: 'ready', data: mutated });
  });

  it('keeps the answer on screen while reloading, and after a failed reload', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    const first = home();
    void homes.load('ko');
    await fake.take('getHome').resolve(first);
    void homes.reload('ko').catch(() => undefined);
    expect(homes.read('ko')).toMatchObject({ status: 'ready', data: first, refreshing: true });
    const failure = new Error('busy');
    await fake.take('getHome').reject(failure);
    expect(homes.read('ko')).toMatchObject({ status: 'error', data: first, error: failure, refreshing: false });
  });

  it('on invalidation fetches again what a view watches, and the rest only when next used', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    void homes.load('ko');
    void homes.load('en');
    await fake.take('getHome').resolve(home());
    await fake.take('getHome').resolve(home());
    const unwatch = homes.watch('ko');
    homes.invalidate();
    expect(fake.callsOf('getHome').map((c) => c.args[0])).toEqual(['ko', 'en', 'ko']);
    const updated = home([summary('new')]);
    await fake.take('getHome').resolve(updated);
    expect(homes.read('ko').data).toBe(updated);
    // 'en' was not watched: stale, fetched on its next use.
    void homes.load('en');
    expect(fake.callsOf('getHome').map((c) => c.args[0])).toEqual(['ko', 'en', 'ko', 'en']);
    unwatch();
  });

  it('drops an answer that was in flight when the data changed, and asks again', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    void homes.load('ko');
    homes.invalidate();
    const [before, after] = fake.callsOf('getHome');
    const fresh = home([summary('after-sync')]);
    await before!.resolve(home([summary('before-sync')]));
    expect(homes.read('ko').status).toBe('loading');
    await after!.resolve(fresh);
    expect(homes.read('ko').data).toBe(fresh);
  });

  it('forgets the least recently used answers no view watches beyond its size', async () => {
    const fake = new FakeHelpApi().respond('getHome', (locale) => home([summary(locale ?? 'none')]));
    const homes = homeResource(fake, 2);
    await homes.load('a');
    await homes.load('b');
    await homes.load('a');
    await homes.load('c');
    expect(homes.read('b').status).toBe('idle');
    expect(homes.read('a').status).toBe('ready');
    expect(homes.read('c').status).toBe('ready');
  });

  it('keeps what views show even past its size, and the answer just asked for', async () => {
    const fake = new FakeHelpApi().respond('getHome', (locale) => home([summary(locale ?? 'none')]));
    const homes = homeResource(fake, 1);
    await homes.load('a');
    const unwatch = homes.watch('a');
    await homes.load('b');
    expect(homes.read('a').status).toBe('ready');
    expect(homes.read('b').status).toBe('ready');
    unwatch();
  });
});

describe('useResource', () => {
  function HomeTitle({ homes, locale }: { homes: Resource<string, HomeData>; locale: string }) {
    const state = useResource(homes, locale);
    return createElement('p', null, state.status === 'ready' ? state.data!.popular.map((a) => a.id).join(',') : state.status);
  }

  it('loads while mounted, shows each key its own answer, and reloads on invalidation', async () => {
    const fake = new FakeHelpApi();
    const homes = homeResource(fake);
    const view = render(createElement(HomeTitle, { homes, locale: 'ko' }));
    expect(screen.getByText('loading')).toBeTruthy();
    await act(() => fake.take('getHome').resolve(home([summary('korean')])));
    expect(screen.getByText('korean')).toBeTruthy();

    view.rerender(createElement(HomeTitle, { homes, locale: 'en' }));
    expect(fake.take('getHome').args).toEqual(['en']);
    expect(screen.getByText('loading')).toBeTruthy();

    view.rerender(createElement(HomeTitle, { homes, locale: 'ko' }));
    expect(screen.getByText('korean')).toBeTruthy();
    await act(async () => {
      homes.invalidate();
      await flush();
    });
    await act(() => fake.callsOf('getHome').at(-1)!.resolve(home([summary('synced')])));
    expect(screen.getByText('synced')).toBeTruthy();
  });

  it('stops counting the view once it unmounts', async () => {
    const fake = new FakeHelpApi().respond('getHome', () => home());
    const homes = homeResource(fake);
    const view = render(createElement(HomeTitle, { homes, locale: 'ko' }));
    await act(flush);
    view.unmount();
    homes.invalidate();
    expect(fake.callsOf('getHome')).toHaveLength(1);
  });
});
