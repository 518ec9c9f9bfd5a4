/**
 * Syncs in other processes: a process killed with SIGKILL in the middle of a download or in
 * the middle of its write transaction leaves the last good copy readable and the next sync
 * unblocked (the lock dies with its process); and two processes never sync the same files at
 * once. Each test starts from its own copy of a store at revision 1 of a 2,000-article feed
 * whose revision 2 changes half of it (a long write transaction that spills into the WAL).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { startSyncChild, type SyncChild } from '../support/child-process';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { editArticles, generatedArticles, writeGeneratedFeed } from '../support/generated-feed';
import { contentState, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

const ARTICLES = 2_000;

let server: FeedServer;
let template: string;
let opened: TestStore[] = [];
let children: SyncChild[] = [];

beforeAll(async () => {
  const feedDir = join(tempDir(), 'feed');
  const first = generatedArticles(ARTICLES);
  writeGeneratedFeed(feedDir, first);
  server = await startFeedServer(feedDir);
  const seed = openTestStore();
  await seed.engine.sync(syncSourceFor(server.url, { retry: fastRetry() }));
  seed.store.db.pragma('wal_checkpoint(TRUNCATE)');
  seed.close();
  template = seed.files.content;
  writeGeneratedFeed(feedDir, editArticles(first, 0.5, 1));
});

afterEach(async () => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) await child.kill9();
  for (const store of opened) store.close();
  children = [];
  opened = [];
});

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

/** A store of its own at revision 1 (a copy of the template). */
function localAtRevisionOne(): TestStore {
  const dir = tempDir();
  copyFileSync(template, join(dir, 'content.db'));
  const local = openTestStore(dir);
  opened.push(local);
  return local;
}

function child(local: TestStore, flags: string[] = []): SyncChild {
  const started = startSyncChild(local.files.content, local.files.syncLock, server.url, flags);
  children.push(started);
  return started;
}

const source = () => syncSourceFor(server.url, { retry: fastRetry() });

/** Opens the file as a freshly started app would and checks that it is whole. */
function reopen(local: TestStore): ContentStore {
  const { store, recovered } = ContentStore.open(local.files.content);
  expect(recovered).toBeNull();
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  return store;
}

async function expectIntactAndSyncable(local: TestStore, before: ReturnType<typeof contentState>): Promise<void> {
  local.close();
  const store = reopen(local);
  try {
    expect(contentState(store)).toEqual(before);
    expect(store.getArticle('article-0')?.title).toMatch(/#0$/);
    expect(store.listArticles({ limit: 5 })).toHaveLength(5);
    const report = await new SyncEngine({ store, lockFile: local.files.syncLock }).sync(source());
    expect(report).toMatchObject({ revision: 2, notModified: false, total: ARTICLES });
    expect(store.getArticle('article-0')?.title).toMatch(/ · 1$/);
  } finally {
    store.close();
  }
}

describe('a sync process killed with SIGKILL', () => {
  it('in the middle of a download leaves the last good copy readable and the next sync unblocked', async () => {
    const local = localAtRevisionOne();
    const before = contentState(local.store);
    server.fail('delta-1-2.json', { kind: 'slow', chunkBytes: 65_536, delayMs: 20 });
    const syncer = child(local);
    await syncer.waitFor(/^progress download [1-9]/);
    await syncer.kill9();
    await expectIntactAndSyncable(local, before);
  });

  it('inside its write transaction leaves the last good copy readable and the next sync unblocked', async () => {
    const local = localAtRevisionOne();
    const before = contentState(local.store);
    const syncer = child(local, ['--hold-at-apply']);
    await syncer.waitFor(/^holding$/);
    expect(syncer.lines.some((line) => /^progress apply \d+ [1-9]/.test(line))).toBe(true);
    await syncer.kill9();
    await expectIntactAndSyncable(local, before);
  });
});

describe('two processes syncing the same files', () => {
  it('lets only one of them sync; the other is told it is busy and changes nothing', async () => {
    const local = localAtRevisionOne();
    server.fail('delta-1-2.json', { kind: 'slow', chunkBytes: 65_536, delayMs: 20 });
    const syncer = child(local);
    await syncer.waitFor(/^progress download [1-9]/);
    const busy = await local.engine.sync(source()).catch((e: unknown) => e);
    expect(busy).toMatchObject({ kind: 'busy' });
    expect(local.store.syncState()).toMatchObject({ revision: 1, lastError: null, failures: 0 });

    const done = await syncer.waitFor(/^(done|error)/);
    expect(done).toMatch(/^done .*"revision":2/);
    await syncer.exited;
    expect(await local.engine.sync(source())).toMatchObject({ revision: 2, notModified: true, total: ARTICLES });
  });

  it('tells a second process it is busy while this one syncs', async () => {
    const local = localAtRevisionOne();
    let open!: () => void;
    server.fail('delta-1-2.json', { kind: 'gate', until: new Promise<void>((resolve) => (open = resolve)) });
    // sync() takes the lock before its first await; the gated delta keeps it held.
    const syncing = local.engine.sync(source());
    const other = child(local);
    try {
      expect(await other.waitFor(/^(busy|done|error)/)).toBe('busy');
    } finally {
      open();
    }
    expect(await syncing).toMatchObject({ revision: 2, total: ARTICLES });
  });
});
