/**
 * The tray per OS: the icon that fits the menu bar or taskbar, what a click does, and the
 * menu — Open, Search…, five recent articles, Sync now with its status, Settings, Quit.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions, Tray } from 'electron';
import type { HostOs } from '../../shared/platform';
import type { HistoryEntry, SyncStatus } from '../../shared/types';
import { shellText } from '../../electron/main/text';
import { DoumTray, TRAY_BEHAVIOUR, trayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from '../../electron/main/tray';
import { type FakeImage, fakeMenu, fakeNativeImage, FakeTray } from '../support/electron-fakes';

vi.mock('electron', () => ({}));

const ICONS = resolve(__dirname, '..', '..', 'resources', 'icons');
const NOW = new Date('2026-10-05T14:30:00');

const idle: SyncStatus = { syncing: false, source: 'bundled', revision: 3, articles: 207, lastSuccessAt: '2026-10-05T14:05:00', lastAttemptAt: '2026-10-05T14:05:00', lastError: null, failures: 0, storage: { totalBytes: 4096, pictures: 0, pictureBytes: 0 } };

function history(n: number): HistoryEntry[] {
  return Array.from({ length: n }, (_, i) => ({ articleId: `article-${i}`, title: `도움말 ${i}`, platform: 'common' as const, viewedAt: '2026-10-05T10:00:00Z' }));
}

function state(patch: Partial<TrayState> = {}): TrayState {
  return { text: shellText('en'), language: 'en', recent: history(3), sync: idle, shortcut: 'CommandOrControl+Shift+H', now: NOW, ...patch };
}

function recordingActions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    open: () => calls.push('open'),
    toggle: () => calls.push('toggle'),
    search: () => calls.push('search'),
    openArticle: (id) => calls.push(`article:${id}`),
    syncNow: () => calls.push('sync'),
    settings: () => calls.push('settings'),
    quit: () => calls.push('quit'),
  };
}

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('tray icons', () => {
  it('uses a template image on macOS, so the menu bar tints it for light and dark', () => {
    expect(TRAY_BEHAVIOUR.macos.icon(false)).toBe('trayTemplate.png');
    expect(TRAY_BEHAVIOUR.macos.icon(true)).toBe('trayTemplate.png');
    expect(TRAY_BEHAVIOUR.macos.template).toBe(true);
    expect(existsSync(join(ICONS, 'trayTemplate@2x.png'))).toBe(true);
  });

  it('picks the Windows .ico that shows on a light or a dark taskbar', () => {
    expect(TRAY_BEHAVIOUR.windows.icon(true)).toBe('tray-windows-dark.ico');
    expect(TRAY_BEHAVIOUR.windows.icon(false)).toBe('tray-windows-light.ico');
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])('has its %s icons in resources/icons', (os) => {
    for (const dark of [false, true]) expect(existsSync(join(ICONS, TRAY_BEHAVIOUR[os].icon(dark)))).toBe(true);
  });

  it('opens the menu on a macOS click and toggles the window on Windows and Linux', () => {
    expect(TRAY_BEHAVIOUR.macos.click).toBe('menu');
    expect(TRAY_BEHAVIOUR.windows.click).toBe('toggle');
    expect(TRAY_BEHAVIOUR.linux.click).toBe('toggle');
  });
});

describe('tray menu', () => {
  it('lists Open, Search…, recent articles, Sync now with its status, Settings and Quit', () => {
    expect(labels(trayMenuTemplate('macos', state(), recordingActions()))).toEqual([
      'Open Doum',
      'Search…',
      '---',
      'Recently viewed',
      '도움말 0',
      '도움말 1',
      '도움말 2',
      '---',
      'Sync now',
      'Last synced 14:05',
      '---',
      'Settings…',
      '---',
      'Quit Doum',
    ]);
  });

  it('shows at most the five most recent articles, and says so when there are none', () => {
    const five = trayMenuTemplate('windows', state({ recent: history(9) }), recordingActions()).filter((i) => i.label?.startsWith('도움말'));
    expect(five.map((i) => i.label)).toEqual(['도움말 0', '도움말 1', '도움말 2', '도움말 3', '도움말 4']);
    const none = trayMenuTemplate('windows', state({ recent: [] }), recordingActions());
    expect(none.find((i) => i.label === 'No recently viewed articles')).toMatchObject({ enabled: false });
  });

  it('disables Sync now while syncing and says it is syncing', () => {
    const menu = trayMenuTemplate('linux', state({ sync: { ...idle, syncing: true } }), recordingActions());
    expect(menu.find((i) => i.id === 'sync')).toMatchObject({ label: 'Syncing…', enabled: false });
  });

  it('shows why the last sync failed, in its own words rather than the core\'s', () => {
    const failed = { ...idle, lastError: { code: 'network', message: 'http://127.0.0.1:9/manifest.json could not be reached (ECONNREFUSED)', at: '2026-10-05T14:00:00Z' } };
    const status = trayMenuTemplate('macos', state({ sync: failed }), recordingActions()).find((i) => i.id === 'sync-status');
    expect(status?.label).toBe('Sync failed: cannot reach the feed server');
    expect(status?.enabled).toBe(false);
    const ko = trayMenuTemplate('windows', state({ sync: failed, text: shellText('ko'), language: 'ko' }), recordingActions()).find((i) => i.id === 'sync-status');
    expect(ko?.label).toBe('동기화 실패: 피드 서버에 연결할 수 없음');
    const unknown = { ...failed, lastError: { ...failed.lastError, code: 'from-a-newer-doum' } };
    expect(trayTooltip(state({ sync: unknown }))).toBe('Doum — Sync failed: unknown error');
  });

  it('says when it has never synced, and gives the date for an older sync', () => {
    expect(trayTooltip(state({ sync: { ...idle, lastSuccessAt: null } }))).toBe('Doum — Not synced yet');
    expect(trayTooltip(state({ sync: { ...idle, lastSuccessAt: '2026-10-03T09:00:00' } }))).toMatch(/^Doum — Last synced Oct 3,? 09:00$/);
  });

  it('speaks Korean when the app does', () => {
    const menu = trayMenuTemplate('windows', state({ text: shellText('ko'), language: 'ko' }), recordingActions());
    expect(labels(menu)).toContain('지금 동기화');
    expect(labels(menu)).toContain('마지막 동기화: 14:05');
  });

  it('shows the global shortcut beside Search… without registering it again', () => {
    const search = trayMenuTemplate('macos', state(), recordingActions())[1];
    expect(search).toMatchObject({ accelerator: 'CommandOrControl+Shift+H', registerAccelerator: false });
    expect(trayMenuTemplate('macos', state({ shortcut: null }), recordingActions())[1]?.accelerator).toBeUndefined();
  });

  it('doubles "&" in titles on Windows and Linux, where it would mark a mnemonic', () => {
    const recent = [{ articleId: 'qa', title: 'Q&A', platform: null, viewedAt: '2026-10-05T10:00:00Z' }];
    expect(labels(trayMenuTemplate('windows', state({ recent }), recordingActions()))).toContain('Q&&A');
    expect(labels(trayMenuTemplate('macos', state({ recent }), recordingActions()))).toContain('Q&A');
  });

  it('names the screen of another app a recent article is the help for', () => {
    const recent = [
      { articleId: 'dark-mode-macos', title: '다크 모드나 테마를 바꾸려면 어떻게 하나요?', platform: null, viewedAt: '2026-10-05T10:00:00Z', context: 'settings.display.theme' },
      { articleId: 'long', title: '가'.repeat(80), platform: null, viewedAt: '2026-10-05T10:00:00Z', context: 'chat.delete-message' },
      { articleId: 'plain', title: '도움말', platform: null, viewedAt: '2026-10-05T10:00:00Z', context: null },
    ];
    const menu = trayMenuTemplate('macos', state({ recent }), recordingActions());
    expect(labels(menu)).toEqual(expect.arrayContaining(['다크 모드나 테마를 바꾸려면 어떻게 하나요? — settings › display › theme', `${'가'.repeat(47)}… — chat › delete message`, '도움말']));
  });

  it('shortens long titles', () => {
    const recent = [{ articleId: 'long', title: '가'.repeat(80), platform: null, viewedAt: '2026-10-05T10:00:00Z' }];
    const item = trayMenuTemplate('macos', state({ recent }), recordingActions()).find((i) => i.label?.startsWith('가'));
    expect(item?.label).toHaveLength(48);
    expect(item?.label?.endsWith('…')).toBe(true);
  });

  it('runs the action of each item', () => {
    const actions = recordingActions();
    const menu = trayMenuTemplate('macos', state(), actions);
    for (const label of ['Open Doum', 'Search…', '도움말 1', 'Sync now', 'Settings…', 'Quit Doum']) click(menu.find((i) => i.label === label));
    expect(actions.calls).toEqual(['open', 'search', 'article:article-1', 'sync', 'settings', 'quit']);
  });
});

describe('the tray icon', () => {
  beforeEach(() => {
    FakeTray.created = [];
  });

  const make = (os: HostOs, actions = recordingActions(), dark = false) =>
    new DoumTray({ Tray: FakeTray as unknown as new (image: Electron.NativeImage) => Tray, Menu: fakeMenu as never, nativeImage: fakeNativeImage as never }, os, ICONS, actions, dark);

  it('exists after start, with the macOS template image and no click handler of its own', () => {
    make('macos');
    const tray = FakeTray.created[0]!;
    expect(tray.image).toMatchObject({ path: join(ICONS, 'trayTemplate.png'), template: true });
    expect(tray.listenerCount('click')).toBe(0);
  });

  it('toggles the window on a Windows click, and follows the taskbar theme', () => {
    const actions = recordingActions();
    const doum = make('windows', actions, true);
    const tray = FakeTray.created[0]!;
    expect(tray.image.path).toBe(join(ICONS, 'tray-windows-dark.ico'));
    tray.emit('click');
    expect(actions.calls).toEqual(['toggle']);
    doum.setDarkTaskbar(false);
    expect((tray.image as FakeImage).path).toBe(join(ICONS, 'tray-windows-light.ico'));
  });

  it('explains itself with a balloon on Windows, and leaves it to a notification elsewhere', () => {
    expect(make('windows').balloon('Doum is still running', 'Open it from here')).toBe(true);
    expect(FakeTray.created[0]!.balloons).toEqual([{ title: 'Doum is still running', content: 'Open it from here', iconType: 'info' }]);
    expect(make('linux').balloon('x', 'y')).toBe(false);
    expect(FakeTray.created[1]!.balloons).toEqual([]);
  });

  it('updates its tooltip and menu with the state', () => {
    const doum = make('linux');
    doum.update(state());
    const tray = FakeTray.created[0]!;
    expect(tray.tooltip).toBe('Doum — Last synced 14:05');
    expect(labels(tray.menu as MenuItemConstructorOptions[])).toContain('도움말 2');
    doum.destroy();
    expect(tray.destroyed).toBe(true);
  });
});
