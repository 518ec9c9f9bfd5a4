/**
 * Deep links and launch arguments: doum://article/<id>, doum://search?q=…, a plain query
 * on the command line; second launches and macOS open-url; strict validation, bad input
 * logged and ignored.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import type { NavigateTarget } from '../../shared/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LaunchRequests, listenForLaunchRequests, MAX_QUERY_LENGTH, parseArgv, parseDeepLink, registerProtocol, routeHash } from '../../electron/main/deep-links';
import { fakeEvent, recordingLog } from '../support/electron-fakes';

vi.mock('electron', () => ({}));

describe('doum:// links', () => {
  it.each([
    ['doum://article/block-friend-macos', { kind: 'article', id: 'block-friend-macos' }],
    ['doum://article/block-friend/', { kind: 'article', id: 'block-friend' }],
    ['doum://search?q=%EB%A9%94%EC%8B%9C%EC%A7%80%20%EC%82%AD%EC%A0%9C', { kind: 'search', query: '메시지 삭제' }],
    ['doum://search/?q=delete+message', { kind: 'search', query: 'delete message' }],
    ['DOUM://search?q=%20%20spaced%20%20out%20', { kind: 'search', query: 'spaced out' }],
    // A section: a heading's anchor, Korean as typed or percent-encoded, NFC and lower case.
    ['doum://article/dark-mode#설정-화면-열기', { kind: 'article', id: 'dark-mode', section: '설정-화면-열기' }],
    ['doum://article/dark-mode#%EC%84%A4%EC%A0%95', { kind: 'article', id: 'dark-mode', section: '설정' }],
    ['doum://article/dark-mode/#turn-on-dark-mode-2', { kind: 'article', id: 'dark-mode', section: 'turn-on-dark-mode-2' }],
    ['doum://article/dark-mode#Step-1', { kind: 'article', id: 'dark-mode', section: 'step-1' }],
    [`doum://article/dark-mode#${'\u1109\u1165\u11AF'}`, { kind: 'article', id: 'dark-mode', section: '설' }],
  ])('opens %s', (link, target) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, target });
  });

  it.each([
    ['https://example.com/article/x', 'not a doum:// link'],
    ['javascript:alert(1)', 'not a doum:// link'],
    ['doum://settings', 'unknown link kind'],
    ['doum://Article/x', 'unknown link kind'],
    ['doum://article/', 'article id'],
    ['doum://article/Block_Friend', 'article id'],
    ['doum://article/a/b', 'article id'],
    ['doum://article/x?q=1', 'no query'],
    ['doum://article/x?#a', 'no query'],
    ['doum://article/x?#설정-화면', 'no query'],
    ['doum://article/x#', 'section is empty'],
    ['doum://article/x#a%20b', 'not a heading anchor'],
    ['doum://article/x#a b', 'not a heading anchor'],
    ['doum://article/x#-a', 'not a heading anchor'],
    ['doum://article/x#a--b', 'not a heading anchor'],
    ['doum://article/x#a-', 'not a heading anchor'],
    ['doum://article/x#%ZZ', 'not a heading anchor'],
    ['doum://article/x#%E0%A4', 'not a heading anchor'],
    ['doum://article/x#a%00b', 'not a heading anchor'],
    ['doum://article/x#a%E2%80%AEb', 'not a heading anchor'],
    ['doum://article/x#a%3Cscript%3E', 'not a heading anchor'],
    ['doum://article/x#a/b', 'not a heading anchor'],
    ['doum://article/x#a#b', 'not a heading anchor'],
    ['doum://article/x#a&section=b', 'not a heading anchor'],
    ['doum://article/x#..', 'not a heading anchor'],
    [`doum://article/x#${'가'.repeat(81)}`, 'not a heading anchor'],
    [`doum://article/${'a'.repeat(200)}`, 'article id'],
    ['doum://search', 'exactly one parameter'],
    ['doum://search?q=', 'empty'],
    ['doum://search?q=a&q=b', 'exactly one parameter'],
    ['doum://search?q=a&x=1', 'exactly one parameter'],
    ['doum://search/path?q=a', 'no path'],
    ['doum://search?q=%00bad', 'control characters'],
    [`doum://search?q=${'가'.repeat(MAX_QUERY_LENGTH + 1)}`, 'longer than'],
    ['doum://user:pw@article/x', 'user, password'],
    ['doum:article/x', 'unknown link kind'],
    ['not a url', 'not a URL'],
  ])('ignores %s', (link, reason) => {
    const parsed = parseDeepLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('launch arguments', () => {
  const packaged = { defaultApp: false };
  const fromSources = { defaultApp: true };

  it('takes a link from a second launch of the installed app', () => {
    expect(parseArgv(['C:\\Program Files\\Doum\\Doum.exe', 'doum://article/block-friend'], packaged)).toEqual({ target: { kind: 'article', id: 'block-friend' }, rejected: null });
  });

  it('skips the app path when running from sources', () => {
    expect(parseArgv(['/repo/node_modules/electron/dist/electron', '/repo', 'doum://search?q=x'], fromSources).target).toEqual({ kind: 'search', query: 'x' });
    expect(parseArgv(['/repo/node_modules/electron/dist/electron', '/repo'], fromSources).target).toBeNull();
  });

  it('searches for plain words: doum 메시지 삭제', () => {
    expect(parseArgv(['/usr/bin/doum', '메시지', '삭제'], packaged).target).toEqual({ kind: 'search', query: '메시지 삭제' });
    expect(parseArgv(['/usr/bin/doum', '메시지 삭제하기'], packaged).target).toEqual({ kind: 'search', query: '메시지 삭제하기' });
  });

  it("skips Doum's and Chromium's switches, macOS process serial numbers and file paths", () => {
    const argv = ['Doum.exe', '--hidden', '--allow-file-access-from-files', '--original-process-start-time=13371', '-psn_0_12345', 'C:\\Users\\me\\file.txt', '/tmp/x', 'privacy'];
    expect(parseArgv(argv, packaged)).toEqual({ target: { kind: 'search', query: 'privacy' }, rejected: null });
  });

  it('brings Doum forward without a target when there is nothing to show', () => {
    expect(parseArgv(['Doum.exe'], packaged)).toEqual({ target: null, rejected: null });
    expect(parseArgv(['Doum.exe', '--hidden'], packaged)).toEqual({ target: null, rejected: null });
  });

  it('ignores a bad link instead of searching for it, and says why', () => {
    const request = parseArgv(['Doum.exe', 'doum://article/../../etc/passwd%00'], packaged);
    expect(request.target).toBeNull();
    expect(request.rejected).toMatch(/^ignored the link ".*": the article id/);
  });

  it('ignores an overlong command-line query', () => {
    const request = parseArgv(['doum', 'x'.repeat(MAX_QUERY_LENGTH + 1)], packaged);
    expect(request).toMatchObject({ target: null, rejected: expect.stringContaining('longer than') });
  });
});

describe('launch requests', () => {
  it('keeps requests until the shell attaches; a cold start opens on the last one', () => {
    const requests = new LaunchRequests(() => undefined);
    requests.accept({ target: { kind: 'search', query: 'a' }, rejected: null });
    requests.accept({ target: { kind: 'article', id: 'b' }, rejected: null });
    expect(requests.takeInitial()).toEqual({ kind: 'article', id: 'b' });
    const delivered: Array<NavigateTarget | null> = [];
    requests.attach((t) => delivered.push(t));
    requests.accept({ target: null, rejected: null });
    requests.acceptLink('doum://search?q=later');
    expect(delivered).toEqual([null, { kind: 'search', query: 'later' }]);
  });

  it('says whether anything is waiting for the shell, a plain second launch included', () => {
    const requests = new LaunchRequests(() => undefined);
    expect(requests.waiting).toBe(false);
    requests.acceptLink('doum://evil/thing');
    expect(requests.waiting).toBe(false);
    requests.accept({ target: null, rejected: null });
    expect(requests.waiting).toBe(true);
    expect(requests.takeInitial()).toBeNull();
    expect(requests.waiting).toBe(false);
  });

  it('logs and drops rejected requests', () => {
    const log = recordingLog();
    const requests = new LaunchRequests((m) => log.warn(m));
    const delivered: unknown[] = [];
    requests.attach((t) => delivered.push(t));
    requests.acceptLink('doum://evil/thing');
    expect(delivered).toEqual([]);
    expect(log.lines).toEqual(['warn: ignored the link "doum://evil/thing": unknown link kind "evil"']);
  });

  it('hears macOS open-url and second launches', () => {
    const app = new EventEmitter();
    const requests = new LaunchRequests(() => undefined);
    const delivered: unknown[] = [];
    requests.attach((t) => delivered.push(t));
    listenForLaunchRequests(app as unknown as App, requests, { defaultApp: false });
    const openUrl = fakeEvent({});
    app.emit('open-url', openUrl, 'doum://article/x');
    expect(openUrl.defaultPrevented).toBe(true);
    app.emit('second-instance', fakeEvent({}), ['Doum.exe', 'doum://search?q=y'], '/', {});
    expect(delivered).toEqual([{ kind: 'article', id: 'x' }, { kind: 'search', query: 'y' }]);
  });
});

describe('protocol registration', () => {
  const fakeApp = (isDefault: boolean, succeeds = true) => {
    const calls: string[] = [];
    return { calls, isDefaultProtocolClient: () => isDefault, setAsDefaultProtocolClient: (p: string) => (calls.push(p), succeeds) };
  };

  it('registers doum:// for the installed app', () => {
    const app = fakeApp(false);
    registerProtocol(app, true, recordingLog());
    expect(app.calls).toEqual(['doum']);
  });

  it('leaves the system alone when running from sources, or when already registered', () => {
    const dev = fakeApp(false);
    registerProtocol(dev, false, recordingLog());
    const registered = fakeApp(true);
    registerProtocol(registered, true, recordingLog());
    expect([...dev.calls, ...registered.calls]).toEqual([]);
  });

  it('logs a registration that fails', () => {
    const log = recordingLog();
    registerProtocol(fakeApp(false, false), true, log);
    expect(log.lines).toEqual(['warn: could not register Doum as the handler of doum:// links']);
  });

  it('on Windows passes the link after "--", in the app and in the installer, so a crafted link is never a switch', () => {
    const registered: unknown[][] = [];
    const app = { isDefaultProtocolClient: () => false, setAsDefaultProtocolClient: (...args: unknown[]) => (registered.push(args), true) };
    registerProtocol(app, true, recordingLog(), 'win32', 'C:\\Doum\\Doum.exe');
    expect(registered).toEqual([['doum', 'C:\\Doum\\Doum.exe', ['--']]]);
    const nsis = readFileSync(join(__dirname, '..', '..', 'resources', 'installer.nsh'), 'utf8');
    expect(nsis).toContain(`'"$appExe" -- "%1"'`);
    const argv = ['C:\\Doum\\Doum.exe', '--', 'doum://article/x" --inspect=9229'];
    expect(parseArgv(argv, { defaultApp: false }).target).toBeNull();
    expect(parseArgv(['C:\\Doum\\Doum.exe', '--', 'doum://article/block-friend'], { defaultApp: false }).target).toEqual({ kind: 'article', id: 'block-friend' });
  });
});

describe('cold-start routes', () => {
  it("maps targets onto the renderer's hash routes", () => {
    expect(routeHash({ kind: 'article', id: 'x-1' })).toBe('#/article/x-1');
    expect(routeHash({ kind: 'article', id: 'x-1', section: '설정-화면' })).toBe('#/article/x-1?section=%EC%84%A4%EC%A0%95-%ED%99%94%EB%A9%B4');
    expect(routeHash({ kind: 'search', query: '메시지 삭제' })).toBe('#/search?q=%EB%A9%94%EC%8B%9C%EC%A7%80+%EC%82%AD%EC%A0%9C');
    expect(routeHash({ kind: 'settings' })).toBe('');
    expect(routeHash(null)).toBe('');
  });
});

describe('context links: doum://context/<id> and --context <id>', () => {
  it.each([
    ['doum://context/settings.display.theme', { kind: 'context', id: 'settings.display.theme' }],
    ['doum://context/chat.delete-message/', { kind: 'context', id: 'chat.delete-message' }],
    ['doum://context/error.login.e1001?platform=macos', { kind: 'context', id: 'error.login.e1001', platform: 'macos' }],
    ['doum://context/error.login.e1001?q=%EB%B9%84%EB%B0%80%EB%B2%88%ED%98%B8+%20%ED%8B%80%EB%A6%BC', { kind: 'context', id: 'error.login.e1001', query: '비밀번호 틀림' }],
    ['doum://context/settings?q=dark&platform=windows', { kind: 'context', id: 'settings', platform: 'windows', query: 'dark' }],
    ['DOUM://context/settings.display', { kind: 'context', id: 'settings.display' }],
  ])('opens %s', (link, target) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, target });
  });

  it.each([
    ['doum://context/', 'context id'],
    ['doum://context', 'a context link is doum://context/<id>'],
    ['doum://Context/settings', 'unknown link kind'],
    ['doum://context/Settings.Display', 'context id'],
    ['doum://context/settings..display', 'context id'],
    ['doum://context/.settings', 'context id'],
    ['doum://context/settings.', 'context id'],
    ['doum://context/settings/display', 'context id'],
    ['doum://context/../article/x', 'context id'],
    ['doum://context/settings/../../article/x', 'context id'],
    ['doum://context/settings%2Edisplay', 'context id'],
    ['doum://context/%2e%2e', 'context id'],
    ['doum://context/settings display', 'context id'],
    ['doum://context/설정', 'context id'],
    [`doum://context/${'a'.repeat(101)}`, 'context id'],
    ['doum://context/settings#x', 'no fragment'],
    ['doum://context/settings?platform=tv', 'platform must be one of'],
    ['doum://context/settings?platform=macos&platform=ios', 'each parameter once'],
    ['doum://context/settings?lang=ko', 'only the parameters platform and q'],
    ['doum://context/settings?q=', 'empty'],
    ['doum://context/settings?q=%00x', 'control characters'],
    [`doum://context/settings?q=${'가'.repeat(MAX_QUERY_LENGTH + 1)}`, 'longer than'],
    ['doum://user@context/settings', 'user, password'],
    ['doum://context:8080/settings', 'user, password or port'],
  ])('ignores %s', (link, reason) => {
    const parsed = parseDeepLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  const packaged = { defaultApp: false };

  it('takes --context <id> and --context=<id> from the command line, not as search words', () => {
    expect(parseArgv(['Doum.exe', '--context', 'settings.display.theme'], packaged)).toEqual({ target: { kind: 'context', id: 'settings.display.theme' }, rejected: null });
    expect(parseArgv(['/usr/bin/doum', '--hidden', '--context=error.login.e1001'], packaged)).toEqual({ target: { kind: 'context', id: 'error.login.e1001' }, rejected: null });
    expect(parseArgv(['/repo/electron', '/repo', '--context', 'chat.delete-message'], { defaultApp: true }).target).toEqual({ kind: 'context', id: 'chat.delete-message' });
  });

  it('lets a doum:// link win over --context, as over plain words', () => {
    expect(parseArgv(['Doum.exe', '--context', 'settings', 'doum://article/x'], packaged).target).toEqual({ kind: 'article', id: 'x' });
  });

  it('ignores a missing or malformed --context id, and says why', () => {
    expect(parseArgv(['Doum.exe', '--context'], packaged)).toEqual({ target: null, rejected: 'ignored --context from the command line: --context needs a context id' });
    expect(parseArgv(['Doum.exe', '--context', '--hidden'], packaged).rejected).toMatch(/needs a context id/);
    expect(parseArgv(['Doum.exe', '--context', '../../etc/passwd'], packaged)).toMatchObject({ target: null, rejected: expect.stringMatching(/^ignored --context from the command line: the context id is not dot-separated/) });
  });

  it('opens a cold start on the context route, with its platform and words', () => {
    expect(routeHash({ kind: 'context', id: 'settings.display' })).toBe('#/context/settings.display');
    expect(routeHash({ kind: 'context', id: 'error.login.e1001', platform: 'ios', query: '비밀번호' })).toBe('#/context/error.login.e1001?platform=ios&q=%EB%B9%84%EB%B0%80%EB%B2%88%ED%98%B8');
  });
});
