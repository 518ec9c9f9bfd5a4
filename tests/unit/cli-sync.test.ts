/**
 * The `doum` command line for feeds and sync, run as a real process: `feed build`, `feed
 * keygen`, `sync --json`, `stats --json`, `show`, and non-zero exits with one readable line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeContent } from '../support/content';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { BASE_ARTICLES } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { sampleZendeskData, startZendeskServer, wildZendeskData, type ZendeskServer } from '../support/zendesk-server';
import { runDoum } from '../support/cli';



/** Runs the CLI without blocking this process (the test's servers must keep answering). */
const doum = (...args: string[]) => runDoum(args, { dataDir });

let dataDir: string;
let feedDir: string;
let db: string;
let server: FeedServer;
let zendesk: ZendeskServer;

beforeAll(async () => {
  dataDir = tempDir();
  const root = tempDir();
  feedDir = join(root, 'feed');
  db = join(root, 'store', 'help.db');
  writeContent(join(root, 'content'), BASE_ARTICLES);
  const built = await doum('feed', 'build', join(root, 'content'), '--out', feedDir, '--json');
  expect(built.code).toBe(0);
  expect(JSON.parse(built.stdout)).toMatchObject({ revision: 1, articles: 5, outDir: feedDir });
  server = await startFeedServer(feedDir);
  zendesk = await startZendeskServer(sampleZendeskData());
});

afterAll(async () => {
  await server.close();
  await zendesk.close();
  removeTempDirs();
});

describe('doum sync', () => {
  it('prints exactly the report as JSON, then notModified on a second run', async () => {
    const first = await doum('sync', '--feed', server.url, '--db', db, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ revision: 1, added: 5, updated: 0, deleted: 0, total: 5, notModified: false, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    const second = await doum('sync', '--feed', server.url, '--db', db, '--json');
    expect(JSON.parse(second.stdout)).toEqual({ revision: 1, added: 0, updated: 0, deleted: 0, total: 5, notModified: true, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } });
    expect(existsSync(join(db, '..', 'help.user.db'))).toBe(true);
  });

  it('syncs a Zendesk help center named with zendesk:', async () => {
    const run = await doum('sync', '--feed', `zendesk:${zendesk.url}/hc/ko`, '--db', join(tempDir(), 'zd.db'), '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ revision: 1, added: 6, total: 6 });
  });

  it('exits non-zero with one readable line when the feed cannot be reached', async () => {
    const run = await doum('sync', '--feed', 'http://127.0.0.1:9/feed', '--db', join(tempDir(), 'x.db'), '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^doum: http:\/\/127\.0\.0\.1:9\/feed\/manifest\.json could not be reached/);
    // Written for a terminal: where the address came from, no screen of the app to look at.
    expect(run.stderr).toContain('the feed was the address given with --feed');
    expect(run.stderr).not.toMatch(/in Settings/);
  });
});

describe('the last sync error', () => {
  it('is still reported by stats after a failed first sync, though stats imports the bundled help center', async () => {
    const store = join(tempDir(), 'failed.db');
    const failed = await doum('sync', '--feed', `${server.url}/no-such-feed`, '--db', store);
    expect(failed.code).toBe(1);
    const stats = await doum('stats', '--db', store, '--json');
    expect(stats.code).toBe(0);
    const report = JSON.parse(stats.stdout) as { articles: number; source: string; failures: number; lastError: { code: string; message: string } | null };
    expect(report.source).toBe('bundled');
    expect(report.articles).toBeGreaterThan(0);
    expect(report).toMatchObject({ failures: 1, lastError: { code: 'not-found', message: expect.stringContaining('/no-such-feed/manifest.json') } });
    const text = await doum('stats', '--db', store);
    expect(text.stdout).toMatch(/^last error: .*no-such-feed\/manifest\.json/m);
    // A sync that succeeds clears it.
    expect((await doum('sync', '--feed', server.url, '--db', store)).code).toBe(0);
    expect(JSON.parse((await doum('stats', '--db', store, '--json')).stdout)).toMatchObject({ failures: 0, lastError: null });
  });

  it('names skipped and uncategorised Zendesk records on stderr, and in the JSON report', async () => {
    const wild = await startZendeskServer(wildZendeskData(), { pagination: 'offset' });
    try {
      const run = await doum('sync', '--feed', `zendesk:${wild.url}/hc/en`, '--db', join(tempDir(), 'wild.db'), '--json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ total: 3, notes: [{ kind: 'skipped' }, { kind: 'uncategorised' }, { kind: 'uncategorised' }, { kind: 'skipped' }] });
      expect(run.stderr).toMatch(/^doum: skipped Zendesk article 5005 \(en-us\): section_id: /m);
      expect(run.stderr).toMatch(/^doum: uncategorised Zendesk article 5002 \(en-us\): filed under "Uncategorised": its section 404 is not listed/m);
    } finally {
      await wild.close();
    }
  });
});

describe('doum stats and show', () => {
  it('stats --json prints the revision, counts, locales and last sync', async () => {
    await doum('sync', '--feed', server.url, '--db', db);
    const run = await doum('stats', '--db', db, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ revision: 1, articles: 5, groups: 4, categories: expect.any(Number), locales: ['en', 'ko'], lastSync: expect.stringMatching(/^\d{4}-/) });
  });

  it('show prints an article and exits non-zero for an unknown id', async () => {
    const shown = await doum('show', 'block-friend-android', '--db', db, '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'block-friend-android', links: ['report-message'], variants: expect.any(Array) });
    const text = await doum('show', 'report-message', '--db', db);
    expect(text.stdout).toMatch(/^메시지 신고하기\n\[톡플러스\]\[신고\/이용제한\]\[공통\]/);
    const missing = await doum('show', 'no-such-article', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^doum: there is no article "no-such-article" in .*help\.db\n$/);
  });
});

describe('doum feed keygen', () => {
  it('writes a private key (owner-only) and the public key to pin', async () => {
    const dir = join(tempDir(), 'keys');
    const run = await doum('feed', 'keygen', '--out', dir, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { publicKey: string; privateKeyFile: string };
    expect(out.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(out.privateKeyFile, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    const again = await doum('feed', 'keygen', '--out', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; choose another folder rather than overwrite a key/);
  });
});
