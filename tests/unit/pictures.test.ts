/**
 * Pictures that travel with the feed: the builder's checks (each error naming the file, the
 * line and the picture, nothing written), one file per picture however many articles use it,
 * deltas that list only new pictures, and a sync that downloads only what it lacks, checks
 * every picture, commits them with the articles, keeps the last good copy on any failure, and
 * removes pictures no article uses any more. Real files, a real HTTP server, real SQLite.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assetImgHtml, assetRefsIn, MAX_ASSET_BYTES, sniffImage } from '../../shared/assets';
import { ContentBuildError, SyncError } from '../../electron/core/errors';
import { buildFeed } from '../../electron/core/feed/builder';
import { checkDelta, checkSnapshot, type FeedManifest } from '../../electron/core/feed/format';
import { isCleanArticleHtml, sanitizeArticleHtml } from '../../electron/core/feed/sanitize';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { writeContent, type TestArticle } from '../support/content';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { gifHeader, jpegHeader, pngBytes, pngHeaderClaiming, webpHeader } from '../support/pictures';
import { contentState, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const BLUE = pngBytes(40, 30, [20, 80, 200]);
const RED = pngBytes(20, 10, [200, 30, 30]);
const GREEN = pngBytes(16, 16, [30, 160, 60]);

type Pictures = Record<string, Buffer>;

/** Writes a content folder with these articles and picture files (paths under the folder). */
function writeSite(dir: string, articles: TestArticle[], pictures: Pictures): void {
  rmSync(dir, { recursive: true, force: true });
  writeContent(dir, articles);
  for (const [path, bytes] of Object.entries(pictures)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

const read = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

function buildFails(content: string, feed: string): string[] {
  try {
    buildFeed({ contentDir: content, outDir: feed });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentBuildError);
    return (error as ContentBuildError).problems.map((p) => p.message);
  }
  throw new Error('the build should have failed');
}

describe('reading a picture by its bytes', () => {
  it('knows PNG, JPEG, GIF and WebP and their pixel size from the header, whatever the name', () => {
    expect(sniffImage(BLUE)).toEqual({ type: 'image/png', width: 40, height: 30 });
    expect(sniffImage(jpegHeader(640, 480))).toEqual({ type: 'image/jpeg', width: 640, height: 480 });
    expect(sniffImage(gifHeader(12, 34))).toEqual({ type: 'image/gif', width: 12, height: 34 });
    expect(sniffImage(webpHeader(300, 200))).toEqual({ type: 'image/webp', width: 300, height: 200 });
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('lets exactly the agreed picture form through both sanitizer paths, and no other doum-asset form', () => {
    const img = assetImgHtml({ sha256: sha(BLUE), alt: '설정 "화면" <1>', width: 40, height: 30 });
    expect(img).toBe(`<img src="doum-asset:${sha(BLUE)}" alt="설정 &quot;화면&quot; &lt;1&gt;" width="40" height="30" loading="lazy">`);
    expect(isCleanArticleHtml(`<p>${img}</p>`)).toBe(true);
    expect(sanitizeArticleHtml(`<p>${img}</p>`)).toBe(`<p>${img}</p>`);
    expect(assetRefsIn(img)).toEqual([{ sha256: sha(BLUE), alt: '설정 "화면" <1>' }]);
    for (const bad of ['doum-asset:../etc/passwd', `doum-asset:${sha(BLUE).toUpperCase()}`, `doum-asset:${sha(BLUE)}x`]) {
      const html = `<p><img src="${bad}" alt="x"></p>`;
      expect(isCleanArticleHtml(html)).toBe(false);
      expect(sanitizeArticleHtml(html)).toBe('<p></p>');
    }
  });
});

describe('feed build with pictures', () => {
  let content: string;
  let feed: string;
  beforeEach(() => {
    const root = tempDir();
    content = join(root, 'content');
    feed = join(root, 'feed');
  });

  it('stores each picture once as assets/<sha256> and refers to it by hash with its size reserved', () => {
    writeSite(
      content,
      [
        { id: 'dark-mode-windows', title: '다크 모드', body: '설정을 엽니다.\n\n![설정 화면](images/settings.png)\n\n![같은 그림](./images/copy.png)' },
        { id: 'dark-mode-macos', title: '다크 모드 (Mac)', body: '![설정 화면](../images/settings.png)', locale: 'en' },
      ],
      { 'ko/images/settings.png': BLUE, 'ko/images/copy.png': BLUE, 'images/settings.png': BLUE },
    );
    const report = buildFeed({ contentDir: content, outDir: feed });
    expect(report).toMatchObject({ revision: 1, assets: 1, assetsWritten: 1 });
    expect(readdirSync(join(feed, 'assets'))).toEqual([sha(BLUE)]);
    expect(readFileSync(join(feed, 'assets', sha(BLUE)))).toEqual(BLUE);

    const manifest = read<FeedManifest>(feed, 'manifest.json');
    const snapshot = checkSnapshot(read(feed, manifest.snapshot.url));
    expect(snapshot.assets).toEqual([{ sha256: sha(BLUE), bytes: BLUE.length, type: 'image/png' }]);
    const body = snapshot.articles.find((a) => a.id === 'dark-mode-windows')!.bodyHtml;
    expect(body).toContain(`<img src="doum-asset:${sha(BLUE)}" alt="설정 화면" width="40" height="30" loading="lazy">`);
    expect(body).not.toContain('images/');
  });

  it('names the file, the line and the picture of every problem, and writes nothing', () => {
    writeSite(
      content,
      [
        { id: 'missing', title: '없는 그림', body: '첫 줄\n\n![설정](images/nope.png)' },
        { id: 'not-a-picture', title: '이름만 PNG', body: '![설정](images/fake.png)' },
        { id: 'no-alt', title: '설명 없음', body: '![](images/ok.png)' },
        { id: 'too-big', title: '너무 큼', body: '![큰 그림](images/big.png)' },
        { id: 'too-wide', title: '너무 넓음', body: '![넓은 그림](images/wide.png)' },
        { id: 'remote', title: '원격', body: '![원격](https://example.com/x.png)' },
        { id: 'escape', title: '밖', body: '![밖](../../secret.png)' },
      ],
      {
        'ko/images/fake.png': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'ko/images/ok.png': RED,
        'ko/images/big.png': Buffer.concat([BLUE, Buffer.alloc(MAX_ASSET_BYTES)]),
        'ko/images/wide.png': pngHeaderClaiming(100_000, 10),
      },
    );
    const problems = buildFails(content, feed);
    // The front matter of these files is 10 lines; the body starts on line 11.
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ko\/missing\.md: line 13: picture "images\/nope\.png" does not exist/),
        expect.stringMatching(/^ko\/not-a-picture\.md: line 11: picture "images\/fake\.png" is not a PNG, JPEG, WebP or GIF picture \(judged by its bytes/),
        expect.stringMatching(/^ko\/no-alt\.md: line 11: picture "images\/ok\.png" has no alt text/),
        expect.stringMatching(/^ko\/too-big\.md: line 11: picture "images\/big\.png" is 5\.0 MB; pictures may be at most 5 MB/),
        expect.stringMatching(/^ko\/too-wide\.md: line 11: picture "images\/wide\.png" is 100000×10 pixels/),
        expect.stringMatching(/^ko\/remote\.md: line 11: picture "https:\/\/example\.com\/x\.png" must be a file of the content folder/),
        expect.stringMatching(/^ko\/escape\.md: line 11: picture "\.\.\/\.\.\/secret\.png" is outside the content folder/),
      ]),
    );
    expect(problems).toHaveLength(7);
    expect(existsSync(feed)).toBe(false);
  });

  it('lists in a delta only the pictures the previous revision did not have, and drops unused ones a revision later', () => {
    const articles: TestArticle[] = [{ id: 'a', title: '가', body: '![파랑](images/blue.png)' }, { id: 'b', title: '나', body: '![빨강](images/red.png)' }];
    writeSite(content, articles, { 'ko/images/blue.png': BLUE, 'ko/images/red.png': RED });
    buildFeed({ contentDir: content, outDir: feed });
    writeSite(content, [articles[0]!, { id: 'b', title: '나', body: '![초록](images/green.png)' }], { 'ko/images/blue.png': BLUE, 'ko/images/green.png': GREEN });
    expect(buildFeed({ contentDir: content, outDir: feed })).toMatchObject({ revision: 2, assets: 2, assetsWritten: 1 });
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    const delta = checkDelta(read(feed, manifest.deltas[0]!.url));
    expect(delta.assets).toEqual([{ sha256: sha(GREEN), bytes: GREEN.length, type: 'image/png' }]);
    // The previous revision's picture stays one more revision for clients mid-sync.
    expect(readdirSync(join(feed, 'assets')).sort()).toEqual([sha(BLUE), sha(GREEN), sha(RED)].sort());
    writeSite(content, [articles[0]!], { 'ko/images/blue.png': BLUE });
    buildFeed({ contentDir: content, outDir: feed });
    expect(readdirSync(join(feed, 'assets')).sort()).toEqual([sha(BLUE), sha(GREEN)].sort());
  });
});

describe('syncing pictures', () => {
  let content: string;
  let feed: string;
  let server: FeedServer;
  let local: TestStore;

  const ARTICLES: TestArticle[] = [
    { id: 'a', title: '가', body: '![파랑](images/blue.png)' },
    { id: 'b', title: '나', body: '![빨강](images/red.png) 그리고 ![파랑 다시](images/blue.png)' },
    { id: 'c', title: '다', body: '그림 없음' },
  ];
  const PICTURES: Pictures = { 'ko/images/blue.png': BLUE, 'ko/images/red.png': RED, 'ko/images/green.png': GREEN };
  const source = () => syncSourceFor(server.url, { retry: fastRetry(), timeoutMs: 5_000 });
  const assetRequests = (): string[] => server.requests.filter((r) => r.path.includes('/assets/')).map((r) => r.path.split('/').pop()!);

  beforeEach(async () => {
    const root = tempDir();
    content = join(root, 'content');
    feed = join(root, 'feed');
    writeSite(content, ARTICLES, PICTURES);
    buildFeed({ contentDir: content, outDir: feed });
    server = await startFeedServer(feed);
    local = openTestStore();
  });
  afterEach(async () => {
    local.close();
    await server.close();
  });

  /** Revision 2: article b shows green instead of red; a new article d shows green too. */
  function buildRevisionTwo(): void {
    writeSite(content, [ARTICLES[0]!, { id: 'b', title: '나', body: '![초록](images/green.png)' }, ARTICLES[2]!, { id: 'd', title: '라', body: '![초록](images/green.png)' }], PICTURES);
    buildFeed({ contentDir: content, outDir: feed });
  }

  it('downloads each picture once, stores it with the articles, and reports it', async () => {
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 1, added: 3, assets: { added: 2, removed: 0 } });
    expect(assetRequests().sort()).toEqual([sha(BLUE), sha(RED)].sort());
    const fileBytes = server.requests.length > 0 ? readdirSync(join(feed, 'snapshots')).map((f) => readFileSync(join(feed, 'snapshots', f)).length)[0]! : 0;
    expect(report.bytesDownloaded).toBe(readFileSync(join(feed, 'manifest.json')).length + fileBytes + BLUE.length + RED.length);
    expect(local.store.getAsset(sha(BLUE))).toEqual({ type: 'image/png', data: BLUE, fileName: null });
    expect(local.store.articleAssets('b')).toEqual([
      { sha256: sha(RED), type: 'image/png', bytes: RED.length, alt: '빨강' },
      { sha256: sha(BLUE), type: 'image/png', bytes: BLUE.length, alt: '파랑 다시' },
    ]);
    expect(local.store.assetStats()).toEqual({ assets: 2, assetBytes: BLUE.length + RED.length });
  });

  it('follows a delta downloading only the new picture, and removes the one no article uses after the commit', async () => {
    await local.engine.sync(source());
    buildRevisionTwo();
    server.requests.length = 0;
    const report = await local.engine.sync(source());
    expect(server.requestsTo('.json').map((r) => r.path)).toEqual(['/manifest.json', '/deltas/delta-1-2.json']);
    expect(assetRequests()).toEqual([sha(GREEN)]);
    expect(report).toMatchObject({ revision: 2, added: 1, updated: 1, assets: { added: 1, removed: 1 } });
    expect(local.store.getAsset(sha(RED))).toBeNull();
    expect(local.store.assetStats()).toEqual({ assets: 2, assetBytes: BLUE.length + GREEN.length });

    server.requests.length = 0;
    const again = await local.engine.sync(source());
    expect(again).toMatchObject({ notModified: true, assets: { added: 0, removed: 0 } });
    expect(assetRequests()).toEqual([]);
  });

  it('keeps the last good copy whole when a picture does not match its sha256', async () => {
    await local.engine.sync(source());
    buildRevisionTwo();
    const before = contentState(local.store);
    server.fail(`/assets/${sha(GREEN)}`, { kind: 'replace', body: pngBytes(16, 16, [1, 2, 3]) });
    const error = await local.engine.sync(source()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('integrity');
    expect((error as SyncError).message).toContain(sha(GREEN));
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.getAsset(sha(RED))).not.toBeNull();
    expect(local.store.getAsset(sha(GREEN))).toBeNull();
  });

  it('keeps the last good copy whole when a picture download is cut off, and completes on the next sync', async () => {
    await local.engine.sync(source());
    buildRevisionTwo();
    const before = contentState(local.store);
    const cut = { kind: 'truncate', bytes: 20 } as const;
    server.fail(`/assets/${sha(GREEN)}`, cut, cut, cut, cut);
    const error = await local.engine.sync(source()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.articleAssets('b').map((a) => a.sha256)).toEqual([sha(RED), sha(BLUE)]);

    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 2, assets: { added: 1, removed: 1 } });
    expect(local.store.articleAssets('d')).toEqual([{ sha256: sha(GREEN), type: 'image/png', bytes: GREEN.length, alt: '초록' }]);
  });

  it('refuses a feed whose article uses a picture the feed does not carry, changing nothing', async () => {
    await local.engine.sync(source());
    buildRevisionTwo();
    const before = contentState(local.store);
    // The delta and the snapshot both lose their picture lists: no way to get green.
    for (const file of [...readdirSync(join(feed, 'deltas')).map((f) => `deltas/${f}`), read<FeedManifest>(feed, 'manifest.json').snapshot.url]) {
      const doc = read<Record<string, unknown>>(feed, file);
      doc.assets = [];
      const bytes = Buffer.from(`${JSON.stringify(doc)}\n`);
      writeFileSync(join(feed, file), bytes);
      const manifest = read<FeedManifest>(feed, 'manifest.json');
      for (const ref of [manifest.snapshot, ...manifest.deltas]) {
        if (ref.url === file) Object.assign(ref, { sha256: sha(bytes), bytes: bytes.length });
      }
      writeFileSync(join(feed, 'manifest.json'), JSON.stringify(manifest));
    }
    const error = await local.engine.sync(source()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(/refers to picture [0-9a-f]{64}, which the feed did not provide/);
    expect(contentState(local.store)).toEqual(before);
  });

  it('refuses a picture whose bytes are not the type the feed lists', async () => {
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    const snapshot = read<{ assets: Array<{ type: string }> }>(feed, manifest.snapshot.url);
    for (const asset of snapshot.assets) asset.type = 'image/gif';
    const bytes = Buffer.from(JSON.stringify(snapshot));
    writeFileSync(join(feed, manifest.snapshot.url), bytes);
    writeFileSync(join(feed, 'manifest.json'), JSON.stringify({ ...manifest, snapshot: { ...manifest.snapshot, sha256: sha(bytes), bytes: bytes.length } }));
    const error = await local.engine.sync(source()).catch((e: unknown) => e);
    expect((error as SyncError).message).toMatch(/is listed as image\/gif but its bytes are image\/png/);
    expect(local.store.articleCount()).toBe(0);
  });
});
