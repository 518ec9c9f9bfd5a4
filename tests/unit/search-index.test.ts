/**
 * The persisted index: built off the calling thread, saved with the content, loaded at
 * start-up when it matches, and rebuilt — never served — when it is missing, stale, of an
 * older engine, or damaged.
 */
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildFeed } from '../../electron/core/feed/builder';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import { ENGINE_VERSION, SearchEngine, type IndexedArticle } from '../../electron/core/search/engine';
import { IndexFormatError } from '../../electron/core/search/index-codec';
import { workerIndexBuilder, type IndexWorkerData } from '../../electron/core/search/index-builder';
import { FolderFeedSource } from '../../electron/core/sync/feed-source';
import { writeContent } from '../support/content';
import { removeTempDirs, tempDir } from '../support/temp';
import { article, sampleArticles } from './search-fixtures';
import { openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

const ARTICLES = [
  { id: 'delete-message', title: '메시지를 삭제하려면 어떻게 하나요?', body: '메시지를 길게 누르고 삭제를 누릅니다.' },
  { id: 'report-message', title: '메시지를 신고하려면 어떻게 하나요?', body: '신고한 메시지는 운영팀이 검토합니다.' },
];

function feedOf(articles: typeof ARTICLES, outDir = join(tempDir(), 'feed')): string {
  buildFeed({ contentDir: writeContent(tempDir(), articles), outDir });
  return outDir;
}

async function open(db: string, feedDir: string): Promise<HelpCenter> {
  return openTestHelpCenter({
    files: dataFilesForContentDb(db),
    bundledFeedDir: feedDir,
    hostOs: 'macos',
  });
}

async function ids(center: HelpCenter, text: string): Promise<string[]> {
  return (await center.service.search({ text })).results.map((hit) => hit.id);
}

describe('the persisted search index', () => {
  it('is built and saved on first start, and loaded — not rebuilt — on the next', async () => {
    const feed = feedOf(ARTICLES);
    const db = join(tempDir(), 'content.db');
    const first = await open(db, feed);
    expect(first.startup.searchIndex).toBe('rebuilt');
    expect(first.content.loadSearchIndex()?.engineVersion).toBe(ENGINE_VERSION);
    const before = await ids(first, '삭제');
    first.close();

    const second = await open(db, feed);
    try {
      expect(second.startup.searchIndex).toBe('loaded');
      expect(await ids(second, '삭제')).toEqual(before);
      expect(before).toEqual(['delete-message']);
    } finally {
      second.close();
    }
  });

  it('is rebuilt when it was made by another engine version, for other content, or is damaged', async () => {
    const feed = feedOf(ARTICLES);
    const db = join(tempDir(), 'content.db');
    (await open(db, feed)).close();
    const tamper = async (change: (center: HelpCenter) => void): Promise<HelpCenter> => {
      const center = await open(db, feed);
      change(center);
      center.close();
      return open(db, feed);
    };
    const cases: Array<(center: HelpCenter) => void> = [
      (c) => c.content.saveSearchIndex({ ...c.content.loadSearchIndex()!, engineVersion: 'doum-search/0' }),
      (c) => c.content.saveSearchIndex({ ...c.content.loadSearchIndex()!, contentHash: 'not-this-content' }),
      (c) => {
        const saved = c.content.loadSearchIndex()!;
        const data = Buffer.from(saved.data);
        data[data.length - 10] = data[data.length - 10]! ^ 0xff;
        c.content.saveSearchIndex({ ...saved, data });
      },
      (c) => c.content.saveSearchIndex({ ...c.content.loadSearchIndex()!, data: Buffer.from('{"not":"an index"}') }),
    ];
    for (const change of cases) {
      const center = await tamper(change);
      try {
        expect(center.startup.searchIndex).toBe('rebuilt');
        expect(await ids(center, '신고')).toEqual(['report-message']);
      } finally {
        center.close();
      }
    }
  });

  it('follows a sync: new articles are found and deleted ones are gone', async () => {
    const first = feedOf(ARTICLES);
    const db = join(tempDir(), 'content.db');
    const center = await open(db, first);
    try {
      const next = feedOf([{ id: 'block-friend', title: '친구를 차단하려면 어떻게 하나요?', body: '차단한 친구는 메시지를 보낼 수 없습니다.' }, ARTICLES[0]!]);
      await center.sync.sync(new FolderFeedSource(next, 'test'));
      await center.search.rebuild();
      expect(await ids(center, '차단')).toEqual(['block-friend']);
      expect(await ids(center, '신고')).toEqual([]);
    } finally {
      center.close();
    }
  });
});

describe('the index format', () => {
  it('round-trips through bytes to an engine that answers the same', () => {
    const built = SearchEngine.build(sampleArticles());
    const loaded = SearchEngine.load(built.serialize(), sampleArticles());
    for (const text of ['메시지 삭제', 'ㅅㄱ', 'tlsrh', 'report', '메시ㅈ', '맥 로그아웃']) {
      const a = built.search({ text }, { platform: 'macos' });
      const b = loaded.search({ text }, { platform: 'macos' });
      expect({ ...b, tookMs: 0 }).toEqual({ ...a, tookMs: 0 });
    }
    expect(loaded.serialize().equals(built.serialize())).toBe(true);
  });

  it('round-trips with empty sections: no articles, or no Latin words', () => {
    for (const articles of [[], [article('a', '메시지', '본문')]]) {
      const engine = SearchEngine.load(SearchEngine.build(articles).serialize(), articles);
      expect(engine.search({ text: '메시지' }, { platform: 'macos' }).results.map((hit) => hit.id)).toEqual(articles.map((a) => a.id));
    }
  });

  it('refuses bytes that are not an index, and an index built for other articles', () => {
    const articles = [article('a', '메시지', '본문'), article('b', '삭제', '본문')];
    const bytes = SearchEngine.build(articles).serialize();
    expect(() => SearchEngine.load(Buffer.from('garbage'), articles)).toThrow(IndexFormatError);
    expect(() => SearchEngine.load(bytes.subarray(0, bytes.length - 4), articles)).toThrow(IndexFormatError);
    expect(() => SearchEngine.load(bytes, [articles[0]!])).toThrow(IndexFormatError);
    expect(() => SearchEngine.load(bytes, [articles[0]!, article('c', '다른 글', '본문')])).toThrow(IndexFormatError);
    // The same articles in another order are fine: documents are matched by id.
    expect(SearchEngine.load(bytes, [...articles].reverse()).search({ text: '삭제' }, { platform: 'macos' }).results[0]!.id).toBe('b');
  });

  const indexWorkers = (): { create: (options: WorkerOptions) => Worker; running: () => number; started: () => number } => {
    const tsx = require.resolve('tsx/cjs');
    const entry = join(__dirname, '..', '..', 'electron', 'core', 'search', 'index-worker.ts');
    let running = 0;
    let started = 0;
    const create = (options: WorkerOptions): Worker => {
      const worker = new Worker(entry, { ...options, execArgv: ['--require', tsx] });
      running++;
      started++;
      worker.once('exit', () => running--);
      return worker;
    };
    return { create, running: () => running, started: () => started };
  };
  /** The sample help center again and again (ten times: 2,080 articles, enough for two workers). */
  const manyArticles = (copies = 10): IndexedArticle[] => Array.from({ length: copies }, (_, copy) => sampleArticles().map((a) => ({ ...a, id: `${a.id}-${copy}` }))).flat();

  it('is built in a worker thread, off the calling thread', async () => {
    const articles = sampleArticles();
    const bytes = await workerIndexBuilder(indexWorkers().create)(articles);
    const engine = SearchEngine.load(bytes, articles);
    expect(engine.search({ text: '메시지 삭제' }, { platform: 'windows' }).results[0]!.id).toBe('delete-message-windows');
  });

  it.each([2, 3])('is built by %i workers into the same bytes as in one thread', async (count) => {
    const workers = indexWorkers();
    const articles = manyArticles(count === 2 ? 10 : 15);
    const bytes = await workerIndexBuilder(workers.create, count)(articles);
    expect(bytes.equals(SearchEngine.build(articles).serialize())).toBe(true);
    // As many workers did it (one joined the others' parts, each encoded a share of the
    // postings), and all have ended.
    expect(workers.started()).toBe(count);
    await vi.waitFor(() => expect(workers.running()).toBe(0));
  });

  it("fails with the worker's reason, and stops every worker, when one part cannot be built", async () => {
    const workers = indexWorkers();
    // The worker of the second run gets too little memory for its part, as on a starved machine.
    const starved = (options: WorkerOptions): Worker => workers.create((options.workerData as IndexWorkerData).role === 'part' ? { ...options, resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } } : options);
    await expect(workerIndexBuilder(starved, 2)(manyArticles())).rejects.toThrow(/^the search index could not be built: .*memory/);
    await vi.waitFor(() => expect(workers.running()).toBe(0));
  });

  it('stops the workers it started when an article cannot be read', async () => {
    const workers = indexWorkers();
    const articles = manyArticles();
    articles[0] = { ...articles[0]!, tags: 5 as unknown as string[] };
    await expect(workerIndexBuilder(workers.create, 2)(articles)).rejects.toThrow(TypeError);
    expect(workers.started()).toBe(2);
    await vi.waitFor(() => expect(workers.running()).toBe(0));
  });
});
