/**
 * The shell's security, item by item: secure webPreferences on every window, a strict CSP,
 * navigation and new windows denied except the app's own routes, permissions denied, the
 * IPC sender checked on every call, and openExternal only for checked http(s)/mailto links.
 */
import { CONTENT_SECURITY_POLICY } from '../../electron/preview/server';
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { App, IpcMain, Session, WebContents } from 'electron';
import { HELP_METHODS, requestChannel } from '../../shared/api';
import { checkExternalUrl } from '../../electron/core/service';
import { registerHelpApi, type HelpRelay } from '../../electron/main/ipc';
import { guardAllWebContents, guardWebContents, handleDownloads, hardenSession, type DownloadLike } from '../../electron/main/security';
import { downloadAllowed, isAppUrl, isTrustedSender, navigationDecision, SECURE_WEB_PREFERENCES, type AppOrigin } from '../../electron/main/security-policy';
import { fakeEvent, FakeWebContents, recordingLog } from '../support/electron-fakes';

vi.mock('electron', () => ({}));

const ROOT = resolve(__dirname, '..', '..');
const FILE_ORIGIN: AppOrigin = { entryUrl: 'file:///Applications/Doum.app/Contents/Resources/app.asar/out/renderer/index.html' };
const DEV_ORIGIN: AppOrigin = { entryUrl: 'http://localhost:5173/' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('windows', () => {
  it('get contextIsolation, sandbox, no Node integration, webSecurity and no <webview>', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('are created in one place only, with those webPreferences (tested in shell-window)', () => {
    const creations = sources(join(ROOT, 'electron')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/new\s+[\w.]*(BrowserWindow|BrowserView|WebContentsView|BaseWindow)\s*\(/g)].map(() => file.slice(ROOT.length + 1));
    });
    expect(creations).toEqual([join('electron', 'main', 'window.ts')]);
    const webPreferences = sources(join(ROOT, 'electron')).filter((file) => /webPreferences\s*:/.test(readFileSync(file, 'utf8')));
    expect(webPreferences.map((f) => f.slice(ROOT.length + 1))).toEqual([join('electron', 'main', 'window.ts')]);
  });
});

describe('the content security policy', () => {
  const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  const directives = new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );

  it('is set in renderer/index.html', () => {
    expect(meta).not.toBeNull();
  });

  it('allows nothing inline or evaluated, and no plugins', () => {
    expect(meta?.[1]).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it("loads scripts, styles and connections from the app itself only", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    for (const name of ['script-src', 'style-src', 'connect-src']) {
      const sourcesOf = directives.get(name) ?? directives.get('default-src');
      expect(sourcesOf, name).toEqual(["'self'"]);
    }
  });

  it('shows pictures from the app itself only (no remote images, no tracking beacons), in the app and the preview alike', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:;");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https:/);
  });
});

describe('navigation', () => {
  const guarded = (origin = FILE_ORIGIN) => {
    const contents = new FakeWebContents();
    const log = recordingLog();
    const links: string[] = [];
    guardWebContents(contents as unknown as WebContents, { origin, log, onAppLink: (url) => links.push(url) });
    const navigate = (event: string, url: string, isMainFrame = true) => {
      const details = fakeEvent({ url, isMainFrame });
      contents.emit(event, details);
      return details.defaultPrevented;
    };
    return { contents, log, links, navigate };
  };

  it("lets the app move between its own routes", () => {
    const { navigate } = guarded();
    expect(navigate('will-navigate', `${FILE_ORIGIN.entryUrl}#/search?q=x`)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/article/x', DEV_ORIGIN)).toBe(true);
  });

  it.each([
    'https://evil.example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'file:///Applications/Doum.app/Contents/Resources/app.asar/out/renderer/other.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
  ])('denies a navigation to %s, and logs it', (url) => {
    const { navigate, log } = guarded();
    expect(navigate('will-navigate', url)).toBe(true);
    expect(log.lines).toEqual([`warn: blocked a navigation to ${url}`]);
  });

  it('follows a doum:// article link inside the app instead of loading it', () => {
    const { navigate, links, log } = guarded();
    expect(navigate('will-navigate', 'doum://article/block-friend')).toBe(true);
    expect(links).toEqual(['doum://article/block-friend']);
    expect(log.lines).toEqual([]);
    expect(navigationDecision('DOUM://search?q=x', FILE_ORIGIN)).toBe('app-link');
  });

  it('denies frames leaving the app, and leaves the top frame to will-navigate', () => {
    const { navigate, links } = guarded();
    expect(navigate('will-frame-navigate', 'https://evil.example.com/', false)).toBe(true);
    expect(navigate('will-frame-navigate', 'doum://article/x', false)).toBe(true);
    expect(links).toEqual([]);
    expect(navigate('will-frame-navigate', 'https://evil.example.com/', true)).toBe(false);
  });

  it('denies redirects away from the app', () => {
    const { navigate } = guarded(DEV_ORIGIN);
    expect(navigate('will-redirect', 'https://evil.example.com/')).toBe(true);
    expect(navigate('will-redirect', 'http://localhost:5173/index.html')).toBe(false);
  });

  it('denies every new window, handing doum:// links to the app', () => {
    const { contents, links } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: FILE_ORIGIN.entryUrl })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'doum://search?q=x' })).toEqual({ action: 'deny' });
    expect(links).toEqual(['doum://search?q=x']);
  });

  it('refuses <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent({});
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as App, { origin: FILE_ORIGIN, log: recordingLog(), onAppLink: () => undefined });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent({}), contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});

describe('permissions', () => {
  it('denies every permission request and check, and every device', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    const log = recordingLog();
    hardenSession(session as unknown as Session, log);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      (handlers.request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({ getURL: () => 'file:///x' }, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.check as unknown as (c: unknown, p: string) => boolean)(null, 'media')).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
    expect(log.lines[0]).toBe('warn: denied the permission "media" to file:///x');
  });
});

describe('downloads', () => {
  const APP: AppOrigin = { entryUrl: 'doum-app://app/index.html' };
  const SHA = 'f'.repeat(64);

  /** A session that only emits will-download, and a download item that records what it was told. */
  function download(url: string, filename: string) {
    const session = new EventEmitter();
    const log = recordingLog();
    handleDownloads(session as unknown as Session, { origin: APP, log });
    const dialogs: unknown[] = [];
    const item: DownloadLike = { getURL: () => url, getFilename: () => filename, setSaveDialogOptions: (options) => void dialogs.push(options) };
    const event = fakeEvent({});
    session.emit('will-download', event, item, {});
    return { event, dialogs, log };
  }

  it("saves an attached file of the app's own scheme through a save dialog named after it", () => {
    const { event, dialogs, log } = download(`doum-app://app/assets/${SHA}`, '사용 설명서.pdf');
    expect(event.defaultPrevented).toBe(false);
    expect(dialogs).toEqual([{ defaultPath: '사용 설명서.pdf', properties: ['createDirectory', 'showOverwriteConfirmation'] }]);
    expect(log.lines).toEqual([]);
  });

  it('cancels any other download and says so', () => {
    for (const url of ['https://evil.example.com/payload.exe', `doum-app://evil/assets/${SHA}`, 'doum-app://app/index.html', 'file:///etc/passwd']) {
      const { event, dialogs, log } = download(url, 'x');
      expect(event.defaultPrevented, url).toBe(true);
      expect(dialogs).toEqual([]);
      expect(log.lines[0]).toBe(`warn: blocked a download of ${url}`);
    }
    expect(downloadAllowed(`doum-app://app/assets/${SHA}`, APP)).toBe(true);
    expect(downloadAllowed(`doum-app://app/assets/${SHA}/../x`, APP)).toBe(false);
  });
});

describe('IPC senders', () => {
  const top = { url: `${FILE_ORIGIN.entryUrl}#/`, parent: null };

  it("trusts the app's own top-level page only", () => {
    expect(isTrustedSender(top, FILE_ORIGIN)).toBe(true);
    expect(isTrustedSender({ ...top, parent: top }, FILE_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example.com/', parent: null }, FILE_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, FILE_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/#/', parent: null }, DEV_ORIGIN)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, DEV_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, FILE_ORIGIN)).toBe(false);
  });

  it('checks the sender on every handler before the API sees the call', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler), removeHandler: (channel: string) => handlers.delete(channel) };
    const calls: string[] = [];
    const relay: HelpRelay = async (method) => {
      calls.push(method);
      return { ok: true, value: null };
    };
    const log = recordingLog();
    const unregister = registerHelpApi(ipcMain as unknown as IpcMain, relay, FILE_ORIGIN, log);
    expect([...handlers.keys()].sort()).toEqual(HELP_METHODS.map(requestChannel).sort());

    for (const method of HELP_METHODS) {
      const handler = handlers.get(requestChannel(method))!;
      await expect(handler({ senderFrame: { url: 'https://evil.example.com/', parent: null } })).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
      await expect(handler({ senderFrame: { url: top.url, parent: top } })).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
      await expect(handler({ senderFrame: null })).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(calls).toEqual([]);
    expect(log.lines[0]).toBe(`warn: refused ${HELP_METHODS[0]} from https://evil.example.com/`);

    await expect(handlers.get(requestChannel('getSettings'))!({ senderFrame: top })).resolves.toEqual({ ok: true, value: null });
    await expect(handlers.get(requestChannel('getArticle'))!({ senderFrame: top }, '../etc/passwd')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(calls).toEqual(['getSettings']);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('openExternal', () => {
  it.each(['https://help.example.com/a?b=c', 'http://example.com/', 'mailto:help@example.com'])('opens %s', (url) => {
    expect(checkExternalUrl(url).href).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'doum://article/x',
    'ms-settings:privacy',
    'smb://server/share',
    'vbscript:msgbox',
    'data:text/html,x',
    'https://user:pw@example.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => checkExternalUrl(url)).toThrow();
  });
});
