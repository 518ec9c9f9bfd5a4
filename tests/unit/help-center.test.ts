/**
 * Opening the help center: offline first run from the bundled snapshot, recovery from a corrupt
 * content file with the user's bookmarks kept, and sync through the HelpApi with its progress
 * events and persisted status.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncProgress, SyncStatus } from '../../shared/types';
import { dispatch } from '../../electron/core/dispatch';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb, type DataFiles } from '../../electron/core/paths';
import { startFeedServer } from '../support/feed-server';
import { BASE_ARTICLES, buildTestFeed } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { fastSourceFor, openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

function bundledFeed(): string {
  const root = tempDir();
  buildTestFeed(join(root, 'content'), join(root, 'bundled'), BASE_ARTICLES);
  return join(root, 'bundled');
}

function open(files: DataFiles, bundledFeedDir: string | null): Promise<HelpCenter> {
  return openTestHelpCenter({
    files,
    bundledFeedDir,
    sourceFor: fastSourceFor,
  });
}

describe('first run', () => {
  it('imports the bundled snapshot into an empty store and is usable with no network', async () => {
    const files = dataFilesForContentDb(join(tempDir(), 'content.db'));
    const bundled = bundledFeed();
    const center = await open(files, bundled);
    try {
      expect(center.startup).toMatchObject({ importedBundledRevision: 1, bundledImportError: null, recoveredContent: null });
      expect(await center.service.getArticle('report-message')).toMatchObject({ title: '메시지 신고하기' });
      expect((await center.service.search({ text: '차단' })).total).toBeGreaterThan(0);
      expect(await center.service.getSyncStatus()).toMatchObject({ source: 'bundled', revision: 1, articles: 5, lastError: null, syncing: false });
    } finally {
      center.close();
    }
    // A second start finds the bundle unchanged and imports nothing.
    const again = await open(files, bundled);
    try {
      expect(again.startup.importedBundledRevision).toBeNull();
    } finally {
      again.close();
    }
  });

  it('still starts when the bundled feed is missing, and says why', async () => {
    const center = await open(dataFilesForContentDb(join(tempDir(), 'content.db')), join(tempDir(), 'no-such-feed'));
    try {
      expect(center.startup.bundledImportError).toMatch(/feed folder .*no-such-feed does not exist/);
      expect(await center.service.getHome()).toMatchObject({ counts: { articles: 0, topics: 0 } });
    } finally {
      center.close();
    }
  });
});

describe('the reading text size', () => {
  it('is kept across launches, whichever step set it last', async () => {
    const files = dataFilesForContentDb(join(tempDir(), 'content.db'));
    const bundled = bundledFeed();
    const first = await open(files, bundled);
    expect((await first.service.getSettings()).textScale).toBe(1);
    await first.service.setSettings({ textScale: 1.3 });
    await first.service.setSettings({ textScale: 1.2 });
    first.close();

    const second = await open(files, bundled);
    try {
      expect((await second.service.getSettings()).textScale).toBe(1.2);
    } finally {
      second.close();
    }
  });
});

describe('a corrupt content file', () => {
  it('is moved aside and rebuilt from the bundled snapshot, keeping the bookmarks and history', async () => {
    const files = dataFilesForContentDb(join(tempDir(), 'content.db'));
    const bundled = bundledFeed();
    const first = await open(files, bundled);
    await first.service.setBookmarked('report-message', true);
    await first.service.recordView('delete-message');
    await first.service.setSettings({ textScale: 1.2 });
    first.close();

    writeFileSync(files.content, Buffer.alloc(8192, 0x42));
    const center = await open(files, bundled);
    try {
      expect(center.startup.recoveredContent?.movedAsideTo).toMatch(/content\.db\.corrupt-/);
      expect(center.startup.importedBundledRevision).toBe(1);
      expect((await center.service.listBookmarks()).map((b) => b.articleId)).toEqual(['report-message']);
      expect((await center.service.listHistory()).map((h) => h.articleId)).toEqual(['delete-message']);
      expect((await center.service.getSettings()).textScale).toBe(1.2);
      expect(await center.service.getArticle('report-message')).not.toBeNull();
    } finally {
      center.close();
    }
  });
});

describe('syncing through the HelpApi', () => {
  it('syncs the configured feed with progress events, a fresh index, and a persisted status', async () => {
    const root = tempDir();
    const feedDir = join(root, 'feed');
    buildTestFeed(join(root, 'content'), feedDir, [...BASE_ARTICLES, { id: 'from-server', title: '서버에서 온 도움말 무지개' }]);
    const server = await startFeedServer(feedDir);
    const center = await open(dataFilesForContentDb(join(tempDir(), 'content.db')), bundledFeed());
    try {
      const progress: SyncProgress[] = [];
      const statuses: SyncStatus[] = [];
      const updates: Array<{ revision: number | null }> = [];
      center.service.on('syncProgress', (p) => progress.push(p));
      center.service.on('syncStatus', (s) => statuses.push(s));
      center.service.on('contentUpdated', (u) => updates.push(u));
      expect(await dispatch(center.service, 'setSettings', [{ feedUrl: server.url }])).toMatchObject({ ok: true });

      const result = await dispatch(center.service, 'syncNow', []);
      expect(result).toEqual({ ok: true, value: { revision: 1, added: 1, updated: 0, deleted: 0, total: 6, notModified: false, bytesDownloaded: expect.any(Number), assets: { added: 0, removed: 0 } } });
      expect([...new Set(progress.map((p) => p.phase))]).toEqual(['manifest', 'download', 'verify', 'apply', 'index', 'done']);
      expect(progress.filter((p) => p.phase === 'done')).toHaveLength(1);
      expect(progress.filter((p) => p.phase === 'apply').at(-1)).toMatchObject({ records: 6, totalRecords: 6 });
      expect(statuses[0]!.syncing).toBe(true);
      expect(statuses.at(-1)).toMatchObject({ syncing: false, revision: 1, articles: 6, lastError: null, source: `${server.url}/manifest.json` });
      expect(updates).toEqual([{ revision: 1 }]);
      expect((await center.service.search({ text: '무지개' })).results.map((r) => r.id)).toEqual(['from-server']);

      server.fail('manifest.json', { kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
      const failed = await dispatch(center.service, 'syncNow', []);
      expect(failed).toMatchObject({ ok: false, error: { code: 'sync-failed', reason: 'http', message: expect.stringMatching(/answered with an error \(HTTP 503\)/) } });
      expect(await center.service.getSyncStatus()).toMatchObject({ revision: 1, articles: 6, lastError: { code: 'http' } });
    } finally {
      center.close();
      await server.close();
    }
  });

  it('keeps a failed first sync as the last error when the bundled help center is imported after it', async () => {
    const files = dataFilesForContentDb(join(tempDir(), 'content.db'));
    const first = await open(files, null);
    try {
      await first.service.setSettings({ feedUrl: 'http://127.0.0.1:9/feed' });
      expect(await dispatch(first.service, 'syncNow', [])).toMatchObject({ ok: false, error: { code: 'sync-failed', reason: 'network' } });
    } finally {
      first.close();
    }
    const reopened = await open(files, bundledFeed());
    try {
      expect(reopened.startup.importedBundledRevision).toBe(1);
      // What Settings and the tray tooltip read.
      expect(await reopened.service.getSyncStatus()).toMatchObject({ source: 'bundled', articles: 5, lastError: { code: 'network', message: expect.stringContaining('127.0.0.1:9') } });
      expect(reopened.content.syncState().failures).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('accepts a Zendesk help center as the feed location and refuses what is neither', async () => {
    const center = await open(dataFilesForContentDb(join(tempDir(), 'content.db')), null);
    try {
      expect((await center.service.setSettings({ feedUrl: ' zendesk:https://help.example.com/hc/ko ' })).feedUrl).toBe('zendesk:https://help.example.com/hc/ko');
      expect(await dispatch(center.service, 'setSettings', [{ feedUrl: 'zendesk:help.example.com' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await dispatch(center.service, 'setSettings', [{ feedUrl: 'ftp://x' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      await center.service.setSettings({ feedUrl: null });
      expect(await dispatch(center.service, 'syncNow', [])).toMatchObject({ ok: false, error: { code: 'sync-failed', reason: 'not-found' } });
      expect(await center.service.cancelSync()).toBe(false);
    } finally {
      center.close();
    }
  });
});
