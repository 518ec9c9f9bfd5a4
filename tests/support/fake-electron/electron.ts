/**
 * A fake of Electron's main-process module, for running the BUILT app (out/main/index.js) under
 * plain Node (install.ts puts it where `require('electron')` looks). It implements the APIs the
 * shell and its libraries (electron-log) use, with Electron's documented semantics where they
 * matter to the app's wiring:
 * - 'ready' comes from the test (emit-ready); app.whenReady resolves after it, and the APIs
 *   Electron refuses before it (BrowserWindow, Tray, screen, session, globalShortcut,
 *   powerMonitor, utilityProcess) throw here too;
 * - a BrowserWindow makes a webContents (app 'web-contents-created'), loads file:// URLs only
 *   when the file exists, and URLs of a custom scheme only through the handler the app gave
 *   protocol.handle, when it answers 2xx (else 'did-fail-load' and a rejected loadURL), and
 *   shows nothing until it is shown ('ready-to-show' follows the first load of a hidden window);
 * - protocol.registerSchemesAsPrivileged works only before 'ready', protocol.handle only after
 *   it, one handler per scheme; the test can fetch any URL through the handlers;
 * - ipcMain.handle allows one handler per channel; an invoke passes a structured clone of the
 *   arguments and of the result, with an event whose senderFrame the test picks;
 * - Menu.buildFromTemplate validates its template as Electron does and drops extra separators;
 * - utilityProcess.fork starts the module in a real Node child with process.parentPort
 *   (utility-process.ts), stdout/stderr piped when asked, 'message' and 'exit' events;
 * - app.quit emits 'before-quit', closes the windows (a window that prevents its close stops
 *   the quit), then 'will-quit' and 'quit', and ends the process with code 0.
 * Everything the app does is reported to the test (channel.ts); anything it touches that is
 * not implemented is reported and throws, so a new API cannot pass unnoticed.
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { constants as osConstants, homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { flush, onCommand, report } from './channel';
import { watchEventLoop, type LoopWatch } from './event-loop';
import { FAKE_ENV, type EventLoopReport, type FakeElectronCommand, type InvokeOutcome, type MenuItemSummary, type SenderFrame } from './protocol';

const UTILITY_BOOTSTRAP = join(__dirname, 'utility-process.cjs');

/** The app's folder: where its package.json is, as `electron .` would have it. */
function findAppDir(mainScript: string): string {
  let dir = dirname(resolve(mainScript));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fake electron: no package.json above ${mainScript}`);
    dir = parent;
  }
  return dir;
}

export const APP_DIR = findAppDir(process.argv[1] ?? '.');
const appPackage = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { name: string; productName?: string; version: string };

function notReady(what: string): Error {
  return new Error(`${what} before app is ready`);
}

/** Data only, as it would cross a process boundary (functions and class instances dropped). */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'function') out[key] = plain(item, depth + 1);
  }
  return out;
}

function call(api: string, ...args: unknown[]): void {
  report({ kind: 'call', api, args: args.map((arg) => plain(arg)) });
}

/** Electron's Event: preventable. */
interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function electronEvent<T extends object>(fields: T = {} as T): T & FakeEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// -- app -------------------------------------------------------------------------------------

class FakeApp extends EventEmitter {
  private ready = false;
  private quitting = false;
  private readonly paths = new Map<string, string>();
  private readonly whenReadyPromise: Promise<void>;
  private resolveReady: () => void = () => undefined;
  private readonly protocolClients = new Set<string>();
  private readonly waitingLaunches: string[][] = [];
  name = appPackage.productName ?? appPackage.name;
  readonly isPackaged = process.env[FAKE_ENV.packaged] === '1';

  constructor() {
    super();
    this.whenReadyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    const home = homedir();
    const appData = process.env.XDG_CONFIG_HOME ?? join(home, '.config');
    this.paths.set('home', home);
    this.paths.set('appData', appData);
    this.paths.set('userData', join(appData, this.name));
    this.paths.set('temp', tmpdir());
    this.paths.set('exe', process.execPath);
    this.paths.set('module', process.execPath);
    for (const folder of ['desktop', 'documents', 'downloads', 'music', 'pictures', 'videos']) this.paths.set(folder, join(home, folder[0]!.toUpperCase() + folder.slice(1)));
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.whenReadyPromise;
  }

  /** The test's emit-ready: what Electron does once Chromium is up. */
  becomeReady(): void {
    if (this.ready) throw new Error('the app is ready already');
    this.emit('will-finish-launching');
    this.ready = true;
    this.emit('ready', electronEvent(), {});
    this.resolveReady();
    // Second launches that came while Chromium started are handled by the main loop, once it
    // runs: after 'ready' and what its promise continues (microtasks), before any I/O is back.
    if (this.waitingLaunches.length > 0) setImmediate(() => this.waitingLaunches.splice(0).forEach((argv) => this.emitSecondInstance(argv)));
  }

  /** Another launch of the app handed its command line to this one (the single-instance lock). */
  secondInstance(args: string[]): 'delivered' | 'waiting' {
    // Electron hands over the second instance's whole command line, Chromium's switches included.
    const argv = [process.execPath, ...(process.defaultApp ? [APP_DIR] : []), ...args, '--allow-file-access-from-files'];
    if (!this.ready) {
      this.waitingLaunches.push(argv);
      return 'waiting';
    }
    this.emitSecondInstance(argv);
    return 'delivered';
  }

  private emitSecondInstance(argv: string[]): void {
    this.emit('second-instance', electronEvent(), argv, process.cwd(), null);
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return appPackage.version;
  }

  getAppPath(): string {
    return APP_DIR;
  }

  getLocale(): string {
    return process.env[FAKE_ENV.locale] ?? 'en-US';
  }

  getPath(name: string): string {
    if (name === 'sessionData' && !this.paths.has(name)) return this.getPath('userData');
    if (name === 'crashDumps' && !this.paths.has(name)) return join(this.getPath('userData'), 'Crashpad');
    if (name === 'logs' && !this.paths.has(name)) return join(this.getPath('userData'), 'logs');
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    call('app.setPath', name, path);
    this.paths.set(name, path);
  }

  setAppLogsPath(path?: string): void {
    if (path !== undefined && !isAbsolute(path)) throw new Error('Path must be absolute');
    call('app.setAppLogsPath', path);
    this.paths.set('logs', path ?? join(this.getPath('userData'), 'logs'));
  }

  setAppUserModelId(id: string): void {
    call('app.setAppUserModelId', id);
  }

  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    call('app.enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    const granted = process.env[FAKE_ENV.lockHeld] !== '1';
    call('app.requestSingleInstanceLock', granted);
    return granted;
  }

  isDefaultProtocolClient(protocol: string): boolean {
    return this.protocolClients.has(protocol);
  }

  setAsDefaultProtocolClient(protocol: string): boolean {
    call('app.setAsDefaultProtocolClient', protocol);
    this.protocolClients.add(protocol);
    return true;
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }

  setLoginItemSettings(settings: unknown): void {
    call('app.setLoginItemSettings', settings);
  }

  focus(options?: unknown): void {
    call('app.focus', options);
  }

  /** before-quit, the windows closed, will-quit, quit, exit 0 — each step preventable as in Electron. */
  quit(): void {
    if (this.quitting) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    report({ kind: 'quit-step', step: 'before-quit', prevented: beforeQuit.defaultPrevented });
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    const windows = FakeBrowserWindow.getAllWindows();
    if (windows.length === 0) {
      this.notifyAndShutdown();
      return;
    }
    // Electron closes the windows (each may refuse) and goes on once the last one is gone.
    setImmediate(() => {
      for (const window of windows) {
        if (!window.isDestroyed()) window.close();
      }
      if (FakeBrowserWindow.getAllWindows().length > 0) {
        this.quitting = false;
        return;
      }
      this.notifyAndShutdown();
    });
  }

  private notifyAndShutdown(): void {
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    report({ kind: 'quit-step', step: 'will-quit', prevented: willQuit.defaultPrevented });
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', electronEvent(), 0);
    report({ kind: 'quit-step', step: 'quit', prevented: false });
    void exitProcess(0);
  }

  exit(code = 0): void {
    call('app.exit', code);
    void exitProcess(code);
  }
}

export const app = new FakeApp();

let exiting = false;
async function exitProcess(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  for (const child of FakeUtilityProcess.running) child.kill();
  report({ kind: 'exit', code });
  await flush();
  process.exit(code);
}

// -- protocols -------------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeProtocol {
  private readonly privileged = new Map<string, Record<string, boolean>>();
  private readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    call('protocol.registerSchemesAsPrivileged', schemes);
    for (const { scheme, privileges } of schemes) this.privileged.set(scheme, { ...privileges });
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw notReady('protocol.handle');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    call('protocol.handle', scheme);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  privilegesOf(scheme: string): Record<string, boolean> | null {
    return this.privileged.get(scheme) ?? null;
  }

  /** Whether a URL is served by a handler of the app (null: not a scheme the app handles). */
  handles(url: string): boolean {
    return this.handlers.has(new URL(url).protocol.slice(0, -1));
  }

  /** A request through the app's handler, as the renderer's loads go. */
  async fetch(url: string): Promise<{ status: number; contentType: string | null; body: Buffer }> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme}: has no handler)`);
    // Chromium gives a custom scheme real URLs (host, path) only when it is registered standard.
    if (!this.privileged.get(scheme)?.standard) throw new Error(`${scheme}: is not registered as a standard scheme; its URLs have no host or path`);
    const response = await handler(new Request(url));
    return { status: response.status, contentType: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  }
}

const protocol = new FakeProtocol();

// -- web contents and windows ----------------------------------------------------------------

class FakeWebFrameMain {
  private static nextId = 1;
  readonly routingId = FakeWebFrameMain.nextId++;
  readonly frameTreeNodeId = this.routingId;
  readonly processId = 1;

  constructor(
    private readonly urlOf: () => string,
    readonly parent: FakeWebFrameMain | null,
  ) {}

  get url(): string {
    return this.urlOf();
  }

  get origin(): string {
    const url = new URL(this.url);
    if (url.protocol === 'file:') return 'file://';
    // Node gives custom schemes the origin "null"; Chromium gives a standard one its own.
    return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  }

  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }

  isDestroyed(): boolean {
    return false;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  private static readonly all = new Map<number, FakeWebContents>();
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = new FakeWebFrameMain(() => this.url, null);
  private url = '';
  private loaded = false;
  private destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;

  constructor(private readonly windowId: number) {
    super();
    FakeWebContents.all.set(this.id, this);
  }

  static getAllWebContents(): FakeWebContents[] {
    return [...FakeWebContents.all.values()];
  }

  static fromId(id: number): FakeWebContents | undefined {
    return FakeWebContents.all.get(id);
  }

  getURL(): string {
    return this.url;
  }

  isLoading(): boolean {
    return this.url !== '' && !this.loaded;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The renderer process never crashes here. */
  isCrashed(): boolean {
    return false;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    FakeWebContents.all.delete(this.id);
    this.emit('destroyed');
  }

  /** Loads like Chromium: events after this call returns; a missing file fails the load. */
  loadURL(url: string): Promise<void> {
    report({ kind: 'window-load', windowId: this.windowId, url });
    this.url = url;
    this.loaded = false;
    return new Promise((resolve, reject) => {
      setImmediate(async () => {
        if (this.destroyed) return;
        this.emit('did-start-loading');
        const failure = await this.loadFailure(url);
        if (this.destroyed) return;
        if (failure) {
          const description = failure;
          report({ kind: 'window-load-failed', windowId: this.windowId, url, errorDescription: description });
          this.emit('did-fail-load', electronEvent(), -6, description, url, true);
          reject(new Error(`${description} (-6) loading '${url}'`));
          return;
        }
        this.emit('dom-ready', electronEvent());
        this.loaded = true;
        report({ kind: 'window-loaded', windowId: this.windowId, url });
        this.emit('did-finish-load', electronEvent());
        resolve();
      });
    });
  }

  /** Why a page cannot load: a missing file, or a custom scheme's handler that fails or answers no page. */
  private async loadFailure(url: string): Promise<string | null> {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return existsSync(fileURLToPath(`${parsed.protocol}//${parsed.host}${parsed.pathname}`)) ? null : 'ERR_FILE_NOT_FOUND';
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return null;
    if (!protocol.handles(url)) return 'ERR_UNKNOWN_URL_SCHEME';
    try {
      const { status, contentType } = await protocol.fetch(url);
      if (status < 200 || status > 299) return `ERR_HTTP_RESPONSE_CODE_FAILURE (${status})`;
      return contentType?.startsWith('text/html') ? null : `ERR_INVALID_RESPONSE (${contentType ?? 'no type'})`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  reload(): void {
    call('webContents.reload');
    if (this.url) void this.loadURL(this.url).catch(() => undefined);
  }

  /** Sends to the renderer. Electron serializes the arguments (structured clone) and throws when it cannot. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    report({ kind: 'renderer-send', windowId: this.windowId, channel, args: structuredClone(args), afterLoad: this.loaded });
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** The page tries to navigate its top frame (a link, location.href = …). */
  tryNavigate(url: string): boolean {
    const details = electronEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame, initiator: this.mainFrame });
    this.emit('will-frame-navigate', details);
    this.emit('will-navigate', details, url, false, true, 1, this.mainFrame.routingId);
    if (!details.defaultPrevented) this.url = url;
    return details.defaultPrevented;
  }
}

class FakeBrowserWindow extends EventEmitter {
  private static nextId = 1;
  private static readonly open = new Map<number, FakeBrowserWindow>();
  readonly id = FakeBrowserWindow.nextId++;
  readonly webContents: FakeWebContents;
  private visible = false;
  private focused = false;
  private maximized = false;
  private destroyed = false;
  private shownOnce = false;
  private bounds: { x: number; y: number; width: number; height: number };

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    if (!app.isReady()) throw notReady('Cannot create BrowserWindow');
    const preload = options.webPreferences?.preload;
    if (preload !== undefined && !isAbsolute(preload)) throw new Error('preload path must be absolute');
    const display = PRIMARY_DISPLAY.workArea;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = { x: options.x ?? display.x + Math.round((display.width - width) / 2), y: options.y ?? display.y + Math.round((display.height - height) / 2), width, height };
    this.webContents = new FakeWebContents(this.id);
    FakeBrowserWindow.open.set(this.id, this);
    report({ kind: 'window-created', windowId: this.id, webContentsId: this.webContents.id, options: plain(options) as Record<string, unknown> });
    app.emit('web-contents-created', electronEvent(), this.webContents);
    app.emit('browser-window-created', electronEvent(), this);
    // A hidden window is painted in the background; 'ready-to-show' says the first paint is done.
    this.webContents.on('did-finish-load', () => {
      if (this.shownOnce || this.visible || this.destroyed) return;
      setImmediate(() => {
        this.emit('ready-to-show');
        report({ kind: 'window-ready-to-show', windowId: this.id });
      });
    });
    if (options.show !== false) this.show();
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.open.values()];
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }

  private live(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }

  loadURL(url: string): Promise<void> {
    this.live();
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.live();
    const wasVisible = this.visible;
    this.visible = true;
    this.shownOnce = true;
    if (!wasVisible) {
      report({ kind: 'window-shown', windowId: this.id });
      this.emit('show');
    }
    this.focus();
  }

  hide(): void {
    this.live();
    if (!this.visible) return;
    this.visible = false;
    if (this.focused) this.blur();
    report({ kind: 'window-hidden', windowId: this.id });
    this.emit('hide');
  }

  focus(): void {
    this.live();
    for (const other of FakeBrowserWindow.getAllWindows()) if (other !== this && other.focused) other.blur();
    this.visible = true;
    if (this.focused) return;
    this.focused = true;
    report({ kind: 'window-focused', windowId: this.id });
    this.emit('focus');
  }

  blur(): void {
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return this.focused;
  }

  /** Nothing minimizes the window here (only the person could). */
  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    this.emit('restore');
  }

  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  setBackgroundColor(color: string): void {
    call('BrowserWindow.setBackgroundColor', color);
  }

  setTitleBarOverlay(options: unknown): void {
    call('BrowserWindow.setTitleBarOverlay', options);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Asks to close: 'close' may be prevented; otherwise the window is destroyed. True when it was prevented. */
  close(): boolean {
    if (this.destroyed) return false;
    const event = electronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
    return event.defaultPrevented;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    FakeBrowserWindow.open.delete(this.id);
    this.webContents.destroy();
    report({ kind: 'window-closed', windowId: this.id });
    this.emit('closed');
  }
}

// -- ipcMain ---------------------------------------------------------------------------------

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
    report({ kind: 'ipc-handle', channel });
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    if (this.handlers.delete(channel)) report({ kind: 'ipc-remove-handler', channel });
  }

  /** ipcRenderer.invoke as the renderer sees it: a structured clone, or Electron's error text. */
  async invoke(channel: string, args: unknown[], frame: SenderFrame): Promise<InvokeOutcome> {
    const window = FakeBrowserWindow.getAllWindows()[0];
    if (!window) throw new Error('no window to invoke from');
    const contents = window.webContents;
    const senderFrame =
      frame.kind === 'top' ? contents.mainFrame
      : frame.kind === 'subframe' ? new FakeWebFrameMain(() => frame.url, contents.mainFrame)
      : frame.kind === 'foreign' ? new FakeWebFrameMain(() => frame.url, null)
      : null;
    const handler = this.handlers.get(channel);
    if (!handler) return { outcome: 'rejected', message: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
    const event = electronEvent({ type: 'frame', processId: 1, frameId: senderFrame?.routingId ?? 0, sender: contents, senderFrame });
    try {
      const value = await handler(event, ...structuredClone(args));
      return { outcome: 'resolved', value: structuredClone(value) };
    } catch (error) {
      return { outcome: 'rejected', message: `Error invoking remote method '${channel}': ${String(error)}` };
    }
  }
}

// -- session ---------------------------------------------------------------------------------

type PermissionRequestHandler = (contents: FakeWebContents, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

/** Emits what Electron's session does (`will-download`); the shell's listeners are plain EventEmitter ones. */
class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    call('session.setPermissionRequestHandler', handler !== null);
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: unknown): void {
    call('session.setPermissionCheckHandler', handler !== null);
  }

  setDevicePermissionHandler(handler: unknown): void {
    call('session.setDevicePermissionHandler', handler !== null);
  }

  /** A page asks for a permission; without a handler Electron grants it. */
  request(contents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: contents.getURL(), isMainFrame: true }));
  }
}

const defaultSession = new FakeSession();
const session = {
  get defaultSession(): FakeSession {
    if (!app.isReady()) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

// -- menus, tray, images ---------------------------------------------------------------------

type ClickHandler = (item: FakeMenuItem, window: FakeBrowserWindow | undefined, event: unknown) => void;

class FakeMenuItem {
  readonly label: string | null;
  readonly id: string | null;
  readonly role: string | null;
  readonly type: string;
  readonly accelerator: string | null;
  readonly submenu: FakeMenu | null;
  enabled: boolean;
  visible: boolean;
  private readonly onClick: ClickHandler | null;

  constructor(options: MenuItemConstructorOptions) {
    this.label = options.label ?? null;
    this.id = options.id ?? null;
    this.role = typeof options.role === 'string' ? options.role.toLowerCase() : null;
    this.submenu = options.submenu instanceof FakeMenu ? options.submenu : options.submenu ? FakeMenu.buildFromTemplate(options.submenu as MenuItemConstructorOptions[]) : null;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    if (this.type === 'submenu' && !this.submenu && !this.role) throw new Error('Invalid submenu');
    this.accelerator = typeof options.accelerator === 'string' ? options.accelerator : null;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.onClick = (options.click as ClickHandler | undefined) ?? null;
  }

  click(): void {
    this.onClick?.(this, FakeBrowserWindow.getFocusedWindow() ?? undefined, { triggeredByAccelerator: false, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false });
  }

  summary(): MenuItemSummary {
    return {
      label: this.label,
      id: this.id,
      role: this.role,
      type: this.type,
      enabled: this.enabled,
      visible: this.visible,
      accelerator: this.accelerator,
      hasClick: this.onClick !== null,
      submenu: this.submenu ? this.submenu.summary() : null,
    };
  }
}

/** Electron's removeExtraSeparators: no leading, trailing or doubled separators. */
function withoutExtraSeparators(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const folded = items.filter((item, index, all) => item.visible === false || item.type !== 'separator' || index === 0 || all[index - 1]!.type !== 'separator');
  return folded.filter((item, index, all) => item.visible === false || item.type !== 'separator' || (index !== 0 && index !== all.length - 1));
}

class FakeMenu {
  private static application: FakeMenu | null = null;
  readonly items: FakeMenuItem[] = [];

  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every((item) => item !== null && typeof item === 'object' && ('label' in item || 'role' in item || item.type === 'separator'));
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new FakeMenu();
    for (const options of withoutExtraSeparators(template)) menu.items.push(new FakeMenuItem(options));
    return menu;
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.application = menu;
    report({ kind: 'app-menu', items: menu ? menu.summary() : null });
  }

  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.application;
  }

  getMenuItemById(id: string): FakeMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }

  /** The first visible item with this label, at any depth (as a person would find it). */
  findByLabel(label: string): FakeMenuItem | null {
    for (const item of this.items) {
      if (item.label === label && item.visible) return item;
      const inner = item.submenu?.findByLabel(label);
      if (inner) return inner;
    }
    return null;
  }

  summary(): MenuItemSummary[] {
    return this.items.map((item) => item.summary());
  }
}

class FakeNativeImage {
  private template = false;

  constructor(readonly path: string) {}

  /** Electron gives an empty image for a file it cannot read; it does not throw. */
  isEmpty(): boolean {
    return this.path === '' || !isAbsolute(this.path) || !existsSync(this.path);
  }

  setTemplateImage(template: boolean): void {
    this.template = template;
  }

  isTemplateImage(): boolean {
    return this.template;
  }

  getSize(): { width: number; height: number } {
    return this.isEmpty() ? { width: 0, height: 0 } : { width: 16, height: 16 };
  }
}

const nativeImage = {
  createFromPath: (path: string): FakeNativeImage => new FakeNativeImage(path),
  createEmpty: (): FakeNativeImage => new FakeNativeImage(''),
};

class FakeTray extends EventEmitter {
  static current: FakeTray | null = null;
  private destroyed = false;
  menu: FakeMenu | null = null;

  constructor(image: FakeNativeImage | string) {
    super();
    if (!app.isReady()) throw notReady('Cannot create Tray');
    const icon = typeof image === 'string' ? new FakeNativeImage(image) : image;
    FakeTray.current = this;
    report({ kind: 'tray-created', image: icon.path, imageEmpty: icon.isEmpty() });
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
    report({ kind: 'tray-menu', items: menu ? menu.summary() : [] });
  }

  setToolTip(text: string): void {
    call('Tray.setToolTip', text);
  }

  setImage(image: FakeNativeImage): void {
    call('Tray.setImage', image.path);
  }

  /** Windows only in Electron; a no-op elsewhere. */
  displayBalloon(options: unknown): void {
    call('Tray.displayBalloon', options);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (FakeTray.current === this) FakeTray.current = null;
    report({ kind: 'tray-destroyed' });
  }
}

// -- the rest of the platform ----------------------------------------------------------------

const THEME_SOURCES = new Set(['system', 'light', 'dark']);

class FakeNativeTheme extends EventEmitter {
  private source = 'system';
  readonly shouldUseHighContrastColors = false;
  readonly shouldUseInvertedColorScheme = false;
  readonly shouldUseDarkColorsForSystemIntegratedUI = false;

  get themeSource(): string {
    return this.source;
  }

  set themeSource(value: string) {
    if (!THEME_SOURCES.has(value)) throw new TypeError(`Invalid themeSource "${String(value)}"`);
    const wasDark = this.shouldUseDarkColors;
    this.source = value;
    call('nativeTheme.themeSource', value);
    // 'updated' follows a change of the colours in use (the system here is light).
    if (this.shouldUseDarkColors !== wasDark) setImmediate(() => this.emit('updated'));
  }

  get shouldUseDarkColors(): boolean {
    return this.source === 'dark';
  }
}

class FakeGlobalShortcut {
  private readonly registered = new Map<string, () => void>();

  private checkReady(): void {
    if (!app.isReady()) throw new Error('globalShortcut cannot be used before the app is ready');
  }

  register(accelerator: string, callback: () => void): boolean {
    this.checkReady();
    const ok = !this.registered.has(accelerator);
    if (ok) this.registered.set(accelerator, callback);
    report({ kind: 'shortcut-register', accelerator, registered: ok });
    return ok;
  }

  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }

  unregister(accelerator: string): void {
    this.checkReady();
    this.registered.delete(accelerator);
    call('globalShortcut.unregister', accelerator);
  }

  unregisterAll(): void {
    this.checkReady();
    this.registered.clear();
    call('globalShortcut.unregisterAll');
  }

  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`no global shortcut ${accelerator} is registered (registered: ${[...this.registered.keys()].join(', ') || 'none'})`);
    callback();
  }
}

const PRIMARY_DISPLAY = {
  id: 1,
  label: 'Built-in display',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0,
  internal: true,
  monochrome: false,
  touchSupport: 'unknown',
};

class FakeScreen extends EventEmitter {
  private checkReady(): void {
    if (!app.isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event");
  }

  getAllDisplays(): (typeof PRIMARY_DISPLAY)[] {
    this.checkReady();
    return [PRIMARY_DISPLAY];
  }

  getPrimaryDisplay(): typeof PRIMARY_DISPLAY {
    this.checkReady();
    return PRIMARY_DISPLAY;
  }

  getDisplayNearestPoint(): typeof PRIMARY_DISPLAY {
    this.checkReady();
    return PRIMARY_DISPLAY;
  }

  getCursorScreenPoint(): { x: number; y: number } {
    this.checkReady();
    return { x: 0, y: 0 };
  }
}

class FakePowerMonitor extends EventEmitter {
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (!app.isReady()) throw new Error("The 'powerMonitor' module can't be used before the app 'ready' event");
    return super.on(event, listener);
  }
}

class FakeNotification extends EventEmitter {
  constructor(private readonly options: { title?: string; body?: string } = {}) {
    super();
  }

  static isSupported(): boolean {
    return true;
  }

  show(): void {
    report({ kind: 'notification', title: this.options.title ?? '', body: this.options.body ?? '' });
    this.emit('show');
  }

  close(): void {
    this.emit('close');
  }
}

/** Electron's native autoUpdater (macOS and Windows Squirrel), which electron-updater's MacUpdater drives. */
class FakeAutoUpdater extends EventEmitter {
  setFeedURL(options: unknown): void {
    call('autoUpdater.setFeedURL', options);
  }

  checkForUpdates(): void {
    call('autoUpdater.checkForUpdates');
  }

  quitAndInstall(): void {
    call('autoUpdater.quitAndInstall');
  }
}

// -- utility processes -----------------------------------------------------------------------

interface ForkOptions {
  serviceName?: string;
  stdio?: string | string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  execArgv?: string[];
}

class FakeUtilityProcess extends EventEmitter {
  static readonly running = new Set<FakeUtilityProcess>();
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[], options: ForkOptions) {
    super();
    // Electron: only stdout and stderr can be configured; stdin is always ignored.
    const [out, err] = typeof options.stdio === 'string' ? [options.stdio, options.stdio] : [options.stdio?.[1] ?? 'inherit', options.stdio?.[2] ?? 'inherit'];
    const mode = (value: string): 'pipe' | 'ignore' | 'inherit' => (value === 'pipe' || value === 'ignore' ? value : 'inherit');
    this.child = fork(modulePath, args, {
      execArgv: ['--require', UTILITY_BOOTSTRAP, ...(options.execArgv ?? [])],
      stdio: ['ignore', mode(out), mode(err), 'ipc'],
      serialization: 'advanced',
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    FakeUtilityProcess.running.add(this);
    report({ kind: 'utility-fork', pid: this.child.pid ?? -1, modulePath, args, serviceName: options.serviceName ?? null });
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message: unknown) => this.emit('message', message));
    this.child.on('exit', (code, signal) => {
      FakeUtilityProcess.running.delete(this);
      const exitCode = code ?? 128 + (signal ? osConstants.signals[signal] : 0);
      report({ kind: 'utility-exit', pid: this.child.pid ?? -1, code: exitCode });
      this.emit('exit', exitCode);
    });
  }

  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** To the child's process.parentPort, as a structured clone (queued until the child listens). */
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as Serializable);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): FakeUtilityProcess {
    if (!app.isReady()) throw new Error('utilityProcess cannot be created before app is ready');
    if (process.env[FAKE_ENV.utilityForkFails] === '1') throw new Error('the utility process could not be launched (fake: FAKE_ELECTRON_UTILITY_FORK_FAILS)');
    return new FakeUtilityProcess(modulePath, args, options);
  },
};

// -- message boxes: open until the test answers them -------------------------------------------

interface MessageBoxOptions {
  message?: string;
  detail?: string;
  buttons?: string[];
  cancelId?: number;
}

const openMessageBoxes: Array<(response: number) => void> = [];

function openMessageBox(args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
  const [first, second] = args;
  const window = first instanceof FakeBrowserWindow ? first : null;
  const options = (window ? second : first) as MessageBoxOptions;
  report({ kind: 'message-box', windowId: window?.id ?? null, message: options.message ?? '', detail: options.detail ?? '', buttons: options.buttons ?? [], cancelId: options.cancelId ?? null });
  return new Promise((resolve) => openMessageBoxes.push((response) => resolve({ response, checkboxChecked: false })));
}

function answerMessageBox(response: number): void {
  const answer = openMessageBoxes.shift();
  if (!answer) throw new Error('there is no message box open');
  answer(response);
}

// -- the module ------------------------------------------------------------------------------

const ipcMain = new FakeIpcMain();
const globalShortcut = new FakeGlobalShortcut();
const powerMonitor = new FakePowerMonitor();

const implemented: Record<string, unknown> = {
  app,
  BrowserWindow: FakeBrowserWindow,
  webContents: { getAllWebContents: () => FakeWebContents.getAllWebContents(), fromId: (id: number) => FakeWebContents.fromId(id), getFocusedWebContents: () => FakeBrowserWindow.getFocusedWindow()?.webContents ?? null },
  ipcMain,
  session,
  Menu: FakeMenu,
  MenuItem: FakeMenuItem,
  Tray: FakeTray,
  nativeImage,
  nativeTheme: new FakeNativeTheme(),
  globalShortcut,
  screen: new FakeScreen(),
  powerMonitor,
  net: {
    isOnline: () => true,
    get online() {
      return true;
    },
  },
  Notification: FakeNotification,
  protocol,
  utilityProcess,
  autoUpdater: new FakeAutoUpdater(),
  crashReporter: { start: (options: unknown) => call('crashReporter.start', options) },
  dialog: {
    showErrorBox: (title: string, content: string) => report({ kind: 'dialog', title, content }),
    showMessageBox: (...args: unknown[]) => openMessageBox(args),
  },
  shell: {
    openExternal: async (url: string) => call('shell.openExternal', url),
    openPath: async (path: string) => {
      call('shell.openPath', path);
      return '';
    },
  },
};

/** Electron's main-process exports this fake leaves out: touching one is a finding, not a crash to puzzle over. */
const NOT_IMPLEMENTED = new Set([
  'BaseWindow', 'BrowserView', 'clipboard', 'contentTracing', 'desktopCapturer', 'inAppPurchase', 'MessageChannelMain',
  'netLog', 'powerSaveBlocker', 'pushNotifications', 'safeStorage', 'ShareMenu', 'systemPreferences', 'TouchBar', 'View',
  'WebContentsView', 'webFrameMain', 'ImageView',
]);

export const fakeElectron: Record<string, unknown> = new Proxy(implemented, {
  get(target, property, receiver) {
    if (typeof property === 'string' && NOT_IMPLEMENTED.has(property)) {
      report({ kind: 'unimplemented', api: property });
      throw new Error(`fake electron: electron.${property} is not implemented`);
    }
    return Reflect.get(target, property, receiver);
  },
});

// -- what the test drives --------------------------------------------------------------------

function mainWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('there is no window');
  return window;
}

let loopWatch: LoopWatch | null = null;

async function run(command: FakeElectronCommand): Promise<unknown> {
  switch (command.type) {
    case 'emit-ready':
      app.becomeReady();
      return null;
    case 'invoke':
      return ipcMain.invoke(command.channel, command.args, command.frame);
    case 'second-instance':
      return app.secondInstance(command.args);
    case 'quit':
      app.quit();
      return null;
    case 'click-menu-item': {
      const menu = command.menu === 'tray' ? FakeTray.current?.menu : FakeMenu.getApplicationMenu();
      if (!menu) throw new Error(`there is no ${command.menu} menu`);
      const item = menu.findByLabel(command.label);
      if (!item) throw new Error(`the ${command.menu} menu has no item "${command.label}" (it has ${menu.summary().map((i) => i.label ?? i.type).join(', ')})`);
      if (!item.enabled || !item.visible) throw new Error(`the ${command.menu} menu item "${command.label}" cannot be clicked (disabled or hidden)`);
      item.click();
      return null;
    }
    case 'press-shortcut':
      globalShortcut.press(command.accelerator);
      return null;
    case 'close-window':
      return { prevented: mainWindow().close() };
    case 'will-navigate':
      return { prevented: mainWindow().webContents.tryNavigate(command.url) };
    case 'request-permission':
      return { granted: await defaultSession.request(mainWindow().webContents, command.permission) };
    case 'fetch': {
      const { status, contentType, body } = await protocol.fetch(command.url);
      return { status, contentType, privileges: protocol.privilegesOf(new URL(command.url).protocol.slice(0, -1)), body: body.toString('base64') };
    }
    case 'answer-message-box':
      answerMessageBox(command.response);
      return null;
    case 'watch-event-loop':
      if (loopWatch) throw new Error('the event loop is being watched already');
      loopWatch = watchEventLoop();
      return null;
    case 'event-loop-report': {
      if (!loopWatch) throw new Error('the event loop is not being watched (send watch-event-loop first)');
      const watch = loopWatch;
      loopWatch = null;
      const report: EventLoopReport = await watch.stop();
      return report;
    }
  }
}

export function startFakeElectron(): void {
  onCommand(run);
  // The test went away: end, as Electron ends its utility processes with the app.
  process.on('disconnect', () => {
    for (const child of FakeUtilityProcess.running) child.kill();
    process.exit(1);
  });
}
