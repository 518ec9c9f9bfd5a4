/**
 * The test's side of the fake Electron: starts the built main bundle (out/main/index.js) in
 * a child Node process with the fake installed, records every event it reports, and sends it
 * commands. Waits poll nothing: they resolve on the event, or fail at a deadline (or when the
 * process ends) with what the process did and said, so a failure explains itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requestChannel, type HelpMethod } from '../../../shared/api';
import type {
  CommandEnvelope,
  EventOf,
  FakeElectronCommand,
  FakeElectronEvent,
  FakeElectronEventKind,
  FakeElectronMessage,
  InvokeOutcome,
  SenderFrame,
} from './protocol';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const MAIN_BUNDLE = join(REPO_ROOT, 'out', 'main', 'index.js');
const REGISTER = join(__dirname, 'register.cjs');

/** Long enough for a shared, busy machine; a healthy run takes a fraction of it. */
export const DEFAULT_DEADLINE_MS = 15_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LaunchOptions {
  /** A temporary folder of this launch's own: the app's data goes to data/, its home is home/. */
  root: string;
  /** Arguments after the app, as a person (or the OS, for a link) would pass them. */
  args?: string[];
  /** FAKE_ELECTRON_* switches (protocol.ts FAKE_ENV) and anything else to add. */
  env?: Record<string, string>;
}

export interface DoumProcess {
  readonly pid: number;
  /** DOUM_DATA_DIR. */
  readonly dataDir: string;
  readonly events: readonly FakeElectronEvent[];
  /** How many events there are now: a mark for `waitFor(…, { since })`. */
  mark(): number;
  eventsOf<K extends FakeElectronEventKind>(kind: K, since?: number): Array<EventOf<K>>;
  waitFor<K extends FakeElectronEventKind>(kind: K, predicate?: (event: EventOf<K>) => boolean, options?: { since?: number; what?: string }): Promise<EventOf<K>>;
  /** Waits for a line the app logs (electron-log's console: info on stdout, warnings on stderr). */
  waitForLog(pattern: RegExp): Promise<string>;
  command(command: FakeElectronCommand): Promise<unknown>;
  /** ipcRenderer.invoke of a HelpApi method from a frame of the main window. */
  invoke(method: HelpMethod, args: unknown[], frame?: SenderFrame): Promise<InvokeOutcome>;
  stdout(): string;
  stderr(): string;
  /** Settles when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Resolves with the exit, or fails at the deadline. */
  waitForExit(): Promise<Exit>;
  /** Ends the process if it still runs (by its pid; only this process). */
  kill(): Promise<void>;
}

function withDeadline<T>(promise: Promise<T>, what: string, explain: () => string, ms = DEFAULT_DEADLINE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}\n${explain()}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function launchDoum(options: LaunchOptions): DoumProcess {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: build the app first (npm run -s build)`);
  const dataDir = join(options.root, 'data');
  const home = join(options.root, 'home');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  // A clean environment: a developer's ELECTRON_RENDERER_URL or NODE_OPTIONS must not leak in,
  // and anything that writes to the home folder writes into the test's temporary one.
  const passed = ['PATH', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP'].filter((name) => process.env[name] !== undefined);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(passed.map((name) => [name, process.env[name]])),
    HOME: home,
    USERPROFILE: home,
    APPDATA: join(home, 'AppData', 'Roaming'),
    XDG_CONFIG_HOME: join(home, '.config'),
    DOUM_DATA_DIR: dataDir,
    ...options.env,
  };
  const child: ChildProcess = fork(MAIN_BUNDLE, options.args ?? [], {
    execArgv: ['--require', REGISTER],
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const events: FakeElectronEvent[] = [];
  const listeners = new Set<() => void>();
  const replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let stdout = '';
  let stderr = '';
  let nextId = 1;
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const listener of [...listeners]) listener();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of [...listeners]) listener();
  });
  const exited = new Promise<Exit>((done) => {
    child.on('exit', (code, signal) => {
      done({ code, signal });
      for (const listener of [...listeners]) listener();
      for (const [, reply] of replies) reply.reject(new Error(`the app exited (${code ?? signal}) before it replied`));
      replies.clear();
    });
  });
  child.on('message', (raw: unknown) => {
    const message = raw as FakeElectronMessage;
    if (message.type === 'event') {
      events.push(message.event);
      for (const listener of [...listeners]) listener();
      return;
    }
    const reply = replies.get(message.id);
    if (!reply) return;
    replies.delete(message.id);
    if (message.ok) reply.resolve(message.value);
    else reply.reject(new Error(message.error));
  });

  const explain = (): string => {
    const recent = events.slice(-25).map((event) => `  ${JSON.stringify(event).slice(0, 240)}`);
    return [`last events:`, ...recent, `stderr:`, stderr.trimEnd() || '  (empty)', `stdout (end):`, stdout.slice(-1500).trimEnd() || '  (empty)'].join('\n');
  };

  const eventsOf = <K extends FakeElectronEventKind>(kind: K, since = 0): Array<EventOf<K>> =>
    events.slice(since).filter((event): event is EventOf<K> => event.kind === kind);

  /** Resolves once `found()` gives a value; fails when the process ends first, or at the deadline. */
  const until = <T>(found: () => T | undefined, what: string): Promise<T> => {
    const settled = new Promise<T>((resolvePromise, rejectPromise) => {
      const check = (): void => {
        const value = found();
        if (value !== undefined) {
          listeners.delete(check);
          resolvePromise(value);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          rejectPromise(new Error(`the app exited before ${what}\n${explain()}`));
        }
      };
      listeners.add(check);
      check();
    });
    return withDeadline(settled, what, explain);
  };

  const waitFor = <K extends FakeElectronEventKind>(kind: K, predicate: (event: EventOf<K>) => boolean = () => true, { since = 0, what = kind as string } = {}): Promise<EventOf<K>> =>
    until(() => eventsOf(kind, since).find(predicate), what);

  const command = (cmd: FakeElectronCommand): Promise<unknown> => {
    const id = nextId++;
    const replied = new Promise<unknown>((resolvePromise, rejectPromise) => {
      replies.set(id, { resolve: resolvePromise, reject: rejectPromise });
    });
    const envelope: CommandEnvelope = { id, command: cmd };
    child.send(envelope);
    return withDeadline(replied, `the reply to ${cmd.type}`, explain);
  };

  return {
    pid: child.pid!,
    dataDir,
    events,
    mark: () => events.length,
    eventsOf,
    waitFor,
    waitForLog: (pattern) => until(() => `${stdout}\n${stderr}`.split('\n').find((line) => pattern.test(line)), `a log line matching ${pattern}`),
    command,
    invoke: async (method, args, frame = { kind: 'top' }) => (await command({ type: 'invoke', channel: requestChannel(method), args, frame })) as InvokeOutcome,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForExit: () => withDeadline(exited, 'the app to exit', explain),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
