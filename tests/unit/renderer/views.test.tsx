/** Views read their data through the resource loader: loading, errors, and new content. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../../renderer/src/api';
import { useApp } from '../../../renderer/src/state/app';
import { bookmarksData, CATEGORY_PAGE, categoryData, CONTENT_RESOURCES, homeData } from '../../../renderer/src/state/data';
import { useSettings } from '../../../renderer/src/state/settings';
import { translate } from '../../../renderer/src/i18n';
import { startRouter, useRouter } from '../../../renderer/src/state/router';
import { ArticleView } from '../../../renderer/src/views/ArticleView';
import { BookmarksView } from '../../../renderer/src/views/BookmarksView';
import { ContextView } from '../../../renderer/src/views/ContextView';
import { CategoryView } from '../../../renderer/src/views/CategoryView';
import { APP_INFO, article, FakeHelpApi, flush, home, SETTINGS, summary } from './fake-api';

const articleNotFound = translate('ko', 'article.notFoundTitle');
let stopRouter: () => void = () => undefined;

let fake: FakeHelpApi;
beforeEach(() => {
  fake = new FakeHelpApi();
  installApi(fake.api);
  CONTENT_RESOURCES.forEach((resource) => resource.clear());
  useApp.setState({ info: APP_INFO, hostOs: 'windows', status: 'ready' });
  useSettings.setState({ settings: { ...SETTINGS, language: 'ko' } });
});
afterEach(() => {
  cleanup();
  stopRouter();
  stopRouter = () => undefined;
  installApi(null);
});

describe('a category', () => {
  it('lists its articles once they arrive, and the new ones after a sync', async () => {
    fake.respond('getHome', () => home());
    render(<CategoryView path="채팅" />);
    expect(screen.queryByText(/주제 \d+개/)).toBeNull();
    const request = fake.take('listArticles');
    expect(request.args).toEqual([{ category: '채팅', locale: 'ko', limit: CATEGORY_PAGE }]);
    await act(() => request.resolve([summary('send-photo', { title: '사진 보내기' })]));
    expect(screen.getByText('사진 보내기')).toBeTruthy();
    expect(screen.getByText('주제 1개')).toBeTruthy();

    await act(async () => {
      categoryData.invalidate();
      await flush();
    });
    // The old list stays while the new one loads.
    expect(screen.getByText('사진 보내기')).toBeTruthy();
    await act(() => fake.take('listArticles').resolve([summary('send-photo', { title: '사진 보내기' }), summary('send-video', { title: '동영상 보내기' })]));
    expect(screen.getByText('동영상 보내기')).toBeTruthy();
    expect(screen.getByText('주제 2개')).toBeTruthy();
  });

  it('shows its first page, then the next with 더 보기, counting the whole category; focus goes to the first new article', async () => {
    const total = CATEGORY_PAGE + 3;
    fake.respond('getHome', () => ({ ...home(), categories: [{ path: '채팅', name: '채팅', parent: null, locale: 'ko', articleCount: total, topicCount: total }] }));
    const page = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => summary(`a-${from + i}`, { title: `도움말 ${from + i}` }));
    render(<CategoryView path="채팅" />);
    await act(() => fake.take('listArticles').resolve(page(0, CATEGORY_PAGE)));
    await act(flush);
    expect(screen.getByText(`주제 ${total}개`)).toBeTruthy();
    expect(screen.queryByText(`도움말 ${CATEGORY_PAGE}`)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '더 보기' }));
    const failed = fake.take('listArticles');
    expect(failed.args).toEqual([{ category: '채팅', locale: 'ko', limit: CATEGORY_PAGE, offset: CATEGORY_PAGE }]);
    await act(() => failed.reject(new Error('database is locked')));
    // A page that fails says why and can be asked for again; the first page stays.
    expect(screen.getByText('database is locked')).toBeTruthy();
    expect(screen.getByText('도움말 0')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '더 보기' }));
    const next = fake.take('listArticles');
    expect(next.args).toEqual([{ category: '채팅', locale: 'ko', limit: CATEGORY_PAGE, offset: CATEGORY_PAGE }]);
    await act(() => next.resolve(page(CATEGORY_PAGE, total)));
    expect(screen.getByText(`도움말 ${total - 1}`)).toBeTruthy();
    expect(screen.queryByText('database is locked')).toBeNull();
    expect(screen.getAllByRole('link', { name: /도움말 \d+/ })).toHaveLength(total);
    expect(document.activeElement?.getAttribute('data-id')).toBe(`a-${CATEGORY_PAGE}`);
    // A short page was the last: nothing more to ask for.
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
    expect(screen.getByText(`주제 ${total}개`)).toBeTruthy();
  });

  it('drops a page that comes after another category is on screen', async () => {
    fake.respond('getHome', () => ({ ...home(), categories: [{ path: '채팅', name: '채팅', parent: null, locale: 'ko', articleCount: 80, topicCount: 80 }] }));
    const view = render(<CategoryView path="채팅" />);
    await act(() => fake.take('listArticles').resolve(Array.from({ length: CATEGORY_PAGE }, (_, i) => summary(`a-${i}`))));
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: '더 보기' }));
    const late = fake.take('listArticles');
    view.rerender(<CategoryView path="계정" />);
    await act(() => fake.take('listArticles').resolve([summary('password', { title: '비밀번호 바꾸기' })]));
    await act(() => late.resolve([summary('late', { title: '늦게 온 페이지' })]));
    expect(screen.getByText('비밀번호 바꾸기')).toBeTruthy();
    expect(screen.queryByText('늦게 온 페이지')).toBeNull();
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
  });

  it('offers no more when the count says the list is whole, though its last page was full', async () => {
    fake.respond('getHome', () => ({ ...home(), categories: [{ path: '채팅', name: '채팅', parent: null, locale: 'ko', articleCount: CATEGORY_PAGE, topicCount: CATEGORY_PAGE }] }));
    render(<CategoryView path="채팅" />);
    await act(() => fake.take('listArticles').resolve(Array.from({ length: CATEGORY_PAGE }, (_, i) => summary(`a-${i}`))));
    await act(flush);
    expect(screen.getByText(`주제 ${CATEGORY_PAGE}개`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
  });

  it('says what went wrong when its articles cannot be loaded', async () => {
    fake.respond('getHome', () => home());
    render(<CategoryView path="채팅" />);
    await act(() => fake.take('listArticles').reject(new Error('no such table: articles')));
    expect(screen.getByRole('alert').textContent).toContain('문제가 생겼습니다');
    expect(screen.getByText('no such table: articles')).toBeTruthy();
  });

  it('shows the articles of the category now on screen, not of one left behind', async () => {
    fake.respond('getHome', () => home());
    const view = render(<CategoryView path="채팅" />);
    const first = fake.take('listArticles');
    view.rerender(<CategoryView path="계정" />);
    const second = fake.take('listArticles');
    await act(() => second.resolve([summary('password', { title: '비밀번호 바꾸기' })]));
    await act(() => first.resolve([summary('late', { title: '늦게 온 답' })]));
    expect(screen.getByText('비밀번호 바꾸기')).toBeTruthy();
    expect(screen.queryByText('늦게 온 답')).toBeNull();
    expect(homeData.read('ko').status).toBe('ready');
  });
});

describe('bookmarks', () => {
  it('removes a bookmark with the list the core answers', async () => {
    fake.respond('listBookmarks', () => [{ articleId: 'dark-mode', title: '다크 모드', createdAt: '2026-11-01T00:00:00Z' }]);
    render(<BookmarksView />);
    await act(flush);
    const remove = screen.getByRole('button', { name: /다크 모드/ });
    act(() => remove.click());
    expect(fake.take('setBookmarked').args).toEqual(['dark-mode', false]);
    await act(() => fake.callsOf('setBookmarked')[0]!.resolve([]));
    expect(bookmarksData.read('bookmarks').data).toEqual([]);
    expect(screen.queryByRole('button', { name: /다크 모드/ })).toBeNull();
  });
});

describe('an article', () => {
  it('loads for the host OS, is recorded as viewed, and stays on screen while the next one loads', async () => {
    fake.respond('getFeedback', () => null).respond('listBookmarks', () => []).respond('recordView', () => undefined);
    const view = render(<ArticleView id="dark-mode" />);
    const first = fake.take('getArticle');
    expect(first.args).toEqual(['dark-mode', { platform: 'windows' }]);
    await act(() => first.resolve(article('dark-mode', { title: '다크 모드 켜기' })));
    expect(screen.getByRole('heading', { level: 1, name: '다크 모드 켜기' })).toBeTruthy();
    expect(fake.callsOf('recordView').map((c) => c.args)).toEqual([['dark-mode']]);

    view.rerender(<ArticleView id="font-size" />);
    expect(screen.getByRole('heading', { level: 1, name: '다크 모드 켜기' })).toBeTruthy();
    expect(document.querySelector('.view-article')?.getAttribute('aria-busy')).toBe('true');
    await act(() => fake.take('getArticle').resolve(null));
    expect(screen.getByText(articleNotFound)).toBeTruthy();
    expect(fake.callsOf('recordView')).toHaveLength(1);
  });
});

describe('context help', () => {
  it('opens the one article a screen names in place of the list', async () => {
    window.history.replaceState(null, '', '/#/context/settings.display');
    stopRouter = startRouter(window);
    render(<ContextView route={{ name: 'context', id: 'settings.display', platform: null, query: null }} />);
    const only = { ...summary('dark-mode'), context: 'settings.display' };
    await act(() => fake.take('resolveContext').resolve({ context: 'settings.display', matched: 'settings.display', kind: 'article', articles: [only], query: '' }));
    expect(useRouter.getState().route).toEqual({ name: 'article', id: 'dark-mode', context: 'settings.display' });
    expect(window.location.hash).toBe('#/article/dark-mode?context=settings.display');
  });
});
