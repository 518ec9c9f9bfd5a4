/**
 * `doum feed build`: content folder → doum-feed/1 folder. A folder that already holds a feed
 * gets the next revision and a delta from the previous one; unchanged content keeps the
 * revision. Everything is validated before the first byte is written, and manifest.json is
 * replaced last (atomically), so a failed build never leaves a half-written feed behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { assetFeedPath, assetRefsIn } from '../../../shared/assets';
import { readContent, type ContentAsset, type ContentSet } from './content';
import {
  FEED_FORMAT,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  articleKey,
  checkManifest,
  checkSnapshot,
  deltaDocument,
  snapshotDocument,
  type FeedArticle,
  type FeedAsset,
  type FeedCategory,
  type FeedDelta,
  type FeedHelpCenter,
  type FeedManifest,
  type FeedSnapshot,
} from './format';
import type { KeyObject } from 'node:crypto';
import { privateKeyFromPem, signBytes } from './signing';

export class FeedBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedBuildError';
  }
}

export interface FeedWriteOptions {
  outDir: string;
  /** PKCS#8 PEM file of an Ed25519 key; signs manifest.json into manifest.json.sig. */
  signKeyFile?: string;
  /** Deltas kept in the manifest (older ones are dropped with their files). */
  maxDeltas?: number;
  /**
   * Write `.gz` and `.br` copies of the manifest, snapshots and deltas next to them, for
   * servers that serve precompressed files (nginx `gzip_static`, CDNs, object storage).
   */
  precompress?: boolean;
  /** Days a signed client trusts this manifest (its expiresAt); default DEFAULT_VALID_DAYS. */
  validDays?: number;
  now?: Date;
}

/** A feed rebuilt (or re-signed) at least this often keeps its clients syncing. */
export const DEFAULT_VALID_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FeedBuildOptions extends FeedWriteOptions {
  contentDir: string;
}

/** Deltas kept by default: a client up to this many revisions behind downloads only changes. */
export const DEFAULT_MAX_DELTAS = 10;

export interface FeedBuildReport {
  revision: number;
  unchanged: boolean;
  articles: number;
  added: number;
  updated: number;
  deleted: number;
  deltas: number;
  signed: boolean;
  /** Precompressed copies written, and stale ones removed, by this build. */
  precompressed: { written: number; removed: number };
  /** Pictures the revision uses, and how many of them this build wrote (new ones). */
  assets: number;
  assetsWritten: number;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const snapshotPath = (revision: number): string => `snapshots/snapshot-${revision}.json`;
const deltaPath = (from: number, to: number): string => `deltas/delta-${from}-${to}.json`;

interface PreviousFeed {
  manifest: FeedManifest;
  snapshot: FeedSnapshot;
}

function readPreviousFeed(outDir: string): PreviousFeed | null {
  const manifestFile = join(outDir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) {
    if (existsSync(outDir) && readdirSync(outDir).some((name) => !name.startsWith('.'))) {
      throw new FeedBuildError(`${outDir} is not empty and holds no ${MANIFEST_FILE}; choose an empty folder or an existing feed`);
    }
    return null;
  }
  try {
    const manifest = checkManifest(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const bytes = readFileSync(join(outDir, manifest.snapshot.url));
    if (sha256Hex(bytes) !== manifest.snapshot.sha256) throw new Error(`${manifest.snapshot.url} does not match its sha256`);
    return { manifest, snapshot: checkSnapshot(JSON.parse(bytes.toString('utf8'))) };
  } catch (error) {
    throw new FeedBuildError(`the existing feed in ${outDir} cannot be read (${error instanceof Error ? error.message : String(error)}); fix it or build into an empty folder`);
  }
}


function diff(previous: FeedArticle[], next: FeedArticle[]): { upserts: FeedArticle[]; deletes: string[]; added: number } {
  const before = new Map(previous.map((a) => [a.id, articleKey(a)]));
  const nextIds = new Set(next.map((a) => a.id));
  const upserts = next.filter((a) => before.get(a.id) !== articleKey(a));
  return {
    upserts,
    deletes: previous.filter((a) => !nextIds.has(a.id)).map((a) => a.id),
    added: upserts.filter((a) => !before.has(a.id)).length,
  };
}

const assetRecord = (asset: ContentAsset): FeedAsset => ({ sha256: asset.sha256, bytes: asset.bytes.length, type: asset.type });

/** Every picture an article refers to must be one the content carries: a writer's own check. */
function checkAssetsComplete(articles: readonly FeedArticle[], assets: ReadonlyMap<string, ContentAsset>): void {
  for (const article of articles) {
    for (const ref of assetRefsIn(article.bodyHtml)) {
      if (!assets.has(ref.sha256)) throw new FeedBuildError(`article "${article.id}" refers to picture ${ref.sha256}, which the content does not carry`);
    }
  }
}

/** Writes the pictures the feed does not hold yet; returns how many it wrote. */
function writeAssets(outDir: string, assets: readonly ContentAsset[]): number {
  let written = 0;
  for (const asset of assets) {
    const file = join(outDir, assetFeedPath(asset.sha256));
    // A file named by its sha256 with the right size already holds these bytes.
    if (existsSync(file) && statSync(file).size === asset.bytes.length) continue;
    writeAtomically(file, asset.bytes);
    written++;
  }
  return written;
}

const sameCategories = (a: FeedCategory[], b: FeedCategory[]): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameHelpCenter = (snapshot: FeedSnapshot, next: FeedHelpCenter): boolean =>
  JSON.stringify(snapshot.synonyms ?? []) === JSON.stringify(next.synonyms) && (snapshot.supportUrl ?? null) === next.supportUrl;

interface PendingFile {
  path: string;
  bytes: Buffer;
}

function encode(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
}

function writeAtomically(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

function readSigningKey(file: string | undefined): KeyObject | null {
  if (!file) return null;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FeedBuildError(`the signing key ${file} cannot be read (${(error as { code?: string }).code ?? String(error)}); create one with "doum feed keygen --out <dir>"`);
  }
  return privateKeyFromPem(pem, file);
}

/** Markdown folder → feed folder: reads and checks all content, then writes the next revision. */
export function buildFeed(options: FeedBuildOptions): FeedBuildReport {
  if (!existsSync(options.contentDir)) throw new FeedBuildError(`content folder ${options.contentDir} does not exist`);
  return writeFeedRevision(readContent(options.contentDir), options);
}

/**
 * Writes content (already checked) as the next revision of the feed in `outDir`, with a
 * delta from the revision there before. Nothing is written when the content is unchanged
 * (beyond renewing the signature) or when anything fails before the first write.
 */
export function writeFeedRevision(content: ContentSet, options: FeedWriteOptions): FeedBuildReport {
  const { outDir } = options;
  const maxDeltas = options.maxDeltas ?? DEFAULT_MAX_DELTAS;
  const now = options.now ?? new Date();
  const signingKey = readSigningKey(options.signKeyFile);
  const previous = readPreviousFeed(outDir);
  const contentAssets = new Map((content.assets ?? []).map((a) => [a.sha256, a]));
  checkAssetsComplete(content.articles, contentAssets);
  const assetRecords = [...contentAssets.values()].map(assetRecord).sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  const validDays = options.validDays ?? DEFAULT_VALID_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new FeedBuildError(`--valid-days must be a whole number of days from 1 to 3650, not ${validDays}`);
  const expiresAt = new Date(now.getTime() + validDays * DAY_MS).toISOString();
  const helpCenter: FeedHelpCenter = content.helpCenter ?? { synonyms: [], supportUrl: null };

  const changes = previous ? diff(previous.snapshot.articles, content.articles) : { upserts: content.articles, deletes: [], added: content.articles.length };
  const unchanged =
    previous !== null &&
    changes.upserts.length === 0 &&
    changes.deletes.length === 0 &&
    sameCategories(previous.snapshot.categories, content.categories) &&
    sameHelpCenter(previous.snapshot, helpCenter);

  const precompress = options.precompress ?? false;
  if (unchanged) {
    const signed = signingKey !== null;
    // Same revision, same content: only the manifest's expiry moves on, and its signature.
    if (signingKey) {
      const renewed = encode({ ...previous.manifest, expiresAt });
      writeAtomically(join(outDir, SIGNATURE_FILE), Buffer.from(signBytes(renewed, signingKey)));
      writeAtomically(join(outDir, MANIFEST_FILE), renewed);
    }
    const precompressed = updatePrecompressed(outDir, precompress);
    return { revision: previous.manifest.revision, unchanged: true, articles: content.articles.length, added: 0, updated: 0, deleted: 0, deltas: previous.manifest.deltas.length, signed, precompressed, assets: assetRecords.length, assetsWritten: 0 };
  }

  // No going back: a revision is only ever written above the one already in the folder.
  const revision = (previous?.manifest.revision ?? 0) + 1;
  const generatedAt = now.toISOString();
  const snapshot: FeedSnapshot = { format: FEED_FORMAT, kind: 'snapshot', revision, generatedAt, articles: content.articles, categories: content.categories, assets: assetRecords, ...helpCenter };
  const pending: PendingFile[] = [{ path: snapshotPath(revision), bytes: encode(snapshotDocument(snapshot)) }];

  let deltas: FeedManifest['deltas'] = [];
  if (previous) {
    const before = new Set(previous.snapshot.assets.map((a) => a.sha256));
    const added = assetRecords.filter((a) => !before.has(a.sha256));
    const delta: FeedDelta = { format: FEED_FORMAT, kind: 'delta', from: previous.manifest.revision, to: revision, upserts: changes.upserts, deletes: changes.deletes, categories: content.categories, assets: added, ...helpCenter };
    const bytes = encode(deltaDocument(delta));
    pending.push({ path: deltaPath(delta.from, delta.to), bytes });
    deltas = [...previous.manifest.deltas, { from: delta.from, to: delta.to, url: deltaPath(delta.from, delta.to), sha256: sha256Hex(bytes), bytes: bytes.length }]
      .filter((d) => d.from >= revision - maxDeltas);
  }

  const manifest: FeedManifest = {
    format: FEED_FORMAT,
    revision,
    generatedAt,
    locales: [...new Set(content.articles.map((a) => a.locale))].sort(),
    snapshot: { url: snapshotPath(revision), sha256: sha256Hex(pending[0]!.bytes), bytes: pending[0]!.bytes.length, articles: content.articles.length },
    deltas,
    expiresAt,
  };
  const manifestBytes = encode(manifest);

  // Pictures first: a manifest is only ever published once everything it names is in place.
  const assetsWritten = writeAssets(outDir, [...contentAssets.values()]);
  for (const file of pending) {
    writeAtomically(join(outDir, file.path), file.bytes);
    if (precompress) writeCompressedCopies(join(outDir, file.path), file.bytes);
  }
  if (signingKey) writeAtomically(join(outDir, SIGNATURE_FILE), Buffer.from(signBytes(manifestBytes, signingKey)));
  else rmSync(join(outDir, SIGNATURE_FILE), { force: true });
  // The manifest's compressed copies go just before it, so no server ever pairs a new
  // manifest.json with an old manifest.json.gz (or .br) for long; stale ones are removed below.
  if (precompress) writeCompressedCopies(join(outDir, MANIFEST_FILE), manifestBytes);
  writeAtomically(join(outDir, MANIFEST_FILE), manifestBytes);
  removeUnreferencedFiles(outDir, manifest, previous?.manifest.snapshot.url);
  removeUnusedAssets(outDir, [...assetRecords, ...(previous?.snapshot.assets ?? [])]);
  const precompressed = updatePrecompressed(outDir, precompress);

  return {
    revision,
    unchanged: false,
    articles: content.articles.length,
    added: changes.added,
    updated: changes.upserts.length - changes.added,
    deleted: changes.deletes.length,
    deltas: deltas.length,
    signed: signingKey !== null,
    precompressed: { written: precompressed.written + (precompress ? 2 * (pending.length + 1) : 0), removed: precompressed.removed },
    assets: assetRecords.length,
    assetsWritten,
  };
}

/**
 * Drops pictures neither this revision nor the previous one uses (the previous one's stay a
 * revision longer, like its snapshot, for clients that read the old manifest a moment ago).
 */
function removeUnusedAssets(outDir: string, keep: readonly FeedAsset[]): void {
  const dir = join(outDir, 'assets');
  if (!existsSync(dir)) return;
  const used = new Set(keep.map((a) => a.sha256));
  for (const name of readdirSync(dir)) {
    if (!used.has(name)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Drops snapshot and delta files the manifest no longer names. The previous snapshot stays
 * one more revision, for clients that read the old manifest a moment before this build.
 */
function removeUnreferencedFiles(outDir: string, manifest: FeedManifest, previousSnapshot: string | undefined): void {
  const keep = new Set([manifest.snapshot.url, ...manifest.deltas.map((d) => d.url)]);
  if (previousSnapshot) keep.add(previousSnapshot);
  for (const folder of ['snapshots', 'deltas']) {
    const dir = join(outDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const original = COMPRESSED_SUFFIXES.reduce((n, suffix) => (n.endsWith(suffix) ? n.slice(0, -suffix.length) : n), name);
      if (!keep.has(`${folder}/${original}`)) rmSync(join(dir, name), { force: true });
    }
  }
}

// -- precompressed copies ------------------------------------------------------------------------

const COMPRESSED = {
  '.gz': { compress: (bytes: Buffer) => gzipSync(bytes, { level: 9 }), decompress: gunzipSync },
  '.br': {
    compress: (bytes: Buffer) => brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    decompress: brotliDecompressSync,
  },
} as const;
const COMPRESSED_SUFFIXES = Object.keys(COMPRESSED) as Array<keyof typeof COMPRESSED>;

function writeCompressedCopies(file: string, bytes: Buffer): void {
  for (const suffix of COMPRESSED_SUFFIXES) writeAtomically(file + suffix, COMPRESSED[suffix].compress(bytes));
}

/** True when `copy` decompresses to exactly `original`'s bytes. */
function copyMatches(copy: string, suffix: keyof typeof COMPRESSED, original: Buffer): boolean {
  try {
    return COMPRESSED[suffix].decompress(readFileSync(copy)).equals(original);
  } catch {
    return false;
  }
}

/**
 * Leaves no compressed copy that says something else than its file: a `.gz` or `.br` of a
 * feed file (manifest, signature, snapshot, delta) is removed when the file is gone or the
 * copy no longer decompresses to it — whoever made it (this builder, `gzip -k`, a deploy
 * script). With `precompress`, missing or stale copies of the manifest, snapshots and deltas
 * are (re)written. Copies are compared by content, not by date, so nothing depends on clocks.
 */
function updatePrecompressed(outDir: string, precompress: boolean): { written: number; removed: number } {
  let written = 0;
  let removed = 0;
  const candidates: string[] = [MANIFEST_FILE, SIGNATURE_FILE];
  for (const folder of ['snapshots', 'deltas']) {
    if (existsSync(join(outDir, folder))) candidates.push(...readdirSync(join(outDir, folder)).map((name) => `${folder}/${name}`));
  }
  const originals = new Set(candidates.filter((path) => !COMPRESSED_SUFFIXES.some((suffix) => path.endsWith(suffix)) && !path.includes('.tmp-')));
  for (const path of originals) {
    const file = join(outDir, path);
    const original = existsSync(file) ? readFileSync(file) : null;
    const wanted = precompress && original !== null && path !== SIGNATURE_FILE;
    for (const suffix of COMPRESSED_SUFFIXES) {
      const copy = file + suffix;
      const fresh = existsSync(copy) && original !== null && copyMatches(copy, suffix, original);
      if (wanted && !fresh) {
        writeAtomically(copy, COMPRESSED[suffix].compress(original));
        written++;
      } else if (!wanted && existsSync(copy) && !fresh) {
        rmSync(copy, { force: true });
        removed++;
      }
    }
  }
  return { written, removed };
}
