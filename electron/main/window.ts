/** The main window: secure webPreferences, the app's entry page, events forwarded. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECURE_WEB_PREFERENCES, type AppOrigin } from './security-policy';

export function appOrigin(): AppOrigin {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return { entryUrl: devServer ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href };
}

export function createMainWindow(origin: AppOrigin): BrowserWindow {
  const window = new BrowserWindow({
    width: 1080,
    height: 760,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Doum',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(origin.entryUrl);
  return window;
}
