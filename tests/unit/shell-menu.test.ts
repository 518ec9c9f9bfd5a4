/**
 * The application menu per OS: the macOS app menu and Window menu, File/Edit/View/Help on
 * Windows and Linux, developer items only when running from sources.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { HostOs } from '../../shared/platform';
import { applicationMenuTemplate, type MenuActions } from '../../electron/main/menu';
import { shellText } from '../../electron/main/text';

vi.mock('electron', () => ({}));

function recordingActions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    textSize: (step) => calls.push(`text ${step}`),
    search: () => calls.push('search'),
    find: () => calls.push('find'),
    settings: () => calls.push('settings'),
    home: () => calls.push('home'),
    showLogs: () => calls.push('logs'),
  };
}

const menu = (os: HostOs, developer = false, actions = recordingActions()) => applicationMenuTemplate(os, { text: shellText('en'), actions, developer });
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...all(submenu(i))]);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('application menu', () => {
  it('starts with the app menu on macOS: About, Settings… ⌘,, Services, Hide, Quit', () => {
    const [app] = menu('macos');
    expect(app?.label).toBe('Doum');
    const items = submenu(app);
    expect(items.map((i) => i.role ?? i.label ?? i.type)).toEqual(['about', 'separator', 'Settings…', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect(items.find((i) => i.label === 'Settings…')?.accelerator).toBe('CommandOrControl+,');
  });

  it('has File, Edit, View, Window and Help on macOS', () => {
    expect(menu('macos').map((m) => m.role ?? m.label)).toEqual(['Doum', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it.each<HostOs>(['windows', 'linux'])('has no app menu on %s: Settings and Quit live in File, About in Help', (os) => {
    const items = menu(os);
    expect(items.map((m) => m.role ?? m.label)).toEqual(['File', 'editMenu', 'View', 'help']);
    const file = submenu(items[0]);
    expect(file.find((i) => i.label === 'Settings…')).toBeDefined();
    expect(file.find((i) => i.role === 'quit')).toMatchObject({ label: 'Quit Doum', accelerator: 'Control+Q' });
    expect(submenu(items[3]).find((i) => i.role === 'about')).toBeDefined();
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])('has a Help menu with Doum home, Search… and the log folder on %s', (os) => {
    const actions = recordingActions();
    const help = submenu(menu(os, false, actions).find((m) => m.role === 'help'));
    for (const label of ['Doum home', 'Search…', 'Open log folder']) click(help.find((i) => i.label === label));
    expect(actions.calls).toEqual(['home', 'search', 'logs']);
  });

  it('offers reload and developer tools only when running from sources', () => {
    expect(all(menu('windows')).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(all(menu('windows', true)).filter((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toHaveLength(2);
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])("routes Ctrl/⌘+F to the article's find and Ctrl/⌘+K to search on %s", (os) => {
    const actions = recordingActions();
    const items = all(menu(os, false, actions));
    const find = items.filter((i) => i.accelerator === 'CommandOrControl+F');
    expect(find.map((i) => i.label)).toEqual(['Find in Article…']);
    click(find[0]);
    const search = items.find((i) => i.label === 'Search…' && i.accelerator);
    expect(search?.accelerator).toBe('CommandOrControl+K');
    click(search);
    expect(actions.calls).toEqual(['find', 'search']);
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])('sizes the reading text, not the page, with Ctrl/⌘ +, − and 0 on %s', (os) => {
    const actions = recordingActions();
    const view = submenu(menu(os, false, actions).find((m) => m.label === 'View'));
    expect(view.some((i) => i.role === 'zoomIn' || i.role === 'zoomOut' || i.role === 'resetZoom')).toBe(false);
    for (const accelerator of ['CommandOrControl+Plus', 'CommandOrControl+=', 'CommandOrControl+-', 'CommandOrControl+0']) {
      click(view.find((i) => i.accelerator === accelerator));
    }
    expect(actions.calls).toEqual(['text 1', 'text 1', 'text -1', 'text 0']);
  });

  it('speaks Korean', () => {
    const items = applicationMenuTemplate('windows', { text: shellText('ko'), actions: recordingActions(), developer: false });
    expect(items.map((m) => m.label)).toEqual(['파일', '편집', '보기', '도움말']);
  });
});
