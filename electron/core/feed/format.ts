/**
 * The doum-feed/1 wire format: manifest, snapshot and delta documents, and the checks every
 * record passes before it may enter the store. A feed is static files, so any web server or
 * CDN can host it.
 */
import { PLATFORMS } from '../../../shared/platform';
import type { Platform } from '../../../shared/platform';
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

export const ARTICLE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

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
}

export interface FeedCategory {
  path: string;
  locale: string;
  /** Display order among siblings. */
  position: number;
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
}

export interface FeedSnapshot {
  format: typeof FEED_FORMAT;
  kind: 'snapshot';
  revision: number;
  generatedAt: string;
  articles: FeedArticle[];
  categories: FeedCategory[];
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
  /** The full synonym list and support link at `to` (small, so sent whole); absent: unchanged. */
  synonyms?: FeedSynonym[];
  supportUrl?: string | null;
}

const revision = number({ min: 1, integer: true });
const isoDate = string({ pattern: DATE_PATTERN, patternName: 'a date (YYYY-MM-DD or ISO date-time)' });
const locale = string({ pattern: LOCALE_PATTERN, patternName: 'a language tag such as "ko" or "en"' });
const relativeOrAbsoluteUrl = string({ min: 1, max: 2048 });
const sha256 = string({ pattern: SHA256_PATTERN, patternName: 'a lowercase hex sha256' });
const articleId = string({ min: 1, max: 128, pattern: ARTICLE_ID_PATTERN, patternName: 'an id of a-z, 0-9 and -' });
const categoryPath = string({ min: 1, max: 200, pattern: /^[^/]+(\/[^/]+)*$/, patternName: 'a category path like "채팅/메시지"' });

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
  },
  // Newer minor additions to the manifest must not break older clients.
  { allowUnknown: true },
);

export const checkArticle: Check<FeedArticle> = object({
  id: articleId,
  title: string({ min: 1, max: 300 }),
  bodyHtml: string({ max: 1_000_000 }),
  service: string({ min: 1, max: 100 }),
  category: categoryPath,
  platform: oneOf(PLATFORMS),
  locale,
  group: nullable(articleId),
  tags: array(string({ min: 1, max: 60 }), { max: 50 }),
  updatedAt: isoDate,
  links: array(articleId, { max: 1000 }),
});

/**
 * A record's identity as text, with the fields in one fixed order: records parsed from a
 * snapshot and records read from Markdown list their keys differently, and must still compare
 * (and hash) equal when they say the same thing.
 */
export function articleKey(article: FeedArticle): string {
  const { id, title, bodyHtml, service, category, platform, locale, group, tags, updatedAt, links } = article;
  return JSON.stringify([id, title, bodyHtml, service, category, platform, locale, group, tags, updatedAt, links]);
}

export const checkCategory: Check<FeedCategory> = object({
  path: categoryPath,
  locale,
  position: number({ min: 0, integer: true }),
});

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

/** Validates a parsed snapshot document; throws ValidationError or FeedRecordError. */
export function checkSnapshot(value: unknown): FeedSnapshot {
  const header = snapshotHeader(value, 'snapshot');
  const body = value as { articles?: unknown; categories?: unknown };
  const articles = checkRecords(body.articles, checkArticle, 'snapshot.articles', articleLabel);
  checkUniqueIds(articles);
  const categories = checkRecords(body.categories ?? [], checkCategory, 'snapshot.categories', (_, i) => `category record ${i + 1}`);
  return { ...header, articles, categories, ...checkHelpCenterFields(value, 'snapshot') } as FeedSnapshot;
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
  const body = value as { upserts?: unknown; deletes?: unknown; categories?: unknown };
  const upserts = checkRecords(body.upserts, checkArticle, 'delta.upserts', articleLabel);
  checkUniqueIds(upserts);
  const deletes = checkRecords(body.deletes, articleId, 'delta.deletes', (_raw, i) => `deleted id ${i + 1}`);
  const categories = checkRecords(body.categories ?? [], checkCategory, 'delta.categories', (_, i) => `category record ${i + 1}`);
  return { ...header, upserts, deletes, categories, ...checkHelpCenterFields(value, 'delta') } as FeedDelta;
}
