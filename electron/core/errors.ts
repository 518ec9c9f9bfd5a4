/**
 * Typed errors of the domain. Each carries what a person needs to fix the problem; the CLI
 * prints `message` (English), the dispatcher maps them onto HelpApi error codes and REASONS
 * (shared/errors.ts), and the UI words each reason in the person's language.
 */
import type { ErrorParams, RequestReason } from '../../shared/errors';
import type { SyncFailure } from '../../shared/sync-failures';

/** A content file (Markdown + front matter) is invalid. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(field ? `${file}: field "${field}": ${problem}` : `${file}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Several content problems found in one build; nothing was written. */
export class ContentBuildError extends Error {
  constructor(readonly problems: ContentError[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content; nothing was written:\n` +
        problems.map((p) => `  - ${p.message}`).join('\n'),
    );
    this.name = 'ContentBuildError';
  }
}

/** A sync did not complete; the last good copy is untouched. */
export class SyncError extends Error {
  /** The URL or path involved, when there is one. */
  readonly resource: string | undefined;
  /** Network faults, timeouts and 5xx/429 answers are worth retrying; the rest is final. */
  readonly retryable: boolean;
  /** Seconds the server asked us to wait (Retry-After), when it did. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: SyncFailure,
    message: string,
    options: { resource?: string; cause?: unknown; retryable?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SyncError';
    this.resource = options.resource;
    this.retryable = options.retryable ?? (kind === 'network' || kind === 'timeout');
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The reason the UI words: the failure kind itself (one list, shared/errors.ts). */
  get reason(): SyncFailure {
    return this.kind;
  }
}

/** The content database could not be opened or read. */
export class StoreError extends Error {
  constructor(
    /**
     * 'corrupt': damaged or not a database (safe to move aside); 'newer-schema': written by
     * a newer Doum; 'read-only': the data folder cannot be written (reading still works);
     * 'lost': the user's data and every copy of it are gone; 'failed': anything else.
     */
    readonly kind: 'corrupt' | 'newer-schema' | 'read-only' | 'lost' | 'failed',
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }

  /** The reason the UI words, one per kind. */
  get reason(): RequestReason {
    return STORE_REASONS[this.kind];
  }
}

const STORE_REASONS: { [K in StoreError['kind']]: RequestReason } = {
  corrupt: 'store-corrupt',
  'newer-schema': 'store-newer-schema',
  'read-only': 'store-read-only',
  lost: 'store-lost',
  failed: 'store-failed',
};

/**
 * A request to the service that cannot be honoured (bad URL, unknown id...): `kind` is the
 * HelpApi error code, `reason` why (the UI's wording), `message` the English detail.
 */
export class RequestError extends Error {
  constructor(
    readonly kind: 'invalid-argument' | 'not-found' | 'refused',
    readonly reason: RequestReason,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
