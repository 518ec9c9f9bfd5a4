/**
 * The lists the HelpApi answers from SQL (home's popular and recent topics, a category's list,
 * the category counts, a failed search's popular articles) give what their definitions give:
 * every article read into JavaScript, one variant per topic for the platform (shared/topics.ts),
 * counted by shared/counts.ts. The definitions are written out below, the way the service
 * computed them before it read lists in SQL, and compared on a help center made to be awkward:
 * topics whose variants sit in different categories and have different dates, articles without
 * a topic, nested categories beside look-alike paths (a/b-c is not below a/b), dates written as
 * days, as date-times with offsets, and equal, two locales, links and reading history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LIST_PAGE_MAX } from '../../shared/api';
import type { Platform } from '../../shared/platform';
import { countByCategory, countContent, categoryCountKey } from '../../shared/counts';
import { onePerTopic } from '../../shared/topics';
import type { ArticleSummary, Category } from '../../shared/types';
import { categoriesOf } from '../../electron/core/feed/content';
import type { FeedArticle } from '../../electron/core/feed/format';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFiles } from '../../electron/core/paths';
import { prng } from '../support/prng';
import { removeTempDirs, tempDir } from '../support/temp';
import { openTestHelpCenter } from '../support/help-center';

const PLATFORMS: Platform[] = ['common', 'android', 'ios', 'windows', 'macos', 'linux', 'web'];
const CATEGORIES = ['계정', '계정/로그인', '계정/로그인/보안', '계정/로그인-문제', '채팅', '채팅/메시지', 'Chats', 'Chats/Media', '설정'];
const DATES = ['2026-03-01', '2026-03-01T09:00:00+09:00', '2026-03-01T00:00:00Z', '2026-02-28T23:30:00-01:00', '2026-05-17', '2025-12-31', '2026-05-17T12:00:00Z'];

function awkwardArticles(count: number): FeedArticle[] {
  const random = prng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i): FeedArticle => {
    const locale = random() < 0.7 ? 'ko' : 'en';
    const grouped = random() < 0.8;
    return {
      id: `a-${String(i).padStart(4, '0')}`,
      // Equal titles across topics, and titles differing only in case.
      title: `${pick(['비밀번호', 'Password', 'password', '알림', '차단'])} ${pick(['바꾸기', 'reset', 'Reset', '끄기'])}`,
      bodyHtml: '<p>본문</p>',
      service: pick(['톡플러스', '페이']),
      category: pick(CATEGORIES),
      platform: pick(PLATFORMS),
      locale,
      group: grouped ? `topic-${Math.floor(random() * (count / 4))}` : null,
      tags: [],
      updatedAt: pick(DATES),
      links: Array.from({ length: Math.floor(random() * 3) }, () => `a-${String(Math.floor(random() * count)).padStart(4, '0')}`),
    };
  });
}

// -- the definitions: every article in JavaScript -------------------------------------------

const newestFirst = (a: ArticleSummary, b: ArticleSummary): number => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function incomingLinks(center: HelpCenter): Map<string, number> {
  const rows = center.content.db.prepare('SELECT to_id AS id, count(*) AS n FROM article_links GROUP BY to_id').all() as Array<{ id: string; n: number }>;
  return new Map(rows.map((r) => [r.id, r.n]));
}

function popularByDefinition(center: HelpCenter, filter: { locale?: string; category?: string }, platform: Platform): ArticleSummary[] {
  const views = center.user.viewCounts();
  const links = incomingLinks(center);
  const popularity = (a: ArticleSummary): number => (views.get(a.id) ?? 0) * 1000 + (links.get(a.id) ?? 0);
  const all = center.content.listArticles(filter);
  return onePerTopic([...all].sort((a, b) => popularity(b) - popularity(a) || newestFirst(a, b)), platform);
}

function recentByDefinition(center: HelpCenter, locale: string | undefined, platform: Platform): ArticleSummary[] {
  return onePerTopic(center.content.listArticles({ locale }), platform).sort(newestFirst);
}

function listByDefinition(center: HelpCenter, filter: { category?: string; locale?: string; service?: string }, platform: Platform): ArticleSummary[] {
  const below = (path: string, category: string): boolean => path === category || path.startsWith(`${category}/`);
  const all = center.content
    .listArticles({ locale: filter.locale, service: filter.service, order: 'title' })
    .filter((a) => filter.category === undefined || below(a.category, filter.category));
  const topics = onePerTopic(all, platform);
  const applies = (a: ArticleSummary): boolean => a.platform === platform || a.platform === 'common';
  return [...topics.filter(applies), ...topics.filter((a) => !applies(a))];
}

function categoriesByDefinition(center: HelpCenter, locale?: string): Category[] {
  const all = center.content.listArticles(locale ? { locale } : {});
  const positions = new Map(center.content.categoryRecords().map((r) => [categoryCountKey(r.locale, r.path), r.position]));
  const position = (c: Category): number => positions.get(categoryCountKey(c.locale, c.path)) ?? Number.MAX_SAFE_INTEGER;
  return [...countByCategory(all)]
    .map(([key, count]): Category => {
      const [loc, path] = key.split('\u0000') as [string, string];
      const segments = path.split('/');
      return { path, name: segments.at(-1)!, parent: segments.length > 1 ? segments.slice(0, -1).join('/') : null, locale: loc, articleCount: count.articles, topicCount: count.topics };
    })
    .sort((a, b) => a.locale.localeCompare(b.locale) || position(a) - position(b) || a.path.localeCompare(b.path));
}

// -- the comparison ---------------------------------------------------------------------------

const ids = (list: readonly ArticleSummary[]): string[] => list.map((a) => a.id);

let center: HelpCenter;

beforeAll(async () => {
  center = await openTestHelpCenter({
    files: dataFiles(tempDir('doum-listings-')),
    bundledFeedDir: null,
    skipBundledImport: true,
    policyFile: join(tempDir('doum-policy-'), 'none.json'),
    hostOs: 'macos',
  });
  const articles = awkwardArticles(600);
  center.content.applyChanges([{ kind: 'replace', articles, categories: categoriesOf(articles) }], { source: 'test', revision: 1 });
  await center.search.rebuild();
  // Reading history: some articles read several times, so views outrank links.
  for (let i = 0; i < 40; i++) await center.service.recordView(`a-${String((i * 37) % 600).padStart(4, '0')}`);
  for (let i = 0; i < 5; i++) await center.service.recordView('a-0042');
});

afterAll(() => {
  center?.close();
  removeTempDirs();
});

describe('lists read in SQL', () => {
  for (const locale of ['ko', 'en', undefined]) {
    it(`home (${locale ?? 'every locale'}): popular, recent, counts and categories as their definitions give them`, async () => {
      for (const os of ['macos', 'windows', 'linux'] as const) {
        const home = await center.service.withHostOs(os).getHome(locale);
        expect(ids(home.popular)).toEqual(ids(popularByDefinition(center, locale ? { locale } : {}, os).slice(0, 8)));
        expect(ids(home.recent)).toEqual(ids(recentByDefinition(center, locale, os).slice(0, 8)));
        expect(home.popular).toEqual(popularByDefinition(center, locale ? { locale } : {}, os).slice(0, 8));
        expect(home.counts).toEqual(countContent(center.content.listArticles(locale ? { locale } : {})));
        expect(home.categories).toEqual(categoriesByDefinition(center, locale));
      }
    });
  }

  it("a category's articles newest first (related articles' candidates): its own sub-categories only, with and without a service", () => {
    const below = (path: string, category: string): boolean => path === category || path.startsWith(`${category}/`);
    for (const locale of ['ko', 'en']) {
      for (const category of ['계정', '계정/로그인', '계정/로그인-문제', 'Chats', '채팅/메시지', '없음']) {
        for (const service of [undefined, '페이']) {
          const expected = center.content
            .listArticles({ locale, service })
            .filter((a) => below(a.category, category))
            .sort(newestFirst);
          expect(ids([...center.content.articlesInOrder('recent', { locale, category, service })])).toEqual(ids(expected));
        }
      }
    }
  });

  it('a category list, whole and limited, for each platform: its own sub-categories only, applying topics first', async () => {
    for (const category of ['계정', '계정/로그인', '계정/로그인-문제', 'Chats', '채팅/메시지', '없음']) {
      for (const platform of ['macos', 'android', 'common', 'linux'] as const) {
        for (const locale of ['ko', 'en', undefined]) {
          const expected = listByDefinition(center, { category, locale }, platform);
          // Without a limit, a page of LIST_PAGE_MAX topics.
          expect(await center.service.listArticles({ category, locale, platform })).toEqual(expected.slice(0, LIST_PAGE_MAX));
          for (const limit of [1, 5, 30]) {
            expect(ids(await center.service.listArticles({ category, locale, platform, limit }))).toEqual(ids(expected.slice(0, limit)));
          }
        }
      }
    }
    expect(ids(await center.service.listArticles({ service: '페이', locale: 'ko', platform: 'ios', limit: 12 }))).toEqual(ids(listByDefinition(center, { service: '페이', locale: 'ko' }, 'ios').slice(0, 12)));
  });

  it('pages of a category list, concatenated, are the whole list: leaf and parent categories, two platforms', async () => {
    const lengths = new Set<number>();
    for (const category of ['계정', '계정/로그인', '계정/로그인/보안', '채팅/메시지', 'Chats/Media', '없음', undefined]) {
      for (const platform of ['macos', 'android'] as const) {
        for (const locale of ['ko', undefined]) {
          const expected = listByDefinition(center, { category, locale }, platform);
          lengths.add(expected.length);
          for (const limit of [23, 90]) {
            const pages: ArticleSummary[][] = [];
            for (let offset = 0; offset <= expected.length; offset += limit) pages.push(await center.service.listArticles({ category, locale, platform, limit, offset }));
            expect(pages.flat()).toEqual(expected);
            // The page after the last is empty.
            expect(pages.at(-1)!.length).toBeLessThan(limit);
          }
        }
      }
    }
    // The fixture has lists both shorter and longer than one page of the most, and empty ones.
    expect(Math.max(...lengths)).toBeGreaterThan(LIST_PAGE_MAX);
    expect(lengths.has(0)).toBe(true);
  });

  it('a search that finds nothing offers the popular articles of the help center in the UI language', async () => {
    const result = await center.service.search({ text: '쀍뛟쀍', uiLocale: 'ko' });
    expect(result.total).toBe(0);
    expect(ids(result.help!.popular)).toEqual(ids(popularByDefinition(center, { locale: 'ko' }, 'macos').slice(0, 5)));
  });

  it('keeps counting after a change: a deleted article leaves the lists and the counts at once', async () => {
    const before = await center.service.getHome('ko');
    const gone = before.recent[0]!.id;
    center.content.applyChanges([{ kind: 'patch', upserts: [], deletes: [gone], categories: null }], { revision: 2 });
    const after = await center.service.getHome('ko');
    expect(ids(after.recent)).not.toContain(gone);
    expect(ids(after.recent)).toEqual(ids(recentByDefinition(center, 'ko', 'macos').slice(0, 8)));
    expect(after.counts.articles).toBe(before.counts.articles - 1);
    expect(after.categories).toEqual(categoriesByDefinition(center, 'ko'));
  });
});
