/**
 * A hostile feed server, case by case, each on 127.0.0.1: a pinned key stops every rollback
 * and expired manifest, Zendesk is refused under a key, every download ends (trickle, stall,
 * whole-sync deadline), sizes are capped before parsing and while inflating, redirects go only
 * to https or the same origin, files come only from the manifest's origin, and control
 * characters never reach the store. Every refusal keeps the last good copy and names its cause.
 * Deadlines are injected, short, so nothing here waits long.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SyncError } from '../../electron/core/errors';
import { checkManifest, FEED_LIMITS } from '../../electron/core/feed/format';
import { generateFeedKeyPair, privateKeyFromPem, signBytes, type FeedKeyPair } from '../../electron/core/feed/signing';
import { buildFeed } from '../../electron/core/feed/builder';
import type { SyncOptions } from '../../electron/core/sync/engine';
import { SyncEngine } from '../../electron/core/sync/engine';
import type { HttpSourceOptions } from '../../electron/core/sync/feed-source';
import { syncSourceFor, type SyncSource } from '../../electron/core/sync/sources';
import { parseZendeskLocation } from '../../electron/core/sync/zendesk';
import { jsonText, printable } from '../../electron/cli/usage';
import { writeContent } from '../support/content';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { BASE_ARTICLES, buildTestFeed, contentState, fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { readManifest, rewriteFeedFile, writeManifest } from '../support/tamper';
import { removeTempDirs, tempDir } from '../support/temp';
import { sampleZendeskData, startZendeskServer } from '../support/zendesk-server';

afterAll(removeTempDirs);

let root: string;
let contentDir: string;
let feedDir: string;
let local: TestStore;
const servers: Array<{ close(): Promise<void> }> = [];

beforeEach(() => {
  root = tempDir();
  contentDir = join(root, 'content');
  feedDir = join(root, 'feed');
  local = openTestStore();
});

afterEach(async () => {
  local.close();
  for (const server of servers.splice(0)) await server.close();
});

async function serve(dir: string): Promise<FeedServer> {
  const server = await startFeedServer(dir);
  servers.push(server);
  return server;
}

/** A server whose every answer the test writes. */
async function rawServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const FAST: HttpSourceOptions = { retry: fastRetry(), timeoutMs: 5_000 };
const source = (url: string, options: HttpSourceOptions = {}): SyncSource => syncSourceFor(url, { ...FAST, ...options });

async function syncFails(src: SyncSource, options: SyncOptions = {}, engine = local.engine): Promise<SyncError> {
  const error = await engine.sync(src, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

function signingKey(): FeedKeyPair & { file: string } {
  const pair = generateFeedKeyPair();
  const file = join(tempDir(), 'feed.key');
  writeFileSync(file, pair.privateKeyPem);
  return { ...pair, file };
}

/** Signs the manifest as it now is in the folder (after a test edited it). */
function resign(dir: string, key: { privateKeyPem: string }): void {
  const bytes = readFileSync(join(dir, 'manifest.json'));
  writeFileSync(join(dir, 'manifest.json.sig'), signBytes(bytes, privateKeyFromPem(key.privateKeyPem, 'test key')));
}

/** The trust a service would pass: remembers the highest signed revision applied. */
function trust(publicKey: string): SyncOptions & { highest: () => number | null } {
  let highest: number | null = null;
  return {
    publicKey,
    get highestSignedRevision() {
      return highest;
    },
    onSignedRevision: (revision) => {
      highest = Math.max(highest ?? 0, revision);
    },
    highest: () => highest,
  };
}

describe('no going back under a pinned key', () => {
  it('refuses a signed revision below the one applied, from the same feed, keeping the copy and saying why', async () => {
    const key = signingKey();
    const live = join(root, 'live');
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES, { signKeyFile: key.file });
    const revisionOne = join(root, 'old');
    cpSync(feedDir, revisionOne, { recursive: true });
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES.slice(0, 3), { signKeyFile: key.file });
    cpSync(feedDir, live, { recursive: true });
    const server = await serve(root);
    const options = trust(key.publicKey);

    expect(await local.engine.sync(source(`${server.url}/live/`), options)).toMatchObject({ revision: 2, total: 3 });
    expect(options.highest()).toBe(2);
    const before = contentState(local.store);

    // The server replays the older, validly signed revision 1 at the same address.
    rmSync(live, { recursive: true });
    cpSync(revisionOne, live, { recursive: true });
    const sameFeed = await syncFails(source(`${server.url}/live/`), options);
    expect(sameFeed.kind).toBe('rollback');
    expect(sameFeed.message).toMatch(/went back in time.*revision 1.*revision 2/);
    expect(contentState(local.store)).toEqual(before);

    // …or at another address: the highest signed revision is remembered, not the feed's.
    const elsewhere = await syncFails(source(`${server.url}/old/`), options);
    expect(elsewhere.kind).toBe('rollback');
    expect(contentState(local.store)).toEqual(before);
    expect(local.store.syncState().lastError).toMatchObject({ code: 'rollback' });
  });

  it('without a key an older revision still replaces the copy (a feed rebuilt from scratch)', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const old = join(root, 'old');
    cpSync(feedDir, old, { recursive: true });
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES.slice(0, 3));
    const server = await serve(feedDir);
    await local.engine.sync(source(server.url));
    rmSync(feedDir, { recursive: true });
    cpSync(old, feedDir, { recursive: true });
    expect(await local.engine.sync(source(server.url))).toMatchObject({ revision: 1, total: 5 });
  });

  it('refuses a signed manifest past its expiresAt, or without one', async () => {
    const key = signingKey();
    mkdirSync(contentDir, { recursive: true });
    writeContent(contentDir, BASE_ARTICLES);
    buildFeed({ contentDir, outDir: feedDir, signKeyFile: key.file, now: new Date('2020-01-01T00:00:00Z'), validDays: 30 });
    expect(readManifest(feedDir).expiresAt).toBe('2020-01-31T00:00:00.000Z');
    const server = await serve(feedDir);

    const expired = await syncFails(source(server.url), trust(key.publicKey));
    expect(expired.kind).toBe('expired');
    expect(expired.message).toMatch(/expired on 2020-01-31/);
    expect(local.store.isEmpty()).toBe(true);

    const manifest = readManifest(feedDir);
    delete manifest.expiresAt;
    writeManifest(feedDir, manifest);
    resign(feedDir, key);
    const undated = await syncFails(source(server.url), trust(key.publicKey));
    expect(undated.kind).toBe('expired');
    expect(undated.message).toMatch(/no expiry date/);
    expect(local.store.isEmpty()).toBe(true);
  });

  it('feed build writes expiresAt (30 days by default), renews it when re-signing unchanged content, and never lowers the revision', () => {
    const key = signingKey();
    const now = new Date('2026-11-01T00:00:00Z');
    mkdirSync(contentDir, { recursive: true });
    writeContent(contentDir, BASE_ARTICLES);
    expect(buildFeed({ contentDir, outDir: feedDir, signKeyFile: key.file, now }).revision).toBe(1);
    expect(readManifest(feedDir).expiresAt).toBe('2026-12-01T00:00:00.000Z');
    const later = new Date('2026-11-20T00:00:00Z');
    expect(buildFeed({ contentDir, outDir: feedDir, signKeyFile: key.file, now: later, validDays: 7 })).toMatchObject({ revision: 1, unchanged: true });
    expect(readManifest(feedDir).expiresAt).toBe('2026-11-27T00:00:00.000Z');
    const revisions = [1];
    for (const articles of [BASE_ARTICLES.slice(1), BASE_ARTICLES, BASE_ARTICLES.slice(2)]) {
      rmSync(contentDir, { recursive: true });
      mkdirSync(contentDir);
      writeContent(contentDir, articles);
      revisions.push(buildFeed({ contentDir, outDir: feedDir, signKeyFile: key.file, now: later }).revision);
    }
    expect(revisions).toEqual([1, 2, 3, 4]);
    expect(() => buildFeed({ contentDir, outDir: feedDir, validDays: 0 })).toThrow(/--valid-days/);
  });
});

describe('only signed doum feeds while a key is pinned', () => {
  it('refuses a Zendesk help center under a pinned key, naming why, and changes nothing', async () => {
    const zendesk = await startZendeskServer(sampleZendeskData());
    servers.push(zendesk);
    const error = await syncFails(syncSourceFor(`zendesk:${zendesk.url}`, FAST), { publicKey: generateFeedKeyPair().publicKey });
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/Zendesk help center, which cannot be signed/);
    expect(zendesk.requests).toHaveLength(0);
    expect(local.store.isEmpty()).toBe(true);
    // Any http URL with a /hc/ path is a Zendesk location too: refused just the same.
    expect((await syncFails(syncSourceFor(`${zendesk.url}/hc/ko`, FAST), { publicKey: generateFeedKeyPair().publicKey })).kind).toBe('refused');
  });

  it('accepts Zendesk only over https (plain http only on this machine)', () => {
    expect(() => parseZendeskLocation('zendesk:http://help.example.com/hc/ko')).toThrow(/over https only/);
    expect(() => parseZendeskLocation('http://acme.zendesk.com/hc/ko')).toThrow(SyncError);
    expect(parseZendeskLocation('zendesk:https://help.example.com/hc/ko')).toEqual({ origin: 'https://help.example.com', locales: ['ko'] });
    expect(parseZendeskLocation('zendesk:http://127.0.0.1:9/hc/ko').origin).toBe('http://127.0.0.1:9');
  });
});

describe('every download ends', () => {
  it('stops a server that trickles a byte at a time, below the floor rate', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 5);
      res.on('close', () => clearInterval(timer));
    });
    const error = await syncFails(source(server.url, { retry: fastRetry(1), minBytesPerSecond: 10_000, throughputWindowMs: 100 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/slower than 10000 bytes a second/);
    expect(local.engine.syncing).toBe(false);
  });

  it('ends one request at its overall deadline, however steadily it trickles', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 5);
      res.on('close', () => clearInterval(timer));
    });
    // A floor rate no server meets, so the deadline does not grow with the file's size.
    const error = await syncFails(source(server.url, { retry: fastRetry(1), deadlineMs: 150, minBytesPerSecond: 1e12 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/took longer than 150 ms/);
  });

  it('stops a sync stalled after a few bytes at the whole sync’s deadline, retries and all, and the next sync runs', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    let stall = true;
    const staller = await rawServer((req, res) => {
      const body = readFileSync(join(feedDir, req.url ?? '/'));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      if (stall) res.write(body.subarray(0, 10));
      else res.end(body);
    });
    const engine = new SyncEngine({ store: local.store, lockFile: local.files.syncLock, deadline: { baseMs: 200, minBytesPerSecond: 1 } });
    const error = await syncFails(source(`${staller.url}/manifest.json`, { retry: fastRetry(4), timeoutMs: 60_000 }), {}, engine);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/the sync took longer than/);
    expect(engine.syncing).toBe(false);
    expect(local.store.isEmpty()).toBe(true);
    stall = false;
    expect(await engine.sync(source(`${staller.url}/manifest.json`))).toMatchObject({ revision: 1, total: BASE_ARTICLES.length });
  });

  it('retries what a retry can fix and nothing else, naming the real cause', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    });
    const retry = fastRetry(4);
    const error = await syncFails(source(server.url, { retry }));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/redirects to file:\/\/\/etc\/passwd; Doum follows redirects only to https/);
    expect(retry.delays).toEqual([]);
    expect(server.hits).toHaveLength(1);
  });
});

describe('bounded sizes', () => {
  it('refuses a manifest over its cap before parsing it', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(FEED_LIMITS.manifestBytes + 1, 0x20));
    });
    const error = await syncFails(source(server.url));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(new RegExp(`larger than the ${FEED_LIMITS.manifestBytes} bytes`));
  });

  it('refuses a snapshot announced over its cap without downloading it', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const manifest = readManifest(feedDir);
    manifest.snapshot.bytes = FEED_LIMITS.snapshotBytes + 1;
    writeManifest(feedDir, manifest);
    const server = await serve(feedDir);
    const error = await syncFails(source(server.url));
    expect(error.kind).toBe('too-large');
    expect(server.requestsTo('.json').map((r) => r.path)).toEqual(['/manifest.json']);
  });

  it('stops inflating a gzip bomb at the announced size', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const manifest = readManifest(feedDir);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    const server = await rawServer((req, res) => {
      if (req.url === '/manifest.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(manifest));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
    });
    const error = await syncFails(source(server.url));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(new RegExp(`larger than the ${manifest.snapshot.bytes} bytes`));
    expect(local.store.isEmpty()).toBe(true);
  });
});

describe('redirects and origins', () => {
  it('follows a redirect within the same origin and resolves the files against the final URL', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const nested = join(root, 'site');
    cpSync(feedDir, join(nested, 'v2'), { recursive: true });
    const files = await serve(nested);
    const front = await rawServer((_req, res) => res.writeHead(301, { location: `${files.url}/v2/manifest.json` }).end());
    // Another origin over plain http: refused.
    expect((await syncFails(source(`${front.url}/manifest.json`))).kind).toBe('refused');
    expect(local.store.isEmpty()).toBe(true);
    // The same origin: followed, and the snapshot is found beside the redirected manifest.
    const redirecting = await rawServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/manifest.json') return void res.writeHead(307, { location: '/v2/manifest.json' }).end();
      try {
        const body = readFileSync(join(nested, path));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    expect(await local.engine.sync(source(`${redirecting.url}/manifest.json`))).toMatchObject({ revision: 1, total: BASE_ARTICLES.length });
    expect(redirecting.hits).toEqual(['/manifest.json', '/v2/manifest.json', '/v2/snapshots/snapshot-1.json']);
  });

  it('stops after 5 redirects', async () => {
    const loop = await rawServer((req, res) => res.writeHead(302, { location: `/hop${(req.url ?? '').length}` }).end());
    const error = await syncFails(source(`${loop.url}/manifest.json`));
    expect(error.message).toMatch(/redirects more than 5 times/);
    expect(loop.hits).toHaveLength(6);
  });

  it('fetches feed files only from the manifest’s origin', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    const other = await serve(feedDir);
    const manifest = readManifest(feedDir);
    manifest.snapshot.url = `${other.url}/${manifest.snapshot.url}`;
    writeManifest(feedDir, manifest);
    const server = await serve(feedDir);
    const error = await syncFails(source(server.url));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/a file on another server/);
    expect(other.requests).toHaveLength(0);
  });
});

describe('clean text', () => {
  it('removes control characters from every field and keeps what HTML needs in bodies', async () => {
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    rewriteFeedFile(feedDir, readManifest(feedDir).snapshot.url, (snapshot) => {
      const [first] = snapshot.articles as Array<Record<string, unknown>>;
      Object.assign(first!, {
        title: '친구\u001b[2J\u001b]0;pwned\u0007 차단\u009b31m',
        service: '톡\u0000플러스',
        category: '친구/\u001b[1m차단',
        tags: ['\u202e신고', 'ok\r\nx'],
        bodyHtml: '<p>한 줄\n다음\u0007 줄\u001b[0m</p>',
      });
    });
    const server = await serve(feedDir);
    await local.engine.sync(source(server.url));
    const stored = local.store.getArticle(BASE_ARTICLES[0]!.id)!;
    expect(stored.title).toBe('친구[2J]0;pwned 차단31m');
    expect(stored.service).toBe('톡플러스');
    expect(stored.category).toBe('친구/[1m차단');
    expect(stored.tags).toEqual(['신고', 'ok x']);
    expect(stored.bodyHtml).toBe('<p>한 줄\n다음 줄[0m</p>');
  });

  it('the CLI escapes anything unprintable it prints, in text and in JSON', () => {
    expect(printable('제목\u001b[2J\u009b31m\u202e끝\n다음\t칸')).toBe('제목\\u001b[2J\\u009b31m\\u202e끝\n다음\t칸');
    const json = jsonText({ title: '\u009b31m\u001b]0;x\u0007' });
    expect(json).toBe('{"title":"\\u009b31m\\u001b]0;x\\u0007"}');
    expect(JSON.parse(json)).toEqual({ title: '\u009b31m\u001b]0;x\u0007' });
  });

  it('refuses records and manifests with prototype keys', async () => {
    expect(() => checkManifest(JSON.parse('{"__proto__": {"polluted": true}, "format": "doum-feed/1"}'))).toThrow(/__proto__/);
    buildTestFeed(contentDir, feedDir, BASE_ARTICLES);
    rewriteFeedFile(feedDir, readManifest(feedDir).snapshot.url, (snapshot) => {
      const [first] = snapshot.articles as Array<Record<string, unknown>>;
      Object.assign(first!, { constructor: { prototype: { polluted: true } } });
    });
    const server = await serve(feedDir);
    const error = await syncFails(source(server.url));
    expect(error.kind).toBe('invalid-record');
    expect(error.message).toMatch(/constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
