/**
 * The content database: articles, categories, links between articles, the sync state and
 * the persisted search index. Content only — the user's own data lives in UserStore, so a
 * content reset never touches it. Every update is one transaction: all of it, or nothing.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { assetRefsIn, isAssetType, type AssetType } from '../../../shared/assets';
import type { StoredFileInfo } from '../../../shared/attachments';
import { categoryName, parentCategory } from '../../../shared/categories';
import type { Platform } from '../../../shared/platform';
import type { ArticleAttachment, ArticleSummary, ArticleVariant, Category, SyncErrorInfo } from '../../../shared/types';
import { categoryCountKey, countByLocale, countContent, type ContentCounts } from '../../../shared/counts';
import { htmlToText } from '../feed/html-text';
import { topicKey } from '../../../shared/topics';
import { articleKey, checkSupportUrl, checkSynonymRule, type FeedArticle, type FeedCategory, type FeedHelpCenter, type FeedSynonym } from '../feed/format';
import { openDatabaseWithRecovery, type Db, type Migration } from './database';

export const CONTENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, categories, links, sync state, search index',
    up(db) {
      db.exec(`
        CREATE TABLE articles (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          body_html TEXT NOT NULL,
          body_text TEXT NOT NULL,
          service TEXT NOT NULL,
          category TEXT NOT NULL,
          platform TEXT NOT NULL,
          locale TEXT NOT NULL,
          topic_group TEXT,
          tags TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          content_hash TEXT NOT NULL
        );
        CREATE INDEX articles_by_group ON articles (topic_group, locale);
        CREATE INDEX articles_by_category ON articles (locale, category);
        CREATE TABLE article_links (
          from_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          to_id TEXT NOT NULL,
          PRIMARY KEY (from_id, to_id)
        );
        CREATE INDEX article_links_by_target ON article_links (to_id);
        CREATE TABLE categories (
          locale TEXT NOT NULL,
          path TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (locale, path)
        );
        CREATE TABLE sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          source TEXT,
          revision INTEGER,
          etag TEXT,
          last_modified TEXT,
          last_success_at TEXT,
          last_attempt_at TEXT,
          last_error TEXT
        );
        INSERT INTO sync_state (id) VALUES (1);
        CREATE TABLE search_index (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          revision INTEGER,
          engine_version TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          built_at TEXT NOT NULL,
          data BLOB NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'consecutive sync failures (for the scheduler\'s backoff), recency index',
    up(db) {
      db.exec(`
        ALTER TABLE sync_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX articles_by_updated ON articles (updated_at DESC, id);
      `);
    },
  },
  {
    version: 3,
    description: 'article contexts (the documented app\'s screens and errors), for context help',
    up(db) {
      db.exec(`
        CREATE TABLE article_contexts (
          context TEXT NOT NULL,
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          PRIMARY KEY (context, article_id)
        );
        CREATE INDEX article_contexts_by_article ON article_contexts (article_id);
      `);
      // Content stored before this version was synced without its contexts, and a delta only
      // carries what changed since: forget the revision so the next sync takes the snapshot.
      db.exec('UPDATE sync_state SET revision = NULL, etag = NULL, last_modified = NULL');
    },
  },
  {
    version: 4,
    description: 'pictures (assets) by sha256, and which articles use them',
    up(db) {
      db.exec(`
        CREATE TABLE assets (
          sha256 TEXT PRIMARY KEY,
          type TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE TABLE article_assets (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          sha256 TEXT NOT NULL,
          alt TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (article_id, sha256)
        );
        CREATE INDEX article_assets_by_sha ON article_assets (sha256);
      `);
    },
  },
  {
    version: 5,
    description: 'the help center\'s synonyms and support link, from its feed',
    up(db) {
      db.exec(`
        CREATE TABLE help_center (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          synonyms TEXT NOT NULL DEFAULT '[]',
          support_url TEXT
        );
        INSERT INTO help_center (id) VALUES (1);
      `);
    },
  },
  {
    version: 6,
    description: 'files attached to articles (Zendesk): stored with the pictures by sha256, or linked to their source',
    up(db) {
      db.exec(`
        CREATE TABLE article_attachments (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          sha256 TEXT,
          file_name TEXT NOT NULL,
          content_type TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          source_url TEXT NOT NULL,
          PRIMARY KEY (article_id, position)
        );
        CREATE INDEX article_attachments_by_sha ON article_attachments (sha256);
        CREATE INDEX article_attachments_by_source ON article_attachments (source_url);
      `);
    },
  },
  {
    version: 7,
    description: 'listings in SQL: a narrow copy of the articles\' list columns with their popularity and date, counts per category',
    up(db) {
      db.exec(`
        CREATE TABLE article_listing (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          service TEXT NOT NULL,
          category TEXT NOT NULL,
          platform TEXT NOT NULL,
          locale TEXT NOT NULL,
          topic_group TEXT,
          tags TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          topic TEXT NOT NULL,
          incoming INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL
        );
        CREATE INDEX article_listing_by_category ON article_listing (locale, category);
        CREATE INDEX article_listing_by_category_all ON article_listing (category);
        CREATE INDEX article_listing_by_topic ON article_listing (topic);
        CREATE INDEX article_listing_popular ON article_listing (locale, incoming DESC, updated_ms DESC, id);
        CREATE INDEX article_listing_popular_all ON article_listing (incoming DESC, updated_ms DESC, id);
        CREATE INDEX article_listing_recent ON article_listing (locale, updated_ms DESC, id);
        CREATE INDEX article_listing_recent_all ON article_listing (updated_ms DESC, id);
        CREATE TABLE category_counts (
          locale TEXT NOT NULL,
          path TEXT NOT NULL,
          articles INTEGER NOT NULL,
          topics INTEGER NOT NULL,
          PRIMARY KEY (locale, path)
        );
      `);
      refreshListings(db);
    },
  },
  {
    version: 8,
    description: 'lists A–Z walk indexes: article_listing by locale, category and title (without case), and its topics\' platforms, so a page stops early',
    up(db) {
      db.exec(`
        CREATE INDEX article_listing_by_title ON article_listing (locale, category, title COLLATE NOCASE, id, topic, platform);
        CREATE INDEX article_listing_topic_platforms ON article_listing (topic, platform, locale, category);
      `);
    },
  },
  {
    version: 9,
    description: 'a category\'s newest articles walk an index: article_listing by locale, category and date, so related articles read 200 rows, not the whole category',
    up(db) {
      db.exec('CREATE INDEX article_listing_by_category_recent ON article_listing (locale, category, updated_ms DESC, id)');
    },
  },
];

/** What a locale's row in category_counts is keyed by: its whole content, not a category. */
const WHOLE_LOCALE = '';

/**
 * An article's date as a number, the way lists compare dates: an ISO date and a date-time
 * compare as points in time; an unreadable date counts as 0.
 */
function registerDateFunction(db: Db): void {
  db.function('doum_date_ms', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? Date.parse(value) || 0 : 0));
}

/**
 * Rebuilds the derived listing tables from the articles and links, in SQL, inside the
 * caller's transaction: article_listing holds what a list shows of each article (no bodies,
 * so lists read small rows) with its topic, incoming links and date (for the popular and
 * recent lists); category_counts the articles and topics per category (and per locale, path
 * ''), a parent counting its sub-categories' and a topic once (the rules of shared/counts.ts).
 */
function refreshListings(db: Db): void {
  registerDateFunction(db);
  db.exec(`
    DELETE FROM article_listing;
    INSERT INTO article_listing (id, title, service, category, platform, locale, topic_group, tags, updated_at, topic, incoming, updated_ms)
      SELECT a.id, a.title, a.service, a.category, a.platform, a.locale, a.topic_group, a.tags, a.updated_at,
        CASE WHEN a.topic_group IS NULL THEN '#' || a.id ELSE a.locale || char(0) || a.topic_group END,
        (SELECT count(*) FROM article_links l WHERE l.to_id = a.id),
        doum_date_ms(a.updated_at)
      FROM articles a;
    DELETE FROM category_counts;
    WITH RECURSIVE paths (locale, path, topic) AS (
      SELECT locale, category, topic FROM article_listing
      UNION ALL
      -- The parent of a/b/c is a/b: trim every character but '/' from the right, then the '/'.
      SELECT locale, substr(rtrim(path, replace(path, '/', '')), 1, length(rtrim(path, replace(path, '/', ''))) - 1), topic
      FROM paths WHERE instr(path, '/') > 0
    )
    INSERT INTO category_counts (locale, path, articles, topics)
      SELECT locale, path, count(*), count(DISTINCT topic) FROM paths GROUP BY locale, path;
    INSERT INTO category_counts (locale, path, articles, topics)
      SELECT locale, '${WHOLE_LOCALE}', count(*), count(DISTINCT topic) FROM article_listing GROUP BY locale;
  `);
}

/**
 * The SQL condition for a category and everything below it (a/b also lists a/b/c): the path
 * itself or a path starting with `a/b/`. Both sort from `a/b` up to `a/b0` ('0' follows '/'),
 * one range an index can walk; paths in it like `a/b-c` are then left out.
 */
function categoryCondition(category: string, column = 'category'): { sql: string; params: string[] } {
  return {
    sql: `(${column} >= ? AND ${column} < ? AND (${column} = ? OR ${column} >= ?))`,
    params: [category, `${category}0`, category, `${category}/`],
  };
}

/**
 * A file to store: its bytes, already checked against their sha256 — a picture (a checked
 * image type) or an attachment (its declared content type, see shared/attachments.ts).
 */
export interface AssetInput {
  sha256: string;
  type: string;
  data: Buffer;
}

/** A picture an article uses, as `show` reports it. */
export interface ArticleAsset {
  sha256: string;
  type: AssetType;
  bytes: number;
  alt: string;
}

/** A stored file's bytes, and how it is answered (shared/attachments.ts). */
export interface StoredFile extends StoredFileInfo {
  data: Buffer;
}

/** An article would refer to a picture the store does not hold; rolled back. */
export class MissingAssetError extends Error {
  constructor(
    readonly articleId: string,
    readonly sha256: string,
  ) {
    super(`article "${articleId}" refers to picture ${sha256}, which the feed did not provide`);
    this.name = 'MissingAssetError';
  }
}

/** An article as stored: the feed record plus its plain text. */
export interface StoredArticle extends ArticleSummary {
  bodyHtml: string;
  bodyText: string;
  links: string[];
}

export interface SyncState {
  source: string | null;
  revision: number | null;
  etag: string | null;
  lastModified: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncErrorInfo | null;
  /** Failed syncs since the last success (cancelled ones are not counted). */
  failures: number;
}

export interface ContentStats {
  articles: number;
  /** Topics: the platform variants of one topic counted once. */
  groups: number;
  /** Top-level categories, per locale, summed. */
  categories: number;
  locales: string[];
  byLocale: Record<string, ContentCounts & { categories: number }>;
}

export interface ArticleFilter {
  category?: string;
  service?: string;
  locale?: string;
  platform?: Platform;
  ids?: string[];
  limit?: number;
  order?: 'recent' | 'title';
}

/**
 * One step of content change: a whole replacement or upserts/deletes on top of what is there.
 * `categories` replaces the category list; null keeps it.
 */
export type ContentChange = (
  | { kind: 'replace'; articles: FeedArticle[]; categories: FeedCategory[] | null }
  | { kind: 'patch'; upserts: FeedArticle[]; deletes: string[]; categories: FeedCategory[] | null }
) & {
  /** The help center's synonyms and support link; a field left out keeps what is stored. */
  helpCenter?: Partial<FeedHelpCenter>;
};

/** What a whole apply did, compared with the content before it (not step by step). */
export interface ChangeReport {
  added: number;
  updated: number;
  deleted: number;
  total: number;
  /** Pictures stored by this apply, and pictures no article used any more, removed after it. */
  assets: { added: number; removed: number };
}

export interface ApplyOptions {
  /** Called as records are written: done so far and in all. */
  onProgress?: (records: number, totalRecords: number) => void;
  /** The article count the result must have (a feed's manifest says it); else nothing is kept. */
  expectTotal?: number;
  /** Pictures to store with the articles, in the same transaction. */
  assets?: readonly AssetInput[];
}

/** The content after applying changes is not what the feed says it should be; rolled back. */
export class ContentMismatchError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`the updated help center would hold ${actual} articles where the feed announces ${expected}`);
    this.name = 'ContentMismatchError';
  }
}

/** How often (in records) apply progress is reported: about a hundred times per apply. */
const progressStep = (total: number): number => Math.max(1, Math.floor(total / 100));

const changeSize = (change: ContentChange): number => (change.kind === 'replace' ? change.articles.length : change.upserts.length + change.deletes.length);

export interface PersistedIndex {
  revision: number | null;
  engineVersion: string;
  contentHash: string;
  data: Buffer;
}

interface ArticleRow {
  id: string;
  title: string;
  body_html: string;
  body_text: string;
  service: string;
  category: string;
  platform: Platform;
  locale: string;
  topic_group: string | null;
  tags: string;
  updated_at: string;
  content_hash: string;
}

const SUMMARY_COLUMNS = 'id, title, service, category, platform, locale, topic_group, tags, updated_at';

/** Which articles a list shows: a locale (else every one), a category and what is below it. */
export interface ListingFilter {
  locale?: string;
  category?: string;
  service?: string;
}

/** An article with the numbers lists are ordered by. */
export interface RankedArticle extends ArticleSummary {
  /** How many articles link to it. */
  incoming: number;
  /** Its date's value in milliseconds (0 when unreadable). */
  updatedMs: number;
}

type RankedRow = ArticleRow & { incoming: number; updated_ms: number };

const RANKED_COLUMNS = `${SUMMARY_COLUMNS}, incoming, updated_ms`;

function toRanked(row: RankedRow): RankedArticle {
  return { ...toSummary(row), incoming: row.incoming, updatedMs: row.updated_ms };
}

/**
 * The WHERE terms of a filter. `byKey`: the query picks rows by id or topic, so the filter's
 * columns are marked (a unary +) for SQLite not to walk a locale index instead of the key's.
 */
function listingConditions(filter: ListingFilter, byKey = false): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const column = (name: string): string => (byKey ? `+${name}` : name);
  if (filter.locale) { where.push(`${column('locale')} = ?`); params.push(filter.locale); }
  if (filter.service) { where.push(`${column('service')} = ?`); params.push(filter.service); }
  if (filter.category) {
    const condition = categoryCondition(filter.category, column('category'));
    where.push(condition.sql);
    params.push(...condition.params);
  }
  return { where, params };
}

function toSummary(row: Omit<ArticleRow, 'body_html' | 'body_text' | 'content_hash'>): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    service: row.service,
    category: row.category,
    platform: row.platform,
    locale: row.locale,
    group: row.topic_group,
    tags: JSON.parse(row.tags) as string[],
    updatedAt: row.updated_at,
  };
}

function hashArticle(article: FeedArticle): string {
  return createHash('sha256').update(articleKey(article)).digest('hex');
}

/**
 * Writes article records inside a transaction the caller holds, with statements prepared
 * once, unchanged records skipped by their hash, and a net report: an article added in one
 * delta and changed in the next counts once, as added.
 */
class ChangeWriter {
  private readonly hashOf: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly clearLinks: Database.Statement;
  private readonly addLink: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly clearContexts: Database.Statement;
  private readonly addContext: Database.Statement;
  private readonly clearAssets: Database.Statement;
  private readonly addAsset: Database.Statement;
  private readonly clearAttachments: Database.Statement;
  private readonly addAttachment: Database.Statement;
  /** Hash of each touched article before this apply (null: it did not exist). */
  private readonly before = new Map<string, string | null>();
  private done = 0;
  private readonly step: number;

  constructor(
    private readonly db: Db,
    private readonly totalRecords: number,
    private readonly onProgress?: (records: number, totalRecords: number) => void,
  ) {
    this.hashOf = db.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck();
    this.upsert = db.prepare(`
      INSERT INTO articles (id, title, body_html, body_text, service, category, platform, locale, topic_group, tags, updated_at, content_hash)
      VALUES (@id, @title, @bodyHtml, @bodyText, @service, @category, @platform, @locale, @group, @tags, @updatedAt, @hash)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, body_html = excluded.body_html, body_text = excluded.body_text,
        service = excluded.service, category = excluded.category, platform = excluded.platform, locale = excluded.locale,
        topic_group = excluded.topic_group, tags = excluded.tags, updated_at = excluded.updated_at, content_hash = excluded.content_hash`);
    this.clearLinks = db.prepare('DELETE FROM article_links WHERE from_id = ?');
    this.addLink = db.prepare('INSERT OR IGNORE INTO article_links (from_id, to_id) VALUES (?, ?)');
    this.remove = db.prepare('DELETE FROM articles WHERE id = ?');
    this.clearContexts = db.prepare('DELETE FROM article_contexts WHERE article_id = ?');
    this.addContext = db.prepare('INSERT OR IGNORE INTO article_contexts (context, article_id, position) VALUES (?, ?, ?)');
    this.clearAssets = db.prepare('DELETE FROM article_assets WHERE article_id = ?');
    this.addAsset = db.prepare('INSERT OR IGNORE INTO article_assets (article_id, sha256, alt, position) VALUES (?, ?, ?, ?)');
    this.clearAttachments = db.prepare('DELETE FROM article_attachments WHERE article_id = ?');
    this.addAttachment = db.prepare(
      'INSERT INTO article_attachments (article_id, position, sha256, file_name, content_type, bytes, source_url) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.step = progressStep(totalRecords);
    onProgress?.(0, totalRecords);
  }

  private current(id: string): string | null {
    return (this.hashOf.get(id) as string | undefined) ?? null;
  }

  private remember(id: string, hash: string | null): void {
    if (!this.before.has(id)) this.before.set(id, hash);
  }

  private tick(): void {
    this.done++;
    if (this.done % this.step === 0 || this.done === this.totalRecords) this.onProgress?.(this.done, this.totalRecords);
  }

  replaceAll(articles: readonly FeedArticle[]): void {
    const incoming = new Set(articles.map((a) => a.id));
    const existing = this.db.prepare('SELECT id FROM articles').pluck().all() as string[];
    // Deletions here are part of the replacement, not records of their own: no progress tick.
    for (const id of existing) if (!incoming.has(id)) this.delete(id);
    for (const article of articles) this.write(article);
  }

  patch(upserts: readonly FeedArticle[], deletes: readonly string[]): void {
    for (const article of upserts) this.write(article);
    for (const id of deletes) {
      this.delete(id);
      this.tick();
    }
  }

  private write(article: FeedArticle): void {
    const hash = hashArticle(article);
    const previous = this.current(article.id);
    this.remember(article.id, previous);
    if (previous !== hash) {
      this.upsert.run({ ...article, bodyText: htmlToText(article.bodyHtml), tags: JSON.stringify(article.tags), hash });
      this.clearLinks.run(article.id);
      for (const target of article.links) this.addLink.run(article.id, target);
      this.clearContexts.run(article.id);
      (article.contexts ?? []).forEach((context, position) => this.addContext.run(context, article.id, position));
      this.clearAssets.run(article.id);
      for (const [position, ref] of assetRefsIn(article.bodyHtml).entries()) this.addAsset.run(article.id, ref.sha256, ref.alt, position);
      this.clearAttachments.run(article.id);
      (article.attachments ?? []).forEach((a, position) => this.addAttachment.run(article.id, position, a.sha256, a.fileName, a.type, a.bytes, a.sourceUrl));
    }
    this.tick();
  }

  private delete(id: string): void {
    this.remember(id, this.current(id));
    this.remove.run(id);
  }

  report(): Omit<ChangeReport, 'total' | 'assets'> {
    const report = { added: 0, updated: 0, deleted: 0 };
    for (const [id, before] of this.before) {
      const after = this.current(id);
      if (before === null && after !== null) report.added++;
      else if (before !== null && after === null) report.deleted++;
      else if (before !== null && after !== null && before !== after) report.updated++;
    }
    return report;
  }
}

export class ContentStore {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly db: Db,
    readonly file: string,
  ) {}

  /**
   * Opens (creating or migrating) the content database. A corrupt file, or one from a newer
   * Doum, is moved aside and a fresh one created; `recovered` then says where it went and why.
   */
  static open(file: string, options: { readOnly?: boolean } = {}): { store: ContentStore; recovered: { movedAsideTo: string; reason: string } | null } {
    const opened = openDatabaseWithRecovery(file, CONTENT_MIGRATIONS, { replaceNewerSchema: true, readOnly: options.readOnly });
    const recovered = opened.movedAsideTo ? { movedAsideTo: opened.movedAsideTo, reason: opened.reason ?? '' } : null;
    return { store: new ContentStore(opened.db, file), recovered };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** True when the data folder cannot be written: the content reads, nothing can be saved. */
  get readOnly(): boolean {
    return this.db.readonly;
  }

  // -- reading -------------------------------------------------------------------------------

  articleCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM articles LIMIT 1').get() === undefined;
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    if (!row) return null;
    const links = this.db.prepare('SELECT to_id FROM article_links WHERE from_id = ? ORDER BY rowid').pluck().all(id) as string[];
    return { ...toSummary(row), bodyHtml: row.body_html, bodyText: row.body_text, links };
  }

  listArticles(filter: ArticleFilter = {}): ArticleSummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.category) {
      const condition = categoryCondition(filter.category);
      where.push(condition.sql);
      params.push(...condition.params);
    }
    if (filter.service) { where.push('service = ?'); params.push(filter.service); }
    if (filter.locale) { where.push('locale = ?'); params.push(filter.locale); }
    if (filter.platform) { where.push('platform = ?'); params.push(filter.platform); }
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      where.push(`id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.ids));
    }
    const order = filter.order === 'title' ? 'title COLLATE NOCASE, id' : 'updated_at DESC, id';
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} ${filter.limit ? 'LIMIT ?' : ''}`;
    if (filter.limit) params.push(filter.limit);
    return (this.db.prepare(sql).all(...params) as ArticleRow[]).map(toSummary);
  }

  /**
   * Articles in the order of a list, read lazily so a list stops reading when it has enough:
   * `recent` (newest first by the dates' values, then id) or `linked` (most linked-to first,
   * then as recent). Each comes with the numbers it is ordered by.
   */
  *articlesInOrder(order: 'recent' | 'linked', filter: ListingFilter = {}): Generator<RankedArticle> {
    const orderBy = { recent: 'updated_ms DESC, id', linked: 'incoming DESC, updated_ms DESC, id' }[order];
    // A category of a locale, newest first: one walk of article_listing_by_category_recent per
    // path in it, which SQLite merges in order, so a reader who stops early (related articles
    // take 200) reads about that many rows, not the whole category sorted (20 ms at 100,000).
    const paths = order === 'recent' ? this.categoryPaths(filter) : null;
    let sql: string;
    const params: unknown[] = [];
    if (paths) {
      const service = filter.service ? ' AND service = ?' : '';
      sql = paths.map(() => `SELECT ${RANKED_COLUMNS} FROM article_listing WHERE locale = ? AND category = ?${service}`).join(' UNION ALL ');
      for (const path of paths) params.push(filter.locale, path, ...(filter.service ? [filter.service] : []));
    } else {
      const conditions = listingConditions(filter);
      sql = `SELECT ${RANKED_COLUMNS} FROM article_listing ${conditions.where.length ? `WHERE ${conditions.where.join(' AND ')}` : ''}`;
      params.push(...conditions.params);
    }
    for (const row of this.statement(`${sql} ORDER BY ${orderBy}`).iterate(...params) as IterableIterator<RankedRow>) yield toRanked(row);
  }

  /**
   * Each topic of a list once, A–Z by its first article (title without case, then id), with
   * whether any of its variants that pass the filter applies to the platform (is the
   * platform's or common); read lazily, so a page of a list stops reading when it has enough.
   * A category of a locale is read as one walk of article_listing_by_title per path in it
   * (itself and each sub-category), which SQLite merges in order: nothing is sorted, and only
   * indexes are read (article_listing_topic_platforms answers "applies"). A list without a
   * locale or category, or a category of very many paths, is sorted first.
   */
  *topicsByTitle(filter: ListingFilter, platform: Platform): Generator<{ topic: string; applies: boolean }> {
    const variants = listingConditions(filter, true);
    variants.where.push('v.topic = a.topic', "v.platform IN (?, 'common')");
    const columns = `a.topic AS topic, a.platform IN (?, 'common') OR EXISTS (SELECT 1 FROM article_listing v WHERE ${variants.where.join(' AND ')}) AS applies, a.title AS title, a.id AS id`;
    const columnParams = [platform, ...variants.params, platform];
    const paths = this.categoryPaths(filter);
    let sql: string;
    const params: unknown[] = [];
    if (paths) {
      const service = filter.service ? ' AND a.service = ?' : '';
      sql = paths.map(() => `SELECT ${columns} FROM article_listing a WHERE a.locale = ? AND a.category = ?${service}`).join(' UNION ALL ');
      for (const path of paths) params.push(...columnParams, filter.locale, path, ...(filter.service ? [filter.service] : []));
    } else {
      const { where, params: whereParams } = listingConditions(filter);
      sql = `SELECT ${columns} FROM article_listing a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
      params.push(...columnParams, ...whereParams);
    }
    const seen = new Set<string>();
    for (const row of this.statement(`${sql} ORDER BY title COLLATE NOCASE, id`).iterate(...params) as IterableIterator<{ topic: string; applies: number }>) {
      if (seen.has(row.topic)) continue;
      seen.add(row.topic);
      yield { topic: row.topic, applies: row.applies === 1 };
    }
  }

  /**
   * The paths of a locale's category and its sub-categories (those with articles), to walk
   * one by one; null when the filter has no locale or category, or the paths are too many
   * for one compound query (SQLite allows 500 terms).
   */
  private categoryPaths(filter: ListingFilter): string[] | null {
    if (!filter.locale || !filter.category) return null;
    const paths = this.statement('SELECT path FROM category_counts WHERE locale = ? AND (path = ? OR (path >= ? AND path < ?)) LIMIT 401')
      .pluck()
      .all(filter.locale, filter.category, `${filter.category}/`, `${filter.category}0`) as string[];
    if (paths.length > 400) return null;
    // An empty list still needs a query: the category itself, which has no rows.
    return paths.length > 0 ? paths : [filter.category];
  }

  /** These articles (those that pass the filter), with the numbers lists order them by. */
  rankedArticles(ids: readonly string[], filter: ListingFilter = {}): RankedArticle[] {
    if (ids.length === 0) return [];
    const { where, params } = listingConditions(filter, true);
    where.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
    return (this.statement(`SELECT ${RANKED_COLUMNS} FROM article_listing WHERE ${where.join(' AND ')}`).all(...params) as RankedRow[]).map(toRanked);
  }

  /**
   * The variants of these articles' topics that pass the filter, by topic (shared/topics.ts
   * topicKey; an article without a group is its own topic), in one query.
   */
  topicVariants(topics: readonly string[], filter: ListingFilter = {}): Map<string, RankedArticle[]> {
    const byTopic = new Map<string, RankedArticle[]>();
    if (topics.length === 0) return byTopic;
    const { where, params } = listingConditions(filter, true);
    where.push('topic IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify([...new Set(topics)]));
    const rows = this.statement(`SELECT ${RANKED_COLUMNS} FROM article_listing WHERE ${where.join(' AND ')}`).all(...params) as RankedRow[];
    for (const row of rows) {
      const article = toRanked(row);
      const key = topicKey(article);
      const list = byTopic.get(key);
      if (list) list.push(article);
      else byTopic.set(key, [article]);
    }
    return byTopic;
  }

  /** A prepared statement, prepared once per SQL text (lists run the same few queries often). */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Articles and topics of a locale (of every locale when none is given), from shared/counts.ts's rules. */
  contentCounts(locale?: string): ContentCounts {
    const row = this.db
      .prepare(`SELECT coalesce(sum(articles), 0) AS articles, coalesce(sum(topics), 0) AS topics FROM category_counts WHERE path = ? ${locale ? 'AND locale = ?' : ''}`)
      .get(WHOLE_LOCALE, ...(locale ? [locale] : [])) as ContentCounts;
    return { articles: row.articles, topics: row.topics };
  }

  /** Every article for (re)building the search index. */
  indexableArticles(): Array<ArticleSummary & { bodyText: string }> {
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, body_text FROM articles ORDER BY id`).all() as ArticleRow[];
    return rows.map((row) => ({ ...toSummary(row), bodyText: row.body_text }));
  }

  /** The articles sharing a topic group and locale. */
  groupMembers(group: string, locale: string): ArticleVariant[] {
    return this.db
      .prepare('SELECT id, platform, locale FROM articles WHERE topic_group = ? AND locale = ? ORDER BY id')
      .all(group, locale) as ArticleVariant[];
  }

  /** The same topic in other locales. */
  groupTranslations(group: string, locale: string): ArticleVariant[] {
    return this.db
      .prepare('SELECT id, platform, locale FROM articles WHERE topic_group = ? AND locale <> ? ORDER BY locale, id')
      .all(group, locale) as ArticleVariant[];
  }

  /**
   * Categories with their article and topic counts (a parent counts its sub-categories'),
   * both from shared/counts.ts, so every screen and `doum stats` count the same way.
   */
  categories(locale?: string): Category[] {
    // Counted when the content changed (refreshListings), by the rules of shared/counts.ts.
    const counts = this.db
      .prepare(`SELECT locale, path, articles, topics FROM category_counts WHERE path <> ? ${locale ? 'AND locale = ?' : ''}`)
      .all(WHOLE_LOCALE, ...(locale ? [locale] : [])) as Array<{ locale: string; path: string; articles: number; topics: number }>;
    const positions = new Map(
      (this.db.prepare(`SELECT locale, path, position FROM categories ${locale ? 'WHERE locale = ?' : ''}`).all(...(locale ? [locale] : [])) as Array<{ locale: string; path: string; position: number }>)
        .map((r) => [categoryCountKey(r.locale, r.path), r.position]),
    );
    const categories = counts.map(
      (count): Category => ({
        path: count.path,
        name: categoryName(count.path),
        parent: parentCategory(count.path),
        locale: count.locale,
        articleCount: count.articles,
        topicCount: count.topics,
      }),
    );
    const position = (c: Category): number => positions.get(categoryCountKey(c.locale, c.path)) ?? Number.MAX_SAFE_INTEGER;
    return categories.sort((a, b) => a.locale.localeCompare(b.locale) || position(a) - position(b) || a.path.localeCompare(b.path));
  }

  // -- contexts --------------------------------------------------------------------------------

  /** The contexts an article names, in the author's order. */
  articleContexts(id: string): string[] {
    return this.db.prepare('SELECT context FROM article_contexts WHERE article_id = ? ORDER BY position').pluck().all(id) as string[];
  }

  /** Each listed article's contexts (articles without any are left out). */
  contextsOfArticles(ids: readonly string[]): Map<string, string[]> {
    const rows = this.db
      .prepare('SELECT article_id AS id, context FROM article_contexts WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position')
      .all(JSON.stringify(ids)) as Array<{ id: string; context: string }>;
    const out = new Map<string, string[]>();
    for (const { id, context } of rows) out.set(id, [...(out.get(id) ?? []), context]);
    return out;
  }

  /**
   * The articles tagged with a context or with any context below it (`settings.display` also
   * finds `settings.display.theme`), each with the tag that matched. Context ids hold only
   * a-z, 0-9, "-" and ".", so everything below `c` sorts between `c.` and `c/`.
   */
  articlesInContext(context: string): Array<ArticleSummary & { context: string }> {
    const columns = SUMMARY_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');
    const rows = this.db
      .prepare(
        `SELECT ${columns}, c.context FROM article_contexts c JOIN articles a ON a.id = c.article_id
         WHERE c.context = ? OR (c.context >= ? AND c.context < ?) ORDER BY a.id, c.context`,
      )
      .all(context, `${context}.`, `${context}/`) as Array<ArticleRow & { context: string }>;
    return rows.map((row) => ({ ...toSummary(row), context: row.context }));
  }

  /** Every context the content names, with its articles and topics. */
  contextCounts(): Array<{ id: string; articles: number; topics: number }> {
    return this.db
      .prepare(
        `SELECT c.context AS id, count(*) AS articles,
           count(DISTINCT CASE WHEN a.topic_group IS NULL THEN '#' || a.id ELSE a.locale || char(0) || a.topic_group END) AS topics
         FROM article_contexts c JOIN articles a ON a.id = c.article_id GROUP BY c.context ORDER BY c.context`,
      )
      .all() as Array<{ id: string; articles: number; topics: number }>;
  }

  /** The category records as a feed sent them, in the order it sent them. */
  categoryRecords(): FeedCategory[] {
    return this.db.prepare('SELECT path, locale, position FROM categories ORDER BY rowid').all() as FeedCategory[];
  }

  /**
   * What `doum stats` reports. `categories` means what the UI's sidebar shows: top-level
   * categories, counted in each locale (and summed over locales at the top level).
   */
  stats(): ContentStats {
    const rows = this.db.prepare('SELECT id, locale, topic_group AS "group" FROM articles').all() as Array<{ id: string; locale: string; group: string | null }>;
    const all = countContent(rows);
    const topLevel = this.categories().filter((c) => c.parent === null);
    const byLocale: ContentStats['byLocale'] = {};
    for (const [locale, counts] of Object.entries(countByLocale(rows))) {
      byLocale[locale] = { ...counts, categories: topLevel.filter((c) => c.locale === locale).length };
    }
    return { articles: all.articles, groups: all.topics, categories: topLevel.length, locales: Object.keys(byLocale), byLocale };
  }

  // -- sync state ------------------------------------------------------------------------------

  syncState(): SyncState {
    const row = this.db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as {
      source: string | null; revision: number | null; etag: string | null; last_modified: string | null;
      last_success_at: string | null; last_attempt_at: string | null; last_error: string | null; failures: number;
    };
    return {
      source: row.source,
      revision: row.revision,
      etag: row.etag,
      lastModified: row.last_modified,
      lastSuccessAt: row.last_success_at,
      lastAttemptAt: row.last_attempt_at,
      lastError: row.last_error ? (JSON.parse(row.last_error) as SyncErrorInfo) : null,
      failures: row.failures,
    };
  }

  updateSyncState(patch: Partial<SyncState>): void {
    const columns: Record<keyof SyncState, string> = {
      source: 'source', revision: 'revision', etag: 'etag', lastModified: 'last_modified',
      lastSuccessAt: 'last_success_at', lastAttemptAt: 'last_attempt_at', lastError: 'last_error', failures: 'failures',
    };
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [key, value] of Object.entries(patch) as Array<[keyof SyncState, unknown]>) {
      sets.push(`${columns[key]} = ?`);
      values.push(key === 'lastError' && value !== null ? JSON.stringify(value) : value);
    }
    if (sets.length) this.db.prepare(`UPDATE sync_state SET ${sets.join(', ')} WHERE id = 1`).run(...values);
  }

  // -- writing ---------------------------------------------------------------------------------

  /**
   * Applies content changes and the new sync state in ONE transaction. If anything throws
   * (a bad record, a full disk, a mismatch with `expectTotal`), the database is exactly as it
   * was before the call. `state` may depend on the outcome (a collection source only moves
   * its revision on when something changed).
   */
  applyChanges(
    changes: readonly ContentChange[],
    state: Partial<SyncState> | ((report: ChangeReport) => Partial<SyncState>),
    options: ApplyOptions = {},
  ): ChangeReport {
    const report = this.db.transaction((): ChangeReport => {
      const assetsAdded = this.storeAssets(options.assets ?? []);
      const writer = new ChangeWriter(this.db, changes.reduce((n, c) => n + changeSize(c), 0), options.onProgress);
      for (const change of changes) {
        if (change.kind === 'replace') writer.replaceAll(change.articles);
        else writer.patch(change.upserts, change.deletes);
        if (change.categories) this.replaceCategories(change.categories);
        if (change.helpCenter) this.updateHelpCenter(change.helpCenter);
      }
      const missing = this.db
        .prepare(
          `SELECT article_id AS articleId, sha256 FROM article_assets WHERE sha256 NOT IN (SELECT sha256 FROM assets)
           UNION ALL SELECT article_id, sha256 FROM article_attachments WHERE sha256 IS NOT NULL AND sha256 NOT IN (SELECT sha256 FROM assets) LIMIT 1`,
        )
        .get() as { articleId: string; sha256: string } | undefined;
      if (missing) throw new MissingAssetError(missing.articleId, missing.sha256);
      const changed = { ...writer.report(), total: this.articleCount(), assets: { added: assetsAdded, removed: 0 } };
      if (changed.added + changed.updated + changed.deleted > 0) refreshListings(this.db);
      if (options.expectTotal !== undefined && changed.total !== options.expectTotal) {
        throw new ContentMismatchError(options.expectTotal, changed.total);
      }
      this.updateSyncState(typeof state === 'function' ? state(changed) : state);
      return changed;
    })();
    // After the commit: a failure here costs some disk space until the next sync, never content.
    report.assets.removed = this.removeUnusedAssets();
    return report;
  }

  /** Stores the pictures the store does not hold yet; returns how many it stored. */
  private storeAssets(assets: readonly AssetInput[]): number {
    const insert = this.db.prepare('INSERT OR IGNORE INTO assets (sha256, type, bytes, data) VALUES (?, ?, ?, ?)');
    let added = 0;
    for (const asset of assets) added += insert.run(asset.sha256, asset.type, asset.data.length, asset.data).changes;
    return added;
  }

  /** Deletes the pictures and attached files no article uses; returns how many. */
  removeUnusedAssets(): number {
    return this.db
      .prepare(
        `DELETE FROM assets WHERE sha256 NOT IN (SELECT sha256 FROM article_assets)
           AND sha256 NOT IN (SELECT sha256 FROM article_attachments WHERE sha256 IS NOT NULL)`,
      )
      .run().changes;
  }

  // -- pictures --------------------------------------------------------------------------------

  /** Which of these pictures the store already holds. */
  heldAssets(sha256s: readonly string[]): Set<string> {
    if (sha256s.length === 0) return new Set();
    const held = this.db.prepare('SELECT sha256 FROM assets WHERE sha256 IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(sha256s)) as string[];
    return new Set(held);
  }

  /**
   * A stored file's bytes and type, or null when the store does not hold it. `fileName` is set
   * when it is an attached file that no article shows as a picture: it is then answered as a
   * download (shared/attachments.ts).
   */
  getAsset(sha256: string): StoredFile | null {
    const row = this.db
      .prepare(
        `SELECT type, data,
           CASE WHEN EXISTS (SELECT 1 FROM article_assets WHERE sha256 = assets.sha256) THEN NULL
                ELSE (SELECT file_name FROM article_attachments WHERE sha256 = assets.sha256 ORDER BY article_id, position LIMIT 1) END AS fileName
         FROM assets WHERE sha256 = ?`,
      )
      .get(sha256) as StoredFile | undefined;
    if (!row) return null;
    // A file stored under a type that is not a checked picture type is never shown as a picture.
    return row.fileName === null && !isAssetType(row.type) ? { ...row, fileName: 'attachment' } : row;
  }

  /** The files attached to an article, in the help center's order. */
  articleAttachments(articleId: string): ArticleAttachment[] {
    const rows = this.db
      .prepare(
        `SELECT at.sha256, at.file_name AS fileName, at.content_type AS type, at.bytes, at.source_url AS sourceUrl,
           (at.sha256 IS NOT NULL AND EXISTS (SELECT 1 FROM assets a WHERE a.sha256 = at.sha256)) AS held
         FROM article_attachments at WHERE at.article_id = ? ORDER BY at.position`,
      )
      .all(articleId) as Array<ArticleAttachment & { held: number }>;
    // A file that went missing from the store (a damaged database) is linked to its source instead.
    return rows.map(({ held, ...a }) => ({ ...a, sha256: held ? a.sha256 : null }));
  }

  /**
   * The sha256 of a stored attachment downloaded from this address with this size, if the store
   * still holds it: a re-sync links it again instead of downloading it again (Zendesk never
   * changes the file behind an attachment's address; a new upload gets a new one).
   */
  heldAttachment(sourceUrl: string, bytes: number): string | null {
    return (
      (this.db
        .prepare(
          `SELECT at.sha256 FROM article_attachments at JOIN assets a ON a.sha256 = at.sha256
           WHERE at.source_url = ? AND at.bytes = ? AND a.bytes = ? LIMIT 1`,
        )
        .pluck()
        .get(sourceUrl, bytes, bytes) as string | undefined) ?? null
    );
  }

  /** How many attached files the store holds, and their bytes (a file attached twice counts once). */
  attachmentStats(): { attachments: number; attachmentBytes: number } {
    return this.db
      .prepare(
        `SELECT count(*) AS attachments, coalesce(sum(bytes), 0) AS attachmentBytes FROM assets
         WHERE sha256 IN (SELECT sha256 FROM article_attachments WHERE sha256 IS NOT NULL)`,
      )
      .get() as { attachments: number; attachmentBytes: number };
  }

  /** The pictures an article uses, in the order it shows them. */
  articleAssets(articleId: string): ArticleAsset[] {
    return this.db
      .prepare(
        `SELECT a.sha256, a.type, a.bytes, aa.alt FROM article_assets aa JOIN assets a ON a.sha256 = aa.sha256
         WHERE aa.article_id = ? ORDER BY aa.position`,
      )
      .all(articleId) as ArticleAsset[];
  }

  /** The space the content database takes (articles, pictures, search index), in bytes. */
  fileBytes(): number {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const size = this.db.pragma('page_size', { simple: true }) as number;
    return pages * size;
  }

  /** How many pictures the store holds and their bytes (attached files are counted by attachmentStats). */
  assetStats(): { assets: number; assetBytes: number } {
    return this.db
      .prepare('SELECT count(*) AS assets, coalesce(sum(bytes), 0) AS assetBytes FROM assets WHERE sha256 IN (SELECT sha256 FROM article_assets)')
      .get() as { assets: number; assetBytes: number };
  }

  private updateHelpCenter(patch: Partial<FeedHelpCenter>): void {
    if (patch.synonyms) this.db.prepare('UPDATE help_center SET synonyms = ? WHERE id = 1').run(JSON.stringify(patch.synonyms));
    if (patch.supportUrl !== undefined) this.db.prepare('UPDATE help_center SET support_url = ? WHERE id = 1').run(patch.supportUrl);
  }

  /** The help center's synonyms and support link, as its feed last gave them (checked again: a file can be edited). */
  helpCenter(): FeedHelpCenter {
    const row = this.db.prepare('SELECT synonyms, support_url FROM help_center WHERE id = 1').get() as { synonyms: string; support_url: string | null } | undefined;
    if (!row) return { synonyms: [], supportUrl: null };
    const synonyms: FeedSynonym[] = [];
    try {
      const list: unknown = JSON.parse(row.synonyms);
      if (Array.isArray(list)) for (const item of list) {
        try {
          synonyms.push(checkSynonymRule(item));
        } catch {
          // A damaged entry is left out; the rest still applies.
        }
      }
    } catch {
      // Unreadable: search goes on with the built-in lexicon alone.
    }
    let supportUrl: string | null = null;
    try {
      supportUrl = row.support_url === null ? null : checkSupportUrl(row.support_url);
    } catch {
      supportUrl = null;
    }
    return { synonyms, supportUrl };
  }

  private replaceCategories(categories: FeedCategory[]): void {
    this.db.prepare('DELETE FROM categories').run();
    const insert = this.db.prepare('INSERT OR REPLACE INTO categories (locale, path, position) VALUES (?, ?, ?)');
    for (const c of categories) insert.run(c.locale, c.path, c.position);
  }

  /** A fingerprint of the whole content, so a persisted index can be checked against it. */
  contentFingerprint(): string {
    const hash = createHash('sha256');
    for (const value of this.db.prepare('SELECT id || char(0) || content_hash FROM articles ORDER BY id').pluck().iterate()) {
      hash.update(value as string);
    }
    return hash.digest('hex');
  }

  // -- search index ----------------------------------------------------------------------------

  loadSearchIndex(): PersistedIndex | null {
    const row = this.db.prepare('SELECT revision, engine_version, content_hash, data FROM search_index WHERE id = 1').get() as
      | { revision: number | null; engine_version: string; content_hash: string; data: Buffer }
      | undefined;
    return row ? { revision: row.revision, engineVersion: row.engine_version, contentHash: row.content_hash, data: row.data } : null;
  }

  saveSearchIndex(index: PersistedIndex, builtAt = new Date()): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO search_index (id, revision, engine_version, content_hash, built_at, data) VALUES (1, ?, ?, ?, ?, ?)`)
      .run(index.revision, index.engineVersion, index.contentHash, builtAt.toISOString(), index.data);
  }
}
