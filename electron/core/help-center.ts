/**
 * Opens everything Doum needs around one content file: the stores, the search index and the
 * sync engine, wired into a HelpService. Every host starts here and nowhere else: the CLI,
 * the preview and the desktop app's service process (electron/main/service-process.ts). A corrupt content file (or one from a newer Doum) is moved aside with a timestamp
 * and rebuilt from the bundled feed — the user's file, and so their bookmarks, history and
 * settings, is never touched by that — and `startup.recoveredContent` reports it for the shell
 * and the CLI to tell. An empty or bundled-only store is brought up to the bundled feed's
 * revision, so the app is usable offline from the first launch.
 */
import type { SecurityChange } from '../../shared/api';
import type { HostOs } from '../../shared/platform';
import type { AppInfo, StartupNotice } from '../../shared/types';
import { defaultPolicyFile, readPolicy } from './policy';
import { errorMessage, SyncError } from './errors';
import { buildIndexInThread, type IndexBuilder } from './search/index-builder';
import { SearchIndex } from './search/search-index';
import { BUNDLED_SOURCE_ID, checkTrustSettings, HelpService } from './service';
import { ContentStore } from './store/content-store';
import { UserStore, type UserDataRecovery } from './store/user-store';
import { SyncEngine } from './sync/engine';
import { FolderFeedSource } from './sync/feed-source';
import { InProcessSyncRunner, type SyncRunner } from './sync/runner';
import type { SyncSource } from './sync/sources';
import type { DataFiles } from './paths';

export interface OpenHelpCenterOptions {
  files: DataFiles;
  bundledFeedDir: string | null;
  hostOs: HostOs;
  version: string;
  systemLocale: string;
  transport: AppInfo['transport'];
  openExternal: (url: string) => Promise<void>;
  indexBuilder?: IndexBuilder;
  sourceFor?: (location: string) => SyncSource;
  /** Where syncs run; default: in this process (InProcessSyncRunner). */
  syncRunner?: SyncRunner;
  /** See HelpServiceOptions.confirmSecurityChange: the desktop app's dialog; none elsewhere. */
  confirmSecurityChange?: (changes: SecurityChange[]) => Promise<boolean>;
  /** Skip importing the bundled feed (the CLI's `sync --feed` brings its own). */
  skipBundledImport?: boolean;
  /** Open the data files read-only (also chosen by itself when the folder cannot be written). */
  readOnly?: boolean;
  /** The administrator's policy file; default: the per-OS place (policy.ts). */
  policyFile?: string;
}

/** What the person is told at start about their data (AppInfo.notices; the CLI's stderr). */
function startupNotices(recovered: UserDataRecovery | null, readOnly: boolean): StartupNotice[] {
  const notices: StartupNotice[] = [];
  if (recovered?.kind === 'restored') notices.push({ kind: 'user-data-restored' });
  if (recovered?.kind === 'lost') notices.push({ kind: 'user-data-lost', trustKept: recovered.trustKept });
  if (readOnly) notices.push({ kind: 'read-only' });
  return notices;
}

export interface StartupReport {
  /** Set when the content file was unreadable and was moved aside. */
  recoveredContent: { movedAsideTo: string; reason: string } | null;
  /** Set when the user file was unreadable: restored from its backup, or lost. */
  recoveredUserData: UserDataRecovery | null;
  /** Revision imported from the bundled feed at start-up, if any. */
  importedBundledRevision: number | null;
  /** Why the bundled import failed, if it did (the app still starts). */
  bundledImportError: string | null;
  searchIndex: 'loaded' | 'rebuilt';
}

export interface HelpCenter {
  service: HelpService;
  content: ContentStore;
  user: UserStore;
  sync: SyncEngine;
  search: SearchIndex;
  startup: StartupReport;
  close(): void;
}

async function importBundled(content: ContentStore, sync: SyncEngine, bundledFeedDir: string): Promise<number | null> {
  const state = content.syncState();
  // Only an empty store or one that has never synced anything but the bundle follows it.
  if (!content.isEmpty() && state.source !== BUNDLED_SOURCE_ID) return null;
  // Not a sync anyone asked for: a failed sync before it stays the last error until one succeeds.
  const report = await sync.sync(new FolderFeedSource(bundledFeedDir, BUNDLED_SOURCE_ID), { keepLastError: true });
  return report.notModified ? null : report.revision;
}

export async function openHelpCenter(options: OpenHelpCenterOptions): Promise<HelpCenter> {
  const { files } = options;
  const policy = readPolicy(options.policyFile ?? defaultPolicyFile(), checkTrustSettings);
  const opened = ContentStore.open(files.content, { readOnly: options.readOnly });
  const content = opened.store;
  let user: UserStore;
  let recoveredUserData: StartupReport['recoveredUserData'];
  try {
    const openedUser = UserStore.open(files.user, { readOnly: options.readOnly || content.readOnly });
    user = openedUser.store;
    recoveredUserData = openedUser.recovered;
  } catch (error) {
    content.close();
    throw error;
  }
  const sync = new SyncEngine({ store: content, lockFile: files.syncLock });
  const search = new SearchIndex(content, options.indexBuilder ?? buildIndexInThread);

  let importedBundledRevision: number | null = null;
  let bundledImportError: string | null = null;
  if (options.bundledFeedDir && !options.skipBundledImport && !content.readOnly) {
    try {
      importedBundledRevision = await importBundled(content, sync, options.bundledFeedDir);
    } catch (error) {
      // Another process syncing is fine: it will bring the content.
      if (!(error instanceof SyncError && error.kind === 'busy')) bundledImportError = errorMessage(error);
    }
  }
  const index = await search.open();

  const service = new HelpService({
    content,
    user,
    search,
    sync: options.syncRunner ?? new InProcessSyncRunner(sync, search),
    hostOs: options.hostOs,
    version: options.version,
    systemLocale: options.systemLocale,
    transport: options.transport,
    bundledFeedDir: options.bundledFeedDir,
    openExternal: options.openExternal,
    sourceFor: options.sourceFor,
    policy,
    notices: startupNotices(recoveredUserData, content.readOnly),
    confirmSecurityChange: options.confirmSecurityChange,
  });
  return {
    service,
    content,
    user,
    sync,
    search,
    startup: { recoveredContent: opened.recovered, recoveredUserData, importedBundledRevision, bundledImportError, searchIndex: index.how },
    close() {
      sync.cancel();
      content.close();
      user.close();
    },
  };
}
