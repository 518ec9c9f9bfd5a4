/**
 * The sync engine: brings the content store to the feed's latest revision. It asks for the
 * manifest conditionally, follows the shortest delta chain from the local revision (or takes
 * the snapshot), checks sha256 and the signature, validates every record, and commits all of
 * it in one transaction. Any failure leaves the last good copy untouched and is recorded as
 * the last error in words a person can act on.
 */
import type { SyncProgress, SyncReport } from '../../../shared/types';
import { SyncError, errorMessage } from '../errors';
import {
  FeedRecordError,
  checkDelta,
  checkManifest,
  checkSnapshot,
  type FeedArticle,
  type FeedManifest,
} from '../feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../feed/sanitize';
import { publicKeyFromBase64, verifyBytes, KeyError } from '../feed/signing';
import type { ContentChange, ContentStore } from '../store/content-store';
import { ValidationError } from '../../../shared/validate';
import type { FeedSource } from './feed-source';
import { tryAcquireLock } from './lock';

export interface SyncOptions {
  signal?: AbortSignal;
  /** Base64 Ed25519 public key; when set, an unsigned or wrongly signed feed is refused. */
  publicKey?: string | null;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncEngineOptions {
  store: ContentStore;
  /** Lock file shared by every process syncing this store. */
  lockFile: string;
  now?: () => Date;
}

function parseJson(bytes: Buffer, what: string, resource: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new SyncError('invalid-feed', `${what} is not valid JSON (${errorMessage(error)})`, { resource });
  }
}

function validated<T>(check: () => T, what: string, resource: string): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof FeedRecordError) {
      throw new SyncError('invalid-record', `the feed has an invalid ${error.message}; nothing was changed`, { resource });
    }
    if (error instanceof ValidationError) {
      throw new SyncError('invalid-feed', `${what} is not a valid doum-feed/1 document (${error.message})`, { resource });
    }
    throw error;
  }
}

/** Re-sanitizes a record's HTML: a feed is untrusted input, whoever built it. */
function sanitizeRecord(article: FeedArticle): FeedArticle {
  const bodyHtml = sanitizeArticleHtml(article.bodyHtml);
  return { ...article, bodyHtml, links: [...new Set([...article.links, ...articleLinksIn(bodyHtml)])] };
}

/** The shortest chain of deltas leading from `from` to `to`, or null when there is none. */
export function shortestDeltaChain(deltas: FeedManifest['deltas'], from: number, to: number): FeedManifest['deltas'] | null {
  if (from === to) return [];
  const previous = new Map<number, FeedManifest['deltas'][number]>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const delta of deltas) {
      if (delta.from !== at || seen.has(delta.to) || delta.to > to) continue;
      seen.add(delta.to);
      previous.set(delta.to, delta);
      if (delta.to === to) {
        const chain = [];
        for (let r = to; r !== from; r = previous.get(r)!.from) chain.unshift(previous.get(r)!);
        return chain;
      }
      queue.push(delta.to);
    }
  }
  return null;
}

export class SyncEngine {
  private running: AbortController | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** Asks a running sync to stop; resolves true when there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  async sync(source: FeedSource, options: SyncOptions = {}): Promise<SyncReport> {
    if (this.running) throw new SyncError('busy', 'a sync is already running; wait for it to finish');
    const lock = tryAcquireLock(this.options.lockFile);
    if (!lock) throw new SyncError('busy', 'another Doum process is syncing this help center; try again when it has finished');
    const controller = new AbortController();
    this.running = controller;
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const { store } = this.options;
    const attemptedAt = this.now().toISOString();
    try {
      store.updateSyncState({ lastAttemptAt: attemptedAt });
      return await this.run(source, { ...options, signal });
    } catch (error) {
      const failure = error instanceof SyncError ? error : new SyncError('storage', `the help center could not be saved (${errorMessage(error)})`, { cause: error });
      store.updateSyncState({ lastError: { code: failure.kind, message: failure.message, at: attemptedAt } });
      throw failure;
    } finally {
      this.running = null;
      lock.release();
    }
  }

  private async run(source: FeedSource, options: SyncOptions & { signal: AbortSignal }): Promise<SyncReport> {
    const { store } = this.options;
    const progress = (p: SyncProgress): void => options.onProgress?.(p);
    const state = store.syncState();
    const sameSource = state.source === source.id && state.revision !== null;

    progress({ phase: 'manifest' });
    const fetched = await source.fetchManifest(sameSource ? { etag: state.etag, lastModified: state.lastModified } : { etag: null, lastModified: null }, { signal: options.signal });
    const finishedAt = (): string => this.now().toISOString();
    if (fetched.notModified) {
      store.updateSyncState({ lastSuccessAt: finishedAt(), lastError: null });
      progress({ phase: 'done' });
      return { revision: state.revision ?? 0, added: 0, updated: 0, deleted: 0, total: store.articleCount(), notModified: true };
    }

    if (options.publicKey) await this.verifySignature(source, fetched.bytes, options.publicKey, options.signal);
    const manifest = validated(() => checkManifest(parseJson(fetched.bytes, 'the manifest', source.id)), 'the manifest', source.id);
    const syncState = { source: source.id, revision: manifest.revision, etag: fetched.etag, lastModified: fetched.lastModified, lastError: null };

    if (sameSource && manifest.revision === state.revision) {
      store.updateSyncState({ ...syncState, lastSuccessAt: finishedAt() });
      progress({ phase: 'done' });
      return { revision: manifest.revision, added: 0, updated: 0, deleted: 0, total: store.articleCount(), notModified: true };
    }

    const changes = await this.download(source, manifest, sameSource ? state.revision : null, options.signal, progress);
    options.signal.throwIfAborted();
    progress({ phase: 'apply', records: 0, totalRecords: changes.reduce((n, c) => n + (c.kind === 'replace' ? c.articles.length : c.upserts.length + c.deletes.length), 0) });
    let report;
    try {
      report = store.applyChanges(changes, { ...syncState, lastSuccessAt: finishedAt() });
    } catch (error) {
      throw new SyncError('storage', `the new help center content could not be saved (${errorMessage(error)}); the previous copy is kept`, { cause: error });
    }
    progress({ phase: 'done' });
    return { revision: manifest.revision, ...report, notModified: false };
  }

  private async verifySignature(source: FeedSource, manifestBytes: Buffer, publicKey: string, signal: AbortSignal): Promise<void> {
    let key;
    try {
      key = publicKeyFromBase64(publicKey);
    } catch (error) {
      if (error instanceof KeyError) throw new SyncError('signature', `the pinned feed key is not usable: ${error.message}`);
      throw error;
    }
    const signature = await source.fetchSignature({ signal });
    if (!signature) throw new SyncError('signature', `the feed at ${source.id} is not signed, but a signing key is pinned in Settings`, { resource: source.id });
    if (!verifyBytes(manifestBytes, signature.toString('utf8'), key)) {
      throw new SyncError('signature', `the feed's signature does not match the pinned key; the manifest may have been altered`, { resource: source.id });
    }
  }

  private async download(
    source: FeedSource,
    manifest: FeedManifest,
    localRevision: number | null,
    signal: AbortSignal,
    progress: (p: SyncProgress) => void,
  ): Promise<ContentChange[]> {
    const chain = localRevision !== null && localRevision < manifest.revision ? shortestDeltaChain(manifest.deltas, localRevision, manifest.revision) : null;
    const files = chain ?? [manifest.snapshot];
    const totalBytes = files.reduce((n, f) => n + (f.bytes ?? 0), 0) || undefined;
    let doneBytes = 0;
    const changes: ContentChange[] = [];
    for (const ref of files) {
      const bytes = await source.fetchFile(ref, { signal, onBytes: (received) => progress({ phase: 'download', bytes: doneBytes + received, totalBytes }) });
      doneBytes += bytes.length;
      progress({ phase: 'verify', bytes: doneBytes, totalBytes });
      const doc = parseJson(bytes, ref.url, ref.url);
      if (chain) {
        const delta = validated(() => checkDelta(doc), ref.url, ref.url);
        changes.push({ kind: 'patch', upserts: delta.upserts.map(sanitizeRecord), deletes: delta.deletes, categories: delta.categories });
      } else {
        const snapshot = validated(() => checkSnapshot(doc), ref.url, ref.url);
        if (snapshot.revision !== manifest.revision) {
          throw new SyncError('invalid-feed', `${ref.url} holds revision ${snapshot.revision}, but the manifest announces ${manifest.revision}`, { resource: ref.url });
        }
        changes.push({ kind: 'replace', articles: snapshot.articles.map(sanitizeRecord), categories: snapshot.categories });
      }
    }
    return changes;
  }
}
