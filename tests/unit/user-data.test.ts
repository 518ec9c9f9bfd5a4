/**
 * The user's data never disappears silently, on real SQLite files: a zeroed, emptied or
 * deleted user database is restored from its verified backup and reported; the trust state
 * survives in its second place; when nothing survives, syncing fails closed until a person
 * sets the feed again. A read-only data folder still reads and says why it cannot write. An
 * administrator's policy fixes the security settings.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupNotice } from '../../shared/types';
import { dispatch } from '../../electron/core/dispatch';
import { SyncError, StoreError } from '../../electron/core/errors';
import { generateFeedKeyPair } from '../../electron/core/feed/signing';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb, type DataFiles } from '../../electron/core/paths';
import { PolicyError } from '../../electron/core/policy';
import { backupFileFor } from '../../electron/core/store/user-store';
import { trustFileFor } from '../../electron/core/store/trust-file';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { BASE_ARTICLES, buildTestFeed } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { fastSourceFor, openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

const opened: HelpCenter[] = [];
const servers: FeedServer[] = [];
afterEach(async () => {
  for (const center of opened.splice(0)) center.close();
  for (const server of servers.splice(0)) await server.close();
});

function bundledFeed(): string {
  const root = tempDir();
  buildTestFeed(join(root, 'content'), join(root, 'bundled'), BASE_ARTICLES);
  return join(root, 'bundled');
}

const BUNDLED = bundledFeed();
const NO_POLICY = join(tempDir(), 'no-policy.json');

async function open(files: DataFiles, options: { policyFile?: string; readOnly?: boolean } = {}): Promise<HelpCenter> {
  const center = await openTestHelpCenter({
    files,
    bundledFeedDir: BUNDLED,
    sourceFor: fastSourceFor,
    policyFile: options.policyFile ?? NO_POLICY,
    readOnly: options.readOnly,
  });
  opened.push(center);
  return center;
}

/** Closes a center opened by `open` (closing writes the last backup). */
function close(center: HelpCenter): void {
  opened.splice(opened.indexOf(center), 1);
  center.close();
}

/** A help center with a bookmark, a view and a pinned key, closed again. */
async function withUserData(): Promise<{ files: DataFiles; publicKey: string }> {
  const files = dataFilesForContentDb(join(tempDir(), 'help.db'));
  const center = await open(files);
  const { publicKey } = generateFeedKeyPair();
  await center.service.setBookmarked('report-message', true);
  await center.service.recordView('delete-message');
  await center.service.setSettings({ feedPublicKey: publicKey, textScale: 1.2 });
  await center.user.flushBackup();
  close(center);
  return { files, publicKey };
}

const notices = async (center: HelpCenter): Promise<StartupNotice[]> => (await center.service.getAppInfo()).notices;

describe('a damaged user database', () => {
  it('is restored from its backup when zeroed, and the person is told', async () => {
    const { files, publicKey } = await withUserData();
    expect(existsSync(backupFileFor(files.user))).toBe(true);
    writeFileSync(files.user, Buffer.alloc(statSync(files.user).size));
    const center = await open(files);
    expect(center.startup.recoveredUserData).toMatchObject({ kind: 'restored', reason: expect.stringMatching(/not a database/) });
    expect(existsSync(center.startup.recoveredUserData!.movedAsideTo!)).toBe(true);
    expect(await notices(center)).toEqual([{ kind: 'user-data-restored' }]);
    expect((await center.service.listBookmarks()).map((b) => b.articleId)).toEqual(['report-message']);
    expect((await center.service.listHistory()).map((h) => h.articleId)).toEqual(['delete-message']);
    expect(await center.service.getSettings()).toMatchObject({ feedPublicKey: publicKey, textScale: 1.2 });
  });

  it('is restored from its backup when emptied or deleted (which SQLite would take for a new database)', async () => {
    const { files } = await withUserData();
    truncateSync(files.user, 0);
    const emptied = await open(files);
    expect(emptied.startup.recoveredUserData).toMatchObject({ kind: 'restored', reason: expect.stringMatching(/is empty, but a backup of it exists/) });
    expect(await emptied.service.listBookmarks()).toHaveLength(1);
    close(emptied);
    rmSync(files.user);
    const deleted = await open(files);
    expect(deleted.startup.recoveredUserData).toMatchObject({ kind: 'restored', movedAsideTo: null });
    expect(await deleted.service.listBookmarks()).toHaveLength(1);
  });

  it('keeps the pinned key from the trust file when the database and its backup are both lost', async () => {
    const { files, publicKey } = await withUserData();
    writeFileSync(files.user, Buffer.alloc(8192));
    writeFileSync(backupFileFor(files.user), Buffer.alloc(8192));
    const center = await open(files);
    expect(center.startup.recoveredUserData).toMatchObject({ kind: 'lost', trustKept: true });
    expect(await notices(center)).toEqual([{ kind: 'user-data-lost', trustKept: true }]);
    expect(await center.service.listBookmarks()).toEqual([]);
    expect((await center.service.getSettings()).feedPublicKey).toBe(publicKey);
    // Verification stays on: an unsigned feed is refused.
    const root = tempDir();
    buildTestFeed(join(root, 'content'), join(root, 'feed'), BASE_ARTICLES);
    const server = await startFeedServer(join(root, 'feed'));
    servers.push(server);
    await center.service.setSettings({ feedUrl: server.url });
    await expect(center.service.syncNow()).rejects.toMatchObject({ kind: 'signature', message: expect.stringMatching(/not signed/) });
  });

  it('fails closed when nothing survives: no sync until a person sets the feed again', async () => {
    const { files } = await withUserData();
    writeFileSync(files.user, Buffer.alloc(8192));
    rmSync(backupFileFor(files.user));
    rmSync(trustFileFor(files.user));
    const center = await open(files);
    expect(center.startup.recoveredUserData).toMatchObject({ kind: 'lost', trustKept: false });
    expect(await notices(center)).toEqual([{ kind: 'user-data-lost', trustKept: false }]);
    const refused = await center.service.syncNow().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncError);
    expect(refused).toMatchObject({ kind: 'untrusted', message: expect.stringMatching(/set the feed address .* again in Settings/) });
    // Reading still works; setting the feed (here: the bundled one, no URL) lifts it.
    expect((await center.service.search({ text: '차단' })).total).toBeGreaterThan(0);
    await center.service.setSettings({ feedUrl: null });
    await expect(center.service.syncNow()).resolves.toMatchObject({ notModified: true });
  });

  it('writes the trust state back to its second place when only that was lost', async () => {
    const { files, publicKey } = await withUserData();
    rmSync(trustFileFor(files.user));
    const center = await open(files);
    expect(center.startup.recoveredUserData).toBeNull();
    close(center);
    expect(JSON.parse(execFileSync('cat', [trustFileFor(files.user)]).toString())).toMatchObject({ feedPublicKey: publicKey });
  });
});

describe('a read-only data folder', () => {
  /**
   * Root ignores file permissions, so the folder is made read-only the way a locked-down
   * machine does it: a read-only bind mount (needs root and mount; skipped, saying so, where
   * that is not possible).
   */
  function readOnlyView(dir: string): string | null {
    const view = `${dir}-ro`;
    mkdirSync(view);
    const bind = spawnSync('mount', ['--bind', dir, view]);
    if (bind.status !== 0) return null;
    if (spawnSync('mount', ['-o', 'remount,ro,bind', view]).status !== 0) {
      spawnSync('umount', [view]);
      return null;
    }
    mounts.push(view);
    return view;
  }
  const mounts: string[] = [];
  afterEach(() => {
    for (const view of mounts.splice(0)) spawnSync('umount', [view]);
  });

  it('still searches and reads (app and CLI), while bookmarks, settings and sync say why they cannot write', async (context) => {
    const { files } = await withUserData();
    const dir = join(files.content, '..');
    const view = readOnlyView(dir);
    if (!view) {
      context.skip('a read-only bind mount needs root and mount(8); this machine cannot make one');
      return;
    }
    const roFiles = dataFilesForContentDb(join(view, 'help.db'));
    const center = await open(roFiles);
    expect(center.content.readOnly).toBe(true);
    expect(await notices(center)).toEqual([{ kind: 'read-only' }]);
    expect((await center.service.search({ text: '차단' })).total).toBeGreaterThan(0);
    expect(await center.service.getArticle('report-message')).toMatchObject({ title: '메시지 신고하기' });
    expect(await center.service.listBookmarks()).toHaveLength(1);
    await center.service.recordView('report-message');
    const bookmark = await dispatch(center.service, 'setBookmarked', ['delete-message', true]);
    expect(bookmark).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/data folder .* is read-only/) } });
    await expect(center.service.setSettings({ theme: 'dark' })).rejects.toBeInstanceOf(StoreError);
    await expect(center.service.syncNow()).rejects.toMatchObject({ kind: 'read-only', message: expect.stringMatching(/read-only; make it writable to sync/) });

    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'electron', 'cli', 'index.ts'), 'search', '차단', '--db', roFiles.content, '--json'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DOUM_POLICY_FILE: NO_POLICY },
      encoding: 'utf8',
    });
    expect(cli.stderr).toMatch(/read-only; reading and search work/);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).total).toBeGreaterThan(0);
  });
});

describe("an administrator's policy", () => {
  it('fixes the feed URL, key and update URL: shown as locked, refused when changed', async () => {
    const { publicKey } = generateFeedKeyPair();
    const policy = join(tempDir(), 'policy.json');
    writeFileSync(policy, JSON.stringify({ feedUrl: 'https://help.example.com/feed', feedPublicKey: publicKey }));
    const center = await open(dataFilesForContentDb(join(tempDir(), 'help.db')), { policyFile: policy });
    expect((await center.service.getAppInfo()).lockedSettings).toEqual(['feedUrl', 'feedPublicKey']);
    expect(await center.service.getSettings()).toMatchObject({ feedUrl: 'https://help.example.com/feed', feedPublicKey: publicKey, updateUrl: null });
    const refused = await dispatch(center.service, 'setSettings', [{ feedPublicKey: null }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/feedPublicKey is set by your administrator/) } });
    expect((await center.service.getSettings()).feedPublicKey).toBe(publicKey);
    // What the policy leaves alone stays the person's, and the same value is no change.
    await center.service.setSettings({ updateUrl: 'https://updates.example.com/', feedUrl: 'https://help.example.com/feed' });
  });

  it('refuses to start with a damaged policy, rather than quietly lifting its locks', async () => {
    const policy = join(tempDir(), 'policy.json');
    writeFileSync(policy, JSON.stringify({ feedUrl: 'ftp://help.example.com' }));
    await expect(open(dataFilesForContentDb(join(tempDir(), 'help.db')), { policyFile: policy })).rejects.toBeInstanceOf(PolicyError);
    writeFileSync(policy, '{ not json');
    await expect(open(dataFilesForContentDb(join(tempDir(), 'help.db')), { policyFile: policy })).rejects.toThrow(/policy file .* cannot be read as JSON/);
  });
});
