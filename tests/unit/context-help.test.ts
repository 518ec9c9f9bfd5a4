/**
 * Context help end to end below the UI: `contexts:` in front matter checked by `feed build`,
 * carried beside the records in snapshots and deltas (so older clients still read the feed),
 * synced through a delta from a real feed server into a real SQLite file, and resolved by the
 * one rule of electron/core/contexts.ts — one article, a list most specific first, the nearest
 * broader screen, or a search for the id's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentBuildError } from '../../electron/core/errors';
import { buildFeed } from '../../electron/core/feed/builder';
import { checkArticle, checkDelta, checkSnapshot, type FeedManifest } from '../../electron/core/feed/format';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { ValidationError } from '../../shared/validate';
import { writeContent, type TestArticle } from '../support/content';
import { startFeedServer } from '../support/feed-server';
import { buildTestFeed, fastRetry, openTestStore } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

const read = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

function buildProblems(articles: TestArticle[]): { messages: string[]; feedWritten: boolean } {
  const root = tempDir();
  writeContent(join(root, 'content'), articles);
  try {
    buildFeed({ contentDir: join(root, 'content'), outDir: join(root, 'feed') });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentBuildError);
    return { messages: (error as ContentBuildError).problems.map((p) => p.message), feedWritten: existsSync(join(root, 'feed')) };
  }
  throw new Error('the build should have failed');
}

describe('feed build checks contexts', () => {
  it.each([
    ['an uppercase id', '[Settings.Display]', /item 1 "Settings\.Display" is not a context id \(dot-separated parts/],
    ['an empty segment', '[settings..display]', /item 1 "settings\.\.display" is not a context id/],
    ['a leading dot', '[.settings]', /item 1 "\.settings" is not a context id/],
    ['a hyphen at a segment edge', '[settings.-display]', /is not a context id/],
    ['a path', '[settings/display]', /is not a context id/],
    ['a number', '[42, settings]', /item 1 42 is not a context id/],
    ['a repeated id', '[chat.delete-message, chat.delete-message]', /item 2 "chat\.delete-message" is listed twice/],
    ['one id instead of a list', 'settings.display', /must be a list like \[settings\.display, chat\.delete-message\]/],
    ['too many', `[${Array.from({ length: 21 }, (_, i) => `screen.s${i}`).join(', ')}]`, /names 21 contexts; at most 20 are allowed/],
  ])('refuses %s, naming the file and the field, and writes nothing', (_what, value, problem) => {
    const { messages, feedWritten } = buildProblems([{ id: 'theme', title: '테마 바꾸기', extra: `contexts: ${value}` }]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^ko\/theme\.md: field "contexts": /);
    expect(messages[0]).toMatch(problem);
    expect(feedWritten).toBe(false);
  });

  it('refuses an id longer than 100 characters', () => {
    const long = `screen.${'a'.repeat(100)}`;
    const { messages } = buildProblems([{ id: 'theme', title: '테마', contexts: [long] }]);
    expect(messages[0]).toMatch(/field "contexts": item 1 .* is not a context id .*at most 100 characters/);
  });
});

describe('contexts in the feed', () => {
  const root = tempDir();
  const content = join(root, 'content');
  const feed = join(root, 'feed');
  beforeAll(() => {
    buildTestFeed(content, feed, [
      { id: 'theme', title: '테마 바꾸기', contexts: ['settings.display.theme', 'settings.display'] },
      { id: 'plain', title: '태그 없는 글' },
    ]);
    buildTestFeed(content, feed, [
      { id: 'theme', title: '테마 바꾸기', contexts: ['settings.display.theme'] },
      { id: 'plain', title: '태그 없는 글' },
    ]);
  });

  it('travel in a table beside the records, which stay readable by a client that predates contexts', () => {
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    const raw = read<{ articles: unknown[]; contexts: Record<string, string[]> }>(feed, manifest.snapshot.url);
    expect(raw.contexts).toEqual({ theme: ['settings.display.theme'] });
    // An older client checks each record with exactly the fields it knows: no `contexts` inside.
    for (const record of raw.articles) expect(() => checkArticle(record, '')).not.toThrow();
    expect(checkSnapshot(raw).articles.find((a) => a.id === 'theme')?.contexts).toEqual(['settings.display.theme']);
    expect(checkSnapshot(raw).articles.find((a) => a.id === 'plain')).not.toHaveProperty('contexts');
  });

  it('are part of what a delta carries when only they changed', () => {
    const raw = read<{ upserts: Array<{ id: string }>; contexts: Record<string, string[]> }>(feed, 'deltas/delta-1-2.json');
    expect(raw.upserts.map((a) => a.id)).toEqual(['theme']);
    expect(raw.contexts).toEqual({ theme: ['settings.display.theme'] });
    expect(checkDelta(raw).upserts[0]!.contexts).toEqual(['settings.display.theme']);
  });

  it('are checked when a feed is read: a table naming another article or a bad id is refused', () => {
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    const raw = read<Record<string, unknown>>(feed, manifest.snapshot.url);
    expect(() => checkSnapshot({ ...raw, contexts: { elsewhere: ['settings'] } })).toThrow(/snapshot\.contexts\.elsewhere: expected the id of an article in this document/);
    expect(() => checkSnapshot({ ...raw, contexts: { theme: ['Settings'] } })).toThrow(ValidationError);
    expect(() => checkSnapshot({ ...raw, contexts: { theme: ['a', 'a'] } })).toThrow(/each context once/);
    expect(() => checkSnapshot({ ...raw, contexts: ['theme'] })).toThrow(/an object of article id → context ids/);
  });
});

describe('syncing contexts', () => {
  it('applies added, changed and removed contexts through a delta from a real feed server', async () => {
    const root = tempDir();
    const content = join(root, 'content');
    const feed = join(root, 'feed');
    buildTestFeed(content, feed, [
      { id: 'theme', title: '테마 바꾸기', contexts: ['settings.display.theme'] },
      { id: 'font', title: '글자 크기', contexts: ['settings.display.font-size'] },
      { id: 'gone', title: '없어질 글', contexts: ['settings.display'] },
      { id: 'plain', title: '태그 없는 글' },
    ]);
    const server = await startFeedServer(feed);
    const local = openTestStore();
    try {
      const source = syncSourceFor(server.url, { retry: fastRetry(), timeoutMs: 5_000 });
      await local.engine.sync(source);
      expect(local.store.articleContexts('theme')).toEqual(['settings.display.theme']);
      expect(local.store.contextCounts().map((c) => c.id)).toEqual(['settings.display', 'settings.display.font-size', 'settings.display.theme']);

      buildTestFeed(content, feed, [
        { id: 'theme', title: '테마 바꾸기', contexts: ['settings.display.theme', 'settings.display'] },
        { id: 'font', title: '글자 크기' },
        { id: 'plain', title: '태그 없는 글', contexts: ['chat.delete-message'] },
      ]);
      const report = await local.engine.sync(source);
      expect(report).toMatchObject({ revision: 2, added: 0, updated: 3, deleted: 1, notModified: false });
      expect(server.requestsTo('deltas/delta-1-2.json')).toHaveLength(1);
      expect(server.requestsTo('snapshots/snapshot-2.json')).toHaveLength(0);

      expect(local.store.articleContexts('theme')).toEqual(['settings.display.theme', 'settings.display']);
      expect(local.store.articleContexts('font')).toEqual([]);
      expect(local.store.articleContexts('plain')).toEqual(['chat.delete-message']);
      expect(local.store.articleContexts('gone')).toEqual([]);
      expect(local.store.contextCounts()).toEqual([
        { id: 'chat.delete-message', articles: 1, topics: 1 },
        { id: 'settings.display', articles: 1, topics: 1 },
        { id: 'settings.display.theme', articles: 1, topics: 1 },
      ]);
    } finally {
      local.close();
      await server.close();
    }
  });
});

describe('resolving a context', () => {
  let center: HelpCenter;
  beforeAll(async () => {
    const root = tempDir();
    buildTestFeed(join(root, 'content'), join(root, 'feed'), [
      { id: 'dark-mode-windows', title: '다크 모드 켜기', group: 'dark-mode', platform: 'windows', category: '설정/화면', contexts: ['settings.display.theme'] },
      { id: 'dark-mode-macos', title: '다크 모드 켜기', group: 'dark-mode', platform: 'macos', category: '설정/화면', contexts: ['settings.display.theme'] },
      { id: 'dark-mode-en', title: 'Turn on dark mode', locale: 'en', category: 'Settings', contexts: ['settings.display.theme'] },
      { id: 'font-size', title: '글자 크기 바꾸기', category: '설정/화면', contexts: ['settings.display.font-size'] },
      { id: 'display-overview', title: '화면 설정 한눈에 보기', category: '설정/화면', contexts: ['settings.display'] },
      { id: 'reset-password', title: '비밀번호 재설정', category: '계정', contexts: ['error.login.e1001', 'login.forgot-password'] },
      { id: 'coupon-help', title: '쿠폰 등록하기', category: '결제', body: '쿠폰 번호를 입력해 등록합니다.' },
    ]);
    center = await openTestHelpCenter({
      files: dataFilesForContentDb(join(root, 'content.db')),
      bundledFeedDir: join(root, 'feed'),
    });
  });
  afterAll(() => center.close());

  it('opens the one topic tagged with it, as the host OS variant, or the platform asked for', async () => {
    expect(await center.service.resolveContext('settings.display.theme')).toMatchObject({
      kind: 'article',
      matched: 'settings.display.theme',
      articles: [{ id: 'dark-mode-windows', context: 'settings.display.theme' }],
    });
    const mac = await center.service.resolveContext('settings.display.theme', { platform: 'macos' });
    expect(mac.articles.map((a) => a.id)).toEqual(['dark-mode-macos']);
    const english = await center.service.resolveContext('settings.display.theme', { locale: 'en' });
    expect(english.articles.map((a) => a.id)).toEqual(['dark-mode-en']);
  });

  it('lists a screen with parts, most specific first, translations not listed as extra help', async () => {
    const list = await center.service.resolveContext('settings.display');
    expect(list.kind).toBe('list');
    expect(list.articles.map((a) => [a.id, a.context])).toEqual([
      ['font-size', 'settings.display.font-size'],
      ['dark-mode-windows', 'settings.display.theme'],
      ['display-overview', 'settings.display'],
    ]);
    const root = await center.service.resolveContext('settings');
    expect(root.articles.map((a) => a.id)).toEqual(['font-size', 'dark-mode-windows', 'display-overview']);
  });

  it('falls back to the nearest broader screen that has help, and says which', async () => {
    const broader = await center.service.resolveContext('settings.display.theme.high-contrast');
    expect(broader).toMatchObject({ kind: 'article', context: 'settings.display.theme.high-contrast', matched: 'settings.display.theme' });
    const error = await center.service.resolveContext('error.login.e9999');
    expect(error).toMatchObject({ kind: 'article', matched: 'error.login', articles: [{ id: 'reset-password', context: 'error.login.e1001' }] });
  });

  it('turns an unknown context into a search for its words, or for the words the app sent', async () => {
    expect(await center.service.resolveContext('billing.coupon-code')).toEqual({ context: 'billing.coupon-code', matched: null, kind: 'search', articles: [], query: 'billing coupon code' });
    const withWords = await center.service.resolveContext('billing.coupon-code', { query: '  쿠폰   등록 ' });
    expect(withWords).toMatchObject({ kind: 'search', query: '쿠폰 등록' });
    expect((await center.service.search({ text: withWords.query })).results[0]!.id).toBe('coupon-help');
  });

  it('lists every context with its article and topic counts', async () => {
    expect(await center.service.listContexts()).toEqual([
      { id: 'error.login.e1001', articles: 1, topics: 1 },
      { id: 'login.forgot-password', articles: 1, topics: 1 },
      { id: 'settings.display', articles: 1, topics: 1 },
      { id: 'settings.display.font-size', articles: 1, topics: 1 },
      { id: 'settings.display.theme', articles: 3, topics: 2 },
    ]);
  });

  it('gives each history entry the screen its article belongs to most closely', async () => {
    await center.service.recordView('coupon-help');
    await center.service.recordView('reset-password');
    const history = await center.service.listHistory();
    expect(history.map((e) => [e.articleId, e.context])).toEqual([
      ['reset-password', 'error.login.e1001'],
      ['coupon-help', null],
    ]);
  });
});
