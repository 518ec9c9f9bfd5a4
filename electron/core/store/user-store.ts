/**
 * The user's own data: settings, bookmarks, reading history and "was this helpful?" answers.
 * Kept in its own file so that a content reset (or a corrupt content file) never touches it.
 */
import { checkSettings, checkSettingsPatch } from '../../../shared/api';
import type { Bookmark, FeedbackEntry, HistoryEntry, SearchLogEntry, Settings } from '../../../shared/types';
import { openDatabaseWithRecovery, type Db, type Migration } from './database';

export const USER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings, bookmarks, history, feedback',
    up(db) {
      db.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE bookmarks (article_id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE history (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          article_id TEXT NOT NULL,
          title TEXT NOT NULL,
          viewed_at TEXT NOT NULL
        );
        CREATE INDEX history_by_article ON history (article_id);
        CREATE TABLE feedback (article_id TEXT PRIMARY KEY, helpful INTEGER NOT NULL, at TEXT NOT NULL);
      `);
    },
  },
  {
    version: 2,
    description: 'the opt-in log of searches that found nothing or only partly',
    up(db) {
      db.exec(`
        CREATE TABLE search_log (
          query TEXT PRIMARY KEY,
          outcome TEXT NOT NULL CHECK (outcome IN ('none', 'partial')),
          count INTEGER NOT NULL,
          last_at TEXT NOT NULL
        );
      `);
    },
  },
];

export const DEFAULT_SETTINGS: Settings = {
  feedUrl: null,
  syncIntervalHours: 6,
  startAtLogin: false,
  globalShortcut: 'CommandOrControl+Shift+H',
  language: 'system',
  theme: 'system',
  textScale: 1,
  notifyOnSync: false,
  feedPublicKey: null,
  updateUrl: null,
  recordSearches: false,
};

/** The search log keeps this many distinct queries; the least recent go first. */
const SEARCH_LOG_LIMIT = 2000;
/** Longer queries are kept cut to this length (a pasted paragraph is not a search to count). */
const SEARCH_LOG_QUERY_CHARS = 200;

/** History keeps this many views; older ones are dropped. */
const HISTORY_LIMIT = 500;

export class UserStore {
  private constructor(readonly db: Db) {}

  static open(file: string): { store: UserStore; recovered: { movedAsideTo: string; reason: string } | null } {
    const opened = openDatabaseWithRecovery(file, USER_MIGRATIONS);
    const recovered = opened.movedAsideTo ? { movedAsideTo: opened.movedAsideTo, reason: opened.reason ?? '' } : null;
    return { store: new UserStore(opened.db), recovered };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Settings, with defaults for anything missing. A stored value that no longer validates
   * (hand-edited, or from an older version) falls back to its default instead of breaking.
   */
  getSettings(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_SETTINGS)) continue;
      try {
        const parsed: unknown = JSON.parse(value);
        checkSettingsPatch({ [key]: parsed });
        settings[key] = parsed;
      } catch {
        // keep the default
      }
    }
    return checkSettings(settings);
  }

  /** Validates and stores a patch; returns the full settings after it. */
  setSettings(patch: Partial<Settings>): Settings {
    const checked = checkSettingsPatch(patch);
    const upsert = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(checked)) upsert.run(key, JSON.stringify(value));
    })();
    return this.getSettings();
  }

  listBookmarks(): Bookmark[] {
    return this.db
      .prepare('SELECT article_id AS articleId, title, created_at AS createdAt FROM bookmarks ORDER BY created_at DESC, rowid DESC')
      .all() as Bookmark[];
  }

  setBookmarked(articleId: string, title: string, bookmarked: boolean, now = new Date()): void {
    if (bookmarked) {
      this.db
        .prepare('INSERT INTO bookmarks (article_id, title, created_at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET title = excluded.title')
        .run(articleId, title, now.toISOString());
    } else {
      this.db.prepare('DELETE FROM bookmarks WHERE article_id = ?').run(articleId);
    }
  }

  recordView(articleId: string, title: string, now = new Date()): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO history (article_id, title, viewed_at) VALUES (?, ?, ?)').run(articleId, title, now.toISOString());
      this.db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?').run(HISTORY_LIMIT);
    })();
  }

  /** Most recent view of each article, newest first. */
  listHistory(limit = 50): HistoryEntry[] {
    return this.db
      .prepare(
        `SELECT article_id AS articleId, title, max(viewed_at) AS viewedAt FROM history
         GROUP BY article_id ORDER BY viewedAt DESC, max(id) DESC LIMIT ?`,
      )
      .all(limit) as HistoryEntry[];
  }

  /** View counts per article, for "popular" on the home screen. */
  viewCounts(): Map<string, number> {
    const rows = this.db.prepare('SELECT article_id AS id, count(*) AS n FROM history GROUP BY article_id').all() as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  clearHistory(): void {
    this.db.prepare('DELETE FROM history').run();
  }

  getFeedback(articleId: string): FeedbackEntry | null {
    const row = this.db.prepare('SELECT article_id AS articleId, helpful, at FROM feedback WHERE article_id = ?').get(articleId) as
      | { articleId: string; helpful: number; at: string }
      | undefined;
    return row ? { articleId: row.articleId, helpful: row.helpful === 1, at: row.at } : null;
  }

  setFeedback(articleId: string, helpful: boolean, now = new Date()): FeedbackEntry {
    const at = now.toISOString();
    this.db
      .prepare('INSERT INTO feedback (article_id, helpful, at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET helpful = excluded.helpful, at = excluded.at')
      .run(articleId, helpful ? 1 : 0, at);
    return { articleId, helpful, at };
  }

  // -- the opt-in search log ---------------------------------------------------------------------

  /** Counts one search that found nothing or only partly (the caller checks the setting). */
  logSearch(query: string, outcome: SearchLogEntry['outcome'], now = new Date()): void {
    const text = query.trim().replace(/\s+/g, ' ').slice(0, SEARCH_LOG_QUERY_CHARS);
    if (text === '') return;
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO search_log (query, outcome, count, last_at) VALUES (?, ?, 1, ?)
                  ON CONFLICT (query) DO UPDATE SET outcome = excluded.outcome, count = count + 1, last_at = excluded.last_at`)
        .run(text, outcome, now.toISOString());
      this.db
        .prepare('DELETE FROM search_log WHERE query NOT IN (SELECT query FROM search_log ORDER BY last_at DESC LIMIT ?)')
        .run(SEARCH_LOG_LIMIT);
    })();
  }

  /** The logged searches, most frequent first, then most recent. */
  listSearchLog(): SearchLogEntry[] {
    return this.db
      .prepare('SELECT query, outcome, count, last_at AS lastAt FROM search_log ORDER BY count DESC, last_at DESC, query')
      .all() as SearchLogEntry[];
  }

  clearSearchLog(): void {
    this.db.prepare('DELETE FROM search_log').run();
  }
}
