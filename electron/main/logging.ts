/**
 * Logging: electron-log writes to the per-user logs folder (macOS ~/Library/Logs/Doum,
 * Windows %APPDATA%\Doum\logs, Linux ~/.config/Doum/logs; DOUM_DATA_DIR/logs when that is
 * set). Uncaught errors of the main process land there too, as does core's console output,
 * and Chromium's crash dumps are kept locally (never uploaded) beside it.
 */
import type { App, CrashReporter } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';

/** What the shell's modules log through (electron-log in the app, a fake in tests). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function startLogging(app: App, crashReporter: CrashReporter): Log {
  if (process.env.DOUM_DATA_DIR) app.setAppLogsPath(join(process.env.DOUM_DATA_DIR, 'logs'));
  else app.setAppLogsPath();
  log.transports.file.resolvePathFn = () => join(app.getPath('logs'), 'main.log');
  log.transports.file.maxSize = 2 * 1024 * 1024;
  log.errorHandler.startCatching({ showDialog: false });
  // Core reports isolated failures with console.error; keep them in the file too.
  Object.assign(console, log.functions);
  crashReporter.start({ uploadToServer: false, compress: true });
  log.info(`Doum ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, error) => (error === undefined ? log.error(message) : log.error(message, error)),
  };
}
