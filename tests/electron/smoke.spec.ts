/**
 * Launches the built desktop app with Playwright's Electron support. It runs where an
 * Electron binary is installed (`npx install-electron`) and is reported as skipped, with the
 * reason, where none is.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedElectronBinary } from '../../electron/cli/electron-binary';

const REPO_ROOT = resolve(__dirname, '..', '..');

const binary = installedElectronBinary();

test.describe('desktop app', () => {
  test.skip(binary === null, 'no Electron binary is installed here (run "npx install-electron" on a machine that can download it)');

  test('launches, shows the help center and searches', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doum-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [REPO_ROOT],
      env: { ...process.env, DOUM_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('searchbox')).toBeVisible();
      await window.getByRole('searchbox').fill('메시지');
      await expect(window.getByText(/^총 \d+건$/)).toBeVisible();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
