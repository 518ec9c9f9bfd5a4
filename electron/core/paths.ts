/**
 * Where Doum keeps its files. The CLI and the app must agree without the CLI importing
 * Electron, so this mirrors Electron's `app.getPath('userData')` for the product name "Doum".
 * DOUM_DATA_DIR overrides it (tests, portable setups).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Doum';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.DOUM_DATA_DIR) return env.DOUM_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export interface DataFiles {
  content: string;
  user: string;
  syncLock: string;
}

export function dataFiles(dataDir: string): DataFiles {
  return {
    content: join(dataDir, 'content.db'),
    user: join(dataDir, 'user.db'),
    syncLock: join(dataDir, 'sync.lock'),
  };
}

/** The user file sits beside the content file, so `--db <file>` moves both together. */
export function dataFilesForContentDb(contentDb: string): DataFiles {
  const base = contentDb.replace(/\.db$/i, '');
  return { content: contentDb, user: `${base}.user.db`, syncLock: `${base}.sync.lock` };
}
