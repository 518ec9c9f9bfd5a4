/**
 * Doum's Electron entry: lifecycle only. One instance (a second launch hands its request to
 * this one), links and launches collected from the start, the help center opened, the shell
 * started (shell.ts wires the window, tray, menu, shortcut, sync and updates), everything
 * closed on quit. Each concern lives in its own module beside this one.
 */
import { app, crashReporter, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { hostOsFromNodePlatform } from '../../shared/platform';
import { openHelpCenter } from '../core/help-center';
import { dataFiles } from '../core/paths';
import { workerIndexBuilder } from '../core/search/index-builder';
import createIndexWorker from '../core/search/index-worker?nodeWorker';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { LaunchRequests, listenForLaunchRequests, parseArgv } from './deep-links';
import { LOGIN_ITEM } from './login-item';
import { startLogging } from './logging';
import { guardAllWebContents, handleDownloads, hardenSession } from './security';
import { startShell } from './shell';
import type { SyncJob } from './sync-process';
import syncProcessPath from './sync-process?modulePath';
import { appOrigin, rendererDir } from './window';

/** Must match electron-builder.yml's appId (Windows ties notifications to it). */
const APP_ID = 'app.doum.desktop';

if (process.env.DOUM_DATA_DIR) app.setPath('userData', process.env.DOUM_DATA_DIR);
const log = startLogging(app, crashReporter);
const os = hostOsFromNodePlatform(process.platform);
const defaultApp = process.defaultApp === true;
const launches = new LaunchRequests((message) => log.warn(message));
app.setAppUserModelId(APP_ID);
app.enableSandbox();
// Before 'ready', as Electron requires: the scheme the window and its pictures load from.
protocol.registerSchemesAsPrivileged([...APP_SCHEME_PRIVILEGES.map((s) => ({ ...s, privileges: { ...s.privileges } }))]);

function bundledFeedDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'feed') : join(app.getAppPath(), 'resources', 'feed');
}

async function start(): Promise<void> {
  const origin = appOrigin();
  guardAllWebContents(app, { origin, log, onAppLink: (url) => launches.acceptLink(url) });
  await app.whenReady();
  hardenSession(session.defaultSession, log);
  handleDownloads(session.defaultSession, { origin, log });

  const job: SyncJob = {
    files: dataFiles(app.getPath('userData')),
    bundledFeedDir: bundledFeedDir(),
    hostOs: os,
    version: app.getVersion(),
    systemLocale: app.getLocale(),
  };
  const center = await openHelpCenter({
    ...job,
    transport: 'ipc',
    openExternal: (url) => shell.openExternal(url),
    indexBuilder: workerIndexBuilder(createIndexWorker),
  });
  const { recoveredContent, recoveredUserData, bundledImportError } = center.startup;
  if (recoveredContent) log.warn(`the content database was unreadable (${recoveredContent.reason}); it was moved to ${recoveredContent.movedAsideTo}`);
  if (recoveredUserData) {
    const outcome = recoveredUserData.kind === 'restored' ? 'restored from its backup' : `lost (no usable backup; trust settings ${recoveredUserData.trustKept ? 'kept' : 'lost, syncing stays off until the feed is set again'})`;
    log.warn(`the user database was unreadable (${recoveredUserData.reason}); it was moved to ${recoveredUserData.movedAsideTo ?? '-'} and ${outcome} — the window tells the person`);
  }
  if (bundledImportError) log.warn(`the bundled help center could not be imported: ${bundledImportError}`);
  registerAppProtocol(protocol, { rendererDir: rendererDir(), asset: (sha256) => center.service.getAsset(sha256) });

  const desktop = await startShell({
    center,
    launches,
    origin,
    log,
    os,
    job,
    syncProcessPath,
    openedAtLogin: LOGIN_ITEM[os].openedAtLogin(process.argv, { app }),
  });
  app.on('before-quit', () => desktop.quitting());
  app.on('will-quit', () => {
    desktop.dispose();
    center.close();
    log.info('Doum quit');
  });
}

if (!app.requestSingleInstanceLock()) {
  log.info('Doum is already running; this launch was handed to it');
  app.quit();
} else {
  listenForLaunchRequests(app, launches, { defaultApp });
  // This launch's own link or search. A plain start (or one at login) asks for nothing beyond
  // the window startShell makes anyway, so it is not queued: what waits for the shell is then
  // only what someone asked for, which must show even a window that starts hidden.
  const own = parseArgv(process.argv, { defaultApp });
  if (own.target !== null || own.rejected !== null) launches.accept(own);
  start().catch((error: unknown) => {
    log.error('Doum failed to start', error);
    app.exit(1);
  });
}
