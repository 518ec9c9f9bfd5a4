/**
 * The main window per OS: chrome that matches the page it frames (its colours and title bar
 * from renderer/src/styles/tokens.css), secure webPreferences, size and position remembered
 * but kept on a visible display, closing to the tray, crash reloads.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { HostOs } from '../../shared/platform';
import { SECURE_WEB_PREFERENCES } from '../../electron/main/security-policy';
import { ShellStateFile } from '../../electron/main/state-file';
import { CrashGuard, DEFAULT_SIZE, MainWindow, placeWindow, windowOptions, type Placement } from '../../electron/main/window';
import { FakeBrowserWindow, fakeEvent, recordingLog } from '../support/electron-fakes';
import { removeTempDirs, tempDir } from '../support/temp';

// The window module takes Electron as parameters; nothing may load the real package.
vi.mock('electron', () => ({}));

afterAll(removeTempDirs);

const TOKENS_CSS = resolve(__dirname, '..', '..', 'renderer', 'src', 'styles', 'tokens.css');

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const placement: Placement = { width: 1080, height: 760, maximized: false };
const input = (dark: boolean) => ({ dark, placement, icon: '/app/resources/icons/icon.png' });

/**
 * The renderer's theme variables for a host OS and colour scheme, resolved from tokens.css as
 * the page resolves them: every `:root[...]` rule whose attributes match, less specific first,
 * later rules winning among equals.
 */
function pageTheme(os: HostOs, dark: boolean): Record<string, string> {
  const css = readFileSync(TOKENS_CSS, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const attributes: Record<string, string> = { 'data-os': os, 'data-theme': dark ? 'dark' : 'light' };
  const rules = [...css.matchAll(/(:root[^{}]*)\{([^{}]*)\}/g)]
    .map(([, selector, body], position) => ({ selector: selector!.trim(), body: body!, position }))
    .filter(({ selector }) => !selector.includes(':not('))
    .map((rule) => ({ ...rule, conditions: [...rule.selector.matchAll(/\[([\w-]+)='([^']*)'\]/g)].map(([, name, value]) => [name!, value!] as const) }))
    .filter(({ conditions }) => conditions.every(([name, value]) => attributes[name] === value))
    .sort((a, b) => a.conditions.length - b.conditions.length || a.position - b.position);
  const variables: Record<string, string> = {};
  for (const { body } of rules) for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) variables[name!] = value!.trim();
  return variables;
}

const px = (value: string | undefined): number => Number(/^(\d+)px$/.exec(value ?? '')?.[1]);

describe('window options per OS', () => {
  it.each<[HostOs, boolean]>([
    ['windows', false],
    ['windows', true],
    ['linux', false],
    ['linux', true],
  ])('paints %s (dark: %s) in the page\'s own window colour before the page has loaded', (os, dark) => {
    expect(windowOptions(os, input(dark)).backgroundColor).toBe(pageTheme(os, dark)['--bg-window']);
  });

  it('lets the macOS vibrancy show through a transparent window, under the page\'s own title strip', () => {
    const options = windowOptions('macos', input(false));
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}00$/i);
    expect(options.vibrancy).toBeDefined();
    // Inset traffic lights over a page that draws its own title strip; macOS's buttons are 12 px tall.
    expect(options.titleBarStyle).toBe('hiddenInset');
    expect(options.trafficLightPosition!.y + 12 / 2).toBe(px(pageTheme('macos', false)['--titlebar-height']) / 2);
  });

  it.each([false, true])('lays the Windows caption buttons over the page\'s title bar in its colours (dark: %s)', (dark) => {
    const page = pageTheme('windows', dark);
    expect(windowOptions('windows', input(dark))).toMatchObject({
      titleBarStyle: 'hidden',
      titleBarOverlay: { color: page['--bg-window'], symbolColor: page['--text'], height: px(page['--titlebar-height']) },
    });
  });

  it('keeps the system frame on Linux, with the app icon', () => {
    const options = windowOptions('linux', input(true));
    expect(options.titleBarStyle).toBeUndefined();
    expect(options.titleBarOverlay).toBeUndefined();
    expect(options.icon).toBe('/app/resources/icons/icon.png');
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])('starts hidden on %s, and never smaller than its minimum size, even on a tiny display', (os) => {
    const tiny = { x: 0, y: 0, width: 320, height: 240 };
    const options = windowOptions(os, { ...input(false), placement: placeWindow({ x: 0, y: 0, width: 200, height: 100, maximized: false }, [tiny], tiny) });
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight!);
  });
});

describe('window placement', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [primary], primary)).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('puts the window back where it was when that is on a display', () => {
    const saved = { x: 200, y: 150, width: 900, height: 700, maximized: true };
    expect(placeWindow(saved, [primary], primary)).toEqual(saved);
  });

  it('keeps a window on a second display to the left of the primary one', () => {
    const left = { x: -1440, y: 0, width: 1440, height: 860 };
    const saved = { x: -1200, y: 100, width: 800, height: 600, maximized: false };
    expect(placeWindow(saved, [primary, left], primary)).toEqual(saved);
  });

  it('centres the window on the primary display when its display is gone', () => {
    const saved = { x: 2500, y: 100, width: 900, height: 700, maximized: false };
    expect(placeWindow(saved, [primary], primary)).toEqual({ width: 900, height: 700, maximized: false });
  });

  it('centres the window when only a sliver of its title bar would show', () => {
    const saved = { x: 1900, y: 100, width: 900, height: 700, maximized: false };
    expect(placeWindow(saved, [primary], primary).x).toBeUndefined();
  });

  it('shrinks a window larger than its display and keeps the title bar below the top', () => {
    const small = { x: 0, y: 25, width: 1280, height: 775 };
    const saved = { x: 10, y: 0, width: 2400, height: 1400, maximized: false };
    expect(placeWindow(saved, [small], small)).toEqual({ x: 10, y: 25, width: 1280, height: 775, maximized: false });
  });
});

describe('the crash guard', () => {
  it('reloads a crashed renderer, but not one that keeps crashing', () => {
    const guard = new CrashGuard(3, 60_000);
    expect([0, 1000, 2000].map((t) => guard.shouldReload(t))).toEqual([true, true, true]);
    expect(guard.shouldReload(3000)).toBe(false);
    expect(guard.shouldReload(200_000)).toBe(true);
  });
});

describe('the main window', () => {
  let quitting = false;
  let hidden = 0;
  let stateFile: string;
  let state: ShellStateFile;
  const focusCalls: unknown[] = [];
  const log = recordingLog();

  const make = (os: HostOs = 'windows', now = () => 0) =>
    new MainWindow(
      {
        BrowserWindow: FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
        screen: { getAllDisplays: () => [{ workArea: primary }] as never, getPrimaryDisplay: () => ({ workArea: primary }) as never },
        nativeTheme: { shouldUseDarkColors: true },
        app: { focus: (options?: unknown) => void focusCalls.push(options) },
      },
      {
        os,
        origin: { entryUrl: 'file:///app/out/renderer/index.html' },
        preload: '/app/out/preload/index.js',
        icon: '/app/icon.png',
        state,
        log,
        isQuitting: () => quitting,
        onHiddenToTray: () => void (hidden += 1),
        onCreated: () => undefined,
        now,
      },
    );
  const fake = (window: BrowserWindow): FakeBrowserWindow => window as unknown as FakeBrowserWindow;

  beforeEach(() => {
    FakeBrowserWindow.created = [];
    quitting = false;
    hidden = 0;
    focusCalls.length = 0;
    stateFile = join(tempDir(), 'shell-state.json');
    state = new ShellStateFile(stateFile);
  });

  it.each<HostOs>(['macos', 'windows', 'linux'])('is created on %s with exactly the secure webPreferences and the preload', (os) => {
    const window = fake(make(os).create());
    expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/out/preload/index.js' });
    expect(window.options).toMatchObject(windowOptions(os, { dark: true, placement: { ...DEFAULT_SIZE, maximized: false }, icon: '/app/icon.png' }));
  });

  it('opens the requested route', () => {
    const window = fake(make().create({ hash: '#/article/block-friend' }));
    expect(window.loaded).toEqual(['file:///app/out/renderer/index.html#/article/block-friend']);
  });

  it('creates one window, however often it is asked', () => {
    const main = make();
    main.create();
    main.create();
    main.show();
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('hides to the tray on close, and closes for real when quitting', () => {
    const window = fake(make().create());
    window.show();
    expect(window.tryClose()).toBe(true);
    expect(window.visible).toBe(false);
    expect(hidden).toBe(1);
    quitting = true;
    expect(window.tryClose()).toBe(false);
    expect(hidden).toBe(1);
  });

  it('remembers its size and position', () => {
    const window = fake(make().create());
    window.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    window.maximized = true;
    window.emit('maximize');
    expect(state.get().window).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
    expect(new ShellStateFile(stateFile).get().window).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('opens where it was last time', () => {
    state.update({ window: { x: 300, y: 200, width: 900, height: 650, maximized: false } });
    const window = fake(make().create());
    expect(window.options).toMatchObject({ x: 300, y: 200, width: 900, height: 650 });
  });

  it('reloads a crashed renderer and logs it, but not after a clean exit', () => {
    const window = fake(make().create());
    window.webContents.emit('render-process-gone', fakeEvent({}), { reason: 'crashed', exitCode: 11 });
    expect(window.webContents.reloads).toBe(1);
    window.webContents.emit('render-process-gone', fakeEvent({}), { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.reloads).toBe(1);
    expect(log.lines.some((l) => l.includes('crashed'))).toBe(true);
  });

  it('stops reloading a renderer that crashes in a loop', () => {
    const window = fake(make().create());
    for (let i = 0; i < 5; i++) window.webContents.emit('render-process-gone', fakeEvent({}), { reason: 'crashed', exitCode: 11 });
    expect(window.webContents.reloads).toBe(3);
  });

  it('comes to the front restored and focused; on macOS it activates the app too', () => {
    const main = make('macos');
    const window = fake(main.create());
    window.minimized = true;
    main.show();
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(focusCalls).toEqual([{ steal: true }]);
    make('windows').show();
    expect(focusCalls).toHaveLength(1);
  });

  it('toggles: hides a focused window, brings a hidden one back', () => {
    const main = make();
    const window = fake(main.create());
    main.show();
    main.toggle();
    expect(window.visible).toBe(false);
    main.toggle();
    expect(window.visible).toBe(true);
  });

  it('hides a window that lost the focus to the tray click itself, but raises one left behind', () => {
    let now = 10_000;
    const main = make('windows', () => now);
    const window = fake(main.create());
    main.show();
    window.focused = false;
    window.emit('blur');
    now += 100;
    main.toggle();
    expect(window.visible).toBe(false);
    main.toggle();
    window.focused = false;
    window.emit('blur');
    now += 60_000;
    main.toggle();
    expect(window).toMatchObject({ visible: true, focused: true });
  });

  it('recolours the Windows caption buttons when the theme changes', () => {
    const main = make('windows');
    const window = fake(main.create());
    main.applyTheme(false);
    const light = windowOptions('windows', input(false));
    expect(window.background).toBe(light.backgroundColor);
    expect(window.overlay).toEqual(light.titleBarOverlay);
    expect(window.background).not.toBe(window.options.backgroundColor); // it was created dark
  });

  it('leaves the macOS vibrancy alone when the theme changes', () => {
    const main = make('macos');
    const window = fake(main.create());
    main.applyTheme(false);
    expect(window.background).toBeNull();
  });
});
