/**
 * The line between the main process and the service process: the typed protocol
 * (service-port.ts) over a real port — Node's own MessageChannel, which carries structured
 * clones as Electron's ports do — and the two ends the app runs on it: the service process's
 * work (serve-help-center.ts, over real SQLite files) and the main process's client
 * (service-client.ts: relay, events, the host's dialog and browser, restart once). Only the
 * utility process itself is stood in for: a "child" whose exit the test decides.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { HelpEvents, SecurityChange } from '../../shared/api';
import { HelpApiError, type ApiResponse } from '../../shared/errors';
import type { SearchResult, Settings } from '../../shared/types';
import { RequestError } from '../../electron/core/errors';
import { openHelpCenter } from '../../electron/core/help-center';
import { dataFiles } from '../../electron/core/paths';
import { serveHelpCenter, type ServedHelpCenter } from '../../electron/main/serve-help-center';
import { ServiceClient, type ServiceChild } from '../../electron/main/service-client';
import { PortPeer, type PortEnd, type PortMessage, type ServiceConfig } from '../../electron/main/service-port';
import { recordingLog } from '../support/electron-fakes';
import { generatedArticles, writeGeneratedFeed } from '../support/generated-feed';
import { removeTempDirs, tempDir } from '../support/temp';

const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
  removeTempDirs();
});

/** Both ends of a real MessageChannel, as PortEnds. */
function channel(): [PortEnd, PortEnd] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const end = (port: MessagePort): PortEnd => ({
    postMessage: (message) => port.postMessage(message),
    listen: (listener) => {
      port.on('message', listener);
      return () => void port.off('message', listener);
    },
  });
  return [end(port1), end(port2)];
}

/** A request table for the protocol tests. */
type Echo = {
  echo: { params: { text: string }; result: string };
  fail: { params: null; result: null };
};

describe('the port protocol', () => {
  it('answers requests by id, whatever order the answers come in', async () => {
    const [a, b] = channel();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = new PortPeer<Echo, Record<string, never>>(a, {});
    new PortPeer<Record<string, never>, Echo>(b, {
      echo: async ({ text }) => {
        if (text === 'slow') await held;
        return `echo ${text}`;
      },
      fail: async () => null,
    });
    const slow = client.request('echo', { text: 'slow' });
    await expect(client.request('echo', { text: 'fast' })).resolves.toBe('echo fast');
    release();
    await expect(slow).resolves.toBe('echo slow');
  });

  it('carries errors as HelpApi envelopes with their codes, and refuses what is not in the table', async () => {
    const [a, b] = channel();
    const client = new PortPeer<Echo & { nope: { params: null; result: null } }, Record<string, never>>(a, {});
    new PortPeer<Record<string, never>, Echo>(b, {
      echo: async () => {
        throw new RequestError('not-found', 'article-not-found', 'there is no article "x" in this help center', { id: 'x' });
      },
      fail: async () => {
        throw new Error('broken');
      },
    });
    const notFound: ApiResponse<string> = await client.requestEnvelope('echo', { text: 'x' });
    expect(notFound).toEqual({ ok: false, error: { code: 'not-found', message: 'there is no article "x" in this help center', reason: 'article-not-found', params: { id: 'x' } } });
    const thrown = await client.request('fail', null).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(HelpApiError);
    expect(thrown).toMatchObject({ code: 'internal', message: 'broken' });
    await expect(client.request('nope', null)).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('delivers HelpApi events, and reports messages that are not part of the protocol', async () => {
    const [a, b] = channel();
    const bad: string[] = [];
    let heard!: (payload: HelpEvents['contentUpdated']) => void;
    const arrived = new Promise<HelpEvents['contentUpdated']>((resolve) => (heard = resolve));
    new PortPeer<Record<string, never>, Record<string, never>>(
      a,
      {},
      (event, payload) => {
        if (event === 'contentUpdated') heard(payload as HelpEvents['contentUpdated']);
      },
      (what) => bad.push(what),
    );
    const sender = new PortPeer<Record<string, never>, Record<string, never>>(b, {});
    b.postMessage({ kind: 'event', event: 'not-an-event', payload: 1 } as unknown as PortMessage);
    sender.emit('contentUpdated', { revision: 7 });
    await expect(arrived).resolves.toEqual({ revision: 7 });
    expect(bad).toEqual([expect.stringContaining('not-an-event')]);
  });

  it('answers what was waiting, and what comes after, with unavailable once the other end is gone', async () => {
    const [a, b] = channel();
    let asked!: () => void;
    const reached = new Promise<void>((resolve) => (asked = resolve));
    const client = new PortPeer<Echo, Record<string, never>>(a, {});
    new PortPeer<Record<string, never>, Echo>(b, {
      echo: () => {
        asked();
        return new Promise<string>(() => undefined); // never answers: the process died
      },
      fail: async () => null,
    });
    const waiting = client.requestEnvelope('echo', { text: 'x' });
    await reached;
    client.disconnect('the help center process stopped (exit code 9)');
    await expect(waiting).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: 'the help center process stopped (exit code 9)' } });
    await expect(client.request('echo', { text: 'y' })).rejects.toMatchObject({ code: 'unavailable' });
  });
});

// -- the two ends of the app over it -----------------------------------------------------------

/** A stand-in for Electron's utility process: the service's real work on the far end of a real port. */
class ChannelChild implements ServiceChild {
  readonly served: ServedHelpCenter;
  private readonly main: PortEnd;
  private readonly exits: Array<(code: number) => void> = [];
  private dead = false;

  constructor() {
    const [main, service] = channel();
    this.main = main;
    this.served = serveHelpCenter(service);
  }

  postMessage(message: PortMessage): void {
    if (!this.dead) this.main.postMessage(message);
  }

  onMessage(listener: (message: unknown) => void): () => void {
    return this.main.listen(listener);
  }

  onExit(listener: (code: number) => void): void {
    this.exits.push(listener);
  }

  kill(): boolean {
    this.die(143);
    return true;
  }

  /** The process ends (a crash, or the kill): its databases go with it. */
  die(code: number): void {
    if (this.dead) return;
    this.dead = true;
    this.served.center?.close();
    for (const exit of this.exits) exit(code);
  }
}

interface Fixture {
  client: ServiceClient;
  children: ChannelChild[];
  log: ReturnType<typeof recordingLog>;
  confirmations: SecurityChange[][];
  opened: string[];
  config: ServiceConfig;
  /** What the person answers in the next dialogs (a promise holds the dialog open). */
  answer: (changes: SecurityChange[]) => Promise<boolean>;
}

function fixture(): Fixture {
  const root = tempDir('doum-service-');
  const bundled = join(root, 'bundled');
  writeGeneratedFeed(bundled, generatedArticles(12));
  const config: ServiceConfig = { files: dataFiles(join(root, 'data')), bundledFeedDir: bundled, hostOs: 'macos', version: '0.0.0', systemLocale: 'ko-KR' };
  const f: Fixture = {
    children: [],
    log: recordingLog(),
    confirmations: [],
    opened: [],
    config,
    answer: async () => false,
    client: null as unknown as ServiceClient,
  };
  f.client = new ServiceClient({
    fork: () => {
      const child = new ChannelChild();
      f.children.push(child);
      return child;
    },
    config,
    log: f.log,
    host: {
      confirmSecurityChange: ({ changes }) => {
        f.confirmations.push(changes);
        return f.answer(changes);
      },
      openExternal: async ({ url }) => {
        f.opened.push(url);
        return null;
      },
    },
  });
  return f;
}

function valueOf<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

describe('the main process’s client and the service process', () => {
  it('opens the help center there, relays calls to its SQLite, and closes its databases at quit', async () => {
    const { client, children, config } = fixture();
    const startup = await client.start();
    expect(startup).toMatchObject({ importedBundledRevision: 1, recoveredContent: null, searchIndex: 'rebuilt' });
    expect(children).toHaveLength(1);
    const found = valueOf<SearchResult>(await client.call('search', [{ text: '메시지 삭제' }]));
    expect(found.total).toBeGreaterThan(0);
    await expect(client.request('getSyncStatus')).resolves.toMatchObject({ revision: 1, articles: 12, syncing: false });
    // A bad argument is refused by the service's own check too.
    expect(await client.call('getArticle', ['../../etc/passwd'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(client.getAsset('0'.repeat(64))).resolves.toBeNull();

    await client.close();
    expect(children[0]!.served.center).toBeNull();
    // SQLite removes the WAL file when the last connection closes.
    expect(existsSync(config.files.content)).toBe(true);
    expect(existsSync(`${config.files.content}-wal`)).toBe(false);
  });

  it('hands the service’s events to the shell, and what the service asks of it (links) to the host', async () => {
    const f = fixture();
    await f.client.start();
    const history: null[] = [];
    f.client.on('historyChanged', (payload) => history.push(payload));
    const id = valueOf<SearchResult>(await f.client.call('search', [{ text: '메시지 삭제' }])).results[0]!.id;
    valueOf(await f.client.call('recordView', [id]));
    valueOf(await f.client.call('clearHistory', []));
    expect(history).toEqual([null, null]);
    // The shell's own events (navigate) go to the same listeners.
    const targets: unknown[] = [];
    f.client.on('navigate', (target) => targets.push(target));
    f.client.emit('navigate', { kind: 'home' });
    expect(targets).toEqual([{ kind: 'home' }]);

    valueOf(await f.client.call('openExternal', ['https://help.example.com/a']));
    expect(f.opened).toEqual(['https://help.example.com/a']);
    await f.client.close();
  });

  it('changes a security setting only when the person confirms it in the host’s dialog', async () => {
    const f = fixture();
    await f.client.start();
    const feed = join(tempDir(), 'feed');
    const before = await f.client.request('getSettings');

    f.answer = async () => false;
    const cancelled = await f.client.call('setSettings', [{ feedUrl: feed, theme: 'dark' }]);
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('feedUrl') } });
    expect(f.confirmations).toEqual([[{ key: 'feedUrl', from: null, to: feed }]]);
    expect(await f.client.request('getSettings')).toEqual(before);

    // Settings that decide nothing about trust, or a security setting set to what it is, ask nothing.
    valueOf<Settings>(await f.client.call('setSettings', [{ theme: 'dark', feedUrl: null }]));
    expect(f.confirmations).toHaveLength(1);

    f.answer = async () => true;
    const changed = valueOf<Settings>(await f.client.call('setSettings', [{ feedUrl: feed }]));
    expect(changed.feedUrl).toBe(feed);
    expect(f.confirmations).toHaveLength(2);
    await f.client.close();
  });

  it('answers unavailable for what the dead process was doing, starts it once more, and gives up after a second death', async () => {
    const f = fixture();
    await f.client.start();
    // A call the service is in the middle of: it waits for the person's answer in a dialog.
    let asked!: () => void;
    const dialogShown = new Promise<void>((resolve) => (asked = resolve));
    f.answer = () => {
      asked();
      return new Promise<boolean>(() => undefined);
    };
    const waiting = f.client.call('setSettings', [{ feedUrl: join(tempDir(), 'feed') }]);
    await dialogShown;
    f.children[0]!.die(9);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('exit code 9') } });
    expect(f.log.lines).toContain("warn: Doum's help center process stopped unexpectedly (exit code 9); starting it again");

    // The second process opens the same files and answers.
    expect(f.children).toHaveLength(2);
    const found = valueOf<SearchResult>(await f.client.call('search', [{ text: '메시지 삭제' }]));
    expect(found.total).toBeGreaterThan(0);
    expect(f.log.lines).toContain('info: the help center process was started again');

    f.children[1]!.die(11);
    const after = await f.client.call('search', [{ text: '메시지 삭제' }]);
    expect(after).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('open it again') } });
    await expect(f.client.getAsset('0'.repeat(64))).rejects.toMatchObject({ code: 'unavailable' });
    expect(f.children).toHaveLength(2);
    expect(f.log.lines.filter((line) => line.startsWith('error:'))).toEqual([expect.stringContaining('it is not started a third time')]);
    await f.client.close();
  });

  it('refuses to start, and leaves no process behind, when the help center cannot be opened', async () => {
    const f = fixture();
    // The data folder is a file: the service cannot open its databases there.
    const blocked = { ...f.config, files: dataFiles(join(f.config.bundledFeedDir!, 'manifest.json')) };
    const client = new ServiceClient({ fork: () => new ChannelChild(), config: blocked, log: f.log, host: { confirmSecurityChange: async () => false, openExternal: async () => null } });
    await expect(client.start()).rejects.toBeInstanceOf(HelpApiError);
    expect(await client.call('getSettings', [])).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('a help center without a confirmation hook (the CLI and the preview)', () => {
  it('makes a security change as asked: the person at a terminal, or the preview page’s own confirm step', async () => {
    const root = tempDir();
    const center = await openHelpCenter({ files: dataFiles(root), bundledFeedDir: null, hostOs: 'linux', version: '0', systemLocale: 'en', transport: 'http', openExternal: async () => undefined });
    try {
      const feed = join(root, 'feed');
      await expect(center.service.setSettings({ feedUrl: feed })).resolves.toMatchObject({ feedUrl: feed });
    } finally {
      center.close();
    }
  });
});
