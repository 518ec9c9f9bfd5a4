/**
 * A Zendesk help center's pictures travel with its articles: downloaded from a Zendesk-shaped
 * server on 127.0.0.1, hashed into assets, the article rewritten to use them; a picture that
 * cannot be had is reported by its address, the article shows its alt text, and the next sync
 * gets it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { pictureUrl } from '../../electron/core/sync/remote-pictures';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { pngBytes } from '../support/pictures';
import { fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs } from '../support/temp';
import { sampleZendeskData, startZendeskServer, type ZendeskServer } from '../support/zendesk-server';

afterAll(removeTempDirs);

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const SCREEN = pngBytes(64, 48, [10, 90, 180]);
const ICON = pngBytes(8, 8, [250, 200, 0]);
const SCREEN_PATH = '/hc/article_attachments/501/settings.png';
const ICON_PATH = '/hc/article_attachments/502/icon.png';

describe('pictures of a Zendesk help center', () => {
  let server: ZendeskServer;
  let local: TestStore;

  beforeEach(async () => {
    const data = sampleZendeskData();
    const article = data.articles.find((a) => a.id === 1003 && a.locale === 'ko')!;
    article.body = `<p>설정을 엽니다.</p><p><img src="${SCREEN_PATH}" alt="차단 목록 화면"></p><p><img src='${ICON_PATH}' alt="아이콘" onerror="x()"></p><p><img src="${SCREEN_PATH}" alt="차단 목록 화면"></p>`;
    data.files = { [SCREEN_PATH]: SCREEN, [ICON_PATH]: ICON };
    server = await startZendeskServer(data, { pageSize: 50 });
    local = openTestStore();
  });
  afterEach(async () => {
    local.close();
    await server.close();
  });

  const source = () => syncSourceFor(`zendesk:${server.url}`, { retry: fastRetry(), timeoutMs: 5_000 });

  it('downloads each picture once, stores it by sha256 and rewrites the article to use it', async () => {
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ added: 12, assets: { added: 2, removed: 0 } });
    expect(report.missingPictures).toBeUndefined();
    expect(server.requests.filter((r) => r === SCREEN_PATH)).toHaveLength(1);
    const body = local.store.getArticle('zd-ko-1003')!.bodyHtml;
    expect(body).toContain(`<img src="doum-asset:${sha(SCREEN)}" alt="차단 목록 화면" width="64" height="48" loading="lazy"`);
    expect(body).toContain(`<img src="doum-asset:${sha(ICON)}" alt="아이콘" width="8" height="8" loading="lazy"`);
    expect(body).not.toMatch(/article_attachments|onerror/);
    expect(local.store.getAsset(sha(SCREEN))?.data).toEqual(SCREEN);
    expect(report.bytesDownloaded).toBeGreaterThan(SCREEN.length + ICON.length);
  });

  it('reports a picture it cannot get by name, shows the alt text meanwhile, and gets it on the next sync', async () => {
    server.fail(ICON_PATH, { status: 404 });
    const first = await local.engine.sync(source());
    expect(first.missingPictures).toEqual([{ articleId: 'zd-ko-1003', url: ICON_PATH, reason: expect.stringMatching(/could not be downloaded .*HTTP 404/) }]);
    const meanwhile = local.store.getArticle('zd-ko-1003')!.bodyHtml;
    expect(meanwhile).toContain('<span>아이콘</span>');
    expect(meanwhile).toContain(`doum-asset:${sha(SCREEN)}`);
    expect(local.store.assetStats().assets).toBe(1);

    const second = await local.engine.sync(source());
    expect(second).toMatchObject({ updated: 1, assets: { added: 1, removed: 0 } });
    expect(second.missingPictures).toBeUndefined();
    expect(local.store.articleAssets('zd-ko-1003').map((a) => a.alt)).toEqual(['차단 목록 화면', '아이콘']);
  });

  it('removes a picture once no article uses it', async () => {
    await local.engine.sync(source());
    const article = server.data.articles.find((a) => a.id === 1003 && a.locale === 'ko')!;
    article.body = `<p><img src="${SCREEN_PATH}" alt="차단 목록 화면"></p>`;
    expect(await local.engine.sync(source())).toMatchObject({ updated: 1, assets: { added: 0, removed: 1 } });
    expect(local.store.getAsset(sha(ICON))).toBeNull();
  });

  it('refuses a file that is not a picture, whatever its name', async () => {
    server.data.files![ICON_PATH] = Buffer.from('<html>not found</html>');
    const report = await local.engine.sync(source());
    expect(report.missingPictures).toEqual([{ articleId: 'zd-ko-1003', url: ICON_PATH, reason: expect.stringMatching(/is not a PNG, JPEG, WebP or GIF picture/) }]);
  });

  it('reads //host/x as https and downloads only https pictures or the help center’s own', () => {
    expect(String(pictureUrl('//cdn.example.com/a.png', 'https://help.example.com'))).toBe('https://cdn.example.com/a.png');
    expect(String(pictureUrl('/hc/x.png', 'http://127.0.0.1:8080'))).toBe('http://127.0.0.1:8080/hc/x.png');
    expect(pictureUrl('http://tracker.example.com/pixel.gif', 'https://help.example.com')).toMatch(/only https pictures/);
    expect(pictureUrl('javascript:alert(1)', 'https://help.example.com')).toMatch(/is a javascript: picture/);
  });
});
