/**
 * The sync engine against real feeds on a real HTTP server on 127.0.0.1 and real SQLite
 * files: first import, conditional requests, delta chains and their fallbacks, and every way
 * a download can go wrong — each failure leaving the last good copy exactly as it was.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncProgress } from '../../shared/types';
import { SyncError } from '../../electron/core/errors';
import { generateFeedKeyPair } from '../../electron/core/feed/signing';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import type { SyncOptions } from '../../electron/core/sync/engine';
import { syncSourceFor, type SyncSource } from '../../electron/core/sync/sources';
import type { TestArticle } from '../support/content';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { BASE_ARTICLES, buildTestFeed, contentState, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { readManifest, rewriteFeedFile } from '../support/tamper';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

let contentDir: string;
let feedDir: string;
let server: FeedServer;
let local: TestStore;

beforeEach(async () => {
  const root = tempDir();
  contentDir = join(root, 'content');
  feedDir = join(root, 'feed');
  buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
  server = await startFeedServer(feedDir);
  local = openTestStore();
});

afterEach(async () => {
  vi.useRealTimers();
  local.close();
  await server.close();
});

const source = (options: { retry?: ReturnType<typeof fastRetry>; timeoutMs?: number } = {}): SyncSource =>
  syncSourceFor(server.url, { retry: options.retry ?? fastRetry(), timeoutMs: options.timeoutMs ?? 5_000 });

/** Runs a sync that must fail and returns its error. */
async function syncFails(options: SyncOptions & { source?: SyncSource } = {}): Promise<SyncError> {
  const error = await local.engine.sync(options.source ?? source(), options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

/**
 * Runs a sync that must time out on `pathSuffix`, on fake timers: once the server has the
 * request, the clock is moved past the idle limit — no test waits for real time to pass.
 */
async function syncTimesOut(pathSuffix: string, idleMs: number): Promise<SyncError> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const asked = server.nextRequestTo(pathSuffix);
  const failing = syncFails({ source: source({ retry: fastRetry(1), timeoutMs: idleMs }) });
  await asked;
  await vi.advanceTimersByTimeAsync(idleMs);
  return failing;
}

/** A promise the test settles: a server fault waits on it instead of a delay. */
function openGate(): { closed: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (release = resolve));
  return { closed, release };
}

/** Syncs revision 1, then builds revision 2 with these articles; returns the state at rev 1. */
async function atRevisionOneThenBuild(next: TestArticle[]): Promise<ReturnType<typeof contentState>> {
  await local.engine.sync(source());
  buildTestFeed(contentDir, feedDir, next);
  return contentState(local.store);
}

const EDITED: TestArticle[] = [...BASE_ARTICLES.filter((a) => a.id !== 'delete-message'), { id: 'new-article', title: '새 도움말', category: '채팅/메시지' }].map((a) =>
  a.id === 'report-message' ? { ...a, title: '메시지를 신고하려면 어떻게 하나요?' } : a,
);

describe('first import', () => {
  it('imports every article, category and link of the snapshot and records the status', async () => {
    const progress: SyncProgress[] = [];
    const report = await local.engine.sync(source(), { onProgress: (p) => progress.push(p) });
    expect(report).toEqual({ revision: 1, added: 5, updated: 0, deleted: 0, total: 5, notModified: false, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    expect(local.store.getArticle('block-friend-android')?.links).toEqual(['report-message']);
    expect(local.store.categories('ko').map((c) => c.path)).toContain('친구/차단');
    const state = local.store.syncState();
    expect(state).toMatchObject({ source: `${server.url}/manifest.json`, revision: 1, lastError: null, failures: 0 });
    expect(state.lastSuccessAt).not.toBeNull();
    expect(state.etag).not.toBeNull();

    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['manifest', 'download', 'verify', 'apply', 'done']);
    const apply = progress.filter((p) => p.phase === 'apply');
    expect(apply.at(-1)).toMatchObject({ records: 5, totalRecords: 5 });
    const download = progress.filter((p) => p.phase === 'download');
    expect(download.at(-1)!.bytes).toBe(readManifest(feedDir).snapshot.bytes);
  });

  it('syncs a feed from a local folder the same way, and an unchanged folder costs one read', async () => {
    const folder = syncSourceFor(feedDir);
    expect((await local.engine.sync(folder)).total).toBe(5);
    expect(await local.engine.sync(folder)).toMatchObject({ notModified: true, revision: 1, total: 5 });
  });
});

describe('conditional requests', () => {
  it('asks with If-None-Match and writes no content when the server answers 304', async () => {
    await local.engine.sync(source());
    const before = contentState(local.store);
    const requestsBefore = server.requests.length;
    const report = await local.engine.sync(source());
    expect(report).toEqual({ revision: 1, added: 0, updated: 0, deleted: 0, total: 5, notModified: true, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    const requests = server.requests.slice(requestsBefore);
    expect(requests.map((r) => [r.path, r.status])).toEqual([['/manifest.json', 304]]);
    expect(requests[0]!.headers['if-none-match']).toBe(local.store.syncState().etag);
    expect(contentState(local.store)).toEqual(before);
  });

  it('asks unconditionally when the store holds content of another source', async () => {
    await local.engine.sync(syncSourceFor(feedDir));
    await local.engine.sync(source());
    expect(server.requestsTo('manifest.json')[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requestsTo('snapshot-1.json')).toHaveLength(1);
  });
});

describe('deltas', () => {
  it('follows the delta chain from the local revision and downloads no snapshot', async () => {
    await local.engine.sync(source());
    buildTestFeed(contentDir, feedDir, EDITED);
    buildTestFeed(contentDir, feedDir, EDITED.map((a) => (a.id === 'new-article' ? { ...a, body: '두 번째 수정' } : a)));
    const report = await local.engine.sync(source());
    // Net change from revision 1: new-article added (then edited: still one addition).
    expect(report).toEqual({ revision: 3, added: 1, updated: 1, deleted: 1, total: 5, notModified: false, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    expect(server.requests.filter((r) => r.path.includes('/deltas/')).map((r) => r.path)).toEqual(['/deltas/delta-1-2.json', '/deltas/delta-2-3.json']);
    expect(server.requestsTo('snapshot-3.json')).toHaveLength(0);
    expect(local.store.getArticle('delete-message')).toBeNull();
    expect(local.store.getArticle('new-article')?.bodyText).toBe('두 번째 수정');
    expect(local.store.getArticle('report-message')?.title).toBe('메시지를 신고하려면 어떻게 하나요?');
  });

  it('takes the snapshot when the chain has a gap (older deltas were dropped)', async () => {
    await local.engine.sync(source());
    buildTestFeed(contentDir, feedDir, EDITED);
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const manifest = readManifest(feedDir);
    manifest.deltas = manifest.deltas.filter((d) => d.from !== 1);
    writeFileSync(join(feedDir, 'manifest.json'), JSON.stringify(manifest));
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 3, added: 0, updated: 0, deleted: 0, total: 5 });
    expect(server.requestsTo('snapshot-3.json')).toHaveLength(1);
    expect(server.requests.filter((r) => r.path.includes('/deltas/'))).toHaveLength(0);
  });

  it('takes the snapshot when a delta file the manifest names is missing', async () => {
    await atRevisionOneThenBuild(EDITED);
    rmSync(join(feedDir, 'deltas', 'delta-1-2.json'));
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 2, added: 1, updated: 1, deleted: 1, total: 5 });
    expect(server.requestsTo('snapshot-2.json')).toHaveLength(1);
  });

  it('takes the snapshot when the deltas do not add up to the article count the manifest announces', async () => {
    await atRevisionOneThenBuild(EDITED);
    // The local copy drifted (an article vanished): applying the delta would leave 4, not 5.
    local.store.db.prepare("DELETE FROM articles WHERE id = 'block-friend-macos'").run();
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ revision: 2, total: 5 });
    expect(server.requestsTo('snapshot-2.json')).toHaveLength(1);
    expect(local.store.getArticle('block-friend-macos')).not.toBeNull();
  });

  it('refuses a delta whose revisions differ from its manifest entry, changing nothing', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    rewriteFeedFile(feedDir, 'deltas/delta-1-2.json', (doc) => {
      doc.from = 7;
      doc.to = 8;
    });
    const error = await syncFails();
    expect(error.kind).toBe('invalid-feed');
    expect(error.message).toMatch(/delta-1-2\.json goes from revision 7 to 8, but the manifest lists it as 1 → 2/);
    expect(contentState(local.store)).toEqual(before);
  });
});

describe('integrity', () => {
  it('rejects a file whose sha256 does not match the manifest, changing nothing', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    const delta = join(feedDir, 'deltas', 'delta-1-2.json');
    const original = readFileSync(delta);
    const altered = Buffer.from(original.toString('utf8').replace('새 도움말', '새 도움밀'));
    expect(altered.length).toBe(original.length);
    server.fail('delta-1-2.json', { kind: 'replace', body: altered }, { kind: 'replace', body: altered }, { kind: 'replace', body: altered });
    const error = await syncFails();
    expect(error.kind).toBe('integrity');
    expect(error.message).toMatch(/delta-1-2\.json does not match the sha256 in the manifest/);
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.syncState()).toMatchObject({ failures: 1, lastError: { code: 'integrity' } });
  });

  it('rejects a truncated body (a complete answer holding only part of the file)', async () => {
    server.fail('snapshot-1.json', { kind: 'short', bytes: 100 });
    const before = contentState(local.store);
    const error = await syncFails();
    expect(error.kind).toBe('integrity');
    expect(error.message).toMatch(/has 100 bytes but the manifest says \d+/);
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.isEmpty()).toBe(true);
  });

  it('rejects the whole sync for one malformed record, naming it, and changes nothing', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    rewriteFeedFile(feedDir, 'snapshots/snapshot-2.json', (doc) => {
      (doc.articles as Array<Record<string, unknown>>)[1]!.platform = 'playstation';
    });
    rewriteFeedFile(feedDir, 'deltas/delta-1-2.json', (doc) => {
      (doc.upserts as Array<Record<string, unknown>>)[0]!.platform = 'playstation';
    });
    const error = await syncFails();
    expect(error.kind).toBe('invalid-record');
    expect(error.message).toMatch(/article "[a-z-]+" \(record 1\): platform: expected one of common, .*got "playstation"/);
    expect(contentState(local.store)).toEqual(before);
  });

  it('rejects a snapshot that is not JSON', async () => {
    const bytes = Buffer.from('{"format": "doum-feed/1", "articles": [');
    writeFileSync(join(feedDir, 'snapshots', 'snapshot-1.json'), bytes);
    const manifest = readManifest(feedDir);
    manifest.snapshot.sha256 = createHash('sha256').update(bytes).digest('hex');
    manifest.snapshot.bytes = bytes.length;
    writeFileSync(join(feedDir, 'manifest.json'), JSON.stringify(manifest));
    const error = await syncFails();
    expect(error.kind).toBe('invalid-feed');
    expect(error.message).toMatch(/snapshot-1\.json is not valid JSON/);
    expect(local.store.isEmpty()).toBe(true);
  });
});

describe('signatures', () => {
  it('accepts a feed signed with the pinned key and refuses a wrong key or a missing signature', async () => {
    const keys = join(tempDir(), 'keys');
    mkdirSync(keys);
    const pair = generateFeedKeyPair();
    writeFileSync(join(keys, 'feed.key'), pair.privateKeyPem);
    buildTestFeed(contentDir, feedDir, EDITED, { signKeyFile: join(keys, 'feed.key') });
    const before = contentState(local.store);

    const wrong = await syncFails({ publicKey: generateFeedKeyPair().publicKey });
    expect(wrong.kind).toBe('signature');
    expect(wrong.message).toMatch(/does not match the key pinned in Settings/);
    expect(contentState(local.store)).toEqual(before);

    rmSync(join(feedDir, 'manifest.json.sig'));
    const unsigned = await syncFails({ publicKey: pair.publicKey });
    expect(unsigned.kind).toBe('signature');
    expect(unsigned.message).toMatch(/is not signed/);
    expect(contentState(local.store)).toEqual(before);

    buildTestFeed(contentDir, feedDir, BASE_ARTICLES, { signKeyFile: join(keys, 'feed.key') });
    expect(await local.engine.sync(source(), { publicKey: pair.publicKey })).toMatchObject({ revision: 3, total: 5 });
  });

  it('refuses a manifest altered after signing', async () => {
    const keys = tempDir();
    const pair = generateFeedKeyPair();
    writeFileSync(join(keys, 'feed.key'), pair.privateKeyPem);
    buildTestFeed(contentDir, feedDir, EDITED, { signKeyFile: join(keys, 'feed.key') });
    const manifest = readManifest(feedDir);
    manifest.generatedAt = '2030-01-01';
    writeFileSync(join(feedDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
    expect((await syncFails({ publicKey: pair.publicKey })).kind).toBe('signature');
    expect(local.store.isEmpty()).toBe(true);
  });
});

describe('network faults', () => {
  it('retries a connection reset mid-download and succeeds', async () => {
    const retry = fastRetry();
    server.fail('snapshot-1.json', { kind: 'truncate', bytes: 200 });
    expect(await local.engine.sync(source({ retry }))).toMatchObject({ revision: 1, total: 5 });
    expect(retry.delays).toHaveLength(1);
    expect(server.requestsTo('snapshot-1.json')).toHaveLength(2);
  });

  it('gives up after the last retry when every download is reset, changing nothing', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    server.fail('delta-1-2.json', { kind: 'truncate', bytes: 50 }, { kind: 'truncate', bytes: 50 }, { kind: 'reset' });
    const error = await syncFails();
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/delta-1-2\.json could not be reached/);
    expect(server.requestsTo('delta-1-2.json')).toHaveLength(3);
    expect(contentState(local.store)).toEqual(before);
  });

  it('times out on a server that stops sending, changing nothing', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    server.fail('delta-1-2.json', { kind: 'hang' });
    const error = await syncTimesOut('delta-1-2.json', 300);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/delta-1-2\.json stopped answering \(nothing for 300 ms\)/);
    expect(contentState(local.store)).toEqual(before);
  });

  it('times out on a server that does not answer at all', async () => {
    const gate = openGate();
    server.fail('manifest.json', { kind: 'gate', until: gate.closed });
    try {
      const error = await syncTimesOut('manifest.json', 200);
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/manifest\.json stopped answering \(nothing for 200 ms\)/);
      expect(local.store.isEmpty()).toBe(true);
    } finally {
      gate.release();
    }
  });

  it('retries after HTTP 500 and succeeds', async () => {
    const retry = fastRetry();
    server.fail('manifest.json', { kind: 'status', status: 500 });
    expect(await local.engine.sync(source({ retry }))).toMatchObject({ revision: 1, total: 5 });
    expect(server.requestsTo('manifest.json').map((r) => r.status)).toEqual([500, 200]);
    expect(retry.delays).toHaveLength(1);
  });

  it('waits as long as Retry-After says on HTTP 429', async () => {
    const retry = fastRetry();
    server.fail('snapshot-1.json', { kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    expect(await local.engine.sync(source({ retry }))).toMatchObject({ revision: 1 });
    expect(retry.delays).toEqual([7000]);
  });

  it('does not wait for a Retry-After beyond the policy: fails with advice, changing nothing', async () => {
    const retry = fastRetry();
    server.fail('manifest.json', { kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const error = await syncFails({ source: source({ retry }) });
    expect(error.message).toMatch(/asks to wait 3600 s before trying again — try again later/);
    expect(retry.delays).toEqual([]);
    expect(local.store.isEmpty()).toBe(true);
  });

  it('does not retry other 4xx answers', async () => {
    const retry = fastRetry();
    server.fail('manifest.json', { kind: 'status', status: 403 });
    const error = await syncFails({ source: source({ retry }) });
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/refused access \(HTTP 403\)/);
    expect(server.requestsTo('manifest.json')).toHaveLength(1);
    rmSync(join(feedDir, 'manifest.json'));
    expect((await syncFails({ source: source({ retry }) })).kind).toBe('not-found');
    expect(server.requestsTo('manifest.json')).toHaveLength(2);
    expect(retry.delays).toEqual([]);
  });
});

describe('cancellation and status', () => {
  it('stops a download when cancelled, keeps the copy, and does not count it as a failure', async () => {
    const before = await atRevisionOneThenBuild(EDITED);
    // The server sends the first bytes, then holds the rest until the test is over.
    const gate = openGate();
    server.fail('delta-1-2.json', { kind: 'stall', bytes: 16, until: gate.closed });
    const syncing = local.engine.sync(source(), {
      onProgress: (p) => {
        if (p.phase === 'download' && (p.bytes ?? 0) > 0) local.engine.cancel();
      },
    });
    const error = await syncing.catch((e: unknown) => e).finally(gate.release);
    expect(error).toMatchObject({ kind: 'cancelled' });
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.syncState()).toMatchObject({ failures: 0, lastError: { code: 'cancelled' } });
    expect(local.engine.syncing).toBe(false);
  });

  it('records the last error in words, counts failures, and clears both on success', async () => {
    server.fail('manifest.json', { kind: 'status', status: 404 }, { kind: 'status', status: 404 });
    await syncFails();
    await syncFails();
    const failed = local.store.syncState();
    expect(failed.failures).toBe(2);
    expect(failed.lastError).toMatchObject({ code: 'not-found', message: expect.stringMatching(/manifest\.json does not exist on the server \(HTTP 404\)/) });
    expect(failed.lastAttemptAt).not.toBeNull();
    expect(failed.lastSuccessAt).toBeNull();
    await local.engine.sync(source());
    expect(local.store.syncState()).toMatchObject({ failures: 0, lastError: null, revision: 1 });
  });
});

describe('one sync at a time (in one process)', () => {
  it('refuses a second sync on the same engine while the first runs', async () => {
    // The first sync waits for its snapshot until the second has been refused.
    const gate = openGate();
    server.fail('snapshot-1.json', { kind: 'gate', until: gate.closed });
    const first = local.engine.sync(source());
    const second = await local.engine.sync(source()).catch((e: unknown) => e);
    gate.release();
    expect(second).toMatchObject({ kind: 'busy' });
    expect(await first).toMatchObject({ revision: 1, total: 5 });
  });

  it('refuses a sync from a second engine on the same files, and leaves its status alone', async () => {
    // A second store and engine over the same content file and lock (another window).
    const { store } = ContentStore.open(local.files.content);
    const engine = new SyncEngine({ store, lockFile: local.files.syncLock });
    try {
      const gate = openGate();
      server.fail('snapshot-1.json', { kind: 'gate', until: gate.closed });
      const first = local.engine.sync(source());
      const second = await engine.sync(source()).catch((e: unknown) => e);
      gate.release();
      expect(second).toMatchObject({ kind: 'busy', message: expect.stringMatching(/another Doum window or `doum sync` is updating/) });
      expect(await first).toMatchObject({ total: 5 });
      expect(store.syncState()).toMatchObject({ failures: 0, lastError: null, revision: 1 });
      expect(await engine.sync(source())).toMatchObject({ notModified: true });
    } finally {
      store.close();
    }
  });
});
