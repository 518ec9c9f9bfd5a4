/**
 * The main process's side of the service process: forks it (service-process.ts, an Electron
 * utility process), opens the help center there, and from then on is how the main process
 * reaches the HelpApi — it relays the renderer's calls (ipc.ts checks the sender first), asks
 * for pictures, and hears the service's events, which it hands to the window and the shell's
 * own listeners together with the events the shell emits itself (navigate). The main process
 * never opens SQLite and never runs a query.
 *
 * Should the service process stop unexpectedly, every call waiting on it answers
 * 'unavailable', the log says so, and it is started once more; if that one stops too, the
 * help center stays unavailable (every call says so) until Doum is started again.
 */
import { type HelpArgs, type HelpEventName, type HelpEvents, type HelpMethod, type HelpResult, type Unsubscribe } from '../../shared/api';
import { HelpApiError, type ApiResponse } from '../../shared/errors';
import { Emitter } from '../core/events';
import type { StartupReport } from '../core/help-center';
import type { Log } from './logging';
import { PortPeer, type Handlers, type HostRequests, type PortMessage, type ServiceConfig, type ServiceRequests } from './service-port';

/** The part of Electron's UtilityProcess used here. */
export interface ServiceChild {
  postMessage(message: PortMessage): void;
  onMessage(listener: (message: unknown) => void): () => void;
  onExit(listener: (code: number) => void): void;
  kill(): boolean;
}

export interface ServiceClientOptions {
  /** Starts the service process (utilityProcess.fork of the built service-process.js). */
  fork(): ServiceChild;
  config: ServiceConfig;
  log: Log;
  /** What the service asks of the main process (confirm a security change, open a link). */
  host: Handlers<HostRequests>;
  /** How long the service may take to close its databases at quit before it is ended. */
  closeGraceMs?: number;
}

interface Link {
  child: ServiceChild;
  peer: PortPeer<ServiceRequests, HostRequests>;
  exited: Promise<number>;
}

const GIVEN_UP = "Doum's help center process stopped twice and is not started again; quit Doum and open it again (the log has the details)";

export class ServiceClient {
  private readonly events = new Emitter<HelpEvents>();
  private link: Link | null = null;
  /** Settles once the current process has answered 'open' (either way). */
  private ready: Promise<unknown> = Promise.resolve();
  private restarted = false;
  private closing = false;
  private givenUp = false;

  constructor(private readonly options: ServiceClientOptions) {}

  /** Forks the service process and opens the help center in it; rejects when it cannot. */
  async start(): Promise<StartupReport> {
    try {
      return await this.launch();
    } catch (error) {
      this.closing = true;
      this.link?.child.kill();
      throw error;
    }
  }

  /** A HelpApi call, answered with its envelope (the service checks the arguments). */
  async call(method: HelpMethod, args: unknown[]): Promise<ApiResponse<unknown>> {
    await this.ready;
    if (!this.link || this.givenUp) return { ok: false, error: { code: 'unavailable', message: GIVEN_UP } };
    return this.link.peer.requestEnvelope('call', { method, args });
  }

  /** A HelpApi call of the shell's own; an error answer is thrown as a HelpApiError. */
  async request<M extends HelpMethod>(method: M, ...args: HelpArgs<M>): Promise<HelpResult<M>> {
    const response = await this.call(method, args);
    if (!response.ok) throw HelpApiError.fromPayload(response.error);
    return response.value as HelpResult<M>;
  }

  /** A picture of the help center by sha256, for the app's scheme; null when there is none. */
  async getAsset(sha256: string): Promise<{ type: string; fileName: string | null; data: Buffer } | null> {
    await this.ready;
    if (!this.link || this.givenUp) throw new HelpApiError('unavailable', GIVEN_UP);
    const asset = await this.link.peer.request('getAsset', { sha256 });
    return asset && { type: asset.type, fileName: asset.fileName, data: Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength) };
  }

  /** The service's events, and the shell's own (emit). */
  on<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** For the shell: something outside the renderer asks to show a target (navigate). */
  emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]): void {
    this.events.emit(event, payload);
  }

  /** At quit: the service closes its databases, then its process is ended. */
  async close(): Promise<void> {
    this.closing = true;
    const link = this.link;
    if (!link) return;
    // A service that does not answer (stuck in a long query) is ended all the same: its
    // writes are SQLite transactions, so ending it loses nothing that was committed.
    const grace = setTimeout(() => link.child.kill(), this.options.closeGraceMs ?? 5_000);
    try {
      await link.peer.request('close', null).catch((error: unknown) => this.options.log.warn(`the help center process did not close cleanly: ${String(error)}`));
      link.child.kill();
      await link.exited;
    } finally {
      clearTimeout(grace);
    }
  }

  private launch(): Promise<StartupReport> {
    const { log } = this.options;
    const child = this.options.fork();
    const peer = new PortPeer<ServiceRequests, HostRequests>(
      { postMessage: (message) => child.postMessage(message), listen: (listener) => child.onMessage(listener) },
      this.options.host,
      (event, payload) => this.events.emit(event, payload),
      (what) => log.warn(`the help center process sent ${what}`),
    );
    const exited = new Promise<number>((resolve) => child.onExit(resolve));
    const link: Link = { child, peer, exited };
    this.link = link;
    void exited.then((code) => this.stopped(link, code));
    const opened = peer.request('open', this.options.config);
    this.ready = opened.catch(() => undefined);
    return opened;
  }

  /** The process of `link` ended: expected at quit, else reported and (once) started again. */
  private stopped(link: Link, code: number): void {
    if (this.link !== link) return;
    const reason = `Doum's help center process stopped unexpectedly (exit code ${code})`;
    link.peer.disconnect(`${reason}; try again in a moment`);
    if (this.closing) return;
    if (this.restarted) {
      this.giveUp(`${reason} again; it is not started a third time: the help center is unavailable until Doum is started again`);
      return;
    }
    this.restarted = true;
    this.options.log.warn(`${reason}; starting it again`);
    try {
      this.launch().then(
        () => this.options.log.info('the help center process was started again'),
        (error: unknown) => this.giveUp(`the help center process could not be opened again: ${error instanceof Error ? error.message : String(error)}`),
      );
    } catch (error) {
      this.giveUp(`the help center process could not be started again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private giveUp(message: string): void {
    this.givenUp = true;
    this.options.log.error(message);
  }
}
