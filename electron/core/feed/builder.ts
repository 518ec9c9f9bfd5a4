/**
 * `doum feed build`: content folder → doum-feed/1 folder. A folder that already holds a feed
 * gets the next revision and a delta from the previous one; unchanged content keeps the
 * revision. Everything is validated before the first byte is written, and manifest.json is
 * replaced last (atomically), so a failed build never leaves a half-written feed behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readContent, type ContentSet } from './content';
import {
  FEED_FORMAT,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  articleKey,
  checkManifest,
  checkSnapshot,
  type FeedArticle,
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
  now?: Date;
}

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
  const helpCenter: FeedHelpCenter = content.helpCenter ?? { synonyms: [], supportUrl: null };

  const changes = previous ? diff(previous.snapshot.articles, content.articles) : { upserts: content.articles, deletes: [], added: content.articles.length };
  const unchanged =
    previous !== null &&
    changes.upserts.length === 0 &&
    changes.deletes.length === 0 &&
    sameCategories(previous.snapshot.categories, content.categories) &&
    sameHelpCenter(previous.snapshot, helpCenter);

  if (unchanged) {
    const signed = signingKey !== null;
    if (signingKey) writeAtomically(join(outDir, SIGNATURE_FILE), Buffer.from(signBytes(readFileSync(join(outDir, MANIFEST_FILE)), signingKey)));
    return { revision: previous.manifest.revision, unchanged: true, articles: content.articles.length, added: 0, updated: 0, deleted: 0, deltas: previous.manifest.deltas.length, signed };
  }

  const revision = (previous?.manifest.revision ?? 0) + 1;
  const generatedAt = now.toISOString();
  const snapshot: FeedSnapshot = { format: FEED_FORMAT, kind: 'snapshot', revision, generatedAt, articles: content.articles, categories: content.categories, ...helpCenter };
  const pending: PendingFile[] = [{ path: snapshotPath(revision), bytes: encode(snapshot) }];

  let deltas: FeedManifest['deltas'] = [];
  if (previous) {
    const delta: FeedDelta = { format: FEED_FORMAT, kind: 'delta', from: previous.manifest.revision, to: revision, upserts: changes.upserts, deletes: changes.deletes, categories: content.categories, ...helpCenter };
    const bytes = encode(delta);
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
  };
  const manifestBytes = encode(manifest);

  for (const file of pending) writeAtomically(join(outDir, file.path), file.bytes);
  if (signingKey) writeAtomically(join(outDir, SIGNATURE_FILE), Buffer.from(signBytes(manifestBytes, signingKey)));
  else rmSync(join(outDir, SIGNATURE_FILE), { force: true });
  writeAtomically(join(outDir, MANIFEST_FILE), manifestBytes);
  removeUnreferencedFiles(outDir, manifest, previous?.manifest.snapshot.url);

  return {
    revision,
    unchanged: false,
    articles: content.articles.length,
    added: changes.added,
    updated: changes.upserts.length - changes.added,
    deleted: changes.deletes.length,
    deltas: deltas.length,
    signed: signingKey !== null,
  };
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
      if (!keep.has(`${folder}/${name}`)) rmSync(join(dir, name), { force: true });
    }
  }
}
