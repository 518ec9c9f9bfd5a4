/**
 * The sync engine: brings the content store to its source's latest content.
 *
 * For a doum-feed/1 feed it asks for the manifest conditionally (an unchanged feed costs one
 * small request), checks the signature when a key is pinned, follows the shortest delta chain
 * from the local revision — checking that each delta is the step the manifest says it is and
 * that the result has the article count the manifest announces — and falls back to the
 * snapshot when the chain is broken (a gap, a missing delta file, a result that does not add
 * up). For a collection source (Zendesk) it lists everything and lets the store keep what is
 * unchanged. Every file's sha256 and every record is checked, and all of it is committed in
 * ONE transaction, or nothing. A failure leaves the last good copy untouched and is recorded
 * as the last error, in words a person can act on.
 */
import type { SyncProgress, SyncReport } from '../../../shared/types';
import { ValidationError } from '../../../shared/validate';
import { SyncError, errorMessage } from '../errors';
import {
  FeedRecordError,
  checkDelta,
  checkManifest,
  checkSnapshot,
  type FeedArticle,
  type FeedFileRef,
  type FeedManifest,
} from '../feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../feed/sanitize';
import { KeyError, publicKeyFromBase64, verifyBytes } from '../feed/signing';
import {
  ContentMismatchError,
  type ApplyOptions,
  type ChangeReport,
  type ContentChange,
  type ContentStore,
  type SyncState,
} from '../store/content-store';
import type { FeedSource } from './feed-source';
import { tryAcquireLock } from './lock';
import type { CollectionSource, SyncSource } from './sources';

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

type DeltaRef = FeedManifest['deltas'][number];

interface Run {
  source: SyncSource;
  signal: AbortSignal;
  publicKey: string | null;
  progress: (progress: SyncProgress) => void;
  state: SyncState;
  /** The store already holds content of this source, at `state.revision`. */
  sameSource: boolean;
}

function parseJson(bytes: Buffer, what: string, resource: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new SyncError('invalid-feed', `${what} is not valid JSON (${errorMessage(error)})`, { resource });
  }
}

/** A failed check as a SyncError naming the document or the record; other errors as they are. */
function checkFailure(error: unknown, what: string, resource: string): unknown {
  if (error instanceof FeedRecordError) {
    return new SyncError('invalid-record', `the help center has an invalid ${error.message}; nothing was changed — ask its authors to fix it`, { resource });
  }
  if (error instanceof ValidationError) {
    return new SyncError('invalid-feed', `${what} is not a valid doum-feed/1 document (${error.message})`, { resource });
  }
  return error;
}

function validated<T>(check: () => T, what: string, resource: string): T {
  try {
    return check();
  } catch (error) {
    throw checkFailure(error, what, resource);
  }
}

/** Re-sanitizes a record's HTML: a feed is untrusted input, whoever built it. */
function sanitizeRecord(article: FeedArticle): FeedArticle {
  const bodyHtml = sanitizeArticleHtml(article.bodyHtml);
  if (bodyHtml === article.bodyHtml) return article;
  return { ...article, bodyHtml, links: [...new Set([...article.links, ...articleLinksIn(bodyHtml)])] };
}

/** The shortest chain of deltas leading from `from` to `to`, or null when there is none. */
export function shortestDeltaChain(deltas: readonly DeltaRef[], from: number, to: number): DeltaRef[] | null {
  if (from === to) return [];
  const previous = new Map<number, DeltaRef>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const delta of deltas) {
      if (delta.from !== at || seen.has(delta.to) || delta.to > to || delta.to <= delta.from) continue;
      seen.add(delta.to);
      previous.set(delta.to, delta);
      if (delta.to === to) {
        const chain: DeltaRef[] = [];
        for (let r = to; r !== from; r = previous.get(r)!.from) chain.unshift(previous.get(r)!);
        return chain;
      }
      queue.push(delta.to);
    }
  }
  return null;
}

const recordsIn = (changes: readonly ContentChange[]): number =>
  changes.reduce((n, c) => n + (c.kind === 'replace' ? c.articles.length : c.upserts.length + c.deletes.length), 0);

/** Why a delta chain cannot be used, so the snapshot is taken instead. */
class BrokenChain extends Error {}

export class SyncEngine {
  private running: AbortController | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** Asks a running sync to stop; true when there was one. A sync already saving finishes. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  async sync(source: SyncSource, options: SyncOptions = {}): Promise<SyncReport> {
    if (this.running) throw new SyncError('busy', 'a sync is already running; wait for it to finish');
    const lock = tryAcquireLock(this.options.lockFile);
    if (!lock) throw new SyncError('busy', 'another Doum window or `doum sync` is updating this help center; try again when it has finished');
    const controller = new AbortController();
    this.running = controller;
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const { store } = this.options;
    const attemptedAt = this.now().toISOString();
    try {
      store.updateSyncState({ lastAttemptAt: attemptedAt });
      const state = store.syncState();
      return await this.run({
        source,
        signal,
        publicKey: options.publicKey ?? null,
        progress: (p) => options.onProgress?.(p),
        state,
        sameSource: state.source === source.id && state.revision !== null,
      });
    } catch (error) {
      const failure = this.asSyncError(error, signal);
      this.recordFailure(failure, attemptedAt);
      throw failure;
    } finally {
      this.running = null;
      lock.release();
    }
  }

  private asSyncError(error: unknown, signal: AbortSignal): SyncError {
    if (error instanceof SyncError) return error;
    if (signal.aborted) return new SyncError('cancelled', 'the sync was cancelled; the help center was not changed', { cause: error });
    return new SyncError('storage', `the help center could not be updated on this computer (${errorMessage(error)}); the previous copy is kept`, { cause: error });
  }

  private recordFailure(failure: SyncError, at: string): void {
    const { store } = this.options;
    try {
      const failures = store.syncState().failures + (failure.kind === 'cancelled' ? 0 : 1);
      store.updateSyncState({ lastError: { code: failure.kind, message: failure.message, at }, failures });
    } catch {
      // The store itself is failing (closed, disk gone); the error is still thrown to the caller.
    }
  }

  private success(): Pick<SyncState, 'lastSuccessAt' | 'lastError' | 'failures'> {
    return { lastSuccessAt: this.now().toISOString(), lastError: null, failures: 0 };
  }

  private unchanged(run: Run, revision: number, patch: Partial<SyncState> = {}): SyncReport {
    const { store } = this.options;
    store.updateSyncState({ ...patch, ...this.success() });
    run.progress({ phase: 'done' });
    return { revision, added: 0, updated: 0, deleted: 0, total: store.articleCount(), notModified: true };
  }

  private run(run: Run): Promise<SyncReport> {
    return run.source.kind === 'collection' ? this.runCollection(run, run.source) : this.runFeed(run, run.source);
  }

  // -- doum-feed/1 -----------------------------------------------------------------------------

  private async runFeed(run: Run, source: FeedSource): Promise<SyncReport> {
    const { state, sameSource } = run;
    run.progress({ phase: 'manifest' });
    const conditional = sameSource ? { etag: state.etag, lastModified: state.lastModified } : { etag: null, lastModified: null };
    const fetched = await source.fetchManifest(conditional, { signal: run.signal });
    if (fetched.notModified) return this.unchanged(run, state.revision ?? 0);

    if (run.publicKey) await this.verifySignature(source, fetched.bytes, run.publicKey, run.signal);
    const manifest = validated(() => checkManifest(parseJson(fetched.bytes, 'the manifest', source.id)), 'the manifest', source.id);
    const syncState = { source: source.id, revision: manifest.revision, etag: fetched.etag, lastModified: fetched.lastModified };
    if (sameSource && manifest.revision === state.revision) return this.unchanged(run, manifest.revision, syncState);

    // A feed behind the local revision was rebuilt from scratch: its snapshot is the truth.
    const chain = sameSource && state.revision! < manifest.revision ? shortestDeltaChain(manifest.deltas, state.revision!, manifest.revision) : null;
    if (chain) {
      try {
        return await this.applyDeltas(run, source, manifest, chain, syncState);
      } catch (error) {
        if (!(error instanceof BrokenChain)) throw error;
      }
    }
    return this.applySnapshot(run, source, manifest, syncState);
  }

  private async verifySignature(source: FeedSource, manifestBytes: Buffer, publicKey: string, signal: AbortSignal): Promise<void> {
    let key;
    try {
      key = publicKeyFromBase64(publicKey);
    } catch (error) {
      if (error instanceof KeyError) throw new SyncError('signature', `the feed key pinned in Settings is not usable: ${error.message}`);
      throw error;
    }
    const signature = await source.fetchSignature({ signal });
    if (!signature) {
      throw new SyncError('signature', `the feed at ${source.id} is not signed, but a signing key is pinned in Settings; nothing was changed`, { resource: source.id });
    }
    if (!verifyBytes(manifestBytes, signature.toString('utf8'), key)) {
      throw new SyncError('signature', `the feed's signature does not match the key pinned in Settings; the feed may have been altered, so nothing was changed`, { resource: source.id });
    }
  }

  private async download(run: Run, source: FeedSource, refs: readonly FeedFileRef[]): Promise<Buffer[]> {
    const totalBytes = refs.every((r) => r.bytes !== undefined) ? refs.reduce((n, r) => n + r.bytes!, 0) : undefined;
    let doneBytes = 0;
    const files: Buffer[] = [];
    run.progress({ phase: 'download', bytes: 0, totalBytes });
    for (const ref of refs) {
      const bytes = await source.fetchFile(ref, {
        signal: run.signal,
        onBytes: (received) => run.progress({ phase: 'download', bytes: doneBytes + received, totalBytes }),
      });
      doneBytes += bytes.length;
      files.push(bytes);
    }
    run.progress({ phase: 'verify', bytes: doneBytes, totalBytes });
    return files;
  }

  private async applyDeltas(run: Run, source: FeedSource, manifest: FeedManifest, chain: DeltaRef[], syncState: Partial<SyncState>): Promise<SyncReport> {
    let files;
    try {
      files = await this.download(run, source, chain);
    } catch (error) {
      // A delta the manifest names but the server no longer has: the chain is broken.
      if (error instanceof SyncError && error.kind === 'not-found') throw new BrokenChain(error.message);
      throw error;
    }
    const changes: ContentChange[] = chain.map((ref, i) => {
      const delta = validated(() => checkDelta(parseJson(files[i]!, ref.url, ref.url)), ref.url, ref.url);
      if (delta.from !== ref.from || delta.to !== ref.to) {
        throw new SyncError('invalid-feed', `${ref.url} goes from revision ${delta.from} to ${delta.to}, but the manifest lists it as ${ref.from} → ${ref.to}; nothing was changed`, { resource: ref.url });
      }
      const helpCenter = { ...(delta.synonyms ? { synonyms: delta.synonyms } : {}), ...(delta.supportUrl !== undefined ? { supportUrl: delta.supportUrl } : {}) };
      return { kind: 'patch', upserts: delta.upserts.map(sanitizeRecord), deletes: delta.deletes, categories: delta.categories, helpCenter };
    });
    try {
      return this.apply(run, changes, { ...syncState }, manifest.revision, { expectTotal: manifest.snapshot.articles });
    } catch (error) {
      if (error instanceof SyncError && error.cause instanceof ContentMismatchError) throw new BrokenChain(error.message);
      throw error;
    }
  }

  private async applySnapshot(run: Run, source: FeedSource, manifest: FeedManifest, syncState: Partial<SyncState>): Promise<SyncReport> {
    const ref = manifest.snapshot;
    const [bytes] = await this.download(run, source, [ref]);
    const snapshot = validated(() => checkSnapshot(parseJson(bytes!, ref.url, ref.url)), ref.url, ref.url);
    if (snapshot.revision !== manifest.revision) {
      throw new SyncError('invalid-feed', `${ref.url} holds revision ${snapshot.revision}, but the manifest announces ${manifest.revision}; nothing was changed`, { resource: ref.url });
    }
    if (snapshot.articles.length !== ref.articles) {
      throw new SyncError('invalid-feed', `${ref.url} holds ${snapshot.articles.length} articles, but the manifest announces ${ref.articles}; nothing was changed`, { resource: ref.url });
    }
    // A snapshot is the whole truth: no synonyms in it means none.
    const helpCenter = { synonyms: snapshot.synonyms ?? [], supportUrl: snapshot.supportUrl ?? null };
    const changes: ContentChange[] = [{ kind: 'replace', articles: snapshot.articles.map(sanitizeRecord), categories: snapshot.categories, helpCenter }];
    return this.apply(run, changes, syncState, manifest.revision);
  }

  // -- collections (Zendesk) -----------------------------------------------------------------

  private async runCollection(run: Run, source: CollectionSource): Promise<SyncReport> {
    const { store } = this.options;
    const { state, sameSource } = run;
    run.progress({ phase: 'download', bytes: 0, records: 0 });
    const content = await source
      .fetchAll({ signal: run.signal, onProgress: ({ bytes, records }) => run.progress({ phase: 'download', bytes, records }) })
      .catch((error: unknown) => {
        throw checkFailure(error, source.id, source.id);
      });
    run.progress({ phase: 'verify', records: content.articles.length, totalRecords: content.articles.length });
    const categoriesChanged = !sameSource || JSON.stringify(store.categoryRecords()) !== JSON.stringify(content.categories);
    // A help center on Zendesk has no synonyms.yml or support link in the feed sense.
    const helpCenter = sameSource ? undefined : { synonyms: [], supportUrl: null };
    const changes: ContentChange[] = [{ kind: 'replace', articles: content.articles.map(sanitizeRecord), categories: categoriesChanged ? content.categories : null, helpCenter }];
    const base = sameSource ? state.revision! : 0;
    // A collection has no revisions of its own: the local one moves on when something changed.
    const changed = (report: ChangeReport): boolean => categoriesChanged || report.added + report.updated + report.deleted > 0;
    const report = this.apply(run, changes, (r) => ({ source: source.id, revision: changed(r) ? base + 1 : base, etag: null, lastModified: null }), null);
    return { ...report, notModified: sameSource && !changed(report) };
  }

  // -- the one transaction -----------------------------------------------------------------------

  /**
   * Commits the changes and the new sync state together. `revision` null: the state decides
   * it (collections). Cancellation is honoured up to here; a commit in progress finishes.
   */
  private apply(
    run: Run,
    changes: readonly ContentChange[],
    state: Partial<SyncState> | ((report: ChangeReport) => Partial<SyncState>),
    revision: number | null,
    options: Pick<ApplyOptions, 'expectTotal'> = {},
  ): SyncReport {
    if (run.signal.aborted) throw new SyncError('cancelled', 'the sync was cancelled; the help center was not changed');
    const totalRecords = recordsIn(changes);
    const finalState = (report: ChangeReport): Partial<SyncState> => ({ ...(typeof state === 'function' ? state(report) : state), ...this.success() });
    let report: ChangeReport;
    let stored: Partial<SyncState> = {};
    try {
      report = this.options.store.applyChanges(changes, (r) => (stored = finalState(r)), {
        ...options,
        onProgress: (records) => run.progress({ phase: 'apply', records, totalRecords }),
      });
    } catch (error) {
      if (error instanceof ContentMismatchError) {
        throw new SyncError('invalid-feed', `the feed's updates do not add up (${error.message}); nothing was changed`, { cause: error });
      }
      throw new SyncError('storage', `the new help center content could not be saved on this computer (${errorMessage(error)}); the previous copy is kept`, { cause: error });
    }
    run.progress({ phase: 'done' });
    return { revision: revision ?? stored.revision ?? 0, ...report, notModified: false };
  }
}
