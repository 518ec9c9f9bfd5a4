/**
 * Doum's Electron entry: lifecycle only. One instance (a second launch hands its request to
 * this one), links and launches collected from the start, the help center opened in its own
 * process (service-process.ts, reached through service-client.ts), the shell started
 * (shell.ts wires the window, tray, menu, shortcut, sync schedule and updates), everything
 * closed on quit. Each concern lives in its own module beside this one.
 */
import { app, crashReporter, protocol, session, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import { hostOsFromNodePlatform } from '../../shared/platform';
import { dataFiles } from '../core/paths';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { LaunchRequests, listenForLaunchRequests, parseArgv } from './deep-links';
import { LOGIN_ITEM } from './login-item';
import { startLogging, type Log } from './logging';
import { guardAllWebContents, handleDownloads, hardenSession } from './security';
import { ServiceClient, type ServiceChild } from './service-client';
import { startShell, type Shell } from './shell';
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

/** The built service-process.ts (an entry of electron.vite.config.ts, beside this file). */
const SERVICE_PROCESS = join(__dirname, 'service-process.js');

function bundledFeedDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'feed') : join(app.getAppPath(), 'resources', 'feed');
}

/** The help center's own process: Electron's utility process running the built service-process.js. */
function forkServiceProcess(modulePath: string, log: Log): ServiceChild {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Doum help center', stdio: 'pipe' });
  child.stdout?.on('data', (chunk: Buffer) => log.info(`help center process: ${chunk.toString().trimEnd()}`));
  child.stderr?.on('data', (chunk: Buffer) => log.warn(`help center process: ${chunk.toString().trimEnd()}`));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
}

async function start(): Promise<void> {
  const origin = appOrigin();
  guardAllWebContents(app, { origin, log, onAppLink: (url) => launches.acceptLink(url) });
  await app.whenReady();
  hardenSession(session.defaultSession, log);
  handleDownloads(session.defaultSession, { origin, log });

  let desktop: Shell | null = null;
  const service = new ServiceClient({
    fork: () => forkServiceProcess(SERVICE_PROCESS, log),
    config: {
      files: dataFiles(app.getPath('userData')),
      bundledFeedDir: bundledFeedDir(),
      hostOs: os,
      version: app.getVersion(),
      systemLocale: app.getLocale(),
    },
    log,
    host: {
      // Before the shell is up there is no page that could have asked.
      confirmSecurityChange: async ({ changes }) => (desktop ? desktop.confirmSecurityChange(changes) : false),
      openExternal: async ({ url }) => {
        await shell.openExternal(url);
        return null;
      },
    },
  });
  const { recoveredContent, recoveredUserData, bundledImportError } = await service.start();
  if (recoveredContent) log.warn(`the content database was unreadable (${recoveredContent.reason}); it was moved to ${recoveredContent.movedAsideTo}`);
  if (recoveredUserData) {
    const outcome = recoveredUserData.kind === 'restored' ? 'restored from its backup' : `lost (no usable backup; trust settings ${recoveredUserData.trustKept ? 'kept' : 'lost, syncing stays off until the feed is set again'})`;
    log.warn(`the user database was unreadable (${recoveredUserData.reason}); it was moved to ${recoveredUserData.movedAsideTo ?? '-'} and ${outcome} — the window tells the person`);
  }
  if (bundledImportError) log.warn(`the bundled help center could not be imported: ${bundledImportError}`);
  registerAppProtocol(protocol, { rendererDir: rendererDir(), asset: (sha256) => service.getAsset(sha256) });

  const started = await startShell({
    service,
    launches,
    origin,
    log,
    os,
    openedAtLogin: LOGIN_ITEM[os].openedAtLogin(process.argv, { app }),
  });
  desktop = started;
  app.on('before-quit', () => started.quitting());
  // The service closes its databases before Doum ends: the quit waits for that once, then goes on.
  let serviceClosed = false;
  app.on('will-quit', (event) => {
    if (serviceClosed) {
      log.info('Doum quit');
      return;
    }
    event.preventDefault();
    started.dispose();
    void service.close().finally(() => {
      serviceClosed = true;
      app.quit();
    });
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
