/**
 * The main window. Per-OS chrome is data (WINDOW_BEHAVIOUR): macOS gets a hidden-inset title
 * bar with vibrancy and its traffic lights, Windows a hidden title bar with the caption-button
 * overlay in the theme's colours, Linux the system frame. Size and position are remembered
 * (shell-state.json) and put back only where they are visible on a connected display. Closing
 * the window hides it (Doum stays in the tray) unless the app is quitting; a crashed renderer
 * is logged and reloaded, unless it keeps crashing.
 *
 * Electron is injected (MainWindowDeps), so the options and behaviour are unit-tested. This is
 * the only place a window is made (a unit test checks that too).
 */
import type { App, BrowserWindow, BrowserWindowConstructorOptions, NativeTheme, Rectangle, Screen } from 'electron';
import { join } from 'node:path';
import type { HostOs } from '../../shared/platform';
import { APP_ENTRY_URL } from './app-protocol';
import type { Log } from './logging';
import type { AppOrigin } from './security-policy';
import type { SavedBounds, ShellStateFile } from './state-file';

export interface ThemeColors {
  background: string;
  foreground: string;
}

/**
 * The window base and text colours of the renderer's theme per OS (renderer/src/styles/
 * tokens.css: --bg-window, --text), for what paints before the page does and for the Windows
 * caption buttons, which sit on the page's title bar.
 */
export const THEME_COLORS: Record<HostOs, Record<'light' | 'dark', ThemeColors>> = {
  macos: { light: { background: '#ffffff', foreground: '#1d1d1f' }, dark: { background: '#1e1e1e', foreground: '#f5f5f7' } },
  windows: { light: { background: '#f3f3f3', foreground: '#1a1a1a' }, dark: { background: '#202020', foreground: '#ffffff' } },
  linux: { light: { background: '#f6f6f7', foreground: '#1d1d1f' }, dark: { background: '#1e1e20', foreground: '#f2f2f5' } },
};

/** Height of the Windows caption-button overlay: the renderer's title bar (--titlebar-height). */
export const TITLE_BAR_HEIGHT = 48;
export const DEFAULT_SIZE = { width: 1080, height: 760 };
export const MIN_SIZE = { width: 480, height: 400 };

interface OsWindowBehaviour {
  /** Title bar and background options. */
  chrome(colors: ThemeColors, icon: string): BrowserWindowConstructorOptions;
  /** What follows a theme change: 'overlay' recolours the caption buttons too. */
  themeFollows: 'overlay' | 'background' | 'vibrancy';
  /** Closing hides to the tray; say so once (macOS people expect it, so no hint there). */
  explainCloseToTray: boolean;
  /** Showing from the tray or a shortcut must also activate the app (macOS). */
  activateApp: boolean;
}

export const WINDOW_BEHAVIOUR: Record<HostOs, OsWindowBehaviour> = {
  macos: {
    chrome: () => ({
      titleBarStyle: 'hiddenInset',
      // Centred on the renderer's 52 px title strip (12 px buttons), inset as in macOS's own apps.
      trafficLightPosition: { x: 20, y: 20 },
      vibrancy: 'sidebar',
      visualEffectState: 'followWindow',
      // Transparent, so the vibrancy shows wherever the page leaves its background out.
      backgroundColor: '#00000000',
    }),
    themeFollows: 'vibrancy',
    explainCloseToTray: false,
    activateApp: true,
  },
  windows: {
    chrome: (colors) => ({
      titleBarStyle: 'hidden',
      titleBarOverlay: { color: colors.background, symbolColor: colors.foreground, height: TITLE_BAR_HEIGHT },
      backgroundColor: colors.background,
      autoHideMenuBar: true,
    }),
    themeFollows: 'overlay',
    explainCloseToTray: true,
    activateApp: false,
  },
  linux: {
    chrome: (colors, icon) => ({ backgroundColor: colors.background, autoHideMenuBar: true, icon }),
    themeFollows: 'background',
    explainCloseToTray: true,
    activateApp: false,
  },
};

export interface Placement {
  /** Absent: let Electron centre the window on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** How much of the title bar must be reachable on a display for the saved position to be kept. */
const GRAB_WIDTH = 80;
const GRAB_HEIGHT = 20;

/** The display a saved title bar is on: wide enough a part of it, its top not far off the display's. */
function holds(area: Rectangle, saved: SavedBounds): boolean {
  const visibleWidth = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
  const topWithin = saved.y >= area.y - TITLE_BAR_HEIGHT && saved.y <= area.y + area.height - GRAB_HEIGHT;
  return visibleWidth >= GRAB_WIDTH && topWithin;
}

/**
 * Where the window opens: the saved bounds when their title bar is on a connected display
 * (size clamped to that display, title bar never above its top), else the saved size (or the
 * default) centred on the primary display.
 */
export function placeWindow(saved: SavedBounds | null, workAreas: Rectangle[], primary: Rectangle): Placement {
  const clampTo = (area: Rectangle, width: number, height: number) => ({
    width: Math.max(MIN_SIZE.width, Math.min(width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(height, area.height)),
  });
  if (!saved) return { ...clampTo(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  const home = workAreas.find((area) => holds(area, saved));
  if (!home) return { ...clampTo(primary, saved.width, saved.height), maximized: saved.maximized };
  const size = clampTo(home, saved.width, saved.height);
  return { x: saved.x, y: Math.max(saved.y, home.y), ...size, maximized: saved.maximized };
}

export interface WindowOptionsInput {
  dark: boolean;
  placement: Placement;
  icon: string;
}

/**
 * The main window's options per OS, all but webPreferences: those are spelled out where the
 * window is made (MainWindow.create), so the security scanner reads them there.
 */
export function windowOptions(os: HostOs, { dark, placement, icon }: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { maximized: _maximized, ...bounds } = placement;
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Doum',
    ...WINDOW_BEHAVIOUR[os].chrome(THEME_COLORS[os][dark ? 'dark' : 'light'], icon),
  };
}

/** The built renderer served by the app's own scheme (app-protocol.ts) or, in development, electron-vite's dev server. */
export function appOrigin(): AppOrigin {
  return { entryUrl: process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY_URL };
}

/** The built renderer's folder, which the app's scheme serves. */
export const rendererDir = (): string => join(__dirname, '../renderer');

/**
 * Reloading a crashed renderer is right once in a while; a page that crashes on load would
 * loop, so after `limit` crashes within `periodMs` the window is left alone (and logged).
 */
export class CrashGuard {
  private crashes: number[] = [];

  constructor(
    private readonly limit = 3,
    private readonly periodMs = 60_000,
  ) {}

  shouldReload(now: number): boolean {
    this.crashes = [...this.crashes.filter((at) => now - at < this.periodMs), now];
    return this.crashes.length <= this.limit;
  }
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
  app: Pick<App, 'focus'>;
}

export interface MainWindowOptions {
  os: HostOs;
  origin: AppOrigin;
  preload: string;
  icon: string;
  state: ShellStateFile;
  log: Log;
  isQuitting(): boolean;
  /** The window was closed but the app keeps running in the tray. */
  onHiddenToTray(): void;
  /** A (new) window exists: forward events to it. */
  onCreated(window: BrowserWindow): void;
  now?: () => number;
}

const SAVE_DELAY_MS = 500;
/**
 * Clicking a Windows tray icon moves the focus to the taskbar before the click arrives, so a
 * window that lost the focus this recently still counts as the one in front.
 */
const TRAY_CLICK_BLUR_MS = 400;

export class MainWindow {
  private window: BrowserWindow | null = null;
  private readonly crashes = new CrashGuard();
  private blurredAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: MainWindowDeps,
    private readonly options: MainWindowOptions,
  ) {}

  /** The window, if one is open (hidden or not). */
  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Creates the window (once); `hash` opens the renderer on a route, `show` false starts hidden. */
  create({ hash = '', show = true }: { hash?: string; show?: boolean } = {}): BrowserWindow {
    const existing = this.current;
    if (existing) return existing;
    const { os, origin, preload, icon, state, log } = this.options;
    const workAreas = this.deps.screen.getAllDisplays().map((d) => d.workArea);
    const placement = placeWindow(state.get().window, workAreas, this.deps.screen.getPrimaryDisplay().workArea);
    const { BrowserWindow } = this.deps;
    const window = new BrowserWindow({
      ...windowOptions(os, { dark: this.deps.nativeTheme.shouldUseDarkColors, placement, icon }),
      // SECURE_WEB_PREFERENCES, written out where Electronegativity can read them (a unit test
      // keeps the two equal), plus the preload.
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
        preload,
      },
    });
    this.window = window;
    if (placement.maximized) window.maximize();
    if (show) window.once('ready-to-show', () => this.show());
    this.rememberBounds(window);
    window.on('close', (event) => {
      this.saveBounds(window);
      if (this.options.isQuitting()) return;
      event.preventDefault();
      window.hide();
      this.options.onHiddenToTray();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      log.error(`the window's renderer stopped (${details.reason}, exit code ${details.exitCode})`);
      if (details.reason === 'clean-exit' || window.isDestroyed()) return;
      if (this.crashes.shouldReload(this.now())) window.webContents.reload();
      else log.error('the renderer keeps crashing; not reloading it again');
    });
    window.on('blur', () => {
      this.blurredAt = this.now();
    });
    window.on('unresponsive', () => log.warn('the window is not responding'));
    window.on('responsive', () => log.info('the window is responding again'));
    this.options.onCreated(window);
    void window.loadURL(origin.entryUrl + hash);
    return window;
  }

  /** Brings Doum to the front: creates, restores, shows and focuses the window. */
  show(): BrowserWindow {
    const window = this.current ?? this.create({ show: false });
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (WINDOW_BEHAVIOUR[this.options.os].activateApp) this.deps.app.focus({ steal: true });
    return window;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The tray's click on Windows and Linux: hide a window in front, else bring it forward. */
  toggle(): void {
    const window = this.current;
    const inFront = window?.isVisible() && (window.isFocused() || this.now() - this.blurredAt < TRAY_CLICK_BLUR_MS);
    if (window && inFront) window.hide();
    else this.show();
  }

  /** Recolours what the page does not paint (background, Windows caption buttons). */
  applyTheme(dark: boolean): void {
    const window = this.current;
    if (!window) return;
    const colors = THEME_COLORS[this.options.os][dark ? 'dark' : 'light'];
    const follows = WINDOW_BEHAVIOUR[this.options.os].themeFollows;
    if (follows === 'vibrancy') return;
    window.setBackgroundColor(colors.background);
    if (follows === 'overlay') window.setTitleBarOverlay({ color: colors.background, symbolColor: colors.foreground, height: TITLE_BAR_HEIGHT });
  }

  private rememberBounds(window: BrowserWindow): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => this.saveBounds(window), SAVE_DELAY_MS);
    };
    window.on('resize', later);
    window.on('move', later);
    window.on('maximize', () => this.saveBounds(window));
    window.on('unmaximize', () => this.saveBounds(window));
  }

  private saveBounds(window: BrowserWindow): void {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    this.options.state.update({ window: { ...bounds, maximized: window.isMaximized() } });
  }
}
