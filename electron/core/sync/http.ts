/**
 * HTTP GET for sync: an idle timeout, an overall deadline and a floor rate (so every download
 * ends), safe redirects only, cancellation, conditional requests, byte progress, a size cap
 * that also stops decompression, and retries with exponential backoff and jitter on network faults, cut-off
 * bodies, 5xx and 429 (honouring Retry-After). Other 4xx answers are final: asking again
 * would only get the same answer.
 */
import { SyncError } from '../errors';

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /**
   * The longest silence allowed: before the answer starts, and between two chunks of its
   * body. A large snapshot on a slow line is not cut off while it keeps arriving; a server
   * that stops talking is.
   */
  timeoutMs?: number;
  /**
   * The longest one request may take in all, whatever arrives: a server trickling a byte a
   * second resets no idle timer forever. Grows with `maxBytes` at `minBytesPerSecond`.
   */
  deadlineMs?: number;
  /** The slowest rate accepted, measured over each `throughputWindowMs` once the body flows. */
  minBytesPerSecond?: number;
  throughputWindowMs?: number;
  signal?: AbortSignal;
  /** Bodies (after decompression) over this many bytes are refused; reading stops at the cap. */
  maxBytes?: number;
  onBytes?: (received: number, total: number | undefined) => void;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: string;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Requests in all, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we wait for; a server asking for more fails the sync instead. */
  maxRetryAfterMs: number;
  /** Waits between attempts (tests pass one that records the delay and returns at once). */
  sleep?: Sleep;
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 15_000, maxRetryAfterMs: 120_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 2 * 60_000;
export const DEFAULT_MIN_BYTES_PER_SECOND = 4 * 1024;
export const DEFAULT_THROUGHPUT_WINDOW_MS = 20_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Redirects followed per request, at most (and only to https or the same origin). */
export const MAX_REDIRECTS = 5;

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Nothing listens on that port of this very computer: asking again in a second will not
 * change that, so it fails at once instead of after the retries' backoff.
 */
function refusedOnThisComputer(url: string, error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code !== 'ECONNREFUSED') return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

type Stop = 'idle' | 'deadline' | 'slow';

/**
 * Ends a request that stops answering (idle), takes too long in all (deadline), or arrives
 * slower than the floor rate (slow): `touch()` on every chunk, `stop()` when done.
 */
class Watchdog {
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly deadlineTimer: NodeJS.Timeout;
  private rateTimer: NodeJS.Timeout | undefined;
  private received = 0;
  private receivedAtLastCheck = 0;
  fired: Stop | null = null;

  constructor(
    private readonly limits: { idleMs: number; deadlineMs: number; minBytesPerSecond: number; windowMs: number },
    private readonly controller: AbortController,
  ) {
    this.touch(0);
    this.deadlineTimer = setTimeout(() => this.fire('deadline'), limits.deadlineMs);
  }

  /** The body started: from now on each window must bring the floor rate's worth of bytes. */
  bodyStarted(): void {
    this.rateTimer = setInterval(() => {
      const inWindow = this.received - this.receivedAtLastCheck;
      this.receivedAtLastCheck = this.received;
      if (inWindow < (this.limits.minBytesPerSecond * this.limits.windowMs) / 1000) this.fire('slow');
    }, this.limits.windowMs);
  }

  touch(bytes: number): void {
    this.received += bytes;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.fire('idle'), this.limits.idleMs);
  }

  private fire(reason: Stop): void {
    if (this.fired) return;
    this.fired = reason;
    this.controller.abort(new Error(`request ${reason}`));
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.deadlineTimer);
    clearInterval(this.rateTimer);
  }
}

/**
 * The declared length can be checked only when the body arrives as sent: fetch decompresses
 * gzip/br bodies, whose Content-Length counts the compressed bytes.
 */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.toLowerCase() !== 'identity') return undefined;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(declared) ? declared : undefined;
}

function tooLarge(url: string, maxBytes: number): SyncError {
  return new SyncError('too-large', `${url} is larger than the ${maxBytes} bytes Doum accepts for this file; nothing was changed — the feed may be damaged or hostile, tell the help center's team`, { resource: url });
}

async function readBody(response: Response, url: string, options: HttpGetOptions, watchdog: Watchdog): Promise<Buffer> {
  const total = declaredLength(response);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (total !== undefined && total > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  if (response.body) {
    watchdog.bodyStarted();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      watchdog.touch(value.byteLength);
      received += value.byteLength;
      // Counted after decompression: a small gzip "bomb" stops here, at the cap.
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, maxBytes);
      }
      chunks.push(Buffer.from(value));
      options.onBytes?.(received, total);
    }
  }
  if (total !== undefined && received !== total) {
    throw new SyncError('integrity', `the download of ${url} was cut off after ${received} of ${total} bytes`, { resource: url, retryable: true });
  }
  return Buffer.concat(chunks);
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Where a redirect may lead: https, or elsewhere on the same origin (never http → another host, file:, …). */
function redirectTarget(from: string, location: string | null, url: string): string {
  let target: URL;
  try {
    target = new URL(location ?? '', from);
  } catch {
    throw new SyncError('http', `${url} redirects to "${(location ?? '').slice(0, 100)}", which is not a URL`, { resource: url });
  }
  if (target.protocol !== 'https:' && target.origin !== new URL(from).origin) {
    throw new SyncError('refused', `${url} redirects to ${target.href.slice(0, 200)}; Doum follows redirects only to https addresses or within the same server — check the feed address in Settings`, { resource: url });
  }
  return target.href;
}

function failureOf(error: unknown, url: string, options: HttpGetOptions, watchdog: Watchdog, limits: { idleMs: number; deadlineMs: number; minBytesPerSecond: number }): SyncError {
  if (options.signal?.aborted) return new SyncError('cancelled', 'the sync was cancelled', { resource: url, cause: error });
  switch (watchdog.fired) {
    case 'idle':
      return new SyncError('timeout', `${url} stopped answering (nothing for ${formatSeconds(limits.idleMs)}); check the network connection and sync again`, { resource: url, cause: error });
    case 'deadline':
      return new SyncError('timeout', `${url} took longer than ${formatSeconds(limits.deadlineMs)} to download and was stopped; check the network connection and sync again`, { resource: url, cause: error });
    case 'slow':
      return new SyncError('timeout', `${url} arrived slower than ${limits.minBytesPerSecond} bytes a second and was stopped; check the network connection and sync again`, { resource: url, cause: error });
    default:
      break;
  }
  if (error instanceof SyncError) return error;
  return new SyncError('network', `${url} could not be reached (${describeNetworkError(error)}); check the network connection and the feed address, then sync again`, {
    resource: url,
    cause: error,
    retryable: !refusedOnThisComputer(url, error),
  });
}

/** One GET (following up to MAX_REDIRECTS safe redirects), no retries. Throws SyncError. */
export async function httpGetOnce(url: string, options: HttpGetOptions = {}): Promise<HttpResponse> {
  const minBytesPerSecond = options.minBytesPerSecond ?? DEFAULT_MIN_BYTES_PER_SECOND;
  const limits = {
    idleMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // A large file is given the time its size needs at the floor rate, on top of the base.
    deadlineMs: (options.deadlineMs ?? DEFAULT_DEADLINE_MS) + ((options.maxBytes ?? 0) / minBytesPerSecond) * 1000,
    minBytesPerSecond,
    windowMs: options.throughputWindowMs ?? DEFAULT_THROUGHPUT_WINDOW_MS,
  };
  const controller = new AbortController();
  const watchdog = new Watchdog(limits, controller);
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  try {
    let at = url;
    let response: Response;
    for (let hops = 0; ; hops++) {
      response = await fetch(at, { headers: options.headers, signal, redirect: 'manual' });
      watchdog.touch(0);
      if (!REDIRECT.has(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw new SyncError('http', `${url} redirects more than ${MAX_REDIRECTS} times; check the feed address in Settings`, { resource: url });
      at = redirectTarget(at, response.headers.get('location'), url);
    }
    const body = response.status === 304 ? Buffer.alloc(0) : await readBody(response, at, options, watchdog);
    return { status: response.status, headers: response.headers, body, url: at };
  } catch (error) {
    throw failureOf(error, url, options, watchdog, limits);
  } finally {
    watchdog.stop();
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

export function statusError(url: string, response: Pick<HttpResponse, 'status' | 'headers'>): SyncError {
  const { status } = response;
  if (status === 404 || status === 410) return new SyncError('not-found', `${url} does not exist on the server (HTTP ${status})`, { resource: url });
  if (status === 401 || status === 403) {
    return new SyncError('http', `${url} refused access (HTTP ${status}); the help center may not be public`, { resource: url });
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (status === 429) return new SyncError('http', `${url} is receiving too many requests (HTTP 429)`, { resource: url, retryable: true, retryAfterSeconds });
  const retryable = status >= 500 || status === 408;
  return new SyncError('http', `${url} answered with an error (HTTP ${status})`, { resource: url, retryable, retryAfterSeconds });
}

export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterSeconds: number | undefined, random = policy.random ?? Math.random): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Jitter spreads the retries of many desktops so they do not arrive at the server together.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncError('cancelled', 'the sync was cancelled'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new SyncError('cancelled', 'the sync was cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * GET with retries. Resolves with 2xx and 304 responses; every other outcome is a SyncError
 * once the retry policy is spent (or at once for answers that retrying cannot change).
 */
export async function httpGet(url: string, options: HttpGetOptions = {}, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpResponse> {
  const wait = policy.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await httpGetOnce(url, options);
      if ((response.status >= 200 && response.status < 300) || response.status === 304) return response;
      throw statusError(url, response);
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable || attempt >= policy.attempts - 1) throw error;
      const delay = backoffDelay(attempt, policy, error.retryAfterSeconds);
      if (delay > policy.maxRetryAfterMs) {
        throw new SyncError('http', `${error.message}; the server asks to wait ${formatSeconds(delay)} before trying again — try again later`, {
          resource: url,
          retryAfterSeconds: error.retryAfterSeconds,
        });
      }
      await wait(delay, options.signal);
    }
  }
}
