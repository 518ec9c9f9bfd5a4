/**
 * `feed build --precompress`: .gz and .br copies of the manifest, snapshots and deltas that
 * always say what their file says, and no stale copy left behind — whoever wrote it — so a
 * server with `gzip_static` never serves an old manifest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FeedManifest } from '../../electron/core/feed/format';
import type { TestArticle } from '../support/content';
import { BASE_ARTICLES, buildTestFeed } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const manifestOf = (feed: string): FeedManifest => JSON.parse(readFileSync(join(feed, 'manifest.json'), 'utf8')) as FeedManifest;
const compressedIn = (feed: string): string[] =>
  readdirSync(feed, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(gz|br)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(feed.length + 1))
    .sort();

function expectCopiesMatch(feed: string, path: string): void {
  const original = readFileSync(join(feed, path));
  expect(gunzipSync(readFileSync(join(feed, `${path}.gz`))).equals(original)).toBe(true);
  expect(brotliDecompressSync(readFileSync(join(feed, `${path}.br`))).equals(original)).toBe(true);
}

function setup(): { content: string; feed: string; build: (articles: TestArticle[], precompress?: boolean) => ReturnType<typeof buildTestFeed> } {
  const root = tempDir();
  const content = join(root, 'content');
  const feed = join(root, 'feed');
  return { content, feed, build: (articles, precompress = true) => buildTestFeed(content, feed, articles, { precompress, maxDeltas: 1 }) };
}

describe('feed build --precompress', () => {
  it('writes .gz and .br copies of the manifest, the snapshot and each delta', () => {
    const { feed, build } = setup();
    expect(build(BASE_ARTICLES).precompressed).toEqual({ written: 4, removed: 0 });
    expect(compressedIn(feed)).toEqual(['manifest.json.br', 'manifest.json.gz', 'snapshots/snapshot-1.json.br', 'snapshots/snapshot-1.json.gz']);
    expectCopiesMatch(feed, 'manifest.json');
    expectCopiesMatch(feed, 'snapshots/snapshot-1.json');

    build([...BASE_ARTICLES, { id: 'new-one', title: '새 도움말' }]);
    const manifest = manifestOf(feed);
    expect(manifest.revision).toBe(2);
    for (const path of ['manifest.json', manifest.snapshot.url, ...manifest.deltas.map((d) => d.url)]) expectCopiesMatch(feed, path);
  });

  it('keeps the copies in step with the files the manifest names, and removes the rest', () => {
    const { feed, build } = setup();
    build(BASE_ARTICLES);
    build([...BASE_ARTICLES, { id: 'second', title: '두 번째' }]);
    build([...BASE_ARTICLES, { id: 'second', title: '두 번째' }, { id: 'third', title: '세 번째' }]);
    // One delta kept (2 → 3); the previous snapshot stays one more revision, with its copies.
    expect(compressedIn(feed)).toEqual([
      'deltas/delta-2-3.json.br', 'deltas/delta-2-3.json.gz',
      'manifest.json.br', 'manifest.json.gz',
      'snapshots/snapshot-2.json.br', 'snapshots/snapshot-2.json.gz', 'snapshots/snapshot-3.json.br', 'snapshots/snapshot-3.json.gz',
    ]);
    expect(JSON.parse(gunzipSync(readFileSync(join(feed, 'manifest.json.gz'))).toString('utf8'))).toMatchObject({ revision: 3 });
  });

  it('adds the copies to an unchanged feed when asked, and drops them when no longer asked', () => {
    const { feed, build } = setup();
    build(BASE_ARTICLES, false);
    expect(compressedIn(feed)).toEqual([]);
    expect(build(BASE_ARTICLES, true)).toMatchObject({ unchanged: true, precompressed: { written: 4, removed: 0 } });
    expectCopiesMatch(feed, 'manifest.json');
    // Without --precompress, copies that still match stay (they are right); the manifest's goes as it changes.
    build([...BASE_ARTICLES, { id: 'x', title: '엑스' }], false);
    expect(compressedIn(feed)).toEqual(['snapshots/snapshot-1.json.br', 'snapshots/snapshot-1.json.gz']);
  });
});

describe('stale precompressed files made by others (gzip -k, a deploy script)', () => {
  it('removes a manifest.json.gz that no longer says what manifest.json says, so gzip_static cannot serve an old feed', () => {
    const { feed, build } = setup();
    build(BASE_ARTICLES, false);
    // What `gzip -k manifest.json snapshots/*.json` leaves after a deploy.
    writeFileSync(join(feed, 'manifest.json.gz'), gzipSync(readFileSync(join(feed, 'manifest.json'))));
    writeFileSync(join(feed, 'snapshots/snapshot-1.json.gz'), gzipSync(readFileSync(join(feed, 'snapshots/snapshot-1.json'))));
    writeFileSync(join(feed, 'manifest.json.sig.gz'), gzipSync(Buffer.from('an old signature')));

    const report = build([...BASE_ARTICLES, { id: 'moved-on', title: '새 소식' }], false);
    expect(report).toMatchObject({ revision: 2, precompressed: { written: 0, removed: 2 } });
    expect(existsSync(join(feed, 'manifest.json.gz'))).toBe(false);
    expect(existsSync(join(feed, 'manifest.json.sig.gz'))).toBe(false);
    // Still right: the snapshot of revision 1 did not change and is kept one more revision.
    expect(compressedIn(feed)).toEqual(['snapshots/snapshot-1.json.gz']);
  });

  it('rewrites a corrupt or stale copy when precompressing', () => {
    const { feed, build } = setup();
    build(BASE_ARTICLES);
    writeFileSync(join(feed, 'snapshots/snapshot-1.json.br'), Buffer.from('not brotli'));
    expect(build(BASE_ARTICLES).precompressed).toEqual({ written: 1, removed: 0 });
    expectCopiesMatch(feed, 'snapshots/snapshot-1.json');
  });
});
