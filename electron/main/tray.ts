/**
 * The tray (menu-bar) icon and its menu: Open Doum, Search…, the five most recently viewed
 * articles, Sync now (disabled while syncing) with the sync status, Settings, Quit.
 *
 * Per OS, as data (TRAY_BEHAVIOUR): macOS uses a template image (tinted by the system for
 * light and dark menu bars) and a click opens the menu; Windows picks a light or dark .ico
 * to match the taskbar and a click toggles the window; Linux uses a colour PNG and toggles
 * too (panels that only show menus still show the menu). Right-click shows the menu everywhere.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { contextLabel } from '../../shared/contexts';
import { isSyncFailure } from '../../shared/sync-failures';
import type { HostOs } from '../../shared/platform';
import type { HistoryEntry, SyncStatus } from '../../shared/types';
import { formatWhen, type ShellLanguage, type ShellText } from './text';

interface OsTrayBehaviour {
  /** The icon file in resources/icons, given whether the taskbar/menu bar is dark. */
  icon(darkTaskbar: boolean): string;
  /** macOS tints template images for the menu bar itself. */
  template: boolean;
  /** What a left click does ('menu': the OS shows the context menu). */
  click: 'menu' | 'toggle';
  /** Windows and Linux read "&" in a label as a mnemonic marker. */
  escapeAmpersands: boolean;
  /**
   * How a hint about the tray itself is shown: a balloon from the icon on Windows (toasts need
   * an installed Start-menu entry), a notification elsewhere.
   */
  hint: 'balloon' | 'notification';
}

export const TRAY_BEHAVIOUR: Record<HostOs, OsTrayBehaviour> = {
  macos: { icon: () => 'trayTemplate.png', template: true, click: 'menu', escapeAmpersands: false, hint: 'notification' },
  windows: { icon: (dark) => (dark ? 'tray-windows-dark.ico' : 'tray-windows-light.ico'), template: false, click: 'toggle', escapeAmpersands: true, hint: 'balloon' },
  linux: { icon: () => 'tray-linux.png', template: false, click: 'toggle', escapeAmpersands: true, hint: 'notification' },
};

export const RECENT_LIMIT = 5;
const TITLE_LENGTH = 48;
const REASON_LENGTH = 60;

export interface TrayState {
  text: ShellText;
  language: ShellLanguage;
  recent: HistoryEntry[];
  sync: SyncStatus;
  /** The global shortcut's accelerator, shown beside Search… (null when none is registered). */
  shortcut: string | null;
  now: Date;
}

export interface TrayActions {
  open(): void;
  toggle(): void;
  search(): void;
  openArticle(id: string): void;
  syncNow(): void;
  settings(): void;
  quit(): void;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** A recent article, with the name of the app screen it is the help for when it has one. */
export function recentLabel(entry: HistoryEntry): string {
  const title = truncate(entry.title, TITLE_LENGTH);
  return entry.context ? `${title} — ${contextLabel(entry.context)}` : title;
}

/** One line about the last sync: failed (why), when it last succeeded, or never. */
export function syncStatusLine(state: Pick<TrayState, 'text' | 'language' | 'sync' | 'now'>): string {
  const { text, sync } = state;
  if (sync.syncing) return text.syncing;
  if (sync.lastError) {
    const { code } = sync.lastError;
    return text.syncFailed(truncate(isSyncFailure(code) ? text.syncFailures[code] : text.syncFailedUnknown, REASON_LENGTH));
  }
  if (sync.lastSuccessAt) return text.lastSynced(formatWhen(sync.lastSuccessAt, state.language, state.now));
  return text.neverSynced;
}

export function trayTooltip(state: Pick<TrayState, 'text' | 'language' | 'sync' | 'now'>): string {
  return `${state.text.appName} — ${syncStatusLine(state)}`;
}

export function trayMenuTemplate(os: HostOs, state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { text } = state;
  const label = (s: string): string => (TRAY_BEHAVIOUR[os].escapeAmpersands ? s.replace(/&/g, '&&') : s);
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.slice(0, RECENT_LIMIT).map((entry) => ({ label: label(recentLabel(entry)), click: () => actions.openArticle(entry.articleId) }))
    : [{ label: text.noRecent, enabled: false }];
  return [
    { label: text.open, click: () => actions.open() },
    {
      label: text.search,
      click: () => actions.search(),
      // Shows the global shortcut; it is registered globally, not by this menu.
      ...(state.shortcut ? { accelerator: state.shortcut, registerAccelerator: false } : {}),
    },
    { type: 'separator' },
    { label: text.recent, enabled: false },
    ...recent,
    { type: 'separator' },
    { id: 'sync', label: state.sync.syncing ? text.syncing : text.syncNow, enabled: !state.sync.syncing, click: () => actions.syncNow() },
    { id: 'sync-status', label: label(syncStatusLine(state)), enabled: false },
    { type: 'separator' },
    { label: text.settings, click: () => actions.settings() },
    { type: 'separator' },
    { label: text.quit, click: () => actions.quit() },
  ];
}

export interface TrayDeps {
  Tray: new (image: NativeImage) => Tray;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  nativeImage: { createFromPath(path: string): NativeImage };
}

export class DoumTray {
  private readonly tray: Tray;
  private lastState: TrayState | null = null;

  constructor(
    private readonly deps: TrayDeps,
    private readonly os: HostOs,
    private readonly iconsDir: string,
    private readonly actions: TrayActions,
    darkTaskbar: boolean,
  ) {
    this.tray = new deps.Tray(this.icon(darkTaskbar));
    if (TRAY_BEHAVIOUR[os].click === 'toggle') this.tray.on('click', () => actions.toggle());
  }

  private icon(darkTaskbar: boolean): NativeImage {
    const behaviour = TRAY_BEHAVIOUR[this.os];
    const image = this.deps.nativeImage.createFromPath(join(this.iconsDir, behaviour.icon(darkTaskbar)));
    if (behaviour.template) image.setTemplateImage(true);
    return image;
  }

  update(state: TrayState): void {
    this.lastState = state;
    this.tray.setToolTip(trayTooltip(state));
    this.tray.setContextMenu(this.deps.Menu.buildFromTemplate(trayMenuTemplate(this.os, state, this.actions)));
  }

  /** Shows a hint about the tray; false when this OS wants a notification instead. */
  balloon(title: string, content: string): boolean {
    if (TRAY_BEHAVIOUR[this.os].hint !== 'balloon') return false;
    this.tray.displayBalloon({ title, content, iconType: 'info' });
    return true;
  }

  /** Windows: the taskbar turned light or dark. */
  setDarkTaskbar(dark: boolean): void {
    this.tray.setImage(this.icon(dark));
  }

  get state(): TrayState | null {
    return this.lastState;
  }

  get exists(): boolean {
    return !this.tray.isDestroyed();
  }

  /** The menu's labels as last built (for the Electron smoke test's probe). */
  menuLabels(): string[] {
    if (!this.lastState) return [];
    return trayMenuTemplate(this.os, this.lastState, this.actions).flatMap((item) => (item.label ? [item.label] : []));
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
