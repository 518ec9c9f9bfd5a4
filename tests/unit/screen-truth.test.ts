/**
 * What the screens say, checked at the service against real SQLite: counts with one meaning
 * each (articles vs topics, per locale) that `doum stats --json` reports the same way; history
 * one entry per topic with current titles; links that follow the reader's platform; "no"
 * answers with what was missing and the report that hands them on; a refused local port
 * that fails at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { countByLocale, countContent } from '../../shared/counts';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import { SyncError } from '../../electron/core/errors';
import { FolderFeedSource } from '../../electron/core/sync/feed-source';
import { httpGet } from '../../electron/core/sync/http';
import type { TestArticle } from '../support/content';
import { buildTestFeed, fastRetry } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { runDoum } from '../support/cli';
import { openTestHelpCenter } from '../support/help-center';


const ARTICLES: TestArticle[] = [
  // A topic on four platforms, linked from a common article by its Android variant.
  ...(['android', 'ios', 'macos', 'windows'] as const).map((platform, i) => ({
    id: `login-devices-${platform}`,
    title: `로그인 기기 관리 (${platform})`,
    group: 'login-devices',
    platform,
    category: '계정/로그인',
    tags: ['로그인'],
    updated: `2026-01-1${i}`,
  })),
  { id: 'reset-password', title: '비밀번호 재설정', category: '계정/로그인', tags: ['로그인'], body: '[기기 확인](article:login-devices-android)', updated: '2026-01-05' },
  // Two variants with different dates: the shown one (host OS) decides where the topic sorts.
  { id: 'send-file-android', title: '파일 보내기', group: 'send-file', platform: 'android', category: '채팅', updated: '2026-01-20' },
  { id: 'send-file-windows', title: '파일 보내기', group: 'send-file', platform: 'windows', category: '채팅', updated: '2026-01-02' },
  { id: 'shortcuts-macos', title: 'A macOS용 단축키', platform: 'macos', category: '설정', updated: '2026-01-03' },
  { id: 'shortcuts-windows', title: 'B Windows용 단축키', platform: 'windows', category: '설정', updated: '2026-01-03' },
  { id: 'notifications', title: 'C 알림 설정', category: '설정', updated: '2026-01-03' },
  { id: 'reset-password-en', title: 'Reset your password', locale: 'en', group: 'reset-password', category: 'Account', updated: '2026-01-10' },
  { id: 'delete-account-en', title: 'Delete your account', locale: 'en', category: 'Account', updated: '2026-01-16' },
  { id: 'block-en-android', title: 'Block a friend', locale: 'en', group: 'block', platform: 'android', category: 'Account', updated: '2026-01-20' },
  { id: 'block-en-windows', title: 'Block a friend', locale: 'en', group: 'block', platform: 'windows', category: 'Account', updated: '2026-01-15' },
];

let center: HelpCenter;
let contentDb: string;
let feedDir: string;
let contentDir: string;

function open(db: string): Promise<HelpCenter> {
  return openTestHelpCenter({
    files: dataFilesForContentDb(db),
    bundledFeedDir: feedDir,
  });
}

beforeAll(async () => {
  const root = tempDir();
  contentDir = join(root, 'content');
  feedDir = join(root, 'feed');
  buildTestFeed(contentDir, feedDir, ARTICLES);
  contentDb = join(tempDir(), 'content.db');
  // Synced as a feed of its own, not as the bundled copy: the CLI (`doum stats`) would bring a
  // bundled-only store up to the repository's bundled sample when that one has a newer revision.
  const first = await open(contentDb);
  await first.sync.sync(new FolderFeedSource(feedDir));
  first.close();
  center = await open(contentDb);
});

afterAll(() => {
  center.close();
  removeTempDirs();
});

const doum = (...args: string[]) => runDoum(args);

describe('counts', () => {
  it('counts articles and topics apart, per locale', () => {
    const rows = [
      { id: 'a-1', group: 'a', locale: 'ko' },
      { id: 'a-2', group: 'a', locale: 'ko' },
      { id: 'b', group: null, locale: 'ko' },
      { id: 'a-en', group: 'a', locale: 'en' },
    ];
    expect(countContent(rows)).toEqual({ articles: 4, topics: 3 });
    expect(countByLocale(rows)).toEqual({ en: { articles: 1, topics: 1 }, ko: { articles: 3, topics: 2 } });
  });

  it('gives Home, the categories and stats the same numbers for a language', async () => {
    const stats = center.content.stats();
    expect(stats.byLocale).toEqual({ en: { articles: 4, topics: 3, categories: 1 }, ko: { articles: 10, topics: 6, categories: 3 } });
    expect(stats).toMatchObject({ articles: 14, groups: 9, categories: 4, locales: ['en', 'ko'] });

    const home = await center.service.getHome('ko');
    expect(home.counts).toEqual({ articles: 10, topics: 6 });
    const topLevel = home.categories.filter((c) => c.parent === null);
    expect(topLevel).toHaveLength(stats.byLocale.ko!.categories);
    // Every topic sits in one category here, so the sidebar's numbers add up to Home's.
    expect(topLevel.reduce((n, c) => n + c.topicCount, 0)).toBe(home.counts.topics);
    expect(home.categories.find((c) => c.path === '계정/로그인')).toMatchObject({ articleCount: 5, topicCount: 2 });
    expect((await center.service.getHome('en')).counts).toEqual({ articles: 4, topics: 3 });
  });

  it('doum stats --json reports byLocale and top-level categories', async () => {
    const run = await doum('stats', '--db', contentDb, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout) as { categories: number; byLocale: unknown };
    expect(stats.categories).toBe(4);
    expect(stats.byLocale).toEqual({ en: { articles: 4, topics: 3, categories: 1 }, ko: { articles: 10, topics: 6, categories: 3 } });
  }, 60_000);
});

describe('lists', () => {
  it('sorts recently updated topics by the date of the variant shown, as points in time', async () => {
    const ko = await center.service.getHome('ko');
    const recent = ko.recent.map((a) => a.id);
    // send-file's Windows variant (shown on Windows) is from Jan 2, not its Android sibling's Jan 20.
    expect(recent.indexOf('send-file-windows')).toBeGreaterThan(recent.indexOf('reset-password'));
    const en = await center.service.getHome('en');
    // Jan 16 above Jan 15 (the Windows variant shown), above Jan 10.
    expect(en.recent.map((a) => a.id)).toEqual(['delete-account-en', 'block-en-windows', 'reset-password-en']);
  });

  it("puts what applies on the host OS first in a category (its own and common), then other platforms'", async () => {
    const list = await center.service.listArticles({ category: '설정', locale: 'ko' });
    expect(list.map((a) => a.id)).toEqual(['shortcuts-windows', 'notifications', 'shortcuts-macos']);
  });
});

describe('history', () => {
  it('keeps one entry per topic, the latest visit with its platform and the current title', async () => {
    await center.service.clearHistory();
    await center.service.recordView('login-devices-macos');
    await center.service.recordView('reset-password');
    await center.service.recordView('login-devices-windows');
    const history = await center.service.listHistory();
    expect(history.map((h) => [h.articleId, h.platform])).toEqual([
      ['login-devices-windows', 'windows'],
      ['reset-password', 'common'],
    ]);

    // A sync renames the article: the history shows the new title.
    const renamed = ARTICLES.map((a) => (a.id === 'reset-password' ? { ...a, title: '비밀번호를 다시 정하기' } : a));
    buildTestFeed(contentDir, feedDir, renamed);
    await center.sync.sync(new FolderFeedSource(feedDir));
    expect((await center.service.listHistory()).find((h) => h.articleId === 'reset-password')?.title).toBe('비밀번호를 다시 정하기');
    buildTestFeed(contentDir, feedDir, ARTICLES);
    await center.sync.sync(new FolderFeedSource(feedDir));
  });
});

describe('links', () => {
  it("opens the reader's platform variant of a linked topic, in the body and in related articles", async () => {
    const onMac = (await center.service.getArticle('reset-password', { platform: 'macos' }))!;
    expect(onMac.bodyHtml).toContain('href="doum://article/login-devices-macos"');
    expect(onMac.bodyHtml).not.toContain('login-devices-android');
    expect(onMac.links).toEqual(['login-devices-macos']);
    expect(onMac.related.find((r) => r.group === 'login-devices')).toMatchObject({ id: 'login-devices-macos', platform: 'macos' });

    const onWindows = (await center.service.getArticle('reset-password', { platform: 'windows' }))!;
    expect(onWindows.bodyHtml).toContain('href="doum://article/login-devices-windows"');
  });

  it('falls back to a common variant, then any, where the platform has none', async () => {
    const onLinux = (await center.service.getArticle('reset-password', { platform: 'linux' }))!;
    // No Linux or common variant: the first in the stable preference order.
    expect(onLinux.links).toHaveLength(1);
    expect(onLinux.bodyHtml).toContain(`doum://article/${onLinux.links[0]}`);
  });
});

describe('feedback', () => {
  it('stores what was missing with a "no", drops it on a later "yes", and reports every answer with its article', async () => {
    const no = await center.service.setFeedback('reset-password', false, { reason: 'screen-differs', note: '  버튼 위치가 달라요  ' });
    expect(no).toMatchObject({ helpful: false, reason: 'screen-differs', note: '버튼 위치가 달라요' });
    await center.service.setFeedback('notifications', true, { reason: 'other', note: 'ignored' });
    const report = await center.service.exportFeedback();
    expect(report).toMatchObject({ format: 'doum-feedback/1', helpful: 1, notHelpful: 1 });
    expect(report.entries.find((e) => e.articleId === 'notifications')).toMatchObject({ helpful: true, reason: null, note: null });
    expect(report.entries.find((e) => e.articleId === 'reset-password')).toMatchObject({
      title: '비밀번호 재설정',
      locale: 'ko',
      platform: 'common',
      reason: 'screen-differs',
      note: '버튼 위치가 달라요',
    });
  });

  it('doum report feedback prints the same report, as JSON and as text', async () => {
    await center.service.setFeedback('reset-password', false, { reason: 'screen-differs', note: '버튼 위치가 달라요' });
    const json = await doum('report', 'feedback', '--db', contentDb, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'doum-feedback/1', entries: expect.arrayContaining([expect.objectContaining({ articleId: 'reset-password', reason: 'screen-differs' })]) });
    const text = await doum('report', 'feedback', '--db', contentDb);
    // (The CLI opens the repository's bundled help center over the file, so titles are its own.)
    expect(text.stdout).toMatch(/not helpful\s+\S.* \(reset-password, ko, common\)/);
    expect(text.stdout).toContain('missing: their screen looks different');
    const unknown = await doum('report', 'nothing', '--db', contentDb);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown report "nothing"');
  }, 60_000);
});

describe('a refused local port', () => {
  it('fails at once, without retrying', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const policy = fastRetry(4);
    const failure = await httpGet(`http://127.0.0.1:${port}/manifest.json`, {}, policy).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).kind).toBe('network');
    expect((failure as SyncError).message).not.toMatch(/Settings/);
    expect(policy.delays).toEqual([]);
  });
});
