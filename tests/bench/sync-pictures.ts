/**
 * The pictures part of `npm run bench:sync`: a generated help center of 20,000 articles, 5,000
 * of them with a picture of their own (80×60 PNGs of noise, about 14 KB each, so they compress
 * like screenshots do not), served over HTTP on 127.0.0.1:
 *
 * - full sync into an empty store (snapshot and every picture);
 * - a delta that changes the pictures of 50 articles (bytes downloaded should be those 50
 *   pictures and a small delta, not the feed);
 * - a no-change sync;
 * - baseline: the full sync of the same articles without pictures.
 *
 * Each case runs in its own Node process, so its peak memory (maxRSS) is its own. Figures, not
 * pass/fail. Runs alone too: `npx tsx tests/bench/sync-pictures.ts [--articles n] [--pictures n]`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assetImgHtml, sniffImage } from '../../shared/assets';
import { categoriesOf, type ContentAsset } from '../../electron/core/feed/content';
import { writeFeedRevision } from '../../electron/core/feed/builder';
import type { FeedArticle } from '../../electron/core/feed/format';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { startFeedServer } from '../support/feed-server';
import { generatedArticles } from '../support/generated-feed';
import { pngOfNoise } from '../support/pictures';
import { prng } from '../support/prng';

const TSX = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface CaseResult {
  ms: number;
  bytesDownloaded: number;
  maxRssBytes: number;
  assetsAdded: number;
  assetsRemoved: number;
  notModified: boolean;
}

/** A picture of article `i` in edition `edition`: different bytes for each. */
function picture(i: number, edition: number): ContentAsset {
  const random = prng(i * 7919 + edition * 104_729 + 1);
  const bytes = pngOfNoise(80, 60, () => Math.floor(random() * 256));
  return { sha256: createHash('sha256').update(bytes).digest('hex'), type: 'image/png', bytes };
}

/** The articles with the first `pictures` of them showing a picture; `changed` of those in a new edition. */
function withPictures(articles: readonly FeedArticle[], pictures: number, changed = 0): { articles: FeedArticle[]; assets: ContentAsset[] } {
  const assets: ContentAsset[] = [];
  const out = articles.map((article, i) => {
    if (i >= pictures) return article;
    const asset = picture(i, i < changed ? 1 : 0);
    assets.push(asset);
    const info = sniffImage(asset.bytes)!;
    const img = assetImgHtml({ sha256: asset.sha256, alt: `${article.title} 화면`, width: info.width, height: info.height });
    return { ...article, bodyHtml: `${article.bodyHtml}\n<p>${img}</p>` };
  });
  return { articles: out.sort((a, b) => (a.id < b.id ? -1 : 1)), assets };
}

/** One sync in this process (the child side). */
async function runCase(url: string, dbFile: string): Promise<void> {
  const { store } = ContentStore.open(dbFile);
  const engine = new SyncEngine({ store, lockFile: `${dbFile}.lock` });
  const start = performance.now();
  const report = await engine.sync(syncSourceFor(url));
  const ms = performance.now() - start;
  store.close();
  const result: CaseResult = {
    ms,
    bytesDownloaded: report.bytesDownloaded,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    assetsAdded: report.assets.added,
    assetsRemoved: report.assets.removed,
    notModified: report.notModified,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs one case in a child process (asynchronously: the feed server lives in this one). */
function inChild(url: string, dbFile: string): Promise<CaseResult> {
  return new Promise((resolveCase, reject) => {
    const child = spawn(process.execPath, [TSX, __filename, '--child', url, '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`a picture sync case failed: ${err}`));
      else resolveCase(JSON.parse(out.trim().split('\n').at(-1)!) as CaseResult);
    });
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? mb(bytes) : `${(bytes / 1024).toFixed(1)} KB`);
const time = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Generates the feeds, runs every case in its own process, and prints the table. */
export async function benchSyncPictures(options: { articles?: number; pictures?: number; changed?: number } = {}): Promise<void> {
  const count = options.articles ?? 20_000;
  const pictures = Math.min(count, options.pictures ?? 5_000);
  const changed = Math.min(pictures, options.changed ?? 50);
  const root = mkdtempSync(join(tmpdir(), 'doum-bench-pictures-'));
  try {
    const base = generatedArticles(count);
    const plainDir = join(root, 'plain');
    writeFeedRevision({ articles: [...base].sort((a, b) => (a.id < b.id ? -1 : 1)), categories: categoriesOf(base) }, { outDir: plainDir });
    const feedDir = join(root, 'feed');
    const first = withPictures(base, pictures);
    writeFeedRevision({ ...first, categories: categoriesOf(first.articles) }, { outDir: feedDir });
    const pictureBytes = first.assets.reduce((n, a) => n + a.bytes.length, 0);
    process.stdout.write(
      `\nsync with pictures: ${count.toLocaleString('en-US')} articles, ${pictures.toLocaleString('en-US')} pictures (${mb(pictureBytes)}), ` +
        `HTTP on 127.0.0.1; each case in its own process (peak memory = its maxRSS)\n\n`,
    );
    const plainServer = await startFeedServer(plainDir);
    const server = await startFeedServer(feedDir);
    try {
      const baseline = await inChild(plainServer.url, join(root, 'plain.db'));
      const db = join(root, 'pictures.db');
      const full = await inChild(server.url, db);
      const second = withPictures(base, pictures, changed);
      const built = writeFeedRevision({ ...second, categories: categoriesOf(second.articles) }, { outDir: feedDir });
      const changedBytes = second.assets.slice(0, changed).reduce((n, a) => n + a.bytes.length, 0);
      copyFileSync(db, join(root, 'before-delta.db'));
      const delta = await inChild(server.url, db);
      const noChange = await inChild(server.url, db);
      if (!existsSync(db) || delta.assetsAdded !== changed || !noChange.notModified) {
        throw new Error(`the delta stored ${delta.assetsAdded} pictures (expected ${changed}); no-change: ${noChange.notModified}`);
      }
      const rows = [
        ['full sync, no pictures (baseline)', time(baseline.ms), kb(baseline.bytesDownloaded), mb(baseline.maxRssBytes), '—'],
        [`full sync, ${pictures.toLocaleString('en-US')} pictures`, time(full.ms), kb(full.bytesDownloaded), mb(full.maxRssBytes), `+${full.assetsAdded}`],
        [`delta: ${changed} pictures changed (${built.updated} articles)`, time(delta.ms), kb(delta.bytesDownloaded), mb(delta.maxRssBytes), `+${delta.assetsAdded} −${delta.assetsRemoved}`],
        ['no-change sync (304)', time(noChange.ms), kb(noChange.bytesDownloaded), mb(noChange.maxRssBytes), '—'],
      ];
      const header = ['case', 'time', 'downloaded', 'peak memory', 'pictures'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
      process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}\n${rows.map(format).join('\n')}\n`);
      process.stdout.write(
        `\npictures cost ${(full.ms / baseline.ms).toFixed(2)}× the time of the text-only full sync; ` +
          `the delta downloaded ${kb(delta.bytesDownloaded)}, of which ${kb(changedBytes)} are the ${changed} changed pictures\n`,
      );
    } finally {
      await plainServer.close();
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, db: { type: 'string' }, articles: { type: 'string' }, pictures: { type: 'string' } } });
  const run = values.child
    ? runCase(values.child, values.db!)
    : benchSyncPictures({ articles: values.articles ? Number(values.articles) : undefined, pictures: values.pictures ? Number(values.pictures) : undefined });
  run.catch((error: unknown) => {
    process.stderr.write(`bench:sync pictures failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
