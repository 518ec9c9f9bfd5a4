/**
 * `npm run bench:sync`: the sync engine on a generated help center of 20,000 articles (Korean
 * and English bodies of about 1 KB of text each), served over HTTP on 127.0.0.1:
 *
 * - full import into an empty store (download, sha256, validation, sanitizing, one transaction);
 * - a 1% delta (revision 1 → 2: edits, deletions, additions);
 * - a no-change sync (one conditional request answered 304);
 * - the same full import done naively — the same download and per-record work, but one INSERT
 *   per article (and per link), each its own autocommit transaction — and the ratio.
 *
 * - pictures (./sync-pictures.ts): the same size of help center with 5,000 pictures — full
 *   sync, a delta changing 50 pictures, a no-change sync — time, bytes and peak memory each;
 * - peak memory of a full import at 20,000 and 100,000 articles, each in a process of its own
 *   (tests/bench/sync-memory.ts), beside the snapshot and database sizes: the size caps bound it.
 *
 * Options: --articles <n> (default 20000), --runs <n> (default 3; the median is shown),
 * --memory-sizes <n,n> (default 20000,100000; 0 skips). Figures, not pass/fail.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleKey, checkSnapshot, FEED_LIMITS, type FeedManifest } from '../../electron/core/feed/format';
import { htmlToText } from '../../electron/core/feed/html-text';
import { articleLinksIn, sanitizeArticleHtml } from '../../electron/core/feed/sanitize';
import { openDatabase } from '../../electron/core/store/database';
import { CONTENT_MIGRATIONS, ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import { httpGet } from '../../electron/core/sync/http';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { startFeedServer } from '../support/feed-server';
import { editArticles, generatedArticles, writeGeneratedFeed } from '../support/generated-feed';
import { benchSyncPictures } from './sync-pictures';

const { values } = parseArgs({ options: { articles: { type: 'string' }, runs: { type: 'string' }, 'memory-sizes': { type: 'string' } } });
const ARTICLES = Number(values.articles ?? 20_000);
const RUNS = Number(values.runs ?? 3);
const MEMORY_SIZES = (values['memory-sizes'] ?? '20000,100000').split(',').map(Number).filter((n) => n > 0);

interface Row {
  name: string;
  records: number;
  ms: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function freshStore(root: string, name: string): { store: ContentStore; engine: SyncEngine; dispose: () => void } {
  const dir = mkdtempSync(join(root, `${name}-`));
  const { store } = ContentStore.open(join(dir, 'content.db'));
  return {
    store,
    engine: new SyncEngine({ store, lockFile: join(dir, 'sync.lock') }),
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The straightforward way: the same download, checks and per-record work as the engine, then
 * one INSERT per article and per link, each committed on its own.
 */
async function naiveImport(url: string, manifest: FeedManifest, root: string): Promise<number> {
  const dir = mkdtempSync(join(root, 'naive-'));
  const db = openDatabase(join(dir, 'content.db'), CONTENT_MIGRATIONS);
  try {
    const response = await httpGet(new URL(manifest.snapshot.url, `${url}/`).href);
    if (createHash('sha256').update(response.body).digest('hex') !== manifest.snapshot.sha256) throw new Error('sha256 mismatch');
    const snapshot = checkSnapshot(JSON.parse(response.body.toString('utf8')));
    for (const raw of snapshot.articles) {
      const bodyHtml = sanitizeArticleHtml(raw.bodyHtml);
      const article = { ...raw, bodyHtml, links: [...new Set([...raw.links, ...articleLinksIn(bodyHtml)])] };
      db.prepare(
        `INSERT INTO articles (id, title, body_html, body_text, service, category, platform, locale, topic_group, tags, updated_at, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        article.id, article.title, article.bodyHtml, htmlToText(article.bodyHtml), article.service, article.category, article.platform,
        article.locale, article.group, JSON.stringify(article.tags), article.updatedAt, createHash('sha256').update(articleKey(article)).digest('hex'),
      );
      for (const target of article.links) db.prepare('INSERT OR IGNORE INTO article_links (from_id, to_id) VALUES (?, ?)').run(article.id, target);
    }
    for (const c of snapshot.categories) db.prepare('INSERT OR REPLACE INTO categories (locale, path, position) VALUES (?, ?, ?)').run(c.locale, c.path, c.position);
    return snapshot.articles.length;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: Row[], baseline: Row, full: Row): void {
  const header = ['case', 'records', 'time', 'articles/s'];
  const lines = rows.map((r) => [
    r.name,
    r.records.toLocaleString('en-US'),
    r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(1)} ms`,
    r.records > 0 ? Math.round(r.records / (r.ms / 1000)).toLocaleString('en-US') : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}\n${lines.map(format).join('\n')}\n`);
  process.stdout.write(`\nbatched import vs naive row-by-row: ${(baseline.ms / full.ms).toFixed(1)}× faster (${Math.round(baseline.ms)} ms / ${Math.round(full.ms)} ms)\n`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'doum-bench-sync-'));
  const feedDir = join(root, 'feed');
  try {
    let start = performance.now();
    const first = generatedArticles(ARTICLES);
    writeGeneratedFeed(feedDir, first);
    const manifest1 = JSON.parse(readFileSync(join(feedDir, 'manifest.json'), 'utf8')) as FeedManifest;
    process.stdout.write(
      `sync benchmark: ${ARTICLES.toLocaleString('en-US')} articles, snapshot ${mb(manifest1.snapshot.bytes ?? 0)}, ` +
        `feed written in ${((performance.now() - start) / 1000).toFixed(1)} s; HTTP on 127.0.0.1; median of ${RUNS} runs\n\n`,
    );
    const server = await startFeedServer(feedDir);
    const source = () => syncSourceFor(server.url);
    try {
      // Full import into an empty store, and the naive baseline, each RUNS times.
      const fullTimes: number[] = [];
      const naiveTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const local = freshStore(root, 'full');
        fullTimes.push(await timed(() => local.engine.sync(source())));
        local.dispose();
        naiveTimes.push(await timed(() => naiveImport(server.url, manifest1, root)));
      }

      // 1% delta and no-change syncs on a store at revision 1.
      const local = freshStore(root, 'delta');
      await local.engine.sync(source());
      const second = editArticles(first, 0.01, 1);
      start = performance.now();
      const built = writeGeneratedFeed(feedDir, second);
      const deltaRecords = built.added + built.updated + built.deleted;
      const deltaTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Back to revision 1 each run: restore the articles the delta changed, then sync again.
        if (run > 0) {
          local.store.applyChanges([{ kind: 'replace', articles: first, categories: null }], { revision: 1, etag: null, lastModified: null });
        }
        deltaTimes.push(await timed(() => local.engine.sync(source())));
      }
      const noChangeTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) noChangeTimes.push(await timed(() => local.engine.sync(source())));
      const last = local.store.syncState();
      local.dispose();
      if (last.revision !== 2) throw new Error(`the delta runs ended at revision ${last.revision}, not 2`);

      const full = { name: 'full import (snapshot)', records: ARTICLES, ms: median(fullTimes) };
      const baseline = { name: 'naive row-by-row import', records: ARTICLES, ms: median(naiveTimes) };
      printTable(
        [
          full,
          { name: `1% delta (${built.added} added, ${built.updated} updated, ${built.deleted} deleted)`, records: deltaRecords, ms: median(deltaTimes) },
          { name: 'no-change sync (304)', records: 0, ms: median(noChangeTimes) },
          baseline,
        ],
        baseline,
        full,
      );
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  await benchSyncPictures({ articles: ARTICLES });
}

interface MemoryFigures {
  articles: number;
  rssBefore: number;
  peakRss: number;
  dbBytes: number;
}

/** Peak memory of one full import per size, each in a fresh process. */
async function memoryTable(): Promise<void> {
  if (MEMORY_SIZES.length === 0) return;
  const rows: string[][] = [];
  for (const size of MEMORY_SIZES) {
    const root = mkdtempSync(join(tmpdir(), 'doum-bench-memory-'));
    try {
      const feedDir = join(root, 'feed');
      writeGeneratedFeed(feedDir, generatedArticles(size));
      const manifest = JSON.parse(readFileSync(join(feedDir, 'manifest.json'), 'utf8')) as FeedManifest;
      const server = await startFeedServer(feedDir);
      try {
        // Asynchronous, so this process's feed server keeps answering the child.
        const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          const run = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'sync-memory.ts'), '--url', server.url, '--dir', root]);
          let stdout = '';
          let stderr = '';
          run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          run.on('close', (status) => resolve({ status, stdout, stderr }));
        });
        if (child.status !== 0) throw new Error(`the memory run at ${size} articles failed: ${child.stderr}`);
        const figures = JSON.parse(child.stdout) as MemoryFigures;
        rows.push([size.toLocaleString('en-US'), mb(manifest.snapshot.bytes ?? 0), mb(figures.dbBytes), mb(figures.rssBefore), mb(figures.peakRss)]);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const header = ['articles', 'snapshot', 'database', 'RSS before', 'peak RSS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('   ');
  process.stdout.write(`\npeak memory of a full import (one process per size; snapshot cap ${mb(FEED_LIMITS.snapshotBytes)})\n`);
  process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}\n${rows.map(format).join('\n')}\n`);
}

main().then(memoryTable).catch((error: unknown) => {
  process.stderr.write(`bench:sync failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
