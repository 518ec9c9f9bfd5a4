/**
 * HTTP GET for sync: an idle timeout, cancellation, conditional requests, byte progress, a
 * size limit, and retries with exponential backoff and jitter on network faults, cut-off
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
  signal?: AbortSignal;
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
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

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

/** Aborts a request when nothing has arrived for `ms`; `touch()` on every sign of life. */
class IdleTimer {
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(
    private readonly ms: number,
    private readonly controller: AbortController,
  ) {
    this.touch();
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort(new Error('idle timeout'));
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
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

async function readBody(response: Response, url: string, options: HttpGetOptions, idle: IdleTimer): Promise<Buffer> {
  const total = declaredLength(response);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (total !== undefined && total > maxBytes) {
    throw new SyncError('integrity', `${url} is ${total} bytes, more than the ${maxBytes} bytes Doum accepts for one feed file`, { resource: url });
  }
  const chunks: Buffer[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      idle.touch();
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw new SyncError('integrity', `${url} is larger than the ${maxBytes} bytes Doum accepts for one feed file`, { resource: url });
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

/** One GET, no retries. Throws SyncError for network faults, timeouts and cancellation. */
export async function httpGetOnce(url: string, options: HttpGetOptions = {}): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const idle = new IdleTimer(timeoutMs, controller);
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  try {
    const response = await fetch(url, { headers: options.headers, signal, redirect: 'follow' });
    idle.touch();
    const body = response.status === 304 ? Buffer.alloc(0) : await readBody(response, url, options, idle);
    return { status: response.status, headers: response.headers, body, url: response.url || url };
  } catch (error) {
    if (options.signal?.aborted) throw new SyncError('cancelled', 'the sync was cancelled', { resource: url, cause: error });
    if (idle.fired) {
      throw new SyncError('timeout', `${url} stopped answering (nothing for ${formatSeconds(timeoutMs)}); check the network connection and sync again`, { resource: url, cause: error });
    }
    if (error instanceof SyncError) throw error;
    throw new SyncError('network', `${url} could not be reached (${describeNetworkError(error)}); check the network connection and the feed address, then sync again`, {
      resource: url,
      cause: error,
      retryable: !refusedOnThisComputer(url, error),
    });
  } finally {
    idle.stop();
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
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
