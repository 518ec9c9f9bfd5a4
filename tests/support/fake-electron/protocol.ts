/**
 * The messages between a test and the fake Electron running inside the built app's process
 * (tests/support/fake-electron/electron.ts). The fake reports what the app did as events; the
 * test drives the app with commands, each answered by one reply. Messages travel over Node's
 * IPC channel with the 'advanced' serialization, so they are structured clones, as Electron's
 * own IPC is.
 */

/** A menu item as the fake recorded it (Menu.buildFromTemplate), without its click handler. */
export interface MenuItemSummary {
  label: string | null;
  id: string | null;
  role: string | null;
  type: string;
  enabled: boolean;
  visible: boolean;
  accelerator: string | null;
  hasClick: boolean;
  submenu: MenuItemSummary[] | null;
}

/** Something the app did to Electron. */
export type FakeElectronEvent =
  /** The fake is installed; the app's main script runs next. */
  | { kind: 'installed'; pid: number }
  /** Any recorded API call that has no event of its own (api: "app.enableSandbox", …). */
  | { kind: 'call'; api: string; args: unknown[] }
  | { kind: 'window-created'; windowId: number; webContentsId: number; options: Record<string, unknown> }
  | { kind: 'window-load'; windowId: number; url: string }
  | { kind: 'window-loaded'; windowId: number; url: string }
  | { kind: 'window-load-failed'; windowId: number; url: string; errorDescription: string }
  /** 'ready-to-show' was emitted (reported after its listeners ran). */
  | { kind: 'window-ready-to-show'; windowId: number }
  | { kind: 'window-shown'; windowId: number }
  | { kind: 'window-hidden'; windowId: number }
  | { kind: 'window-focused'; windowId: number }
  | { kind: 'window-closed'; windowId: number }
  /** webContents.send; `afterLoad` says whether the page had finished loading (and so could listen). */
  | { kind: 'renderer-send'; windowId: number; channel: string; args: unknown[]; afterLoad: boolean }
  | { kind: 'ipc-handle'; channel: string }
  | { kind: 'ipc-remove-handler'; channel: string }
  | { kind: 'tray-created'; image: string; imageEmpty: boolean }
  | { kind: 'tray-menu'; items: MenuItemSummary[] }
  | { kind: 'tray-destroyed' }
  | { kind: 'app-menu'; items: MenuItemSummary[] | null }
  | { kind: 'shortcut-register'; accelerator: string; registered: boolean }
  | { kind: 'utility-fork'; pid: number; modulePath: string; args: string[]; serviceName: string | null }
  | { kind: 'utility-exit'; pid: number; code: number }
  | { kind: 'notification'; title: string; body: string }
  | { kind: 'dialog'; title: string; content: string }
  /** dialog.showMessageBox: it waits for an `answer-message-box` command. */
  | { kind: 'message-box'; windowId: number | null; message: string; detail: string; buttons: string[]; cancelId: number | null }
  /** The app touched an Electron API this fake does not implement. */
  | { kind: 'unimplemented'; api: string }
  | { kind: 'quit-step'; step: 'before-quit' | 'will-quit' | 'quit'; prevented: boolean }
  /** The process is about to exit (app.quit finished, or app.exit). */
  | { kind: 'exit'; code: number };

export type FakeElectronEventKind = FakeElectronEvent['kind'];
export type EventOf<K extends FakeElectronEventKind> = Extract<FakeElectronEvent, { kind: K }>;

/** Which frame an IPC call comes from. */
export type SenderFrame =
  /** The main window's own top-level page (whatever URL it has loaded). */
  | { kind: 'top' }
  /** An iframe inside the main window's page. */
  | { kind: 'subframe'; url: string }
  /** A top-level page of the main window that is at another URL (it navigated away). */
  | { kind: 'foreign'; url: string }
  /** The frame navigated or was destroyed before the call was handled (senderFrame null). */
  | { kind: 'gone' };

/** How a renderer's ipcRenderer.invoke ends. */
export type InvokeOutcome = { outcome: 'resolved'; value: unknown } | { outcome: 'rejected'; message: string };

export type FakeElectronCommand =
  /** Emits app 'will-finish-launching' and 'ready' (once). */
  | { type: 'emit-ready' }
  /** ipcRenderer.invoke from a frame of the main window. */
  | { type: 'invoke'; channel: string; args: unknown[]; frame: SenderFrame }
  /**
   * A second launch with these user arguments (the fake adds the executable, as Electron does).
   * Before 'ready' it waits, as the notification does in Electron until its main loop runs, and
   * comes right after 'ready'.
   */
  | { type: 'second-instance'; args: string[] }
  /** The quit the OS or a menu's Quit asks for: app.quit(). */
  | { type: 'quit' }
  /** Clicks the enabled, visible item with this label (at any depth) in the tray's or the application menu. */
  | { type: 'click-menu-item'; menu: 'tray' | 'application'; label: string }
  /** Presses a registered global shortcut. */
  | { type: 'press-shortcut'; accelerator: string }
  /** The person clicks the main window's close button; replies whether the close was prevented. */
  | { type: 'close-window' }
  /** The page of the main window tries to navigate its top frame; replies whether it was prevented. */
  | { type: 'will-navigate'; url: string }
  /** The page asks for a permission; replies whether it was granted. */
  | { type: 'request-permission'; permission: string }
  /** The page loads a URL of a scheme the app handles (protocol.handle); replies with the answer. */
  | { type: 'fetch'; url: string }
  /** The person clicks button `response` of the oldest message box still open. */
  | { type: 'answer-message-box'; response: number }
  /**
   * Starts measuring how long the main process's event loop is blocked (event-loop.ts): what
   * the person would feel as a frozen window, tray and menus.
   */
  | { type: 'watch-event-loop' }
  /** Stops the measurement; replies with an EventLoopReport. */
  | { type: 'event-loop-report' };

/** How the main process's event loop kept up since 'watch-event-loop'. */
export type { LoopReport as EventLoopReport } from './event-loop';

/** The reply to a 'fetch' command: the handler's answer, and the privileges its scheme was registered with. */
export interface FetchReply {
  status: number;
  contentType: string | null;
  privileges: Record<string, boolean> | null;
  /** The body, base64. */
  body: string;
}

export type FakeElectronMessage = { type: 'event'; event: FakeElectronEvent } | { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: string };

export interface CommandEnvelope {
  id: number;
  command: FakeElectronCommand;
}

/** Environment variables that tune the fake for one launch. */
export const FAKE_ENV = {
  /** app.getLocale() (default en-US). */
  locale: 'FAKE_ELECTRON_LOCALE',
  /** "1": utilityProcess.fork throws, as when a utility process cannot start. */
  utilityForkFails: 'FAKE_ELECTRON_UTILITY_FORK_FAILS',
  /** "1": another instance holds the single-instance lock. */
  lockHeld: 'FAKE_ELECTRON_LOCK_HELD',
  /**
   * "1": run as an installed build (app.isPackaged, no app path in argv, no defaultApp), laid out
   * as electron-builder does with asar off: the app's folder holds out/ and resources/icons, and
   * process.resourcesPath the extra resources (the repository's resources/ folder: feed/).
   */
  packaged: 'FAKE_ELECTRON_PACKAGED',
} as const;
