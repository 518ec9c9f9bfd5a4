/**
 * The doum-feed/1 wire format: manifest, snapshot and delta documents, and the checks every
 * record passes before it may enter the store. A feed is static files, so any web server or
 * CDN can host it.
 */
import { checkContextId, MAX_CONTEXTS_PER_ARTICLE } from '../../../shared/contexts';
import { ASSET_TYPES, MAX_ASSET_BYTES, type AssetType } from '../../../shared/assets';
import { checkArticleId } from '../../../shared/ids';
import { checkLocale } from '../../../shared/locale';
import { PLATFORMS } from '../../../shared/platform';
import type { Platform } from '../../../shared/platform';
import { MAX_FILE_NAME_LENGTH } from '../../../shared/attachments';
import type { ArticleAttachment } from '../../../shared/types';
import {
  array,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  ValidationError,
  type Check,
} from '../../../shared/validate';

export const FEED_FORMAT = 'doum-feed/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';

/**
 * Size caps, in bytes. A manifest over its cap is refused before it is parsed; a snapshot or
 * a delta over its cap (announced or actual) is refused before, or as soon as, it passes it.
 * They bound the memory a sync can take, whatever a server sends.
 */
export const FEED_LIMITS = {
  manifestBytes: 1024 * 1024,
  signatureBytes: 1024,
  snapshotBytes: 256 * 1024 * 1024,
  deltaBytes: 64 * 1024 * 1024,
} as const;

const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ORIGIN_PATTERN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

export interface FeedArticle {
  id: string;
  title: string;
  /** Sanitized HTML; links to other articles are `doum://article/<id>`. */
  bodyHtml: string;
  service: string;
  category: string;
  platform: Platform;
  locale: string;
  group: string | null;
  tags: string[];
  updatedAt: string;
  /** Ids of articles this one links to. */
  links: string[];
  /**
   * Screens and errors of the documented app this article is the help for (context ids).
   * Absent when none. On the wire they travel beside the records (see `contexts` below).
   */
  contexts?: string[];
  /**
   * Files attached to the article, in order. Absent when none. Only collection sources
   * (Zendesk) write them so far; a doum-feed/1 file never carries them.
   */
  attachments?: ArticleAttachment[];
}

export interface FeedCategory {
  path: string;
  locale: string;
  /** Display order among siblings. */
  position: number;
}

/** A picture the feed carries, stored at `assets/<sha256>` next to the manifest. */
export interface FeedAsset {
  sha256: string;
  bytes: number;
  type: AssetType;
}

/**
 * One entry of a help center's synonyms.yml: words that mean the same, or (oneWay) a word
 * read as the others (카톡 → 톡플러스). Applied by the client's search index at query time.
 */
export interface FeedSynonym {
  locale: string;
  words: string[];
  oneWay: boolean;
}

/** What a feed says about the help center itself (optional; older feeds have none). */
export interface FeedHelpCenter {
  synonyms: FeedSynonym[];
  /** Where people can ask when no article answers (https). */
  supportUrl: string | null;
}

export interface FeedFileRef {
  url: string;
  sha256: string;
  /** Size in bytes, so a truncated download is recognised before parsing. */
  bytes?: number;
}

export interface FeedManifest {
  format: typeof FEED_FORMAT;
  revision: number;
  generatedAt: string;
  locales: string[];
  snapshot: FeedFileRef & { articles: number };
  deltas: Array<FeedFileRef & { from: number; to: number }>;
  /**
   * When a client must stop trusting this manifest (ISO date-time). With a pinned key a
   * manifest past it, or without it, is refused, so a server cannot freeze clients on an old
   * revision forever.
   */
  expiresAt?: string;
  /**
   * Other origins (https://cdn.example.com) the files may be fetched from. Honoured only in a
   * signed manifest; otherwise files come from the manifest's own origin only.
   */
  fileOrigins?: string[];
}

export interface FeedSnapshot {
  format: typeof FEED_FORMAT;
  kind: 'snapshot';
  revision: number;
  generatedAt: string;
  articles: FeedArticle[];
  categories: FeedCategory[];
  /** Every picture the articles use (absent in feeds that predate pictures). */
  assets: FeedAsset[];
  /** Absent in feeds built before synonyms and the support link existed. */
  synonyms?: FeedSynonym[];
  supportUrl?: string | null;
}

export interface FeedDelta {
  format: typeof FEED_FORMAT;
  kind: 'delta';
  from: number;
  to: number;
  upserts: FeedArticle[];
  deletes: string[];
  /** The full category list at `to` (small, so sent whole). */
  categories: FeedCategory[];
  /** The pictures this delta's articles use that the revision `from` did not have. */
  assets: FeedAsset[];
  /** The full synonym list and support link at `to` (small, so sent whole); absent: unchanged. */
  synonyms?: FeedSynonym[];
  supportUrl?: string | null;
}

const revision = number({ min: 1, integer: true });
const isoDate = string({ pattern: DATE_PATTERN, patternName: 'a date (YYYY-MM-DD or ISO date-time)' });
const locale = checkLocale;
const relativeOrAbsoluteUrl = string({ min: 1, max: 2048 });
const sha256 = string({ pattern: SHA256_PATTERN, patternName: 'a lowercase hex sha256' });
const articleId = checkArticleId;
const categoryPath = string({ clean: 'line', min: 1, max: 200, pattern: /^[^/]+(\/[^/]+)*$/, patternName: 'a category path like "채팅/메시지"' });

const fileRef = {
  url: relativeOrAbsoluteUrl,
  sha256,
  bytes: optional(number({ min: 0, integer: true })),
};

export const checkManifest: Check<FeedManifest> = object(
  {
    format: oneOf([FEED_FORMAT] as const),
    revision,
    generatedAt: isoDate,
    locales: array(locale, { max: 100 }),
    snapshot: object({ ...fileRef, articles: number({ min: 0, integer: true }) }),
    deltas: array(object({ ...fileRef, from: revision, to: revision }), { max: 1000 }),
    expiresAt: optional(string({ pattern: DATE_TIME_PATTERN, patternName: 'an ISO date-time with a time zone' })),
    fileOrigins: optional(array(string({ pattern: ORIGIN_PATTERN, patternName: 'an origin such as https://cdn.example.com' }), { max: 10 })),
  },
  // Newer minor additions to the manifest must not break older clients.
  { allowUnknown: true },
);

export const checkArticle: Check<FeedArticle> = object({
  id: articleId,
  title: string({ clean: 'line', min: 1, max: 300 }),
  bodyHtml: string({ clean: 'html', max: 1_000_000 }),
  service: string({ clean: 'line', min: 1, max: 100 }),
  category: categoryPath,
  platform: oneOf(PLATFORMS),
  locale,
  group: nullable(articleId),
  tags: array(string({ clean: 'line', min: 1, max: 60 }), { max: 50 }),
  updatedAt: isoDate,
  links: array(articleId, { max: 1000 }),
});

/**
 * A record's identity as text, with the fields in one fixed order: records parsed from a
 * snapshot and records read from Markdown list their keys differently, and must still compare
 * (and hash) equal when they say the same thing.
 */
export function articleKey(article: FeedArticle): string {
  const { id, title, bodyHtml, service, category, platform, locale, group, tags, updatedAt, links, contexts, attachments } = article;
  const key: unknown[] = [id, title, bodyHtml, service, category, platform, locale, group, tags, updatedAt, links];
  // Appended only when present, so an article without contexts keeps the key (and the stored
  // hash) it had before contexts existed.
  if (contexts && contexts.length > 0) key.push(contexts);
  // The same for attachments, in a fixed field order (and marked, so they never read as contexts).
  if (attachments && attachments.length > 0) key.push({ attachments: attachments.map((a) => [a.sha256, a.fileName, a.type, a.bytes, a.sourceUrl]) });
  return JSON.stringify(key);
}

/** A file attached to an article, as a collection source describes it. */
export const checkAttachment: Check<ArticleAttachment> = object({
  sha256: nullable(sha256),
  fileName: string({ clean: 'line', min: 1, max: MAX_FILE_NAME_LENGTH }),
  type: string({ min: 3, max: 200, pattern: /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, patternName: 'a content type such as application/pdf' }),
  bytes: number({ min: 0, integer: true }),
  sourceUrl: string({ min: 1, max: 2048, pattern: /^https?:\/\//, patternName: 'an http(s) URL' }),
});

export const checkCategory: Check<FeedCategory> = object({
  path: categoryPath,
  locale,
  position: number({ min: 0, integer: true }),
});

export const checkAsset: Check<FeedAsset> = object({
  sha256,
  bytes: number({ min: 1, max: MAX_ASSET_BYTES, integer: true }),
  type: oneOf(ASSET_TYPES),
});

function checkAssets(values: unknown, what: string): FeedAsset[] {
  const assets = checkRecords(values ?? [], checkAsset, what, (raw, i) => {
    const sha = typeof raw === 'object' && raw !== null ? (raw as { sha256?: unknown }).sha256 : undefined;
    return typeof sha === 'string' ? `picture ${sha.slice(0, 64)} (record ${i + 1})` : `picture record ${i + 1}`;
  });
  const seen = new Set<string>();
  for (const [i, asset] of assets.entries()) {
    if (seen.has(asset.sha256)) throw new FeedRecordError(`picture ${asset.sha256} (record ${i + 1})`, new ValidationError('sha256', 'a picture listed once', asset.sha256));
    seen.add(asset.sha256);
  }
  return assets;
}
const synonymWord = string({ min: 1, max: 60, pattern: /^\S(.*\S)?$/, patternName: 'a word or phrase without leading or trailing spaces' });

export const checkSynonymRule: Check<FeedSynonym> = (value, path = '') => {
  const rule = object({ locale, words: array(synonymWord, { max: 50 }), oneWay: (v, p = '') => {
    if (typeof v !== 'boolean') throw new ValidationError(p, 'true or false', v);
    return v;
  } })(value, path);
  if (rule.words.length < 2) throw new ValidationError(`${path}.words`, 'at least two words (a word and what it means)', rule.words);
  const lowered = rule.words.map((w) => w.toLowerCase());
  const repeated = lowered.find((w, i) => lowered.indexOf(w) !== i);
  if (repeated !== undefined) throw new ValidationError(`${path}.words`, 'each word once', repeated);
  return rule;
};

/** A support link people open in their browser: https (or http) only, nothing that runs. */
export const checkSupportUrl: Check<string> = (value, path = '') => {
  const text = string({ min: 1, max: 2048 })(value, path);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(path, 'an absolute https:// address', value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError(path, 'an https:// address', value);
  return url.href;
};

const snapshotHeader = object(
  { format: oneOf([FEED_FORMAT] as const), kind: oneOf(['snapshot'] as const), revision, generatedAt: isoDate },
  { allowUnknown: true },
);
const deltaHeader = object(
  { format: oneOf([FEED_FORMAT] as const), kind: oneOf(['delta'] as const), from: revision, to: revision },
  { allowUnknown: true },
);

/** A record that failed validation, named so the feed's authors can find it. */
export class FeedRecordError extends Error {
  constructor(
    readonly where: string,
    readonly problem: ValidationError,
  ) {
    super(`${where}: ${problem.message}`);
    this.name = 'FeedRecordError';
  }
}

function checkRecords<T>(values: unknown, check: Check<T>, what: string, label: (raw: unknown, i: number) => string): T[] {
  if (!Array.isArray(values)) throw new FeedRecordError(what, new ValidationError(what, 'an array', values));
  return values.map((raw, i) => {
    try {
      return check(raw, '');
    } catch (error) {
      if (error instanceof ValidationError) throw new FeedRecordError(label(raw, i), error);
      throw error;
    }
  });
}

function articleLabel(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `article "${id.slice(0, 128)}" (record ${index + 1})` : `article record ${index + 1}`;
}

function checkUniqueIds(articles: FeedArticle[]): void {
  const seen = new Set<string>();
  for (const [i, article] of articles.entries()) {
    if (seen.has(article.id)) {
      throw new FeedRecordError(articleLabel(article, i), new ValidationError('id', 'an id used once', article.id));
    }
    seen.add(article.id);
  }
}

// -- contexts on the wire ------------------------------------------------------------------------
//
// A snapshot or delta carries its articles' contexts in a table of its own,
// `contexts: { "<article id>": ["settings.display.theme", …] }`, beside the records rather than
// in them: article records reject unknown fields, so a client that predates contexts would
// refuse a feed with them inline, while it ignores an unknown top-level field. A snapshot's table
// covers every article that has contexts; a delta's covers its upserts (an upserted article it
// does not name has none). The table is left out when empty.

type ContextTable = Record<string, string[]>;

const contextList = array(checkContextId, { max: MAX_CONTEXTS_PER_ARTICLE });

/** The contexts table of a document, checked against the articles it carries. */
function checkContextTable(value: unknown, articles: readonly FeedArticle[], where: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  if (value === undefined) return table;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(where, 'an object of article id → context ids', value);
  }
  const ids = new Set(articles.map((a) => a.id));
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!ids.has(id)) throw new ValidationError(`${where}.${id.slice(0, 128)}`, 'the id of an article in this document', id);
    const contexts = contextList(raw, `${where}.${id}`);
    if (new Set(contexts).size !== contexts.length) throw new ValidationError(`${where}.${id}`, 'each context once', raw);
    if (contexts.length > 0) table.set(id, contexts);
  }
  return table;
}

function withContexts(articles: FeedArticle[], table: Map<string, string[]>): FeedArticle[] {
  return articles.map((article) => {
    const contexts = table.get(article.id);
    return contexts ? { ...article, contexts } : article;
  });
}

/** Records without their contexts, and the contexts as a table (null when no article has any). */
function splitContexts(articles: readonly FeedArticle[]): { records: FeedArticle[]; contexts: ContextTable | null } {
  const contexts: ContextTable = {};
  const records = articles.map(({ contexts: own, ...record }) => {
    if (own && own.length > 0) contexts[record.id] = own;
    return record;
  });
  return { records, contexts: Object.keys(contexts).length > 0 ? contexts : null };
}

/** A snapshot as written to its file (contexts in their own table). */
export function snapshotDocument(snapshot: FeedSnapshot): Record<string, unknown> {
  const { records, contexts } = splitContexts(snapshot.articles);
  return { ...snapshot, articles: records, ...(contexts ? { contexts } : {}) };
}

/** A delta as written to its file (its upserts' contexts in their own table). */
export function deltaDocument(delta: FeedDelta): Record<string, unknown> {
  const { records, contexts } = splitContexts(delta.upserts);
  return { ...delta, upserts: records, ...(contexts ? { contexts } : {}) };
}

/** Validates a parsed snapshot document; throws ValidationError or FeedRecordError. */
export function checkSnapshot(value: unknown): FeedSnapshot {
  const header = snapshotHeader(value, 'snapshot');
  const body = value as { articles?: unknown; categories?: unknown; contexts?: unknown; assets?: unknown };
  const records = checkRecords(body.articles, checkArticle, 'snapshot.articles', articleLabel);
  checkUniqueIds(records);
  const articles = withContexts(records, checkContextTable(body.contexts, records, 'snapshot.contexts'));
  const categories = checkRecords(body.categories ?? [], checkCategory, 'snapshot.categories', (_, i) => `category record ${i + 1}`);
  const assets = checkAssets(body.assets, 'snapshot.assets');
  return { ...header, articles, categories, assets, ...checkHelpCenterFields(value, 'snapshot') } as FeedSnapshot;
}

/** The optional synonyms and support link of a snapshot or delta (absent stays absent). */
function checkHelpCenterFields(value: unknown, what: string): Partial<FeedHelpCenter> {
  const body = value as { synonyms?: unknown; supportUrl?: unknown };
  const out: Partial<FeedHelpCenter> = {};
  if (body.synonyms !== undefined) out.synonyms = checkRecords(body.synonyms, checkSynonymRule, `${what}.synonyms`, (_, i) => `synonym record ${i + 1}`);
  if (body.supportUrl !== undefined) out.supportUrl = body.supportUrl === null ? null : checkSupportUrl(body.supportUrl, `${what}.supportUrl`);
  return out;
}

/** Validates a parsed delta document; throws ValidationError or FeedRecordError. */
export function checkDelta(value: unknown): FeedDelta {
  const header = deltaHeader(value, 'delta');
  if (header.to <= header.from) throw new ValidationError('delta.to', `a revision after ${header.from}`, header.to);
  const body = value as { upserts?: unknown; deletes?: unknown; categories?: unknown; contexts?: unknown; assets?: unknown };
  const records = checkRecords(body.upserts, checkArticle, 'delta.upserts', articleLabel);
  checkUniqueIds(records);
  const upserts = withContexts(records, checkContextTable(body.contexts, records, 'delta.contexts'));
  const deletes = checkRecords(body.deletes, articleId, 'delta.deletes', (_raw, i) => `deleted id ${i + 1}`);
  const categories = checkRecords(body.categories ?? [], checkCategory, 'delta.categories', (_, i) => `category record ${i + 1}`);
  const assets = checkAssets(body.assets, 'delta.assets');
  return { ...header, upserts, deletes, categories, assets, ...checkHelpCenterFields(value, 'delta') } as FeedDelta;
}
