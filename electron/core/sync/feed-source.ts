/**
 * Where a doum-feed/1 feed is read from: an http(s) URL or a local folder. Both answer the
 * same questions (manifest with conditional request, a file checked against its sha256, the
 * optional signature), so the sync engine never knows which one it talks to.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyncError } from '../errors';
import { FEED_LIMITS, MANIFEST_FILE, SIGNATURE_FILE, type FeedFileRef } from '../feed/format';
import { httpGet, type RetryPolicy, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './http';

export interface Conditional {
  etag: string | null;
  lastModified: string | null;
}

export type ManifestFetch =
  | { notModified: true }
  | { notModified: false; bytes: Buffer; etag: string | null; lastModified: string | null };

export interface FetchOptions {
  signal?: AbortSignal;
  onBytes?: (received: number, total: number | undefined) => void;
  /** The file's size cap (FEED_LIMITS); a larger file is refused without reading it all. */
  maxBytes?: number;
}

/** A doum-feed/1 feed: a manifest naming a snapshot and deltas, read file by file. */
export interface FeedSource {
  readonly kind: 'feed';
  /** A stable id of the feed (normalized URL or absolute folder path, or "bundled"). */
  readonly id: string;
  fetchManifest(conditional: Conditional, options?: FetchOptions): Promise<ManifestFetch>;
  /** The signature file, or null when the feed has none. */
  fetchSignature(options?: FetchOptions): Promise<Buffer | null>;
  /** A file the manifest names, checked against its size and sha256. */
  fetchFile(ref: FeedFileRef, options?: FetchOptions): Promise<Buffer>;
  /**
   * Origins besides the manifest's own that files may come from — those a signed manifest
   * names (the engine passes none for an unsigned one). Folder feeds have no origins.
   */
  trustFileOrigins?(origins: readonly string[]): void;
}

export interface HttpSourceOptions {
  /** Longest silence allowed from a server (see HttpGetOptions.timeoutMs). */
  timeoutMs?: number;
  /** Per-request deadline and floor rate (see HttpGetOptions); tests make them short. */
  deadlineMs?: number;
  minBytesPerSecond?: number;
  throughputWindowMs?: number;
  retry?: RetryPolicy;
}

function tooLarge(where: string, bytes: number, cap: number): SyncError {
  return new SyncError('too-large', `${where} is ${bytes} bytes, more than the ${cap} bytes Doum accepts for this file; nothing was changed — the feed may be damaged or hostile, tell the help center's team`, { resource: where });
}

function verifyFile(bytes: Buffer, ref: FeedFileRef, where: string): Buffer {
  if (ref.bytes !== undefined && bytes.length !== ref.bytes) {
    throw new SyncError('integrity', `${where} has ${bytes.length} bytes but the manifest says ${ref.bytes} (an incomplete or altered download); nothing was changed — sync again, and if it keeps happening the feed on the server is damaged`, { resource: where, retryable: bytes.length < ref.bytes });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== ref.sha256) {
    throw new SyncError('integrity', `${where} does not match the sha256 in the manifest (expected ${ref.sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…); nothing was changed — the file was altered or the feed is being updated, so sync again later`, { resource: where });
  }
  return bytes;
}

export class HttpFeedSource implements FeedSource {
  readonly kind = 'feed';
  readonly id: string;
  private readonly manifestUrl: URL;
  /** Where the manifest really came from (after redirects): files resolve against it. */
  private base: URL;
  private extraOrigins: ReadonlySet<string> = new Set();

  constructor(url: string, private readonly options: HttpSourceOptions = {}) {
    const parsed = new URL(url);
    // A URL ending in .json names the manifest; otherwise the manifest sits directly under it.
    this.manifestUrl = parsed.pathname.endsWith('.json') ? parsed : new URL(MANIFEST_FILE, parsed.href.endsWith('/') ? parsed : `${parsed.href}/`);
    this.id = this.manifestUrl.href;
    this.base = this.manifestUrl;
  }

  private get(url: string, headers: Record<string, string>, options: FetchOptions, maxBytes: number) {
    const { timeoutMs, deadlineMs, minBytesPerSecond, throughputWindowMs, retry } = this.options;
    return httpGet(
      url,
      { headers, signal: options.signal, onBytes: options.onBytes, maxBytes, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, deadlineMs, minBytesPerSecond, throughputWindowMs },
      retry ?? DEFAULT_RETRY,
    );
  }

  trustFileOrigins(origins: readonly string[]): void {
    this.extraOrigins = new Set(origins);
  }

  async fetchManifest(conditional: Conditional, options: FetchOptions = {}): Promise<ManifestFetch> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const response = await this.get(this.manifestUrl.href, headers, options, FEED_LIMITS.manifestBytes);
    if (response.status === 304) return { notModified: true };
    this.base = new URL(response.url);
    return { notModified: false, bytes: response.body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  }

  async fetchSignature(options: FetchOptions = {}): Promise<Buffer | null> {
    const url = new URL(SIGNATURE_FILE, this.base).href;
    try {
      return (await this.get(url, {}, options, FEED_LIMITS.signatureBytes)).body;
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  async fetchFile(ref: FeedFileRef, options: FetchOptions = {}): Promise<Buffer> {
    const url = this.resolve(ref.url);
    const cap = options.maxBytes ?? FEED_LIMITS.snapshotBytes;
    if (ref.bytes !== undefined && ref.bytes > cap) throw tooLarge(url, ref.bytes, cap);
    // A file the manifest sizes may not be larger than announced: read no further than that.
    return verifyFile((await this.get(url, {}, options, ref.bytes ?? cap)).body, ref, url);
  }

  /**
   * Files are named relative to the manifest as it was finally served (after redirects), and
   * come from its origin — or one a signed manifest names — never any other host.
   */
  private resolve(relative: string): string {
    let url: URL;
    try {
      url = new URL(relative, this.base);
    } catch {
      throw new SyncError('invalid-feed', `the manifest names "${relative.slice(0, 100)}", which is not a URL`, { resource: this.id });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SyncError('invalid-feed', `the manifest names ${url.protocol} file "${relative.slice(0, 100)}"; only http(s) files can be synced`, { resource: this.id });
    }
    if (url.origin !== this.base.origin && !this.extraOrigins.has(url.origin)) {
      throw new SyncError('refused', `the manifest names a file on another server (${url.origin}); files are fetched only from the manifest's own server or servers a signed manifest names (fileOrigins); nothing was changed`, { resource: this.id });
    }
    return url.href;
  }
}

export class FolderFeedSource implements FeedSource {
  readonly kind = 'feed';
  readonly id: string;
  readonly dir: string;

  constructor(dir: string, id?: string) {
    this.dir = resolve(dir);
    this.id = id ?? this.dir;
  }

  private path(relative: string): string {
    const path = resolve(this.dir, relative);
    if (path !== this.dir && !path.startsWith(this.dir + sep)) {
      throw new SyncError('invalid-feed', `the manifest names "${relative}", which is outside the feed folder ${this.dir}`, { resource: relative });
    }
    return path;
  }

  private read(path: string, cap: number): Buffer {
    try {
      const size = statSync(path).size;
      if (size > cap) throw tooLarge(path, size, cap);
      return readFileSync(path);
    } catch (error) {
      if (error instanceof SyncError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') throw new SyncError('not-found', `${path} does not exist`, { resource: path });
      throw new SyncError('network', `${path} cannot be read (${code ?? String(error)})`, { resource: path, cause: error });
    }
  }

  // Folder reads are synchronous; the methods are async so errors arrive as rejections.
  async fetchManifest(conditional: Conditional): Promise<ManifestFetch> {
    if (!existsSync(this.dir) || !statSync(this.dir).isDirectory()) {
      throw new SyncError('not-found', `feed folder ${this.dir} does not exist`, { resource: this.dir });
    }
    const bytes = this.read(join(this.dir, MANIFEST_FILE), FEED_LIMITS.manifestBytes);
    // The content hash stands in for an ETag, so an unchanged folder costs one read.
    const etag = `"${createHash('sha256').update(bytes).digest('hex')}"`;
    if (conditional.etag === etag) return { notModified: true };
    return { notModified: false, bytes, etag, lastModified: null };
  }

  async fetchSignature(): Promise<Buffer | null> {
    const file = join(this.dir, SIGNATURE_FILE);
    return existsSync(file) ? this.read(file, FEED_LIMITS.signatureBytes) : null;
  }

  async fetchFile(ref: FeedFileRef, options: FetchOptions = {}): Promise<Buffer> {
    const path = this.path(ref.url);
    return verifyFile(this.read(path, options.maxBytes ?? FEED_LIMITS.snapshotBytes), ref, path);
  }
}

/**
 * A doum-feed/1 source for a location as a user or the CLI writes it: an http(s) URL or a
 * folder. (`syncSourceFor` in ./sources also recognises Zendesk help centers.)
 */
export function feedSourceFor(location: string, options: HttpSourceOptions = {}): FeedSource {
  if (/^https?:\/\//i.test(location)) return new HttpFeedSource(location, options);
  if (/^file:\/\//i.test(location)) return new FolderFeedSource(fileURLToPath(location));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new SyncError('invalid-feed', `${location}: only http(s) URLs and local folders can be synced`, { resource: location });
  }
  return new FolderFeedSource(isAbsolute(location) ? location : resolve(location));
}
