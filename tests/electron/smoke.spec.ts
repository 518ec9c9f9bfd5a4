/**
 * Launches the built desktop app with Playwright's Electron support: the window, the tray and
 * its menu, a search opened by a doum:// link at launch, and a link handed over by a second
 * launch. It runs where an Electron binary is installed (`npx install-electron`) and is
 * reported as skipped, with the reason, where none is.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedElectronBinary } from '../../electron/cli/electron-binary';

const REPO_ROOT = resolve(__dirname, '..', '..');

const binary = installedElectronBinary();

/** What electron/main/shell.ts exposes to this test when DOUM_TEST_PROBE is set. */
interface Probe {
  trayExists(): boolean;
  trayMenu(): string[];
}

async function launch(dataDir: string, ...args: string[]): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    args: [REPO_ROOT, ...args],
    env: { ...process.env, DOUM_DATA_DIR: dataDir, DOUM_TEST_PROBE: '1' },
  });
}

test.describe('desktop app', () => {
  test.skip(binary === null, 'no Electron binary is installed here (run "npx install-electron" on a machine that can download it)');

  let dataDir: string;
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'doum-electron-'));
  });
  test.afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('launches with a tray, and opens a search from a doum:// link', async () => {
    const app = await launch(dataDir, `doum://search?q=${encodeURIComponent('메시지')}`);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('combobox')).toHaveValue('메시지');
      await expect(window.getByText(/^총 \d+건$/)).toBeVisible();

      const probe = () => app.evaluate(() => {
        const p = (globalThis as unknown as { doumProbe: Probe }).doumProbe;
        return { exists: p.trayExists(), menu: p.trayMenu() };
      });
      await expect.poll(async () => (await probe()).exists).toBe(true);
      // Open, Search…, the recent-articles heading, Sync now, its status, Settings, Quit.
      await expect.poll(async () => (await probe()).menu.length).toBeGreaterThanOrEqual(7);
      const { menu } = await probe();
      expect(menu.some((label) => label === 'Quit Doum' || label === 'Doum 종료')).toBe(true);

      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  test('hands a link from a second launch to the running window', async () => {
    const app = await launch(dataDir);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('combobox')).toBeVisible();
      const second = spawn(binary!, [REPO_ROOT, `doum://search?q=${encodeURIComponent('삭제')}`], {
        env: { ...process.env, DOUM_DATA_DIR: dataDir },
        stdio: 'ignore',
      });
      const exitCode = await new Promise<number | null>((done) => second.on('exit', done));
      expect(exitCode).toBe(0);
      await expect(window.getByRole('combobox')).toHaveValue('삭제');
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
