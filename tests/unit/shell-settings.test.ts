/**
 * What the shell does with Settings and its own memory: start at login per OS, update checks
 * (off unless a URL is set), the shell-state file, and the shell's language.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HIDDEN_ARG, linuxAutostartEntry, LOGIN_ITEM } from '../../electron/main/login-item';
import { ShellStateFile } from '../../electron/main/state-file';
import { formatWhen, shellText } from '../../electron/main/text';
import { CHECK_EVERY_MS, FIRST_CHECK_DELAY_MS, updateFeed, Updates, type Updater } from '../../electron/main/updates';
import { recordingLog } from '../support/electron-fakes';
import { removeTempDirs, tempDir } from '../support/temp';

vi.mock('electron', () => ({}));

afterAll(removeTempDirs);

function fakeLoginApp(wasOpenedAtLogin = false) {
  const calls: unknown[] = [];
  return {
    calls,
    setLoginItemSettings: (settings: unknown) => void calls.push(settings),
    getLoginItemSettings: () => ({ wasOpenedAtLogin }) as never,
  };
}

describe('start at login', () => {
  it('uses a login item on macOS, which says itself that it opened Doum', () => {
    const app = fakeLoginApp(true);
    LOGIN_ITEM.macos.apply(true, { app, executable: '/Applications/Doum.app/Contents/MacOS/Doum', autostartDir: '/nowhere' });
    expect(app.calls).toEqual([{ openAtLogin: true }]);
    expect(LOGIN_ITEM.macos.openedAtLogin(['Doum'], { app })).toBe(true);
    expect(LOGIN_ITEM.macos.openedAtLogin(['Doum'], { app: fakeLoginApp(false) })).toBe(false);
  });

  it('starts the installed exe hidden on Windows', () => {
    const app = fakeLoginApp();
    LOGIN_ITEM.windows.apply(true, { app, executable: 'C:\\Users\\me\\AppData\\Local\\Programs\\Doum\\Doum.exe', autostartDir: '' });
    LOGIN_ITEM.windows.apply(false, { app, executable: 'C:\\Doum.exe', autostartDir: '' });
    expect(app.calls).toEqual([
      { openAtLogin: true, path: 'C:\\Users\\me\\AppData\\Local\\Programs\\Doum\\Doum.exe', args: [HIDDEN_ARG] },
      { openAtLogin: false, path: 'C:\\Doum.exe', args: [HIDDEN_ARG] },
    ]);
    expect(LOGIN_ITEM.windows.openedAtLogin(['Doum.exe', HIDDEN_ARG], { app })).toBe(true);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const dir = join(tempDir(), 'autostart');
    const context = { app: fakeLoginApp(), executable: '/home/me/Apps/Doum "beta" $1.AppImage', autostartDir: dir };
    LOGIN_ITEM.linux.apply(true, context);
    const entry = readFileSync(join(dir, 'doum.desktop'), 'utf8');
    expect(entry).toBe(linuxAutostartEntry(context.executable));
    expect(entry).toContain('Exec="/home/me/Apps/Doum \\"beta\\" \\$1.AppImage" --hidden\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    LOGIN_ITEM.linux.apply(false, context);
    expect(existsSync(join(dir, 'doum.desktop'))).toBe(false);
    LOGIN_ITEM.linux.apply(false, context);
  });
});

describe('update checks', () => {
  it('are off without a URL, when running from sources, or for an insecure URL', () => {
    expect(updateFeed(null, true)).toEqual({ off: 'no update URL is set' });
    expect(updateFeed('https://updates.example.com/doum/', false)).toEqual({ off: 'update checks run in installed builds only' });
    expect(updateFeed('http://updates.example.com/doum/', true)).toEqual({ off: 'the update URL must be an https:// URL' });
    expect(updateFeed('ftp://updates.example.com/', true)).toEqual({ off: 'the update URL must be an https:// URL' });
    expect(updateFeed('https://me:secret@updates.example.com/', true)).toMatchObject({ off: expect.stringContaining('user name') });
  });

  it('use the generic provider for an https URL only — in an installed build not even plain http to this machine', () => {
    expect(updateFeed('https://updates.example.com/doum/', true)).toEqual({ feed: { provider: 'generic', url: 'https://updates.example.com/doum/' } });
    expect(updateFeed('http://127.0.0.1:8080/', true)).toEqual({ off: 'the update URL must be an https:// URL' });
  });

  function harness() {
    const timers: Array<{ ms: number; callback: () => void; cleared: boolean }> = [];
    const listeners = new Map<string, (value: never) => void>();
    let loads = 0;
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      logger: null as unknown,
      feeds: [] as unknown[],
      checks: 0,
      setFeedURL(feed: unknown) {
        this.feeds.push(feed);
      },
      async checkForUpdates() {
        this.checks += 1;
        return null;
      },
      on(event: string, listener: (value: never) => void) {
        listeners.set(event, listener);
        return this;
      },
    };
    const ready: string[] = [];
    const updates = new Updates(
      async () => {
        loads += 1;
        return updater as unknown as Updater;
      },
      {
        isPackaged: true,
        log: recordingLog(),
        onReady: (version) => ready.push(version),
        timers: {
          setTimeout: (callback, ms) => {
            const timer = { ms, callback, cleared: false };
            timers.push(timer);
            return timer;
          },
          clearTimeout: (handle) => void ((handle as { cleared: boolean }).cleared = true),
        },
      },
    );
    const fire = () => {
      const timer = timers.find((t) => !t.cleared);
      if (!timer) throw new Error('no timer armed');
      timer.cleared = true;
      timer.callback();
    };
    return { updates, updater, timers, listeners, ready, fire, loads: () => loads };
  }

  it('never load electron-updater while no URL is set', async () => {
    const { updates, loads } = harness();
    await updates.configure(null);
    expect(loads()).toBe(0);
  });

  it('check a configured feed after start and every six hours, downloading in the background', async () => {
    const { updates, updater, timers, fire } = harness();
    await updates.configure('https://updates.example.com/doum/');
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, feeds: [{ provider: 'generic', url: 'https://updates.example.com/doum/' }] });
    expect(timers.map((t) => t.ms)).toEqual([FIRST_CHECK_DELAY_MS]);
    fire();
    expect(updater.checks).toBe(1);
    expect(timers.at(-1)?.ms).toBe(CHECK_EVERY_MS);
    fire();
    expect(updater.checks).toBe(2);
  });

  it('say once that a downloaded version is ready', async () => {
    const { updates, listeners, ready } = harness();
    await updates.configure('https://updates.example.com/doum/');
    const downloaded = listeners.get('update-downloaded') as unknown as (info: { version: string }) => void;
    downloaded({ version: '0.2.0' });
    downloaded({ version: '0.2.0' });
    expect(ready).toEqual(['0.2.0']);
  });

  it('stop when the URL is removed', async () => {
    const { updates, timers, loads } = harness();
    await updates.configure('https://updates.example.com/doum/');
    await updates.configure(null);
    expect(timers.every((t) => t.cleared)).toBe(true);
    expect(loads()).toBe(1);
  });
});

describe('the shell state file', () => {
  it('starts from defaults when missing or damaged', () => {
    const file = join(tempDir(), 'shell-state.json');
    expect(new ShellStateFile(file).get()).toEqual({ window: null, trayHintShown: false, shortcutNotice: null });
    writeFileSync(file, '{ not json');
    expect(new ShellStateFile(file).get().window).toBeNull();
  });

  it('keeps what it is given, and drops bounds that make no sense', () => {
    const file = join(tempDir(), 'nested', 'shell-state.json');
    new ShellStateFile(file).update({ window: { x: 1, y: 2, width: 800, height: 600, maximized: false }, trayHintShown: true });
    expect(new ShellStateFile(file).get()).toEqual({ window: { x: 1, y: 2, width: 800, height: 600, maximized: false }, trayHintShown: true, shortcutNotice: null });
    writeFileSync(file, JSON.stringify({ window: { x: 'a', y: 2, width: 800, height: 600 }, trayHintShown: 'yes' }));
    expect(new ShellStateFile(file).get()).toEqual({ window: null, trayHintShown: false, shortcutNotice: null });
  });
});

describe("the shell's language", () => {
  it('counts updated articles in both languages', () => {
    expect(shellText('ko').articlesUpdated(3)).toBe('도움말 3개가 업데이트되었습니다');
    expect(shellText('en').articlesUpdated(1)).toBe('1 help article was updated');
    expect(shellText('en').articlesUpdated(4)).toBe('4 help articles were updated');
  });

  it('writes times as today or with the date', () => {
    const now = new Date('2026-10-05T18:00:00');
    expect(formatWhen('2026-10-05T09:05:00', 'ko', now)).toBe('09:05');
    expect(formatWhen('2026-10-01T09:05:00', 'ko', now)).toBe('10월 1일 09:05');
    expect(formatWhen('garbage', 'en', now)).toBe('garbage');
  });
});
