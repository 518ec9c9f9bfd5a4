/**
 * Zendesk as it is found in the wild: offset pages, full field sets, orphan articles and
 * sections, records that cannot be used, links to articles that were not synced, protocol-
 * relative pictures, embedded videos, and locales written differently (`en` ↔ `en-us`), in
 * English, Japanese and Chinese — against a Zendesk-shaped server on 127.0.0.1.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../electron/core/search/engine';
import { pictureUrl } from '../../electron/core/sync/remote-pictures';
import { ZendeskSource, parseZendeskLocation } from '../../electron/core/sync/zendesk';
import { openTestStore, type TestStore } from '../support/sync-fixtures';
import { fastSourceFor } from '../support/help-center';
import { removeTempDirs } from '../support/temp';
import { startZendeskServer, wildZendeskData, type ZendeskServer } from '../support/zendesk-server';

afterAll(removeTempDirs);

let server: ZendeskServer;
let local: TestStore;

beforeEach(async () => {
  server = await startZendeskServer(wildZendeskData(), { pageSize: 2, pagination: 'offset' });
  local = openTestStore();
});

afterEach(async () => {
  local.close();
  await server.close();
});

const source = (location = `zendesk:${server.url}`) => fastSourceFor(location);

describe('a help center as found in the wild', () => {
  it('imports orphans under "uncategorised", skips what cannot be used, and names both in the report', async () => {
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 1, added: 5, total: 5, notModified: false });
    // Offset pages, two records a page: five en-us articles take three pages.
    expect(server.requests.filter((r) => r.startsWith('/api/v2/help_center/en-us/articles.json'))).toEqual([
      '/api/v2/help_center/en-us/articles.json?page[size]=100',
      '/api/v2/help_center/en-us/articles.json?page=2&per_page=2',
      '/api/v2/help_center/en-us/articles.json?page=3&per_page=2',
    ]);
    expect(report.notes).toEqual([
      { kind: 'skipped', record: 'Zendesk article 5005 (en-us)', reason: expect.stringMatching(/^section_id: /) },
      { kind: 'uncategorised', record: 'Zendesk article 5002 (en-us)', reason: expect.stringContaining('its section 404 is not listed') },
      { kind: 'uncategorised', record: 'Zendesk article 5003 (en-us)', reason: expect.stringContaining('the category 999 of its section 31 is not listed') },
      { kind: 'skipped', record: 'Zendesk article 5004 (en-us)', reason: expect.stringMatching(/^title: /) },
    ]);
    expect(local.store.getArticle('zd-en-us-5002')).toMatchObject({ title: 'Battery care', service: 'Uncategorised', category: 'Uncategorised', locale: 'en-us' });
    expect(local.store.getArticle('zd-en-us-5003')).toMatchObject({ service: 'Uncategorised', category: 'Archived tips' });
    expect(local.store.categoryRecords().filter((c) => c.locale === 'en-us').map((c) => c.path)).toEqual(['Getting started', 'Archived tips', 'Uncategorised']);
    expect(local.store.getArticle('zd-ja-5001')).toMatchObject({ service: '飛行', category: 'はじめに', locale: 'ja' });
  });

  it('links synced articles inside Doum and everything else of the help center by its absolute address', async () => {
    await local.engine.sync(source());
    const body = local.store.getArticle('zd-en-us-5001')!.bodyHtml;
    expect(body).toContain('<a href="doum://article/zd-en-us-5002">battery care</a>');
    expect(body).toContain(`<a href="${server.url}/hc/en-us/articles/203660196-Legacy">the old guide</a>`);
    expect(body).toContain(`<a href="${server.url}/hc/en-us/community/posts/360001">the community</a>`);
    // The help center's own address (its articles' html_url) with the locale written as /hc/en/.
    expect(body).toContain('<a href="doum://article/zd-en-us-5003">in the rain</a>');
    expect(body).not.toMatch(/href="\//);
    expect(local.store.getArticle('zd-en-us-5001')!.links).toEqual(['zd-en-us-5002', 'zd-en-us-5003']);
  });

  it('fetches protocol-relative pictures over https and turns embedded videos into visible links', async () => {
    const report = await local.engine.sync(source());
    const en = local.store.getArticle('zd-en-us-5001')!.bodyHtml;
    // The picture's host is on no network here: it is asked for over https, reported by name,
    // and the article shows its alt text until a later sync gets it.
    expect(pictureUrl('//static.zdassets.invalid/hc/assets/default_avatar.png', 'http://127.0.0.1:1')).toEqual(new URL('https://static.zdassets.invalid/hc/assets/default_avatar.png'));
    expect(report.missingPictures).toContainEqual(expect.objectContaining({ articleId: 'zd-en-us-5001', url: '//static.zdassets.invalid/hc/assets/default_avatar.png' }));
    expect(en).toContain('<span>Zendesk</span>');
    expect(en).toContain('<a href="https://www.youtube.com/watch?v=Xy12_ab">Watch the video</a>');
    expect(en).toContain('<a href="https://vimeo.com/4242">Pre-flight checklist</a>');
    expect(en).not.toContain('iframe');
    const ja = local.store.getArticle('zd-ja-5001')!.bodyHtml;
    expect(ja).toContain('<a href="https://cdn.example.com/videos/intro.mp4">動画を見る</a>');
    expect(ja).not.toContain('ブラウザ');
  });

  it('words a video link in Korean for Korean articles', async () => {
    server.data.locales.push('ko');
    server.data.categories.push({ id: 300, name: '비행', position: 0, locale: 'ko' });
    server.data.sections.push({ id: 30, name: '시작하기', category_id: 300, position: 0, locale: 'ko' });
    server.data.articles.push({ id: 5001, title: '첫 비행', body: '<iframe src="https://www.youtube.com/embed/Ko1"></iframe>', locale: 'ko', section_id: 30, label_names: [], updated_at: '2026-02-11T07:40:03Z' });
    await local.engine.sync(source(`zendesk:${server.url}/hc/ko`));
    expect(local.store.getArticle('zd-ko-5001')!.bodyHtml).toBe('<a href="https://www.youtube.com/watch?v=Ko1">동영상 보기</a>');
  });

  it('finds Japanese and Chinese words in the synced articles', async () => {
    await local.engine.sync(source());
    const engine = SearchEngine.build(local.store.indexableArticles());
    const ids = (text: string, locale?: string): string[] => engine.search({ text, locale }, { platform: 'macos' }).results.map((h) => h.id);
    expect(ids('ドローン')).toEqual(['zd-ja-5001']);
    expect(ids('初心者モード')).toEqual(['zd-ja-5001']);
    expect(ids('客服中心')).toEqual(['zd-zh-tw-5001']);
    expect(ids('知識')).toEqual(['zd-zh-tw-5001']);
    expect(ids('heavy rain', 'en')).toEqual(['zd-en-us-5003']);
    expect(ids('heavy rain', 'ja')).toEqual([]);
  });
});

describe('locales written differently', () => {
  it('syncs en-us for /hc/en and ja for /hc/ja-jp', async () => {
    expect(await local.engine.sync(source(`zendesk:${server.url}/hc/en`))).toMatchObject({ total: 3 });
    expect(local.store.getArticle('zd-en-us-5001')).not.toBeNull();
    expect(await local.engine.sync(source(`zendesk:${server.url}/hc/ja-jp`))).toMatchObject({ total: 1 });
    expect(local.store.getArticle('zd-ja-5001')).not.toBeNull();
  });

  it('names the locales the help center has when asked for one it lacks', async () => {
    const error = await local.engine.sync(source(`zendesk:${server.url}/hc/ko`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not-found', message: expect.stringContaining('has no "ko" articles; it has en-us, ja, zh-tw') });
    expect(local.store.isEmpty()).toBe(true);
    expect(local.store.syncState().lastError).toMatchObject({ code: 'not-found' });
  });
});

describe('next pages of a host-mapped help center', () => {
  const zendesk = (origin: string) => new ZendeskSource(parseZendeskLocation(`zendesk:${origin}/hc/en-us`));
  const from = 'https://help.example.com/api/v2/help_center/en-us/articles.json?page[size]=100';

  it('follows the same list on the https zendesk.com address, as Zendesk documents for API requests', () => {
    const next = 'https://acme.zendesk.com/api/v2/help_center/en-us/articles.json?page=2&per_page=100';
    expect(zendesk('https://help.example.com').nextPage(next, from)).toBe(next);
    expect(zendesk('https://help.example.com').nextPage('/api/v2/help_center/en-us/articles.json?page=2', from)).toBe('https://help.example.com/api/v2/help_center/en-us/articles.json?page=2');
  });

  it('refuses any other host, plain http, another list, or credentials in the URL', () => {
    const center = zendesk('https://help.example.com');
    expect(() => center.nextPage('https://evil.example.com/api/v2/help_center/en-us/articles.json?page=2', from)).toThrow(/next page on another host \(https:\/\/evil\.example\.com\)/);
    expect(() => center.nextPage('http://acme.zendesk.com/api/v2/help_center/en-us/articles.json?page=2', from)).toThrow(/another host/);
    expect(() => center.nextPage('https://acme.zendesk.com/api/v2/users.json', from)).toThrow(/another host \(https:\/\/acme\.zendesk\.com\/api\/v2\/users\.json\)/);
    expect(() => center.nextPage('https://u:p@acme.zendesk.com/api/v2/help_center/en-us/articles.json', from)).toThrow(/another host/);
  });
});
