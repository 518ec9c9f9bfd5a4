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
import { assetFeedPath, assetRefsIn, sniffImage } from '../../../shared/assets';
import { dirname } from 'node:path';
import type { SyncProgress, SyncReport } from '../../../shared/types';
import { ValidationError } from '../../../shared/validate';
import { SyncError, errorMessage } from '../errors';
import {
  FeedRecordError,
  checkDelta,
  checkManifest,
  checkSnapshot,
  FEED_LIMITS,
  type FeedArticle,
  type FeedAsset,
  type FeedFileRef,
  type FeedManifest,
} from '../feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../feed/sanitize';
import { KeyError, publicKeyFromBase64, verifyBytes } from '../feed/signing';
import {
  ContentMismatchError,
  MissingAssetError,
  type ApplyOptions,
  type AssetInput,
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
  /**
   * Base64 Ed25519 public key; when set, only signed doum feeds are accepted: an unsigned or
   * wrongly signed feed, a collection source (Zendesk), a revision below `highestSignedRevision`
   * and an expired manifest are all refused.
   */
  publicKey?: string | null;
  /** The highest revision ever applied from a manifest signed with `publicKey`. */
  highestSignedRevision?: number | null;
  /** Told the revision of each signed manifest applied (or found current), to remember it. */
  onSignedRevision?: (revision: number) => void;
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Leave the last sync error and the failure count as they are, even on success: for the
   * bundled help center imported at start-up, which is not the sync a person asked for, so a
   * failed sync stays reported (stats, Settings, tray) until a real sync succeeds.
   */
  keepLastError?: boolean;
}

/** How long a whole sync may take: a base, plus the time the announced bytes need at the floor rate. */
export interface SyncDeadline {
  baseMs: number;
  /** The slowest download rate still accepted, for the part of the deadline that grows with size. */
  minBytesPerSecond: number;
}

export const DEFAULT_SYNC_DEADLINE: SyncDeadline = { baseMs: 5 * 60_000, minBytesPerSecond: 32 * 1024 };

export interface SyncEngineOptions {
  store: ContentStore;
  /** Lock file shared by every process syncing this store. */
  lockFile: string;
  now?: () => Date;
  deadline?: SyncDeadline;
}

type DeltaRef = FeedManifest['deltas'][number];

interface Run {
  source: SyncSource;
  signal: AbortSignal;
  publicKey: string | null;
  highestSignedRevision: number | null;
  onSignedRevision: (revision: number) => void;
  /** Moves the whole sync's deadline out by the time these many more bytes may take. */
  allowBytes: (bytes: number) => void;
  progress: (progress: SyncProgress) => void;
  state: SyncState;
  /** The store already holds content of this source, at `state.revision`. */
  sameSource: boolean;
  keepLastError: boolean;
  /** Bytes downloaded so far by this sync. */
  bytes: number;
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

/** The articles a chain of changes leaves upserted (the last version of each, deletions applied). */
function finalArticles(changes: readonly ContentChange[]): FeedArticle[] {
  const articles = new Map<string, FeedArticle>();
  for (const change of changes) {
    if (change.kind === 'replace') {
      articles.clear();
      for (const a of change.articles) articles.set(a.id, a);
      continue;
    }
    for (const a of change.upserts) articles.set(a.id, a);
    for (const id of change.deletes) articles.delete(id);
  }
  return [...articles.values()];
}

const recordsIn = (changes: readonly ContentChange[]): number =>
  changes.reduce((n, c) => n + (c.kind === 'replace' ? c.articles.length : c.upserts.length + c.deletes.length), 0);

/** Pictures downloaded at once (small files: the round trips, not the bytes, are the cost). */
const ASSET_DOWNLOADS_AT_ONCE = 6;

/** Why a delta chain cannot be used, so the snapshot is taken instead. */
class BrokenChain extends Error {}

/** The bytes a sync of this manifest may download at most: the snapshot, or every delta. */
function announcedBytes(manifest: FeedManifest): number {
  const deltas = manifest.deltas.reduce((n, d) => n + (d.bytes ?? 0), 0);
  // A broken delta chain falls back to the snapshot, so both may be downloaded.
  return deltas + (manifest.snapshot.bytes ?? 0);
}

/** The whole sync's deadline: aborts its signal when the time allowed so far has passed. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  allowedMs: number;

  constructor(private readonly rule: SyncDeadline) {
    this.allowedMs = rule.baseMs;
    this.arm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Allows time for `bytes` more at the floor rate. */
  extend(bytes: number): void {
    if (bytes <= 0 || this.controller.signal.aborted) return;
    this.allowedMs += (bytes / this.rule.minBytesPerSecond) * 1000;
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    const left = Math.max(0, this.startedAt + this.allowedMs - Date.now());
    this.timer = setTimeout(() => this.controller.abort(new Error('sync deadline')), left);
    this.timer.unref?.();
  }
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

  /** Asks a running sync to stop; true when there was one. A sync already saving finishes. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  async sync(source: SyncSource, options: SyncOptions = {}): Promise<SyncReport> {
    if (this.running) throw new SyncError('busy', 'a sync is already running; wait for it to finish');
    if (this.options.store.readOnly) {
      throw new SyncError('read-only', `the help center cannot be updated: its data folder (${dirname(this.options.store.file)}) is read-only; make it writable to sync — reading and search still work`);
    }
    const lock = tryAcquireLock(this.options.lockFile);
    if (!lock) throw new SyncError('busy', 'another Doum window or `doum sync` is updating this help center; try again when it has finished');
    const controller = new AbortController();
    this.running = controller;
    const deadline = new Deadline(this.options.deadline ?? DEFAULT_SYNC_DEADLINE);
    const signal = AbortSignal.any([controller.signal, deadline.signal, ...(options.signal ? [options.signal] : [])]);
    const { store } = this.options;
    const attemptedAt = this.now().toISOString();
    try {
      if (!options.keepLastError) store.updateSyncState({ lastAttemptAt: attemptedAt });
      const state = store.syncState();
      const publicKey = options.publicKey ?? null;
      if (publicKey && source.kind === 'collection') {
        throw new SyncError('refused', `${source.id} is a Zendesk help center, which cannot be signed, but a feed key is pinned in Settings; only signed Doum feeds are accepted — remove the key or use a signed feed`, { resource: source.id });
      }
      return await this.run({
        source,
        signal,
        publicKey,
        highestSignedRevision: publicKey ? (options.highestSignedRevision ?? null) : null,
        onSignedRevision: (revision) => options.onSignedRevision?.(revision),
        allowBytes: (bytes) => deadline.extend(bytes),
        progress: (p) => options.onProgress?.(p),
        state,
        sameSource: state.source === source.id && state.revision !== null,
        keepLastError: options.keepLastError ?? false,
        bytes: 0,
      });
    } catch (error) {
      const failure = this.asSyncError(error, signal, deadline);
      this.recordFailure(failure, attemptedAt);
      throw failure;
    } finally {
      deadline.stop();
      this.running = null;
      lock.release();
    }
  }

  private asSyncError(error: unknown, signal: AbortSignal, deadline: Deadline): SyncError {
    if (deadline.signal.aborted) {
      return new SyncError('timeout', `the sync took longer than ${Math.round(deadline.allowedMs / 1000)} s (its limit for the announced download size) and was stopped; the help center was not changed — check the network connection and sync again`, { cause: error });
    }
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

  private success(run: Run): Partial<Pick<SyncState, 'lastSuccessAt' | 'lastError' | 'failures'>> {
    const lastSuccessAt = this.now().toISOString();
    return run.keepLastError ? { lastSuccessAt } : { lastSuccessAt, lastError: null, failures: 0 };
  }

  private unchanged(run: Run, revision: number, patch: Partial<SyncState> = {}): SyncReport {
    const { store } = this.options;
    store.updateSyncState({ ...patch, ...this.success(run) });
    run.progress({ phase: 'done' });
    return { revision, added: 0, updated: 0, deleted: 0, total: store.articleCount(), notModified: true, bytesDownloaded: run.bytes, assets: { added: 0, removed: 0 } };
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
    run.bytes += fetched.bytes.length;

    if (run.publicKey) await this.verifySignature(source, fetched.bytes, run.publicKey, run.signal);
    const manifest = validated(() => checkManifest(parseJson(fetched.bytes, 'the manifest', source.id)), 'the manifest', source.id);
    if (run.publicKey) this.checkNoGoingBack(run, source, manifest);
    source.trustFileOrigins?.(run.publicKey ? (manifest.fileOrigins ?? []) : []);
    run.allowBytes(announcedBytes(manifest));
    const syncState = { source: source.id, revision: manifest.revision, etag: fetched.etag, lastModified: fetched.lastModified };
    if (sameSource && manifest.revision === state.revision) {
      const report = this.unchanged(run, manifest.revision, syncState);
      if (run.publicKey) run.onSignedRevision(manifest.revision);
      return report;
    }

    // Unsigned, a feed behind the local revision was rebuilt from scratch: its snapshot is
    // the truth. (Signed, checkNoGoingBack has refused it already.)
    const report = await this.applyFeed(run, source, manifest, syncState);
    if (run.publicKey) run.onSignedRevision(manifest.revision);
    return report;
  }

  private async applyFeed(run: Run, source: FeedSource, manifest: FeedManifest, syncState: Partial<SyncState>): Promise<SyncReport> {
    const { state, sameSource } = run;
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

  /**
   * No going back (DESIGN.md): under a pinned key a manifest below the highest signed revision
   * applied, or below the local copy of this feed, is refused, and so is one past its expiry.
   */
  private checkNoGoingBack(run: Run, source: FeedSource, manifest: FeedManifest): void {
    const floor = Math.max(run.highestSignedRevision ?? 0, run.sameSource ? (run.state.revision ?? 0) : 0);
    if (manifest.revision < floor) {
      throw new SyncError('rollback', `the feed went back in time: ${source.id} offers revision ${manifest.revision}, but revision ${floor} signed with the same key was already applied; the current copy is kept — the server may be serving an old copy, so tell the help center's team`, { resource: source.id });
    }
    if (!manifest.expiresAt) {
      throw new SyncError('expired', `the signed manifest at ${source.id} has no expiry date (expiresAt); rebuild the feed with a current "doum feed build --sign-key …"; the current copy is kept`, { resource: source.id });
    }
    if (Date.parse(manifest.expiresAt) <= this.now().getTime()) {
      throw new SyncError('expired', `the signed manifest at ${source.id} expired on ${manifest.expiresAt}; the server may be replaying an old feed, or the help center's team must rebuild and sign it again; the current copy is kept`, { resource: source.id });
    }
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

  private async download(run: Run, source: FeedSource, refs: readonly FeedFileRef[], maxBytes: number): Promise<Buffer[]> {
    const totalBytes = refs.every((r) => r.bytes !== undefined) ? refs.reduce((n, r) => n + r.bytes!, 0) : undefined;
    let doneBytes = 0;
    const files: Buffer[] = [];
    run.progress({ phase: 'download', bytes: 0, totalBytes });
    for (const ref of refs) {
      const bytes = await source.fetchFile(ref, {
        signal: run.signal,
        maxBytes,
        onBytes: (received) => run.progress({ phase: 'download', bytes: doneBytes + received, totalBytes }),
      });
      doneBytes += bytes.length;
      run.bytes += bytes.length;
      files.push(bytes);
    }
    run.progress({ phase: 'verify', bytes: doneBytes, totalBytes });
    return files;
  }

  /**
   * Many small files (pictures) a few at a time: one by one, each would wait a round trip.
   * The first failure stops the rest and is thrown; nothing is kept from a failed sync anyway.
   */
  private async downloadConcurrently(run: Run, source: FeedSource, refs: readonly FeedFileRef[]): Promise<Buffer[]> {
    const totalBytes = refs.reduce((n, r) => n + (r.bytes ?? 0), 0);
    const files: Buffer[] = new Array<Buffer>(refs.length);
    let doneBytes = 0;
    let next = 0;
    let failed = false;
    run.progress({ phase: 'download', bytes: 0, totalBytes });
    const worker = async (): Promise<void> => {
      while (!failed && next < refs.length) {
        const index = next++;
        try {
          files[index] = await source.fetchFile(refs[index]!, { signal: run.signal });
        } catch (error) {
          failed = true;
          throw error;
        }
        doneBytes += files[index].length;
        run.bytes += files[index].length;
        run.progress({ phase: 'download', bytes: doneBytes, totalBytes });
      }
    };
    await Promise.all(Array.from({ length: Math.min(ASSET_DOWNLOADS_AT_ONCE, refs.length) }, worker));
    run.progress({ phase: 'verify', bytes: doneBytes, totalBytes });
    return files;
  }

  private async applyDeltas(run: Run, source: FeedSource, manifest: FeedManifest, chain: DeltaRef[], syncState: Partial<SyncState>): Promise<SyncReport> {
    let files;
    try {
      files = await this.download(run, source, chain, FEED_LIMITS.deltaBytes);
    } catch (error) {
      // A delta the manifest names but the server no longer has: the chain is broken.
      if (error instanceof SyncError && error.kind === 'not-found') throw new BrokenChain(error.message);
      throw error;
    }
    const listed: FeedAsset[] = [];
    const changes: ContentChange[] = chain.map((ref, i) => {
      const delta = validated(() => checkDelta(parseJson(files[i]!, ref.url, ref.url)), ref.url, ref.url);
      if (delta.from !== ref.from || delta.to !== ref.to) {
        throw new SyncError('invalid-feed', `${ref.url} goes from revision ${delta.from} to ${delta.to}, but the manifest lists it as ${ref.from} → ${ref.to}; nothing was changed`, { resource: ref.url });
      }
      listed.push(...delta.assets);
      const helpCenter = { ...(delta.synonyms ? { synonyms: delta.synonyms } : {}), ...(delta.supportUrl !== undefined ? { supportUrl: delta.supportUrl } : {}) };
      return { kind: 'patch', upserts: delta.upserts.map(sanitizeRecord), deletes: delta.deletes, categories: delta.categories, helpCenter };
    });
    const assets = await this.downloadAssets(run, source, listed, finalArticles(changes));
    try {
      return this.apply(run, changes, { ...syncState }, manifest.revision, { expectTotal: manifest.snapshot.articles, assets });
    } catch (error) {
      // Articles that need a picture no delta carries: the snapshot has them all.
      if (error instanceof SyncError && (error.cause instanceof ContentMismatchError || error.cause instanceof MissingAssetError)) throw new BrokenChain(error.message);
      throw error;
    }
  }

  private async applySnapshot(run: Run, source: FeedSource, manifest: FeedManifest, syncState: Partial<SyncState>): Promise<SyncReport> {
    const ref = manifest.snapshot;
    const [bytes] = await this.download(run, source, [ref], FEED_LIMITS.snapshotBytes);
    const snapshot = validated(() => checkSnapshot(parseJson(bytes!, ref.url, ref.url)), ref.url, ref.url);
    if (snapshot.revision !== manifest.revision) {
      throw new SyncError('invalid-feed', `${ref.url} holds revision ${snapshot.revision}, but the manifest announces ${manifest.revision}; nothing was changed`, { resource: ref.url });
    }
    if (snapshot.articles.length !== ref.articles) {
      throw new SyncError('invalid-feed', `${ref.url} holds ${snapshot.articles.length} articles, but the manifest announces ${ref.articles}; nothing was changed`, { resource: ref.url });
    }
    const articles = snapshot.articles.map(sanitizeRecord);
    const assets = await this.downloadAssets(run, source, snapshot.assets, articles);
    // A snapshot is the whole truth: no synonyms in it means none.
    const helpCenter = { synonyms: snapshot.synonyms ?? [], supportUrl: snapshot.supportUrl ?? null };
    const changes: ContentChange[] = [{ kind: 'replace', articles, categories: snapshot.categories, helpCenter }];
    return this.apply(run, changes, syncState, manifest.revision, { assets });
  }

  /**
   * Downloads the pictures the new articles use that the store does not hold yet, each checked
   * against its size, its sha256 and its type by its bytes. A picture an article uses that the
   * feed does not list is left to the store's check, which refuses the whole change.
   */
  private async downloadAssets(run: Run, source: FeedSource, listed: readonly FeedAsset[], articles: readonly FeedArticle[]): Promise<AssetInput[]> {
    const used = new Set(articles.flatMap((a) => assetRefsIn(a.bodyHtml).map((r) => r.sha256)));
    const byHash = new Map(listed.filter((a) => used.has(a.sha256)).map((a) => [a.sha256, a]));
    const held = this.options.store.heldAssets([...byHash.keys()]);
    const wanted = [...byHash.values()].filter((a) => !held.has(a.sha256));
    if (wanted.length === 0) return [];
    const files = await this.downloadConcurrently(run, source, wanted.map((a) => ({ url: assetFeedPath(a.sha256), sha256: a.sha256, bytes: a.bytes })));
    return wanted.map((asset, i) => {
      const data = files[i]!;
      const actual = sniffImage(data)?.type;
      if (actual !== asset.type) {
        throw new SyncError('invalid-feed', `picture ${assetFeedPath(asset.sha256)} is listed as ${asset.type} but its bytes are ${actual ?? 'not a picture'}; nothing was changed — ask the help center's authors to rebuild the feed`, { resource: assetFeedPath(asset.sha256) });
      }
      return { sha256: asset.sha256, type: asset.type, data };
    });
  }

  // -- collections (Zendesk) -----------------------------------------------------------------

  private async runCollection(run: Run, source: CollectionSource): Promise<SyncReport> {
    const { store } = this.options;
    const { state, sameSource } = run;
    run.progress({ phase: 'download', bytes: 0, records: 0 });
    let counted = 0;
    const content = await source
      .fetchAll({
        signal: run.signal,
        knownAttachment: (sourceUrl, bytes) => store.heldAttachment(sourceUrl, bytes),
        onProgress: ({ bytes, records }) => {
          // No sizes are announced: each page earns the time it took at the floor rate, so
          // a help center arriving faster than the floor is never cut off and a trickle is.
          run.allowBytes(bytes - counted);
          counted = bytes;
          run.bytes = bytes;
          run.progress({ phase: 'download', bytes, records });
        },
      })
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
    const report = this.apply(run, changes, (r) => ({ source: source.id, revision: changed(r) ? base + 1 : base, etag: null, lastModified: null }), null, {
      assets: content.assets ?? [],
    });
    const missingPictures = content.missingPictures ?? [];
    return {
      ...report,
      notModified: sameSource && !changed(report),
      ...(content.notes.length > 0 ? { notes: content.notes } : {}),
      ...(missingPictures.length ? { missingPictures } : {}),
    };
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
    options: Pick<ApplyOptions, 'expectTotal' | 'assets'> = {},
  ): SyncReport {
    if (run.signal.aborted) throw new SyncError('cancelled', 'the sync was cancelled; the help center was not changed');
    const totalRecords = recordsIn(changes);
    const finalState = (report: ChangeReport): Partial<SyncState> => ({ ...(typeof state === 'function' ? state(report) : state), ...this.success(run) });
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
      if (error instanceof MissingAssetError) {
        throw new SyncError('invalid-feed', `${error.message}; nothing was changed — ask the help center's authors to rebuild the feed`, { cause: error });
      }
      throw new SyncError('storage', `the new help center content could not be saved on this computer (${errorMessage(error)}); the previous copy is kept`, { cause: error });
    }
    run.progress({ phase: 'done' });
    return { revision: revision ?? stored.revision ?? 0, ...report, notModified: false, bytesDownloaded: run.bytes };
  }
}
