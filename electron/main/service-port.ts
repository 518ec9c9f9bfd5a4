/**
 * The line between the main process and the service process (service-process.ts): one small
 * typed protocol, used by both ends, over whatever port joins them — Electron's utility
 * process and its `process.parentPort` in the app, Node's MessageChannel in the tests.
 *
 * Three kinds of message, each a structured clone:
 * - `request` (an id, a method of the receiving end's table, its params),
 * - `response` (the id, and the outcome as the HelpApi's ApiResponse envelope, so an error
 *   crosses with its code — shared/errors.ts),
 * - `event` (a HelpApi event the service emitted, on its way to the window and the shell).
 * Either end can ask the other: main asks the service to open, to answer a HelpApi call, for
 * a picture, to close; the service asks main to confirm a security change (a native dialog)
 * and to open a link (Electron's shell). Nothing here imports Electron.
 */
import { HELP_EVENTS, type HelpEventName, type HelpEvents, type HelpMethod, type SecurityChange } from '../../shared/api';
import { HelpApiError, isApiErrorPayload, type ApiResponse } from '../../shared/errors';
import type { HostOs } from '../../shared/platform';
import { toApiError } from '../core/dispatch';
import type { StartupReport } from '../core/help-center';
import type { DataFiles } from '../core/paths';

/** One end of the line: send a message, hear the other end's. */
export interface PortEnd {
  postMessage(message: PortMessage): void;
  /** Starts delivering the other end's messages; returns the stop. */
  listen(listener: (message: unknown) => void): () => void;
}

export type PortMessage =
  | { kind: 'request'; id: number; method: string; params: unknown }
  | { kind: 'response'; id: number; response: ApiResponse<unknown> }
  | { kind: 'event'; event: HelpEventName; payload: unknown };

/** A table of requests one end answers: method → its params and result. */
type RequestTable = Record<string, { params: unknown; result: unknown }>;

export type Handlers<Table extends RequestTable> = { [M in keyof Table]: (params: Table[M]['params']) => Promise<Table[M]['result']> };

/** What the service process needs to open the help center (the same files the app would). */
export interface ServiceConfig {
  files: DataFiles;
  bundledFeedDir: string | null;
  hostOs: HostOs;
  version: string;
  systemLocale: string;
}

/** A picture as it crosses the port (a Buffer arrives as a Uint8Array). */
export interface PortAsset {
  type: string;
  /** Set for an attached file (served only as a download, shared/attachments.ts). */
  fileName: string | null;
  data: Uint8Array;
}

/** What main asks the service process. */
export type ServiceRequests = {
  /** Opens the help center (openHelpCenter); answers what start-up found. */
  open: { params: ServiceConfig; result: StartupReport };
  /** One HelpApi call: checked and dispatched there as the preview's server does. */
  call: { params: { method: HelpMethod; args: unknown[] }; result: unknown };
  /** A picture or attached file for the app's scheme (doum-app://app/assets/<sha256>). */
  getAsset: { params: { sha256: string }; result: PortAsset | null };
  /** Closes the databases; main ends the process once this is answered. */
  close: { params: null; result: null };
};

/** What the service process asks main. */
export type HostRequests = {
  /** The person's answer to a security change the page asked for (a native dialog). */
  confirmSecurityChange: { params: { changes: SecurityChange[] }; result: boolean };
  /** Opens a checked URL in the system browser. */
  openExternal: { params: { url: string }; result: null };
};

function isPortMessage(value: unknown): value is PortMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.kind) {
    case 'request':
      return Number.isInteger(message.id) && typeof message.method === 'string';
    case 'response': {
      const response = message.response as Record<string, unknown> | null;
      return Number.isInteger(message.id) && typeof response === 'object' && response !== null && (response.ok === true || (response.ok === false && isApiErrorPayload(response.error)));
    }
    case 'event':
      return (HELP_EVENTS as readonly unknown[]).includes(message.event);
    default:
      return false;
  }
}

/**
 * One end of the protocol: sends `Out` requests and answers `In` ones. A request whose
 * answer never comes (the other end died) is answered 'unavailable' by `disconnect`.
 */
export class PortPeer<Out extends RequestTable, In extends RequestTable> {
  private nextId = 1;
  private readonly pending = new Map<number, (response: ApiResponse<unknown>) => void>();
  private readonly stopListening: () => void;
  private gone: string | null = null;

  constructor(
    private readonly port: PortEnd,
    private readonly handlers: Handlers<In>,
    private readonly onEvent: <E extends HelpEventName>(event: E, payload: HelpEvents[E]) => void = () => undefined,
    private readonly onBadMessage: (what: string) => void = () => undefined,
  ) {
    this.stopListening = port.listen((message) => this.receive(message));
  }

  /** The outcome of a request as its envelope (what the renderer's IPC call answers). */
  requestEnvelope<M extends keyof Out & string>(method: M, params: Out[M]['params']): Promise<ApiResponse<Out[M]['result']>> {
    if (this.gone !== null) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: this.gone } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (response: ApiResponse<unknown>) => void);
      this.port.postMessage({ kind: 'request', id, method, params });
    });
  }

  /** The result of a request; an error answer is thrown as a HelpApiError. */
  async request<M extends keyof Out & string>(method: M, params: Out[M]['params']): Promise<Out[M]['result']> {
    const response = await this.requestEnvelope(method, params);
    if (!response.ok) throw HelpApiError.fromPayload(response.error);
    return response.value;
  }

  emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]): void {
    if (this.gone === null) this.port.postMessage({ kind: 'event', event, payload });
  }

  /** The other end is gone: pending and later requests answer 'unavailable' with `reason`. */
  disconnect(reason: string): void {
    if (this.gone !== null) return;
    this.gone = reason;
    this.stopListening();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const answer of waiting) answer({ ok: false, error: { code: 'unavailable', message: reason } });
  }

  private receive(raw: unknown): void {
    if (!isPortMessage(raw)) {
      this.onBadMessage(`a message that is not part of the protocol: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (raw.kind === 'response') {
      const answer = this.pending.get(raw.id);
      this.pending.delete(raw.id);
      if (answer) answer(raw.response);
      else this.onBadMessage(`an answer to request ${raw.id}, which is not waiting`);
    } else if (raw.kind === 'event') {
      this.onEvent(raw.event, raw.payload as HelpEvents[typeof raw.event]);
    } else {
      void this.answer(raw.id, raw.method, raw.params);
    }
  }

  private async answer(id: number, method: string, params: unknown): Promise<void> {
    let response: ApiResponse<unknown>;
    if (!Object.prototype.hasOwnProperty.call(this.handlers, method)) {
      response = { ok: false, error: { code: 'invalid-argument', message: `unknown request ${JSON.stringify(method)}` } };
    } else {
      try {
        const value = await (this.handlers[method] as (params: unknown) => Promise<unknown>)(params);
        response = { ok: true, value: value === undefined ? null : value };
      } catch (error) {
        response = { ok: false, error: toApiError(error) };
      }
    }
    if (this.gone === null) this.port.postMessage({ kind: 'response', id, response });
  }
}
