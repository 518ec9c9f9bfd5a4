/**
 * The content database: articles, categories, links between articles, the sync state and
 * the persisted search index. Content only — the user's own data lives in UserStore, so a
 * content reset never touches it. Every update is one transaction: all of it, or nothing.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Platform } from '../../../shared/platform';
import type { ArticleSummary, ArticleVariant, Category, SyncErrorInfo } from '../../../shared/types';
import { htmlToText } from '../feed/html-text';
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
];

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
}

export interface ApplyOptions {
  /** Called as records are written: done so far and in all. */
  onProgress?: (records: number, totalRecords: number) => void;
  /** The article count the result must have (a feed's manifest says it); else nothing is kept. */
  expectTotal?: number;
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
    }
    this.tick();
  }

  private delete(id: string): void {
    this.remember(id, this.current(id));
    this.remove.run(id);
  }

  report(): Omit<ChangeReport, 'total'> {
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
  private constructor(
    readonly db: Db,
    readonly file: string,
  ) {}

  /**
   * Opens (creating or migrating) the content database. A corrupt file, or one from a newer
   * Doum, is moved aside and a fresh one created; `recovered` then says where it went and why.
   */
  static open(file: string): { store: ContentStore; recovered: { movedAsideTo: string; reason: string } | null } {
    const opened = openDatabaseWithRecovery(file, CONTENT_MIGRATIONS, { replaceNewerSchema: true });
    const recovered = opened.movedAsideTo ? { movedAsideTo: opened.movedAsideTo, reason: opened.reason ?? '' } : null;
    return { store: new ContentStore(opened.db, file), recovered };
  }

  close(): void {
    if (this.db.open) this.db.close();
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
      where.push('(category = ? OR category LIKE ? ESCAPE \'\\\')');
      params.push(filter.category, `${filter.category.replace(/[\\%_]/g, '\\$&')}/%`);
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

  /** How many articles link to each article (a proxy for how central it is). */
  incomingLinkCounts(locale?: string): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT l.to_id AS id, count(*) AS n FROM article_links l JOIN articles a ON a.id = l.to_id
         ${locale ? 'WHERE a.locale = ?' : ''} GROUP BY l.to_id`,
      )
      .all(...(locale ? [locale] : [])) as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Categories with article counts (a parent counts its sub-categories' articles). */
  categories(locale?: string): Category[] {
    const counts = this.db
      .prepare(`SELECT locale, category, count(*) AS n FROM articles ${locale ? 'WHERE locale = ?' : ''} GROUP BY locale, category`)
      .all(...(locale ? [locale] : [])) as Array<{ locale: string; category: string; n: number }>;
    const positions = new Map(
      (this.db.prepare('SELECT locale, path, position FROM categories').all() as Array<{ locale: string; path: string; position: number }>)
        .map((r) => [`${r.locale}\u0000${r.path}`, r.position]),
    );
    const byKey = new Map<string, Category>();
    for (const { locale: loc, category, n } of counts) {
      const segments = category.split('/');
      for (let depth = 1; depth <= segments.length; depth++) {
        const path = segments.slice(0, depth).join('/');
        const key = `${loc}\u0000${path}`;
        const existing = byKey.get(key);
        if (existing) existing.articleCount += n;
        else byKey.set(key, { path, name: segments[depth - 1]!, parent: depth > 1 ? segments.slice(0, depth - 1).join('/') : null, locale: loc, articleCount: n });
      }
    }
    const position = (c: Category): number => positions.get(`${c.locale}\u0000${c.path}`) ?? Number.MAX_SAFE_INTEGER;
    return [...byKey.values()].sort((a, b) => a.locale.localeCompare(b.locale) || position(a) - position(b) || a.path.localeCompare(b.path));
  }

  /** The category records as a feed sent them, in the order it sent them. */
  categoryRecords(): FeedCategory[] {
    return this.db.prepare('SELECT path, locale, position FROM categories ORDER BY rowid').all() as FeedCategory[];
  }

  stats(): { articles: number; groups: number; categories: number; locales: string[] } {
    const row = this.db
      .prepare(`SELECT count(*) AS articles, count(DISTINCT locale || char(0) || coalesce(topic_group, '#' || id)) AS groups FROM articles`)
      .get() as { articles: number; groups: number };
    const locales = this.db.prepare('SELECT DISTINCT locale FROM articles ORDER BY locale').pluck().all() as string[];
    return { ...row, categories: this.categories().length, locales };
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
    return this.db.transaction(() => {
      const writer = new ChangeWriter(this.db, changes.reduce((n, c) => n + changeSize(c), 0), options.onProgress);
      for (const change of changes) {
        if (change.kind === 'replace') writer.replaceAll(change.articles);
        else writer.patch(change.upserts, change.deletes);
        if (change.categories) this.replaceCategories(change.categories);
        if (change.helpCenter) this.updateHelpCenter(change.helpCenter);
      }
      const report = { ...writer.report(), total: this.articleCount() };
      if (options.expectTotal !== undefined && report.total !== options.expectTotal) {
        throw new ContentMismatchError(options.expectTotal, report.total);
      }
      this.updateSyncState(typeof state === 'function' ? state(report) : state);
      return report;
    })();
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
