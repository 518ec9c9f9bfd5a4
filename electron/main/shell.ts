/**
 * The desktop shell around the help center (which runs in the service process, reached
 * through service-client.ts): window, tray, application menu, global shortcut, deep links,
 * the sync schedule, update checks, start at login and notifications — each from its own
 * module — wired to the service, with the settings applied at start and whenever they change
 * (`settingsChanged`). The shell asks the service; it never reads the data itself.
 */
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  screen,
  shell,
  Tray,
} from 'electron';
import type { AppUpdater } from 'electron-updater';
import { join } from 'node:path';
import type { SecurityChange } from '../../shared/api';
import { resolveUiLanguage } from '../../shared/locale';
import type { HostOs } from '../../shared/platform';
import { formatAccelerator } from '../../shared/shortcuts';
import { stepTextScale, type TextScaleStep } from '../../shared/text-scale';
import type { NavigateTarget, Settings, SyncReport, SyncStatus } from '../../shared/types';
import { routeHash, registerProtocol, type LaunchRequests } from './deep-links';
import { forwardEvents, registerHelpApi } from './ipc';
import { defaultAutostartDir, LOGIN_ITEM } from './login-item';
import type { Log } from './logging';
import { applicationMenuTemplate } from './menu';
import type { AppOrigin } from './security-policy';
import { needsReport, registerShortcut } from './shortcuts';
import { ShellStateFile } from './state-file';
import type { ServiceClient } from './service-client';
import { SyncScheduler, watchSystem } from './sync-scheduler';
import { shellText, type ShellLanguage } from './text';
import { DoumTray, RECENT_LIMIT } from './tray';
import { Updates, type Updater } from './updates';
import { MainWindow, WINDOW_BEHAVIOUR } from './window';

export interface ShellOptions {
  /** The help center, open in the service process. */
  service: ServiceClient;
  launches: LaunchRequests;
  origin: AppOrigin;
  log: Log;
  os: HostOs;
  /** Started by the login item: stay in the tray. */
  openedAtLogin: boolean;
}

export interface Shell {
  /** The app is quitting: let the window close for real. */
  quitting(): void;
  /** Asks the person (a native dialog) whether the page may make these changes; true to go ahead. */
  confirmSecurityChange(changes: SecurityChange[]): Promise<boolean>;
  dispose(): void;
}

export async function startShell(options: ShellOptions): Promise<Shell> {
  const { service, launches, origin, log, os } = options;
  const iconsDir = join(app.getAppPath(), 'resources', 'icons');
  const state = new ShellStateFile(join(app.getPath('userData'), 'shell-state.json'));
  let settings: Settings = await service.request('getSettings');
  const language = (): ShellLanguage => resolveUiLanguage(settings.language, app.getLocale());
  const text = (): ReturnType<typeof shellText> => shellText(language());
  let quitting = false;
  let shortcut: string | null = null;

  // Shown notifications are kept referenced until dismissed, or their click could be lost.
  const shown = new Set<Notification>();
  const notify = (title: string, body: string, onClick?: () => void): void => {
    log.info(`notification: ${title} — ${body}`);
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body, silent: true });
    shown.add(notification);
    notification.on('click', () => onClick?.());
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };

  // -- the window ------------------------------------------------------------------------------
  nativeTheme.themeSource = settings.theme;
  const window = new MainWindow(
    { BrowserWindow, screen, nativeTheme, app },
    {
      os,
      origin,
      preload: join(__dirname, '../preload/index.js'),
      icon: join(iconsDir, 'icon.png'),
      state,
      log,
      isQuitting: () => quitting,
      onHiddenToTray: () => {
        if (!WINDOW_BEHAVIOUR[os].explainCloseToTray || state.get().trayHintShown) return;
        state.update({ trayHintShown: true });
        if (!tray.balloon(text().stillRunningTitle, text().stillRunningBody)) notify(text().stillRunningTitle, text().stillRunningBody);
      },
      onCreated: (created) => {
        const stop = forwardEvents(service, created.webContents);
        created.on('closed', stop);
        // Windows logging off or shutting down: let the window close.
        created.on('session-end', () => {
          quitting = true;
        });
      },
    },
  );
  const navigate = (target: NavigateTarget | null): void => {
    window.show();
    if (target) service.emit('navigate', target);
  };

  // -- sync and its schedule -------------------------------------------------------------------
  // Syncs run in the service process; the shell keeps the last status it was told (the
  // scheduler decides from it without waiting on the service) and starts the ones it decides.
  let syncStatus: SyncStatus = await service.request('getSyncStatus');
  service.on('syncStatus', (status) => {
    syncStatus = status;
  });
  /**
   * A sync the shell starts (schedule, tray, a new feed): logged, and announced when it
   * brought articles. One at a time: asking again meanwhile joins it.
   */
  let shellSync: Promise<SyncReport> | null = null;
  const syncNow = (): Promise<SyncReport> => {
    shellSync ??= runSync().finally(() => {
      shellSync = null;
    });
    return shellSync;
  };
  const runSync = async (): Promise<SyncReport> => {
    const started = Date.now();
    try {
      const report = await service.request('syncNow');
      log.info(`sync finished in ${Date.now() - started} ms: ${report.notModified ? 'no change' : `revision ${report.revision}, +${report.added} ~${report.updated} -${report.deleted}`}`);
      for (const note of report.notes ?? []) log.warn(`sync: ${note.kind} ${note.record}: ${note.reason}`);
      const count = report.added + report.updated;
      if (settings.notifyOnSync && !report.notModified && count > 0 && !window.current?.isFocused()) {
        notify(text().appName, text().articlesUpdated(count), () => navigate({ kind: 'home' }));
      }
      return report;
    } catch (error) {
      log.warn(`sync failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
  const scheduler = new SyncScheduler({
    sync: {
      syncNow,
      get running() {
        return shellSync !== null || syncStatus.syncing;
      },
    },
    syncState: () => syncStatus,
    intervalHours: () => settings.syncIntervalHours,
    online: () => net.isOnline(),
    log,
  });
  const stopWatching = watchSystem(scheduler, { powerMonitor, isOnline: () => net.isOnline() });
  const startSync = (): void => void syncNow().catch(() => undefined);

  // -- the renderer's API ----------------------------------------------------------------------
  let refreshTray = (): void => undefined;
  const confirmSecurityChange = async (changes: SecurityChange[]): Promise<boolean> => {
    const words = text();
    const lines = changes.map(({ key, from, to }) => `${words.settingNames[key]}: ${from ?? words.notSet} → ${to ?? words.notSet}`);
    log.info(`the page asks to change ${changes.map((c) => c.key).join(', ')}; asking the person`);
    const options = {
      type: 'warning' as const,
      message: words.securityChangeMessage,
      detail: words.securityChangeDetail(lines),
      buttons: [words.securityChangeConfirm, words.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const parent = window.current;
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    log.info(`security setting change ${response === 0 ? 'confirmed' : 'cancelled'} by the person`);
    return response === 0;
  };
  registerHelpApi(ipcMain, (method, args) => service.call(method, args), origin, log);

  // -- tray and menu ---------------------------------------------------------------------------
  const tray = new DoumTray(
    { Tray, Menu, nativeImage },
    os,
    iconsDir,
    {
      open: () => navigate(null),
      toggle: () => window.toggle(),
      search: () => navigate({ kind: 'focus-search' }),
      openArticle: (id) => navigate({ kind: 'article', id }),
      syncNow: startSync,
      settings: () => navigate({ kind: 'settings' }),
      quit: () => app.quit(),
    },
    nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
  );
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  /** The shell is being taken down (quit): the tray is gone and the service is closing. */
  let disposed = false;
  refreshTray = () => {
    if (disposed) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        const recent = await service.request('listHistory', RECENT_LIMIT);
        if (disposed) return;
        tray.update({ text: text(), language: language(), recent, sync: syncStatus, shortcut, now: new Date() });
      } while (refreshAgain);
    })()
      // A refresh still waiting when Doum quits loses its answer with the service: nothing to say.
      .catch((error: unknown) => {
        if (!disposed) log.warn(`the tray menu could not be updated: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        refreshing = null;
      });
  };
  const applyMenu = (): void => {
    const actions = {
      textSize: (step: TextScaleStep) =>
        void service
          .request('getSettings')
          .then((current) => service.request('setSettings', { textScale: stepTextScale(current.textScale, step) }))
          .catch((error: unknown) => log.warn(`the text size could not be changed: ${error instanceof Error ? error.message : String(error)}`)),
      search: () => navigate({ kind: 'focus-search' }),
      find: () => navigate({ kind: 'find' }),
      settings: () => navigate({ kind: 'settings' }),
      home: () => navigate({ kind: 'home' }),
      showLogs: () => void shell.openPath(app.getPath('logs')),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(os, { text: text(), actions, developer: !app.isPackaged })));
  };

  // -- settings --------------------------------------------------------------------------------
  // Loaded only when an update URL is set. require, not import(): electron-updater defines
  // autoUpdater with a getter that Node's ESM-from-CommonJS export detection can miss.
  const loadUpdater = async (): Promise<Updater> => (require('electron-updater') as { autoUpdater: AppUpdater }).autoUpdater as unknown as Updater;
  const updates = new Updates(loadUpdater, {
    isPackaged: app.isPackaged,
    log,
    onReady: (version) => notify(text().updateReadyTitle(version), text().updateReadyBody),
  });
  const applyShortcut = (): void => {
    const result = registerShortcut(globalShortcut, settings.globalShortcut, shortcut, () => navigate({ kind: 'focus-search' }));
    shortcut = result.registered;
    for (const failure of result.failed) log.warn(`global shortcut ${failure.accelerator}: ${failure.reason}`);
    if (result.registered) log.info(`global shortcut: ${result.registered}`);
    const notice = needsReport(result) ? `${result.wanted}→${result.registered ?? ''}` : null;
    if (notice && notice !== state.get().shortcutNotice && result.wanted) {
      const wanted = formatAccelerator(result.wanted, os);
      notify(text().shortcutFailedTitle, result.registered ? text().shortcutFallback(wanted, formatAccelerator(result.registered, os)) : text().shortcutFailed(wanted));
    }
    if (notice !== state.get().shortcutNotice) state.update({ shortcutNotice: notice });
  };
  const applyLoginItem = (): void => {
    if (!app.isPackaged) {
      if (settings.startAtLogin) log.info('start at login is registered by installed builds only');
      return;
    }
    try {
      LOGIN_ITEM[os].apply(settings.startAtLogin, { app, executable: process.env.APPIMAGE ?? process.execPath, autostartDir: defaultAutostartDir() });
    } catch (error) {
      log.warn(`start at login could not be ${settings.startAtLogin ? 'set' : 'removed'}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const apply = (previous: Settings | null): void => {
    const changed = (key: keyof Settings): boolean => previous === null || previous[key] !== settings[key];
    if (changed('theme')) nativeTheme.themeSource = settings.theme;
    if (changed('globalShortcut')) applyShortcut();
    if (changed('startAtLogin')) applyLoginItem();
    if (changed('language')) applyMenu();
    if (changed('syncIntervalHours')) scheduler.reschedule();
    if (changed('updateUrl')) void updates.configure(settings.updateUrl).catch((error: unknown) => log.warn(`update checks could not start: ${String(error)}`));
    if (previous && changed('feedUrl')) startSync();
    refreshTray();
  };
  service.on('settingsChanged', (next) => {
    const previous = settings;
    settings = next;
    apply(previous);
  });
  service.on('syncStatus', () => refreshTray());
  service.on('historyChanged', () => refreshTray());
  nativeTheme.on('updated', () => {
    window.applyTheme(nativeTheme.shouldUseDarkColors);
    tray.setDarkTaskbar(nativeTheme.shouldUseDarkColorsForSystemIntegratedUI);
  });
  apply(null);

  // -- lifecycle -------------------------------------------------------------------------------
  registerProtocol(app, app.isPackaged, log);
  // Started at login, Doum stays in the tray — unless a second launch or a link asked for it
  // while it was starting: that request is taken here, so it would otherwise open in a window
  // nobody sees (only this launch's own plain start is not queued; see index.ts).
  const asked = launches.waiting;
  const initial = launches.takeInitial();
  const created = window.create({ hash: routeHash(initial), show: !options.openedAtLogin || asked });
  if (initial) created.webContents.once('did-finish-load', () => service.emit('navigate', initial));
  launches.attach(navigate);
  app.on('activate', () => window.show());
  // The window only hides; should it ever be gone, Doum still lives in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('child-process-gone', (_event, details) => log.warn(`a ${details.type} process stopped (${details.reason}, exit code ${details.exitCode})`));
  powerMonitor.on('shutdown', () => {
    quitting = true;
    app.quit();
  });
  scheduler.trigger('start');

  // A read-only view for the Playwright smoke test (tests/electron), which reads it with
  // electronApp.evaluate; only there, when it sets DOUM_TEST_PROBE.
  if (process.env.DOUM_TEST_PROBE === '1') {
    Object.assign(globalThis, { doumProbe: { trayExists: () => tray.exists, trayMenu: () => tray.menuLabels(), shortcut: () => shortcut } });
  }

  return {
    quitting: () => {
      quitting = true;
    },
    confirmSecurityChange,
    dispose: () => {
      disposed = true;
      scheduler.stop();
      stopWatching();
      updates.stop();
      globalShortcut.unregisterAll();
      tray.destroy();
    },
  };
}
