/**
 * Syncing a Zendesk Guide help center through its public API, served on 127.0.0.1 by a
 * Zendesk-shaped server that pages two items at a time.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isZendeskLocation, syncSourceFor } from '../../electron/core/sync/sources';
import { parseZendeskLocation, type ZendeskSource } from '../../electron/core/sync/zendesk';
import { contentState, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs } from '../support/temp';
import { sampleZendeskData, startZendeskServer, type ZendeskServer } from '../support/zendesk-server';

afterAll(removeTempDirs);

describe('choosing the Zendesk adapter', () => {
  it('recognises zendesk: locations, *.zendesk.com hosts and help center paths', () => {
    expect(isZendeskLocation('zendesk:https://help.example.com')).toBe(true);
    expect(isZendeskLocation('https://acme.zendesk.com')).toBe(true);
    expect(isZendeskLocation('https://help.example.com/hc/ko')).toBe(true);
    expect(isZendeskLocation('https://help.example.com/api/v2/help_center/en-us/articles.json')).toBe(true);
    expect(isZendeskLocation('https://cdn.example.com/doum/feed')).toBe(false);
    expect(isZendeskLocation('/srv/feed')).toBe(false);
    expect(syncSourceFor('https://cdn.example.com/feed').kind).toBe('feed');
    expect(syncSourceFor('zendesk:https://help.example.com').kind).toBe('collection');
  });

  it('reads the locale from the path or the query, else syncs every locale', () => {
    expect(parseZendeskLocation('zendesk:https://help.example.com/hc/ko')).toEqual({ origin: 'https://help.example.com', locales: ['ko'] });
    expect(parseZendeskLocation('https://acme.zendesk.com/api/v2/help_center/en-US/articles.json')).toEqual({ origin: 'https://acme.zendesk.com', locales: ['en-us'] });
    expect(parseZendeskLocation('zendesk:https://acme.zendesk.com?locales=ko,en-us')).toEqual({ origin: 'https://acme.zendesk.com', locales: ['ko', 'en-us'] });
    expect(parseZendeskLocation('https://acme.zendesk.com')).toEqual({ origin: 'https://acme.zendesk.com', locales: [] });
    expect(() => parseZendeskLocation('zendesk:ftp://x')).toThrow(/reached over https/);
  });
});

describe('syncing a Zendesk help center', () => {
  let server: ZendeskServer;
  let local: TestStore;
  let retry: ReturnType<typeof fastRetry>;

  beforeEach(async () => {
    server = await startZendeskServer(sampleZendeskData(), { pageSize: 2 });
    local = openTestStore();
    retry = fastRetry();
  });

  afterEach(async () => {
    local.close();
    await server.close();
  });

  const source = (location = `zendesk:${server.url}`) => syncSourceFor(location, { retry, timeoutMs: 5_000 });

  it('imports every locale over several pages, mapping sections, labels and links', async () => {
    const report = await local.engine.sync(source());
    expect(report).toEqual({ revision: 1, added: 12, updated: 0, deleted: 0, total: 12, notModified: false, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    // Two items a page: 6 articles (7 with the draft) take 4 pages per locale.
    expect(server.requests.filter((r) => r.startsWith('/api/v2/help_center/ko/articles.json'))).toHaveLength(4);
    expect(server.requests[0]).toBe('/api/v2/help_center/locales.json');

    const android = local.store.getArticle('zd-ko-1001')!;
    expect(android).toMatchObject({ service: '톡플러스', category: '친구/차단', platform: 'android', locale: 'ko', group: 'block-friend', tags: ['차단'], updatedAt: '2026-03-02T10:00:00Z' });
    expect(android.bodyHtml).toContain('href="doum://article/zd-ko-1003"');
    expect(android.links).toEqual(['zd-ko-1003']);
    const iphone = local.store.getArticle('zd-ko-1002')!;
    expect(iphone.platform).toBe('ios');
    expect(iphone.bodyHtml).not.toContain('script');
    expect(local.store.getArticle('zd-en-us-1004')).toMatchObject({ platform: 'macos', group: 'zd-1004', category: 'Friends', service: 'TalkPlus' });
    expect(local.store.getArticle('zd-en-us-1006')).toMatchObject({ category: 'Payments/Refunds', platform: 'web' });
    expect(local.store.getArticle('zd-ko-1007')).toBeNull(); // a draft
    // Translations share a topic group.
    expect(local.store.groupTranslations('zd-1003', 'ko').map((v) => v.id)).toEqual(['zd-en-us-1003']);
    expect(local.store.categoryRecords().filter((c) => c.locale === 'ko').map((c) => c.path)).toEqual(['친구', '친구/차단', '결제', '결제/환불']);
    expect(local.store.syncState()).toMatchObject({ source: `${server.url}/api/v2/help_center`, revision: 1 });
  });

  it('changes nothing when nothing changed, and counts only real changes later', async () => {
    await local.engine.sync(source());
    const before = contentState(local.store);
    expect(await local.engine.sync(source())).toMatchObject({ revision: 1, added: 0, updated: 0, deleted: 0, notModified: true });
    expect(contentState(local.store)).toEqual(before);

    const data = server.data;
    data.articles.find((a) => a.id === 1003 && a.locale === 'ko')!.title = '차단을 해제하려면';
    data.articles = data.articles.filter((a) => !(a.id === 1005 && a.locale === 'en-us'));
    expect(await local.engine.sync(source())).toMatchObject({ revision: 2, added: 0, updated: 1, deleted: 1, total: 11, notModified: false });
    expect(local.store.getArticle('zd-en-us-1005')).toBeNull();
    expect(local.store.getArticle('zd-ko-1003')?.title).toBe('차단을 해제하려면');
  });

  it('syncs only the locale the location names', async () => {
    expect(await local.engine.sync(source(`zendesk:${server.url}/hc/en-us`))).toMatchObject({ total: 6 });
    expect(server.requests.some((r) => r.includes('/ko/'))).toBe(false);
  });

  it('waits as long as Retry-After says when a page answers 429', async () => {
    server.fail('/ko/articles.json', { status: 429, headers: { 'retry-after': '11' } });
    expect(await local.engine.sync(source())).toMatchObject({ total: 12 });
    expect(retry.delays).toEqual([11_000]);
  });

  it('skips one unusable article, naming it in the report, and syncs the rest', async () => {
    await local.engine.sync(source());
    server.data.articles.find((a) => a.id === 1006 && a.locale === 'ko')!.label_names = ['platform:tv'];
    server.data.articles.find((a) => a.id === 1001 && a.locale === 'ko')!.title = '새 제목';
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 2, updated: 1, deleted: 1, total: 11 });
    expect(report.notes).toEqual([{ kind: 'skipped', record: 'Zendesk article 1006 (ko)', reason: expect.stringMatching(/label_names: expected a platform label .*got "platform:tv"/) }]);
    expect(local.store.getArticle('zd-ko-1001')?.title).toBe('새 제목');
    expect(local.store.getArticle('zd-ko-1006')).toBeNull();
  });

  it('maps context:<id> labels to contexts the way platform: labels map to platforms, and skips an article with a bad one, naming it', async () => {
    const ko = (id: number) => server.data.articles.find((a) => a.id === id && a.locale === 'ko')!;
    ko(1001).label_names = [...ko(1001).label_names, 'context:friends.profile.block', 'Context:Friends.Block-List'];
    await local.engine.sync(source());
    expect(local.store.articleContexts('zd-ko-1001')).toEqual(['friends.profile.block', 'friends.block-list']);
    expect(local.store.getArticle('zd-ko-1001')!.tags).toEqual(['차단']);
    const resolved = local.store.articlesInContext('friends');
    expect(resolved.map((a) => [a.id, a.context])).toEqual([
      ['zd-ko-1001', 'friends.block-list'],
      ['zd-ko-1001', 'friends.profile.block'],
    ]);

    ko(1003).label_names = ['context:friends..blocked'];
    const report = await local.engine.sync(source());
    expect(report.notes).toEqual([
      expect.objectContaining({ kind: 'skipped', record: 'Zendesk article 1003 (ko)', reason: expect.stringMatching(/label_names: expected a context label \(context:<id>, dot-separated parts.*got "context:friends\.\.blocked"/) }),
    ]);
    expect(local.store.getArticle('zd-ko-1003')).toBeNull();
    expect(local.store.articleContexts('zd-ko-1001')).toEqual(['friends.profile.block', 'friends.block-list']);
  });

  it('rejects an answer that is not a Zendesk list, and skips a record of the wrong shape', async () => {
    server.fail('/ko/sections.json', { status: 200, body: '{"sections": "nope"}' });
    expect(await local.engine.sync(source()).catch((e: unknown) => e)).toMatchObject({ kind: 'invalid-feed', message: expect.stringMatching(/is not a Zendesk sections page/) });
    expect(local.store.isEmpty()).toBe(true);
    server.fail('/ko/categories.json', { status: 200, body: JSON.stringify({ categories: [{ id: 'x', name: 'A' }] }) });
    const report = await local.engine.sync(source());
    expect(report.notes).toContainEqual({ kind: 'skipped', record: 'Zendesk category x (ko)', reason: expect.stringMatching(/^id: /) });
    // Its sections' articles are still there, under "미분류" as the category is gone.
    expect(local.store.getArticle('zd-ko-1001')).toMatchObject({ service: '미분류', category: '친구/차단' });
  });

  it('refuses to follow a next page on another host', async () => {
    const next = { categories: [], meta: { has_more: true }, links: { next: 'https://evil.example.com/api/v2/help_center/ko/categories.json' } };
    server.fail('/ko/categories.json', { status: 200, body: JSON.stringify(next) });
    const error = await local.engine.sync(source()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-feed', message: expect.stringMatching(/next page on another host \(https:\/\/evil\.example\.com\)/) });
  });

  it('exposes its location', () => {
    const zendesk = source(`zendesk:${server.url}/hc/ko`) as ZendeskSource;
    expect(zendesk.location).toEqual({ origin: server.url, locales: ['ko'] });
  });
});
