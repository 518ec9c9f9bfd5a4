/**
 * HTTP GET for sync: timeouts, cancellation, conditional requests, byte progress, a size
 * limit, and retries with exponential backoff and jitter on network faults, 5xx and 429
 * (honouring Retry-After). Other 4xx answers are final.
 */
import { SyncError } from '../errors';

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** Time allowed for the whole request, body included. */
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBytes?: number;
  onBytes?: (received: number, total: number | undefined) => void;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server's Retry-After we are willing to wait. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 15_000, maxRetryAfterMs: 60_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

async function readBody(response: Response, url: string, options: HttpGetOptions): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(declared) ? declared : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (total !== undefined && total > maxBytes) {
    throw new SyncError('integrity', `${url} is ${total} bytes, more than the ${maxBytes} allowed`, { resource: url });
  }
  const chunks: Buffer[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw new SyncError('integrity', `${url} is larger than the ${maxBytes} bytes allowed`, { resource: url });
      }
      chunks.push(Buffer.from(value));
      options.onBytes?.(received, total);
    }
  }
  if (total !== undefined && received !== total) {
    throw new SyncError('integrity', `${url} ended after ${received} of ${total} bytes (the download was cut off)`, { resource: url, retryable: true });
  }
  return Buffer.concat(chunks);
}

/** One GET, no retries. Throws SyncError for network faults, timeouts and cancellation. */
export async function httpGetOnce(url: string, options: HttpGetOptions = {}): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { headers: options.headers, signal, redirect: 'follow' });
    const body = response.status === 304 ? Buffer.alloc(0) : await readBody(response, url, options);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (error instanceof SyncError) throw error;
    if (options.signal?.aborted) throw new SyncError('cancelled', 'the sync was cancelled', { resource: url, cause: error });
    if (timeout.aborted) {
      throw new SyncError('timeout', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s`, { resource: url, cause: error });
    }
    throw new SyncError('network', `${url} could not be reached (${describeNetworkError(error)})`, { resource: url, cause: error, retryable: true });
  }
}

function statusError(url: string, response: HttpResponse): SyncError {
  const { status } = response;
  if (status === 404 || status === 410) return new SyncError('not-found', `${url} does not exist on the server (HTTP ${status})`, { resource: url });
  const retryable = status >= 500 || status === 429 || status === 408;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  return new SyncError('http', `${url} answered HTTP ${status}`, { resource: url, retryable, retryAfterSeconds });
}

export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterSeconds: number | undefined, random = Math.random): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // "Full jitter": spread retries of many clients so they do not arrive together.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncError('cancelled', 'the sync was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new SyncError('cancelled', 'the sync was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * GET with retries. Resolves with 2xx and 304 responses; every other outcome is a SyncError
 * after the retry policy is spent.
 */
export async function httpGet(url: string, options: HttpGetOptions = {}, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpResponse> {
  let lastError: SyncError | undefined;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    try {
      const response = await httpGetOnce(url, options);
      if ((response.status >= 200 && response.status < 300) || response.status === 304) return response;
      throw statusError(url, response);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      lastError = error;
      if (!error.retryable || attempt === policy.attempts - 1) break;
      await sleep(backoffDelay(attempt, policy, error.retryAfterSeconds), options.signal);
    }
  }
  throw lastError ?? new SyncError('network', `${url} could not be fetched`, { resource: url });
}
