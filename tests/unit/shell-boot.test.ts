/**
 * The BUILT main process (out/main/index.js, as electron-vite bundles it, chunks and all) booted
 * under plain Node on a fake Electron (tests/support/fake-electron): the shell's modules are
 * unit-tested one by one elsewhere; this checks that the bundle starts and wires them together.
 * The fake reports what the app does to Electron and lets the test act as Chromium, the
 * renderer, the OS and the person: 'ready', IPC calls from chosen frames, a second launch with
 * a link, tray clicks, the global shortcut, closing the window, quitting. The help center —
 * SQLite, search, sync — runs in the built service-process.js, in a separate Node process
 * standing in for Electron's utility process: every renderer call goes main → port → service
 * → real SQLite and back, and the main process never opens the data itself.
 *
 * Every test launches its own app on its own data folder, so each runs alone (`-t`).
 * Needs the build (`npm run -s build`; `npm test` builds before vitest runs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannel, HELP_METHODS, requestChannel, type HelpEventName, type HelpEvents } from '../../shared/api';
import type { ApiErrorCode, ApiResponse } from '../../shared/errors';
import { hostOsFromNodePlatform } from '../../shared/platform';
import type { ContextResolution, HomeData, SearchQuery, SearchResult, Settings, SyncReport, SyncStatus } from '../../shared/types';
import { openHelpCenter } from '../../electron/core/help-center';
import { dataFiles } from '../../electron/core/paths';
import { SECURE_WEB_PREFERENCES } from '../../electron/main/security-policy';
import { DEFAULT_SHORTCUT } from '../../electron/main/shortcuts';
import { shellText } from '../../electron/main/text';
import { TRAY_BEHAVIOUR } from '../../electron/main/tray';
import { THEME_COLORS, WINDOW_BEHAVIOUR } from '../../electron/main/window';
import { watchEventLoop } from '../support/fake-electron/event-loop';
import { launchDoum, REPO_ROOT, type DoumProcess, type LaunchOptions } from '../support/fake-electron/launch';
import { FAKE_ENV, type EventLoopReport, type EventOf, type FakeElectronEvent, type FetchReply, type InvokeOutcome, type MenuItemSummary } from '../support/fake-electron/protocol';
import { editArticles, generatedArticles, writeGeneratedFeed } from '../support/generated-feed';
import { removeTempDirs, tempDir } from '../support/temp';

const OS = hostOsFromNodePlatform(process.platform);
const RENDERER_ENTRY = 'doum-app://app/index.html';
/** A sample article with a screenshot (resources/content/ko/settings/dark-mode-windows.md). */
const PICTURED_ARTICLE = 'dark-mode-windows';
const PRELOAD = join(REPO_ROOT, 'out', 'preload', 'index.js');
const SERVICE_PROCESS = join(REPO_ROOT, 'out', 'main', 'service-process.js');
const BUNDLED = JSON.parse(readFileSync(join(REPO_ROOT, 'resources', 'feed', 'manifest.json'), 'utf8')) as { revision: number; snapshot: { articles: number } };
const EN = shellText('en');
const KO = shellText('ko');
/** What a sandboxed preload may require (Electron's sandbox: no files, no other Node modules). */
const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url']);

afterAll(removeTempDirs);

// -- reading what the app answered and sent ---------------------------------------------------

/** The HelpApi envelope of an invoke the renderer saw resolve. */
function response<T>(outcome: InvokeOutcome): ApiResponse<T> {
  if (outcome.outcome !== 'resolved') throw new Error(`the invoke was rejected: ${outcome.message}`);
  return outcome.value as ApiResponse<T>;
}

function valueOf<T>(outcome: InvokeOutcome): T {
  const answer = response<T>(outcome);
  if (!answer.ok) throw new Error(`the call failed: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

function errorCode(outcome: InvokeOutcome): ApiErrorCode | 'none' {
  const answer = response<unknown>(outcome);
  return answer.ok ? 'none' : answer.error.code;
}

/** What the app sent the renderer on a HelpApi event's channel (since a mark). */
function sentToRenderer<E extends HelpEventName>(app: DoumProcess, event: E, since = 0): Array<HelpEvents[E]> {
  return app
    .eventsOf('renderer-send', since)
    .filter((sent) => sent.channel === eventChannel(event))
    .map((sent) => sent.args[0] as HelpEvents[E]);
}

function waitForRendererEvent<E extends HelpEventName>(app: DoumProcess, event: E, predicate: (payload: HelpEvents[E]) => boolean, since: number): Promise<FakeElectronEvent> {
  return app.waitFor('renderer-send', (sent) => sent.channel === eventChannel(event) && predicate(sent.args[0] as HelpEvents[E]), { since, what: `the renderer event ${event}` });
}

const SYNC_EVENTS: HelpEventName[] = ['syncStatus', 'syncProgress', 'contentUpdated'];

/** The sync's HelpApi events, in order, as the renderer received them. */
function syncEventsSent(app: DoumProcess, since: number): HelpEventName[] {
  return app.eventsOf('renderer-send', since).flatMap((sent) => SYNC_EVENTS.filter((event) => eventChannel(event) === sent.channel));
}

function calls(app: DoumProcess, api: string, since = 0): unknown[][] {
  return app
    .eventsOf('call', since)
    .filter((c) => c.api === api)
    .map((c) => c.args);
}

function labels(items: MenuItemSummary[]): string[] {
  return items.flatMap((item) => (item.label === null ? [] : [item.label]));
}

/** Every role in a menu, at any depth (Electron keeps roles lower-cased). */
function roles(items: MenuItemSummary[]): string[] {
  return items.flatMap((item) => [...(item.role === null ? [] : [item.role]), ...roles(item.submenu ?? [])]);
}

function latestAppMenu(app: DoumProcess): MenuItemSummary[] {
  const menus = app.eventsOf('app-menu');
  return menus[menus.length - 1]?.items ?? [];
}

function latestTrayMenu(app: DoumProcess): MenuItemSummary[] {
  const menus = app.eventsOf('tray-menu');
  const last = menus[menus.length - 1];
  if (!last) throw new Error('the tray has no menu');
  return last.items;
}

/**
 * What the process wrote to stderr (electron-log's console transport writes warnings and
 * errors there), less the timestamps, minus the lines these tests provoke on purpose.
 */
function unexpectedStderr(app: DoumProcess, expected: RegExp[]): string[] {
  return app
    .stderr()
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d\.\d{3} › /, '').trimEnd())
    .filter((line) => line !== '' && !expected.some((pattern) => pattern.test(line)));
}

/** A clean end: exit code 0, the databases closed (SQLite removes a WAL file when its last connection closes), nothing unexpected said. */
async function expectCleanQuit(app: DoumProcess, expectedStderr: RegExp[]): Promise<void> {
  const exit = await app.waitForExit();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(app.eventsOf('exit')).toEqual([{ kind: 'exit', code: 0 }]);
  // The first will-quit waits for the service process to close its databases, then quits again.
  const steps = app.eventsOf('quit-step');
  expect(steps).toEqual([
    { kind: 'quit-step', step: 'before-quit', prevented: false },
    { kind: 'quit-step', step: 'will-quit', prevented: true },
    { kind: 'quit-step', step: 'before-quit', prevented: false },
    { kind: 'quit-step', step: 'will-quit', prevented: false },
    { kind: 'quit-step', step: 'quit', prevented: false },
  ]);
  for (const file of ['content.db', 'user.db']) {
    expect(existsSync(join(app.dataDir, file)), file).toBe(true);
    expect(existsSync(join(app.dataDir, `${file}-wal`)), `${file}-wal left behind: the database was not closed`).toBe(false);
  }
  const log = readFileSync(join(app.dataDir, 'logs', 'main.log'), 'utf8');
  expect(log.trimEnd().split('\n').pop()).toMatch(/\[info\]\s+Doum quit$/);
  expect(log).not.toMatch(/\[error\]|Unhandled/);
  // Every utility process the app started has ended.
  const exitedPids = new Set(app.eventsOf('utility-exit').map((e) => e.pid));
  expect(app.eventsOf('utility-fork').filter((fork) => !exitedPids.has(fork.pid))).toEqual([]);
  expect(app.eventsOf('unimplemented')).toEqual([]);
  expect(app.eventsOf('dialog')).toEqual([]);
  expect(unexpectedStderr(app, expectedStderr)).toEqual([]);
}

/**
 * setSettings from the page for a security setting: the main process shows a message box, and
 * the person clicks `button` (0: change, 1: cancel). Resolves with the call's outcome.
 */
async function setSettingsAnswering(app: DoumProcess, patch: Partial<Settings>, button: number): Promise<InvokeOutcome> {
  const since = app.mark();
  const outcome = app.invoke('setSettings', [patch]);
  await app.waitFor('message-box', () => true, { since, what: 'the confirmation of a security setting' });
  await app.command({ type: 'answer-message-box', response: button });
  return outcome;
}

/** A folder feed (doum-feed/1) with `count` generated articles at revision 1. */
function generatedFeed(count: number): { dir: string; articles: ReturnType<typeof generatedArticles> } {
  const dir = join(tempDir('doum-boot-feed-'), 'feed');
  const articles = generatedArticles(count);
  writeGeneratedFeed(dir, articles);
  return { dir, articles };
}

/** Launches the built app on a data folder of its own; it is ended whatever `run` does. */
async function withApp(options: Omit<LaunchOptions, 'root'>, run: (app: DoumProcess) => Promise<void>, root = tempDir('doum-boot-')): Promise<void> {
  const app = launchDoum({ root, ...options });
  try {
    await run(app);
  } finally {
    await app.kill();
  }
}

/** Chromium is up and the window is shown. */
async function ready(app: DoumProcess): Promise<void> {
  await app.command({ type: 'emit-ready' });
  await app.waitFor('window-shown');
}

/** The service process the app forked (the only utility process it starts). */
function serviceProcess(app: DoumProcess, since = 0): EventOf<'utility-fork'> {
  const forks = app.eventsOf('utility-fork', since);
  expect(forks, 'one service process').toHaveLength(1);
  return forks[0]!;
}

/** The files a process holds open (Linux: /proc/<pid>/fd), or null where that cannot be read. */
function openFiles(pid: number): string[] | null {
  const dir = `/proc/${pid}/fd`;
  if (!existsSync(dir)) return null;
  return readdirSync(dir).flatMap((fd) => {
    try {
      return [readlinkSync(join(dir, fd))];
    } catch {
      return []; // closed meanwhile
    }
  });
}

/** The bare module ids a built file requires. */
function requiredModules(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((match) => match[2]!);
}

/** What the built main entry loads, its own chunks followed. */
function mainBundleModules(): Set<string> {
  const seen = new Set<string>();
  const modules = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const id of requiredModules(file)) {
      if (id.startsWith('.')) visit(join(file, '..', id));
      else modules.add(id);
    }
  };
  visit(join(REPO_ROOT, 'out', 'main', 'index.js'));
  return modules;
}

// -- the app as a person runs it ---------------------------------------------------------------

describe('the built main process on a fake Electron', () => {
  const link = 'doum://search?q=메시지';

  it('boots: the help center opens in DOUM_DATA_DIR with the bundled feed, in one sandboxed window on the built renderer', async () => {
    // Launched by a doum:// link, as the OS launches a link handler.
    await withApp({ args: [link] }, async (app) => {
      await app.waitFor('call', (c) => c.api === 'app.requestSingleInstanceLock');
      // Electron runs the main script before Chromium is up: no window yet, but the sandbox asked for.
      expect(app.eventsOf('window-created')).toEqual([]);
      expect(calls(app, 'app.enableSandbox')).toHaveLength(1);
      expect(calls(app, 'app.setPath')).toContainEqual(['userData', app.dataDir]);

      await app.command({ type: 'emit-ready' });
      const created = await app.waitFor('window-created');
      await app.waitFor('window-shown');
      expect(existsSync(join(app.dataDir, 'content.db'))).toBe(true);
      expect(existsSync(join(app.dataDir, 'user.db'))).toBe(true);

      // The bundled feed was imported whole, and the search index finds it.
      const home = valueOf<HomeData>(await app.invoke('getHome', []));
      expect(home.counts.articles).toBe(BUNDLED.snapshot.articles);
      expect(home.sync).toMatchObject({ source: 'bundled', revision: BUNDLED.revision, syncing: false });
      const found = valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }]));
      expect(found.total).toBeGreaterThan(0);

      // The window: Electron's security settings, the built preload, the built renderer.
      const webPreferences = created.options.webPreferences as Record<string, unknown>;
      expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
      expect(webPreferences.preload).toBe(PRELOAD);
      const preloadRequires = requiredModules(PRELOAD);
      expect(preloadRequires.filter((id) => !SANDBOXED_PRELOAD_MODULES.has(id))).toEqual([]);
      if (typeof created.options.icon === 'string') expect(existsSync(created.options.icon)).toBe(true);
      const load = await app.waitFor('window-loaded');
      expect(load.url.split('#')[0]).toBe(RENDERER_ENTRY);
      expect(app.eventsOf('window-load-failed')).toEqual([]);

      // A run from sources leaves the OS's doum:// handler alone (installed builds register).
      expect(calls(app, 'app.setAsDefaultProtocolClient')).toEqual([]);

      // The session and every web contents are locked down.
      expect(await app.command({ type: 'request-permission', permission: 'media' })).toEqual({ granted: false });
      expect(await app.command({ type: 'will-navigate', url: 'https://example.com/' })).toEqual({ prevented: true });
    });
  });

  it('runs the help center in a service process of its own: renderer calls go main → port → service → SQLite, and main never opens the data', async () => {
    await withApp({}, async (app) => {
      await ready(app);
      // One utility process, forked from the built service-process.js once the app was ready.
      const service = serviceProcess(app);
      expect(service).toMatchObject({ modulePath: SERVICE_PROCESS, serviceName: 'Doum help center' });
      expect(existsSync(service.modulePath)).toBe(true);
      expect(service.pid).not.toBe(app.pid);

      // A renderer-style call answered from the service's SQLite: a bookmark written there is read back.
      const found = valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }]));
      const id = found.results[0]!.id;
      valueOf(await app.invoke('setBookmarked', [id, true]));
      expect(valueOf<Array<{ articleId: string }>>(await app.invoke('listBookmarks', [])).map((b) => b.articleId)).toEqual([id]);

      // The databases are open in the service process and nowhere in the main process.
      const mainFiles = openFiles(app.pid);
      if (mainFiles !== null) {
        const serviceFiles = openFiles(service.pid)!;
        expect(serviceFiles).toEqual(expect.arrayContaining([join(app.dataDir, 'content.db'), join(app.dataDir, 'user.db')]));
        expect(mainFiles.filter((file) => file.startsWith(app.dataDir) && file.includes('.db'))).toEqual([]);
      }
      // The main bundle cannot open them either: it does not load SQLite or the search engine.
      const loaded = mainBundleModules();
      expect(loaded.has('electron')).toBe(true);
      for (const domain of ['better-sqlite3', 'lunr', 'sanitize-html']) expect(loaded.has(domain), domain).toBe(false);
      // …and the service process's entry never loads Electron (it gets only process.parentPort).
      expect(requiredModules(SERVICE_PROCESS)).not.toContain('electron');

      await app.command({ type: 'quit' });
      await expectCleanQuit(app, []);
    });
  });

  it('serves the renderer and the help center’s pictures from its own privileged scheme, and nothing outside it', async () => {
    await withApp({}, async (app) => {
      await app.waitFor('call', (c) => c.api === 'protocol.registerSchemesAsPrivileged');
      expect(calls(app, 'protocol.registerSchemesAsPrivileged')).toEqual([[[{ scheme: 'doum-app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]]]);
      await ready(app);
      const fetched = async (url: string) => (await app.command({ type: 'fetch', url })) as FetchReply;
      const page = await fetched(RENDERER_ENTRY);
      expect(page).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
      const html = Buffer.from(page.body, 'base64').toString('utf8');
      expect(html).toContain("img-src 'self' data:;");
      const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
      expect(await fetched(new URL(script, RENDERER_ENTRY).href)).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });

      // A picture of the bundled help center, from the content store in the service process.
      const article = valueOf<{ bodyHtml: string }>(await app.invoke('getArticle', [PICTURED_ARTICLE]));
      const sha = /src="doum-asset:([0-9a-f]{64})"/.exec(article.bodyHtml)![1]!;
      const picture = await fetched(`doum-app://app/assets/${sha}`);
      expect(picture).toMatchObject({ status: 200, contentType: 'image/png' });
      expect(createHash('sha256').update(Buffer.from(picture.body, 'base64')).digest('hex')).toBe(sha);

      expect((await fetched(`doum-app://app/assets/${'0'.repeat(64)}`)).status).toBe(404);
      expect((await fetched('doum-app://app/%2e%2e/%2e%2e/package.json')).status).toBe(404);
      expect((await fetched('doum-app://app/..%2f..%2fpackage.json')).status).toBe(403);
      expect((await fetched('doum-app://elsewhere/index.html')).status).toBe(404);
      // The app's scheme is the only page the window may show; a doum:// link is not a page.
      expect(await app.command({ type: 'will-navigate', url: 'doum-app://app/index.html#/settings' })).toEqual({ prevented: false });
      expect(await app.command({ type: 'will-navigate', url: 'doum-app://elsewhere/index.html' })).toEqual({ prevented: true });
    });
  });

  it('answers the HelpApi over IPC from its own top frame only, and checks the arguments', async () => {
    await withApp({}, async (app) => {
      await ready(app);
      const handled = app.eventsOf('ipc-handle').map((e) => e.channel).filter((channel) => channel.startsWith('doum:'));
      expect(handled.sort()).toEqual(HELP_METHODS.map(requestChannel).sort());

      const query = { text: '메시지 삭제' };
      const trusted = valueOf<SearchResult>(await app.invoke('search', [query], { kind: 'top' }));
      expect(trusted.results.length).toBeGreaterThan(0);

      expect(errorCode(await app.invoke('search', [query], { kind: 'subframe', url: RENDERER_ENTRY }))).toBe('refused');
      expect(errorCode(await app.invoke('search', [query], { kind: 'foreign', url: 'https://evil.example/' }))).toBe('refused');
      expect(errorCode(await app.invoke('search', [query], { kind: 'foreign', url: pathToFileURL('/etc/passwd').href }))).toBe('refused');
      expect(errorCode(await app.invoke('search', [query], { kind: 'gone' }))).toBe('refused');

      expect(errorCode(await app.invoke('search', [{ text: 42 }]))).toBe('invalid-argument');
      expect(errorCode(await app.invoke('search', []))).toBe('invalid-argument');
      expect(errorCode(await app.invoke('search', [query, 'one too many']))).toBe('invalid-argument');
      expect(errorCode(await app.invoke('getArticle', ['../../etc/passwd']))).toBe('invalid-argument');
    });
  });

  it('opens links: the launch link as the first route, a second launch’s link in the running window', async () => {
    await withApp({ args: [link] }, async (app) => {
      await ready(app);
      const articleId = valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }])).results[0]!.id;
      // Cold start: the window opens on the link's hash route, and the renderer is told once it can listen.
      const load = app.eventsOf('window-load')[0]!;
      expect(load.url).toBe(`${RENDERER_ENTRY}#/search?${new URLSearchParams({ q: '메시지' }).toString()}`);
      await waitForRendererEvent(app, 'navigate', (target) => target.kind === 'search', 0);
      const launched = app.eventsOf('renderer-send').filter((sent) => sent.channel === eventChannel('navigate'));
      expect(launched).toEqual([{ kind: 'renderer-send', windowId: load.windowId, channel: eventChannel('navigate'), args: [{ kind: 'search', query: '메시지' }], afterLoad: true }]);

      // Closing the window keeps Doum in the tray (and says so, once, where the OS wants a hint).
      const closing = app.mark();
      expect(await app.command({ type: 'close-window' })).toEqual({ prevented: true });
      await app.waitFor('window-hidden', undefined, { since: closing });
      const hints =
        TRAY_BEHAVIOUR[OS].hint === 'balloon'
          ? calls(app, 'Tray.displayBalloon', closing).map(([options]) => (options as { title: string }).title)
          : app.eventsOf('notification', closing).map((shown) => shown.title);
      expect(hints).toEqual(WINDOW_BEHAVIOUR[OS].explainCloseToTray ? [EN.stillRunningTitle] : []);

      // A second launch: a malformed link is ignored; a good one shows the window on the article.
      const since = app.mark();
      await app.command({ type: 'second-instance', args: ['doum://article/Not_An_Id!'] });
      await app.command({ type: 'second-instance', args: [`doum://article/${articleId}`] });
      await waitForRendererEvent(app, 'navigate', (target) => target.kind === 'article', since);
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'article', id: articleId }]);
      expect(app.eventsOf('window-shown', since)).toHaveLength(1);
      expect(app.eventsOf('window-focused', since)).toHaveLength(1);
      const article = valueOf<{ id: string }>(await app.invoke('getArticle', [articleId]));
      expect(article.id).toBe(articleId);

      // An article link clicked in the page: the navigation is stopped and the app opens it itself.
      const clicked = app.mark();
      expect(await app.command({ type: 'will-navigate', url: `doum://article/${articleId}` })).toEqual({ prevented: true });
      expect(sentToRenderer(app, 'navigate', clicked)).toEqual([{ kind: 'article', id: articleId }]);
      expect(app.eventsOf('window-created')).toHaveLength(1);
    });
  });

  it('has a tray with Open, Search, Sync now, Settings and Quit, an application menu, and the global shortcut', async () => {
    await withApp({}, async (app) => {
      await ready(app);
      const tray = await app.waitFor('tray-created');
      expect(tray.image).toBe(join(REPO_ROOT, 'resources', 'icons', TRAY_BEHAVIOUR[OS].icon(false)));
      expect(tray.imageEmpty).toBe(false);
      await app.waitFor('tray-menu');
      const menu = latestTrayMenu(app);
      expect(labels(menu)).toEqual(expect.arrayContaining([EN.open, EN.search, EN.syncNow, EN.settings, EN.quit]));
      expect(menu.find((item) => item.label === EN.search)?.accelerator).toBe(DEFAULT_SHORTCUT);

      expect(app.eventsOf('shortcut-register')).toEqual([{ kind: 'shortcut-register', accelerator: DEFAULT_SHORTCUT, registered: true }]);
      const appMenu = latestAppMenu(app);
      expect(labels(appMenu)).toEqual(expect.arrayContaining([EN.edit, EN.view, EN.help]));
      // Running from sources: reload and developer tools are there.
      expect(roles(appMenu)).toEqual(expect.arrayContaining(['reload', 'toggledevtools']));

      // The shortcut and the tray's items reach the renderer.
      let since = app.mark();
      await app.command({ type: 'press-shortcut', accelerator: DEFAULT_SHORTCUT });
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'focus-search' }]);
      since = app.mark();
      await app.command({ type: 'click-menu-item', menu: 'tray', label: EN.settings });
      await app.command({ type: 'click-menu-item', menu: 'tray', label: EN.search });
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'settings' }, { kind: 'focus-search' }]);
      // File → Find in Article… (Ctrl/⌘+F) asks the renderer for its find bar.
      since = app.mark();
      await app.command({ type: 'click-menu-item', menu: 'application', label: EN.findInArticle });
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'find' }]);

      // Reading an article puts it in the tray's recent list, clearing the history empties it
      // (the service's historyChanged, which the renderer hears too).
      expect(labels(latestTrayMenu(app))).toContain(EN.noRecent);
      const articleId = valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }])).results[0]!.id;
      since = app.mark();
      valueOf(await app.invoke('recordView', [articleId]));
      await waitForRendererEvent(app, 'historyChanged', () => true, since);
      await app.waitFor('tray-menu', (e) => !labels(e.items).includes(EN.noRecent), { since, what: 'the article in the tray’s recent list' });
      since = app.mark();
      valueOf(await app.invoke('clearHistory', []));
      await app.waitFor('tray-menu', (e) => labels(e.items).includes(EN.noRecent), { since, what: 'the tray’s recent list emptied' });
    });
  });

  it('applies Settings to the shell (theme, global shortcut), and its menu changes Settings (text size)', async () => {
    await withApp({}, async (app) => {
      await ready(app);
      // A dark theme reaches Electron's theme source and, where the OS shows them, the window's own colours.
      let since = app.mark();
      valueOf<Settings>(await app.invoke('setSettings', [{ theme: 'dark' }]));
      await app.waitFor('call', (c) => c.api === 'nativeTheme.themeSource' && c.args[0] === 'dark', { since, what: 'the dark theme source' });
      expect(calls(app, 'nativeTheme.themeSource', since)).toEqual([['dark']]);
      if (WINDOW_BEHAVIOUR[OS].themeFollows !== 'vibrancy') {
        await app.waitFor('call', (c) => c.api === 'BrowserWindow.setBackgroundColor' && c.args[0] === THEME_COLORS[OS].dark.background, { since, what: 'the dark window background' });
      }

      // Another global shortcut: the old one is released, the new one works and shows in the tray.
      const shortcut = 'CommandOrControl+Alt+K';
      since = app.mark();
      valueOf<Settings>(await app.invoke('setSettings', [{ globalShortcut: shortcut }]));
      await app.waitFor('shortcut-register', (e) => e.accelerator === shortcut, { since });
      expect(calls(app, 'globalShortcut.unregister', since)).toEqual([[DEFAULT_SHORTCUT]]);
      expect(app.eventsOf('shortcut-register', since)).toEqual([{ kind: 'shortcut-register', accelerator: shortcut, registered: true }]);
      await app.waitFor('tray-menu', (e) => e.items.some((item) => item.label === EN.search && item.accelerator === shortcut), { since, what: 'the new shortcut in the tray menu' });
      await expect(app.command({ type: 'press-shortcut', accelerator: DEFAULT_SHORTCUT })).rejects.toThrow(/no global shortcut/);
      since = app.mark();
      await app.command({ type: 'press-shortcut', accelerator: shortcut });
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'focus-search' }]);

      // View → Larger Text: the reading text size setting, announced to the renderer.
      const before = valueOf<Settings>(await app.invoke('getSettings', [])).textScale;
      since = app.mark();
      await app.command({ type: 'click-menu-item', menu: 'application', label: EN.textLarger });
      await waitForRendererEvent(app, 'settingsChanged', (settings) => settings.textScale > before, since);
    });
  });

  it('asks the person, in a dialog of its own, before the page changes a security setting; Cancel changes nothing', async () => {
    const feed = generatedFeed(4);
    await withApp({}, async (app) => {
      await ready(app);
      const before = valueOf<Settings>(await app.invoke('getSettings', []));
      const since = app.mark();
      const cancelled = await setSettingsAnswering(app, { feedUrl: feed.dir, theme: before.theme === 'dark' ? 'light' : 'dark' }, 1);
      expect(errorCode(cancelled)).toBe('refused');
      const [box] = app.eventsOf('message-box', since);
      expect(box).toMatchObject({ windowId: app.eventsOf('window-created')[0]!.windowId, message: EN.securityChangeMessage, buttons: [EN.securityChangeConfirm, EN.cancel], cancelId: 1 });
      expect(box!.detail).toContain(`${EN.settingNames.feedUrl}: ${EN.notSet} → ${feed.dir}`);
      const after = valueOf<Settings>(await app.invoke('getSettings', []));
      expect(after).toEqual(before);
      // Other settings need no confirmation, and neither does a security setting set to what it is.
      valueOf<Settings>(await app.invoke('setSettings', [{ feedUrl: null, textScale: after.textScale }]));
      expect(app.eventsOf('message-box', since)).toHaveLength(1);
    });
  });

  it('syncs in the service process, from Settings, the HelpApi and the tray, and tells the renderer', async () => {
    const feed = generatedFeed(40);
    await withApp({}, async (app) => {
      await ready(app);
      const service = serviceProcess(app);
      // A new feed location in Settings (confirmed by the person) starts a sync by itself.
      let since = app.mark();
      const settings = valueOf<Settings>(await setSettingsAnswering(app, { feedUrl: feed.dir }, 0));
      expect(settings.feedUrl).toBe(feed.dir);
      await waitForRendererEvent(app, 'syncStatus', (status) => !status.syncing && status.revision === 1, since);
      const first = syncEventsSent(app, since);
      expect(first[0]).toBe('syncStatus');
      expect(first.slice(-3)).toEqual(['contentUpdated', 'syncProgress', 'syncStatus']);
      expect(sentToRenderer(app, 'syncStatus', since)[0]?.syncing).toBe(true);
      expect(sentToRenderer(app, 'contentUpdated', since)).toEqual([{ revision: 1 }]);
      expect(sentToRenderer(app, 'syncProgress', since).pop()).toEqual({ phase: 'done' });
      expect(sentToRenderer(app, 'syncStatus', since).pop()).toMatchObject({ syncing: false, source: feed.dir, revision: 1, articles: feed.articles.length, lastError: null });

      // The new content is searchable at once: the service process's own index caught up.
      const home = valueOf<HomeData>(await app.invoke('getHome', []));
      expect(home.counts.articles).toBe(feed.articles.length);
      const afterFirst = valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제', limit: 200 }]));
      expect(afterFirst.total).toBeGreaterThan(0);
      expect(afterFirst.results.every((result) => result.id.startsWith('article-'))).toBe(true);

      // The HelpApi's syncNow: revision 2 comes back as the report.
      const second = editArticles(feed.articles, 0.25, 1);
      writeGeneratedFeed(feed.dir, second);
      since = app.mark();
      const report = valueOf<SyncReport>(await app.invoke('syncNow', []));
      expect(report).toMatchObject({ revision: 2, notModified: false, total: second.length });
      expect(sentToRenderer(app, 'contentUpdated', since)).toEqual([{ revision: 2 }]);
      const status = valueOf<SyncStatus>(await app.invoke('getSyncStatus', []));
      expect(status).toMatchObject({ syncing: false, revision: 2, articles: second.length });

      // The tray's Sync now: disabled while it runs, revision 3 at the end.
      writeGeneratedFeed(feed.dir, editArticles(second, 0.25, 2));
      since = app.mark();
      await app.command({ type: 'click-menu-item', menu: 'tray', label: EN.syncNow });
      await waitForRendererEvent(app, 'syncStatus', (s) => !s.syncing && s.revision === 3, since);
      expect(sentToRenderer(app, 'contentUpdated', since)).toEqual([{ revision: 3 }]);
      const trayMenus = app.eventsOf('tray-menu', since).map((e) => e.items.find((item) => item.id === 'sync'));
      expect(trayMenus).toContainEqual(expect.objectContaining({ label: EN.syncing, enabled: false }));
      await app.waitFor('tray-menu', (e) => e.items.some((item) => item.id === 'sync' && item.enabled && item.label === EN.syncNow), { since });

      // Every sync ran in the one service process: no process was started for them.
      expect(app.eventsOf('utility-fork')).toEqual([service]);
      await app.command({ type: 'quit' });
      await expectCleanQuit(app, []);
    });
  });

  it('quits from the tray: the service closes the databases, and the process exits with 0', async () => {
    await withApp({}, async (app) => {
      await ready(app);
      await app.waitFor('tray-menu');
      await app.command({ type: 'click-menu-item', menu: 'tray', label: EN.quit });
      await expectCleanQuit(app, []);
      expect(app.eventsOf('window-closed')).toHaveLength(1);
      expect(app.eventsOf('tray-destroyed')).toHaveLength(1);
      expect(app.eventsOf('window-created')).toHaveLength(1);
    });
  });
});

describe('the built main process when its service process dies', () => {
  it('says so, starts it once more, and answers unavailable when that one dies too', async () => {
    await withApp({ env: { [FAKE_ENV.locale]: 'ko-KR' } }, async (app) => {
      await ready(app);
      // The system language picks the shell's language.
      await app.waitFor('tray-menu');
      expect(labels(latestTrayMenu(app))).toEqual(expect.arrayContaining([KO.open, KO.search, KO.syncNow, KO.settings, KO.quit]));
      const first = serviceProcess(app);
      // The process ends as a crash would end it (this test started it; only that pid is killed).
      let since = app.mark();
      process.kill(first.pid, 'SIGKILL');
      await app.waitFor('utility-exit', (e) => e.pid === first.pid, { since });
      await app.waitForLog(/help center process stopped unexpectedly \(exit code \d+\); starting it again$/);
      const second = await app.waitFor('utility-fork', () => true, { since, what: 'the service process started again' });
      expect(second.modulePath).toBe(SERVICE_PROCESS);
      await app.waitForLog(/the help center process was started again$/);
      // The new one answers from the same files.
      expect(valueOf<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }])).total).toBeGreaterThan(0);

      since = app.mark();
      process.kill(second.pid, 'SIGKILL');
      await app.waitFor('utility-exit', (e) => e.pid === second.pid, { since });
      await app.waitForLog(/it is not started a third time/);
      const answer = response<SearchResult>(await app.invoke('search', [{ text: '메시지 삭제' }]));
      expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(app.eventsOf('utility-fork', since)).toEqual([]);
      // The shell itself lives on: the window and the tray still work.
      since = app.mark();
      await app.command({ type: 'click-menu-item', menu: 'tray', label: KO.settings });
      expect(sentToRenderer(app, 'navigate', since)).toEqual([{ kind: 'settings' }]);
    });
  });
});

describe('the built main process where no utility process can start', () => {
  it('cannot open the help center: it says why and exits with 1', async () => {
    await withApp({ env: { [FAKE_ENV.utilityForkFails]: '1' } }, async (app) => {
      await app.command({ type: 'emit-ready' });
      expect(await app.waitForExit()).toEqual({ code: 1, signal: null });
      expect(app.eventsOf('window-created')).toEqual([]);
      const log = readFileSync(join(app.dataDir, 'logs', 'main.log'), 'utf8');
      expect(log).toMatch(/Doum failed to start.*the utility process could not be launched/s);
      // The data was never opened by the main process.
      expect(existsSync(join(app.dataDir, 'content.db'))).toBe(false);
    });
  });
});

describe('the built main process started at login', () => {
  it('stays in the tray, and comes forward for a second launch', async () => {
    const app = launchDoum({ root: tempDir('doum-boot-'), args: ['--hidden'] });
    try {
      await app.command({ type: 'emit-ready' });
      // Painted and ready, but not shown: Doum waits in the tray.
      await app.waitFor('window-ready-to-show');
      expect(app.eventsOf('window-shown')).toEqual([]);
      // A plain second launch (the window exists, so the shell listens) brings it forward.
      expect(await app.command({ type: 'second-instance', args: [] })).toBe('delivered');
      expect(app.eventsOf('window-shown')).toHaveLength(1);
      await app.command({ type: 'quit' });
      await expectCleanQuit(app, []);
    } finally {
      await app.kill();
    }
  });

  it('shows the window when a link was opened while it started', async () => {
    const app = launchDoum({ root: tempDir('doum-boot-'), args: ['--hidden'] });
    try {
      // The person clicks a doum:// link while the login launch is still starting.
      expect(await app.command({ type: 'second-instance', args: ['doum://search?q=삭제'] })).toBe('waiting');
      await app.command({ type: 'emit-ready' });
      await app.waitFor('window-loaded');
      // It was waiting when the window was made: the window opens on it, and is shown.
      expect(app.eventsOf('window-load')[0]?.url).toBe(`${RENDERER_ENTRY}#/search?${new URLSearchParams({ q: '삭제' }).toString()}`);
      await app.waitFor('window-shown');
      await app.command({ type: 'quit' });
      await expectCleanQuit(app, []);
    } finally {
      await app.kill();
    }
  });
});

describe('the built main process opened for a screen of another app (context help)', () => {
  it('opens on the context from --context, and a second launch hands its context to the running window', async () => {
    const app = launchDoum({ root: tempDir('doum-boot-'), args: ['--context', 'settings.display.theme'] });
    try {
      await app.command({ type: 'emit-ready' });
      await app.waitFor('window-loaded');
      expect(app.eventsOf('window-load')[0]?.url).toBe(`${RENDERER_ENTRY}#/context/settings.display.theme`);
      await app.waitFor('window-shown');
      await waitForRendererEvent(app, 'navigate', (target) => target.kind === 'context', 0);
      expect(sentToRenderer(app, 'navigate')).toEqual([{ kind: 'context', id: 'settings.display.theme' }]);

      // The renderer resolves it through the HelpApi: the bundled help center's one article for the screen.
      const theme = valueOf<ContextResolution>(await app.invoke('resolveContext', ['settings.display.theme', { locale: 'ko' }]));
      expect(theme).toMatchObject({ kind: 'article', matched: 'settings.display.theme' });
      expect(theme.articles.map((a) => a.group)).toEqual(['dark-mode']);
      expect(errorCode(await app.invoke('resolveContext', ['../settings']))).toBe('invalid-argument');

      // Closed to the tray, then the app's Help button launches Doum again: malformed ids are
      // ignored; a link or --context=<id> shows the window on the screen's help.
      await app.command({ type: 'close-window' });
      const since = app.mark();
      await app.command({ type: 'second-instance', args: ['--context', 'Settings..Theme'] });
      await app.command({ type: 'second-instance', args: ['doum://context/../article/x'] });
      await app.command({ type: 'second-instance', args: ['doum://context/chat.delete-message?platform=macos&q=%EC%82%AD%EC%A0%9C'] });
      await app.command({ type: 'second-instance', args: ['--context=error.login.e1001'] });
      await waitForRendererEvent(app, 'navigate', (target) => target.kind === 'context' && target.id === 'error.login.e1001', since);
      expect(sentToRenderer(app, 'navigate', since)).toEqual([
        { kind: 'context', id: 'chat.delete-message', platform: 'macos', query: '삭제' },
        { kind: 'context', id: 'error.login.e1001' },
      ]);
      expect(app.eventsOf('window-shown', since).length).toBeGreaterThanOrEqual(1);
      await app.command({ type: 'quit' });
      await expectCleanQuit(app, [/ignored --context from the command line: the context id is not/, /ignored the link "doum:\/\/context\/\.\.\/article\/x": the context id is not/]);
    } finally {
      await app.kill();
    }
  });
});

describe('the built main process when another instance is running', () => {
  it('hands the launch over and quits with 0 before opening anything', async () => {
    const app = launchDoum({ root: tempDir('doum-boot-'), args: ['doum://search?q=삭제'], env: { [FAKE_ENV.lockHeld]: '1' } });
    try {
      expect(await app.waitForExit()).toEqual({ code: 0, signal: null });
      expect(calls(app, 'app.requestSingleInstanceLock')).toEqual([[false]]);
      expect(app.eventsOf('quit-step').map((step) => step.step)).toEqual(['before-quit', 'will-quit', 'quit']);
      expect(app.eventsOf('window-created')).toEqual([]);
      expect(existsSync(join(app.dataDir, 'content.db'))).toBe(false);
      expect(unexpectedStderr(app, [])).toEqual([]);
    } finally {
      await app.kill();
    }
  });
});

describe('the built main process as an installed build', () => {
  it('imports the bundled feed from the resources folder, registers doum:// links, and leaves developer tools out', async () => {
    const app = launchDoum({ root: tempDir('doum-boot-'), args: ['doum://search?q=삭제'], env: { [FAKE_ENV.packaged]: '1' } });
    try {
      await app.command({ type: 'emit-ready' });
      await app.waitFor('window-shown');
      const home = valueOf<HomeData>(await app.invoke('getHome', []));
      expect(home.counts.articles).toBe(BUNDLED.snapshot.articles);
      expect(calls(app, 'app.setAsDefaultProtocolClient')).toEqual([['doum']]);
      // An installed build's argv has no app path in it; the link is found all the same.
      expect(app.eventsOf('window-load')[0]?.url).toBe(`${RENDERER_ENTRY}#/search?${new URLSearchParams({ q: '삭제' }).toString()}`);
      expect(roles(latestAppMenu(app))).not.toContain('toggledevtools');
      expect(roles(latestAppMenu(app))).not.toContain('reload');
      // An update URL loads electron-updater (against this Electron) and schedules the checks.
      valueOf<Settings>(await setSettingsAnswering(app, { updateUrl: 'https://updates.example.com/doum/' }, 0));
      await app.waitForLog(/checking for updates at https:\/\/updates\.example\.com\/doum\/$/);
      await app.command({ type: 'quit' });
      await expectCleanQuit(app, []);
    } finally {
      await app.kill();
    }
  });
});

// -- the main process stays responsive ---------------------------------------------------------

/** How the event loop of this process kept up while `work` ran. */
async function loopDuring(work: () => Promise<unknown>): Promise<EventLoopReport> {
  const watch = watchEventLoop();
  await work();
  return watch.stop();
}

describe('the main process while the help center answers a burst of searches on a large index', () => {
  const ARTICLES = 20_000;
  const TEXTS = ['메시지 삭제', '비밀번호 재설정 방법', 'delete a message', '친구 차단 하고 싶어요', '결제 취소 환불', '앱 업데이트 안돼요', 'profile change devices', 'tlsrh'];
  const BURST: SearchQuery[] = Array.from({ length: 120 }, (_, i) => ({ text: TEXTS[i % TEXTS.length]!, limit: 20 }));
  const root = tempDir('doum-boot-loop-');
  /** How the same burst holds a process that runs the searches itself. */
  let inProcess: EventLoopReport = { longestBlockMs: 0, busyMs: 0 };

  beforeAll(async () => {
    // The large help center, synced and indexed once here, in the app's data folder.
    const feedDir = join(root, 'feed');
    writeGeneratedFeed(feedDir, generatedArticles(ARTICLES));
    const center = await openHelpCenter({ files: dataFiles(join(root, 'data')), bundledFeedDir: null, hostOs: OS, version: '0.0.0', systemLocale: 'en-US', transport: 'ipc', openExternal: async () => undefined });
    try {
      await center.service.syncFrom(feedDir);
      // The failing direction: the burst run where the service lives (all of it synchronous
      // SQLite and lunr work) holds that process's event loop for the whole burst.
      inProcess = await loopDuring(() => Promise.all(BURST.map((query) => center.service.search(query))));
    } finally {
      center.close();
    }
  }, 240_000);

  it('keeps the main process’s event loop free while the service process works', async () => {
    await withApp(
      {},
      async (app) => {
        await ready(app);
        await app.command({ type: 'watch-event-loop' });
        const answers = await Promise.all(BURST.map((query) => app.invoke('search', [query])));
        const relayed = (await app.command({ type: 'event-loop-report' })) as EventLoopReport;
        expect(answers.map((answer) => valueOf<SearchResult>(answer).total > 0)).toEqual(BURST.map(() => true));
        // Not a timing test but ratios of two very different things measured in the same run.
        // Run in-process, the burst holds the loop for its whole length, one block (120
        // searches at 20,000 articles: 0.8–7 s on these shared machines). Relayed, the main
        // process only passes messages: its busy time (0.3 s of a 2.4 s burst measured; waiting
        // for a CPU inflates it less than wall time) and its longest stall (20–350 ms measured,
        // scheduling on a machine with a load average near 18 included) stay well under the
        // in-process figures. A main process that searched itself would have ratios near 1.
        expect(inProcess.longestBlockMs).toBeGreaterThan(300);
        expect(relayed.busyMs).toBeLessThan(inProcess.busyMs / 2);
        expect(relayed.longestBlockMs).toBeLessThan(inProcess.longestBlockMs / 2);
        await app.command({ type: 'quit' });
        await expectCleanQuit(app, []);
      },
      root,
    );
  }, 120_000);
});
