/**
 * The application menu. macOS gets its app menu (About, Settings… ⌘,, Services, Hide, Quit)
 * and a Window menu; Windows and Linux get a File menu with Settings and Quit. Everyone gets
 * Edit (so copy and paste work), View (text size, full screen; reload and developer tools
 * only when running from sources) and Help (Doum home, Search…, the log folder). Which menus
 * exist on which OS is data (MENU_LAYOUT).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { HostOs } from '../../shared/platform';
import type { ShellText } from './text';

export interface MenuActions {
  /** Reading text size one step larger (1), smaller (-1) or back to the default (0). */
  textSize(step: 1 | -1 | 0): void;
  search(): void;
  /** Find in the open article (the renderer falls back to the search field elsewhere). */
  find(): void;
  settings(): void;
  home(): void;
  showLogs(): void;
}

export interface MenuContext {
  text: ShellText;
  actions: MenuActions;
  /** Running from sources: add reload and developer tools. */
  developer: boolean;
}

type MenuPart = 'app' | 'file' | 'edit' | 'view' | 'window' | 'help';

export const MENU_LAYOUT: Record<HostOs, MenuPart[]> = {
  macos: ['app', 'file', 'edit', 'view', 'window', 'help'],
  windows: ['file', 'edit', 'view', 'help'],
  linux: ['file', 'edit', 'view', 'help'],
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

function parts(os: HostOs, { text, actions, developer }: MenuContext): Record<MenuPart, MenuItemConstructorOptions> {
  const search: MenuItemConstructorOptions = { label: text.search, accelerator: 'CommandOrControl+K', click: () => actions.search() };
  const find: MenuItemConstructorOptions = { label: text.findInArticle, accelerator: 'CommandOrControl+F', click: () => actions.find() };
  const settings: MenuItemConstructorOptions = { label: text.settings, accelerator: 'CommandOrControl+,', click: () => actions.settings() };
  const about: MenuItemConstructorOptions = { role: 'about', label: text.about };
  const mac = os === 'macos';
  return {
    app: {
      label: text.appName,
      submenu: [about, separator, settings, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit', label: text.quit }],
    },
    file: {
      label: text.file,
      submenu: mac
        ? [search, find, separator, { role: 'close', label: text.closeWindow }]
        : [search, find, settings, separator, { role: 'close', label: text.closeWindow }, { role: 'quit', label: text.quit, accelerator: 'Control+Q' }],
    },
    edit: { role: 'editMenu', label: text.edit },
    view: {
      label: text.view,
      submenu: [
        // Text size, not page zoom: the same setting as the article's 가/가 buttons.
        { label: text.textReset, accelerator: 'CommandOrControl+0', click: () => actions.textSize(0) },
        { label: text.textLarger, accelerator: 'CommandOrControl+Plus', click: () => actions.textSize(1) },
        { label: text.textLarger, accelerator: 'CommandOrControl+=', visible: false, acceleratorWorksWhenHidden: true, click: () => actions.textSize(1) },
        { label: text.textSmaller, accelerator: 'CommandOrControl+-', click: () => actions.textSize(-1) },
        separator,
        { role: 'togglefullscreen' },
        ...(developer ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    window: { role: 'windowMenu', label: text.window },
    help: {
      role: 'help',
      label: text.help,
      submenu: [
        { label: text.helpHome, click: () => actions.home() },
        { label: text.search, click: () => actions.search() },
        separator,
        { label: text.showLogs, click: () => actions.showLogs() },
        ...(mac ? [] : [separator, about]),
      ],
    },
  };
}

export function applicationMenuTemplate(os: HostOs, context: MenuContext): MenuItemConstructorOptions[] {
  const all = parts(os, context);
  return MENU_LAYOUT[os].map((part) => all[part]);
}
