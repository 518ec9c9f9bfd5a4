/**
 * What every CLI command shares: where the repository's resources are, which data files to
 * use (`--db` or the app's per-user files), and opening the help center over them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostOsFromNodePlatform, type HostOs } from '../../shared/platform';
import { buildFeed } from '../core/feed/builder';
import { MANIFEST_FILE } from '../core/feed/format';
import { openHelpCenter, type HelpCenter } from '../core/help-center';
import { printable } from './usage';
import { dataFiles, dataFilesForContentDb, defaultDataDir, type DataFiles } from '../core/paths';

/** The repository root (this file is electron/cli/context.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CONTENT_DIR = resolve(REPO_ROOT, 'resources', 'content');
export const BUNDLED_FEED_DIR = resolve(REPO_ROOT, 'resources', 'feed');
export const RENDERER_DIR = resolve(REPO_ROOT, 'out', 'renderer');

/** Messages for people go to stderr, so stdout stays clean for --json. */
export function note(message: string): void {
  process.stderr.write(`${printable(message)}\n`);
}

/**
 * The bundled feed is built from resources/content by `npm run build`; a fresh checkout may
 * not have it yet, so it is built here on first use.
 */
export function ensureBundledFeed(): string | null {
  if (existsSync(resolve(BUNDLED_FEED_DIR, MANIFEST_FILE))) return BUNDLED_FEED_DIR;
  if (!existsSync(CONTENT_DIR)) return null;
  note(`doum: building the bundled help center from ${CONTENT_DIR}…`);
  buildFeed({ contentDir: CONTENT_DIR, outDir: BUNDLED_FEED_DIR });
  return BUNDLED_FEED_DIR;
}

export function filesFor(db: string | undefined): DataFiles {
  return db ? dataFilesForContentDb(resolve(db)) : dataFiles(defaultDataDir());
}

export function packageVersion(): string {
  try {
    return (require(resolve(REPO_ROOT, 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface CliOpenOptions {
  db?: string;
  hostOs?: HostOs;
  skipBundledImport?: boolean;
}

export async function openForCli(options: CliOpenOptions = {}): Promise<HelpCenter> {
  const files = filesFor(options.db);
  const center = await openHelpCenter({
    files,
    bundledFeedDir: ensureBundledFeed(),
    hostOs: options.hostOs ?? hostOsFromNodePlatform(process.platform),
    version: packageVersion(),
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    transport: 'http',
    skipBundledImport: options.skipBundledImport,
    openExternal: async (url) => note(`doum: would open ${url} in the browser`),
  });
  const { recoveredContent, recoveredUserData, bundledImportError } = center.startup;
  if (recoveredUserData?.kind === 'restored') {
    note(`doum: ${files.user} was unreadable (${recoveredUserData.reason}); it was moved to ${recoveredUserData.movedAsideTo ?? '-'} and your bookmarks, history and settings were restored from the backup`);
  } else if (recoveredUserData?.kind === 'lost') {
    note(
      `doum: ${files.user} was unreadable (${recoveredUserData.reason}) and no backup could be used; bookmarks, history and settings start empty` +
        (recoveredUserData.trustKept ? ' (the feed, its pinned key and the update URL were kept)' : '; syncing is off until you set the feed again with "doum settings set feedUrl …"'),
    );
  }
  if (center.content.readOnly) note(`doum: the data folder of ${files.content} is read-only; reading and search work, nothing can be saved`);
  if (recoveredContent) {
    note(`doum: ${files.content} was unreadable (${recoveredContent.reason}); it was moved to ${recoveredContent.movedAsideTo} and the help center was restored from the bundled copy`);
  }
  if (bundledImportError) note(`doum: the bundled help center could not be imported: ${bundledImportError}`);
  return center;
}
