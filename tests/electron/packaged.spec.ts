/**
 * The packaged app (`electron-builder --dir`), launched as people launch it: loaded from its
 * asar, better-sqlite3 rebuilt for Electron's ABI and unpacked beside it, the bundled help
 * center in resources/feed, and sync in a utility process forked from inside the asar.
 *
 * The packaged app's fuses turn off Node's --inspect, which Playwright's _electron needs, so
 * this test starts the executable itself and drives its window over the Chrome DevTools
 * Protocol (--remote-debugging-port, a Chromium switch no fuse removes). It runs in
 * .github/workflows/electron.yml after the build (DOUM_PACKAGED_APP=1) and is reported as
 * skipped everywhere else.
 */
import { listPackage } from '@electron/asar';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DIST = resolve(__dirname, '..', '..', 'dist');

interface PackagedApp {
  executable: string;
  resources: string;
}

/** Where electron-builder --dir put the app for this OS and architecture. */
function findPackagedApp(): PackagedApp {
  const folders = existsSync(DIST) ? readdirSync(DIST) : [];
  for (const folder of folders) {
    const dir = join(DIST, folder);
    const candidates: PackagedApp[] = [
      { executable: join(dir, 'Doum.app', 'Contents', 'MacOS', 'Doum'), resources: join(dir, 'Doum.app', 'Contents', 'Resources') },
      { executable: join(dir, 'Doum.exe'), resources: join(dir, 'resources') },
      { executable: join(dir, 'doum'), resources: join(dir, 'resources') },
    ];
    const found = candidates.find((candidate) => existsSync(candidate.executable));
    if (found) return found;
  }
  throw new Error(`no packaged app under ${DIST} (looked in: ${folders.join(', ') || 'nothing'}); run "npx electron-builder --dir" first`);
}

interface Running {
  page: Page;
  stop(): Promise<void>;
}

/** Starts the packaged executable with a DevTools port and returns its window. */
async function launchPackaged(executable: string, dataDir: string, ...args: string[]): Promise<Running> {
  const child: ChildProcess = spawn(executable, ['--remote-debugging-port=0', ...args], {
    env: { ...process.env, DOUM_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const endpoint = await new Promise<string>((found, failed) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) found(match[1]!);
    });
    child.on('exit', (code) => failed(new Error(`the packaged app exited (${code}) before it opened DevTools:\n${stderr}`)));
  });
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const isAppWindow = (page: Page) => page.url().includes('index.html');
  const page = context.pages().find(isAppWindow) ?? (await context.waitForEvent('page', { predicate: isAppWindow }));
  return {
    page,
    async stop() {
      await browser.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    },
  };
}

test.describe('the packaged app', () => {
  test.skip(process.env.DOUM_PACKAGED_APP !== '1', 'runs after "electron-builder --dir" in .github/workflows/electron.yml (DOUM_PACKAGED_APP=1)');

  let app: PackagedApp;
  let dataDir: string;
  test.beforeEach(() => {
    app = findPackagedApp();
    dataDir = mkdtempSync(join(tmpdir(), 'doum-packaged-'));
  });
  test.afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('carries the built app and its runtime packages in the asar, the native module and the help center outside it', () => {
    const files = new Set(listPackage(join(app.resources, 'app.asar'), { isPack: false }).map((file) => file.split('\\').join('/')));
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/node_modules/better-sqlite3/package.json', '/node_modules/lunr/package.json', '/node_modules/sanitize-html/package.json']) {
      expect(files.has(file), file).toBe(true);
    }
    for (const name of ['marked', 'yaml', 'lunr-languages', 'electron', 'react']) expect(files.has(`/node_modules/${name}/package.json`), name).toBe(false);
    expect(existsSync(join(app.resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(app.resources, 'feed', 'manifest.json'))).toBe(true);
  });

  test('starts from the asar and answers a doum:// search from SQLite (better-sqlite3 built for Electron)', async () => {
    const running = await launchPackaged(app.executable, dataDir, `doum://search?q=${encodeURIComponent('메시지')}`);
    try {
      expect(running.page.url()).toContain('app.asar');
      await expect(running.page.getByRole('searchbox')).toHaveValue('메시지');
      await expect(running.page.getByText(/^총 \d+건$/)).toBeVisible();
    } finally {
      await running.stop();
    }
  });

  test('syncs the bundled help center in its utility process', async () => {
    const running = await launchPackaged(app.executable, dataDir);
    try {
      await expect(running.page.getByRole('searchbox')).toBeVisible();
      const outcome = await running.page.evaluate(async () => {
        const doum = (window as unknown as { doum: { syncNow(): Promise<{ revision: number }>; getSyncStatus(): Promise<{ articles: number; lastError: unknown }> } }).doum;
        const report = await doum.syncNow();
        return { report, status: await doum.getSyncStatus() };
      });
      expect(outcome.report.revision).toBeGreaterThan(0);
      expect(outcome.status.lastError).toBeNull();
      expect(outcome.status.articles).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
  });
});
