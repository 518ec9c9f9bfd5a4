/**
 * A feed behind a real nginx (Debian's nginx-light), configured with the README's "Hosting a
 * feed" rules, and behind a caching proxy in front of it, as a CDN is: gzip and gzip_static,
 * the cache headers, 304 on an unchanged manifest, a redirected feed folder, and a new
 * revision seen by clients at once while snapshots are served from the cache.
 * Skipped, with the reason, where nginx is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { findNginx, readmeNginxRules, startNginx, type Nginx } from '../support/nginx';
import { BASE_ARTICLES, buildTestFeed, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

const REPO = join(__dirname, '..', '..');
const found = findNginx();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (no decompression, no redirect following), to see exactly what the server sends. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe.skipIf('missing' in found)(`a feed hosted by nginx${'missing' in found ? ` (skipped: ${found.missing})` : ''}`, () => {
  let nginx: Nginx;
  let root: string;
  let feed: string;
  let content: string;
  let local: TestStore;
  const source = (url: string) => syncSourceFor(url, { retry: fastRetry(), timeoutMs: 10_000 });
  const build = (extra: number) =>
    buildTestFeed(content, feed, [...BASE_ARTICLES, ...Array.from({ length: extra }, (_, i) => ({ id: `news-${i}`, title: `새 소식 ${i}`, body: '긴 본문 '.repeat(200) }))], { precompress: true });

  beforeAll(async () => {
    root = tempDir();
    feed = join(root, 'site', 'feed');
    content = join(root, 'content');
    build(1);
    nginx = await startNginx((found as { binary: string }).binary, join(root, 'site'), readmeNginxRules(readFileSync(join(REPO, 'README.md'), 'utf8')));
    local = openTestStore();
  });

  afterAll(async () => {
    local?.close();
    await nginx?.close();
    removeTempDirs();
  });

  it('serves the manifest for revalidation and snapshots as immutable, gzip from the precompressed file', async () => {
    build(1);
    const manifest = await get(`${nginx.url}/feed/manifest.json`, { 'accept-encoding': 'gzip' });
    expect(manifest.status).toBe(200);
    expect(manifest.headers).toMatchObject({ 'cache-control': 'no-cache', 'content-encoding': 'gzip', 'content-type': 'application/json', vary: 'Accept-Encoding', etag: expect.any(String) });
    // gzip_static: the bytes sent are the builder's manifest.json.gz, not a compression of the moment.
    expect(manifest.body.equals(readFileSync(join(feed, 'manifest.json.gz')))).toBe(true);

    const plain = await get(`${nginx.url}/feed/manifest.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(join(feed, 'manifest.json')))).toBe(true);

    const { url } = (JSON.parse(plain.body.toString('utf8')) as { snapshot: { url: string } }).snapshot;
    const snapshot = await get(`${nginx.url}/feed/${url}`, { 'accept-encoding': 'gzip' });
    expect(snapshot.headers).toMatchObject({ 'cache-control': IMMUTABLE, 'content-encoding': 'gzip' });
  });

  it('answers 304 to a conditional request for an unchanged manifest', async () => {
    build(1);
    const first = await get(`${nginx.url}/feed/manifest.json`, { 'accept-encoding': 'gzip' });
    const again = await get(`${nginx.url}/feed/manifest.json`, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('syncs through nginx, and an unchanged feed is not modified', async () => {
    const { revision, articles } = build(1);
    expect(await local.engine.sync(source(`${nginx.url}/feed`))).toMatchObject({ revision, total: articles });
    expect(await local.engine.sync(source(`${nginx.url}/feed`))).toMatchObject({ revision, notModified: true });
  });

  it('follows a redirected feed folder', async () => {
    const moved = await get(`${nginx.url}/help/feed/manifest.json`);
    expect(moved).toMatchObject({ status: 301, headers: { location: '/feed/manifest.json' } });
    const { revision, articles } = build(1);
    const store = openTestStore();
    try {
      expect(await store.engine.sync(source(`${nginx.url}/help/feed`))).toMatchObject({ revision, total: articles });
    } finally {
      store.close();
    }
  });

  it('never serves a stale manifest.json.gz: the next build removes or rewrites it', async () => {
    // What `gzip -k` before an earlier deploy leaves, and gzip_static would serve for ever.
    const old = gzipSync(readFileSync(join(feed, 'manifest.json')));
    buildTestFeed(content, feed, BASE_ARTICLES.slice(0, 4), { precompress: false });
    writeFileSync(join(feed, 'manifest.json.gz'), old);
    const served = await get(`${nginx.url}/feed/manifest.json`, { 'accept-encoding': 'gzip' });
    expect(served.body.equals(old)).toBe(true); // the danger, with a real gzip_static

    const { revision } = buildTestFeed(content, feed, BASE_ARTICLES.slice(0, 3), { precompress: false });
    const after = await get(`${nginx.url}/feed/manifest.json`, { 'accept-encoding': 'gzip' });
    expect(after.headers['content-encoding']).toBe('gzip'); // gzip on: compressed on the fly now
    expect(JSON.parse(gunzipSync(after.body).toString('utf8'))).toMatchObject({ revision });
    const store = openTestStore();
    try {
      expect(await store.engine.sync(source(`${nginx.url}/feed`))).toMatchObject({ revision, total: 3 });
    } finally {
      store.close();
    }
  });

  it('behind a caching proxy, clients see a new revision at once while snapshots come from the cache', async () => {
    const { revision } = build(2);
    const store = openTestStore();
    try {
      const first = await store.engine.sync(source(`${nginx.cdnUrl}/feed`));
      expect(first).toMatchObject({ revision, notModified: false });
      // Immutable files are kept by the cache (one copy per Accept-Encoding, as Vary says).
      const snapshot = `${nginx.cdnUrl}/feed/snapshots/snapshot-${revision}.json`;
      await get(snapshot, { 'accept-encoding': 'gzip' });
      expect((await get(snapshot, { 'accept-encoding': 'gzip' })).headers['x-cache-status']).toBe('HIT');

      build(3);
      // The manifest is never answered from the cache without asking the origin…
      for (let i = 0; i < 2; i++) expect((await get(`${nginx.cdnUrl}/feed/manifest.json`, { 'accept-encoding': 'gzip' })).headers['x-cache-status']).not.toBe('HIT');
      // …so the new revision is there at once, through the same cache.
      expect(await store.engine.sync(source(`${nginx.cdnUrl}/feed`))).toMatchObject({ revision: revision + 1, total: 8, notModified: false });
      expect(await store.engine.sync(source(`${nginx.cdnUrl}/feed`))).toMatchObject({ revision: revision + 1, notModified: true });
    } finally {
      store.close();
    }
  });
});
