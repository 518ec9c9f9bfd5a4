/**
 * Doum's Electron entry: lifecycle only. It opens the help center (core/), exposes it over
 * IPC and shows the window; every concern lives in its own module beside this one.
 */
import { app, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { hostOsFromNodePlatform } from '../../shared/platform';
import { openHelpCenter, type HelpCenter } from '../core/help-center';
import { dataFiles } from '../core/paths';
import { workerIndexBuilder } from '../core/search/index-builder';
import createIndexWorker from '../core/search/index-worker?nodeWorker';
import { forwardEvents, registerHelpApi } from './ipc';
import { guardAllWebContents, hardenSession } from './security';
import { appOrigin, createMainWindow } from './window';

if (process.env.DOUM_DATA_DIR) app.setPath('userData', process.env.DOUM_DATA_DIR);

function bundledFeedDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'feed') : join(app.getAppPath(), 'resources', 'feed');
}

const log = (message: string): void => console.log(`[doum] ${message}`);

async function start(): Promise<void> {
  const origin = appOrigin();
  guardAllWebContents(app, origin, log);
  await app.whenReady();
  const { session } = await import('electron');
  hardenSession(session.defaultSession);

  const center: HelpCenter = await openHelpCenter({
    files: dataFiles(app.getPath('userData')),
    bundledFeedDir: bundledFeedDir(),
    hostOs: hostOsFromNodePlatform(process.platform),
    version: app.getVersion(),
    systemLocale: app.getLocale(),
    transport: 'ipc',
    openExternal: (url) => shell.openExternal(url),
    indexBuilder: workerIndexBuilder(createIndexWorker),
  });
  if (center.startup.recoveredContent) log(`content database was unreadable and was moved to ${center.startup.recoveredContent.movedAsideTo}`);
  registerHelpApi(ipcMain, center.service, origin);
  const window = createMainWindow(origin);
  forwardEvents(center.service, window.webContents);

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => center.close());
}

start().catch((error: unknown) => {
  console.error('[doum] failed to start:', error);
  app.exit(1);
});
