/**
 * The user's own data: settings, bookmarks, reading history and "was this helpful?" answers.
 * Kept in its own file so that a content reset (or a corrupt content file) never touches it.
 *
 * It must never disappear silently:
 * - after every change a copy is made with SQLite's backup API, checked, and only then put in
 *   place of the previous backup (`<file>.backup`);
 * - a file that cannot be read (corrupt, zeroed, emptied, deleted) is moved aside and the
 *   backup restored, and `recovered` says so for the app and the CLI to tell the person;
 * - the trust state (pinned key, highest signed revision, feed and update URL) is also kept in
 *   `<file>.trust.json` (trust-file.ts), so losing one copy never turns verification off;
 * - when nothing survives, the store is marked `trustLost` and the service refuses to sync
 *   until a person has set the feed again (fail closed).
 * In a read-only data folder it reads, and every write fails with a StoreError saying why.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkSettings, checkSettingsPatch } from '../../../shared/api';
import { isFeedbackReason, type FeedbackDetails } from '../../../shared/feedback';
import type { Bookmark, FeedbackEntry, SearchLogEntry, Settings } from '../../../shared/types';
import { StoreError } from '../errors';
import { moveAside, openDatabase, type Db, type Migration } from './database';
import { mergeTrust, readTrustFile, trustFileFor, writeTrustFile, type TrustState } from './trust-file';

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
    description: 'feedback: what was missing (a reason and an optional note)',
    up(db) {
      db.exec(`
        ALTER TABLE feedback ADD COLUMN reason TEXT;
        ALTER TABLE feedback ADD COLUMN note TEXT;
      `);
    },
  },
  {
    version: 3,
    description: 'trust: highest signed revision, trust-lost mark',
    up(db) {
      db.exec('CREATE TABLE trust (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
    },
  },
  {
    version: 4,
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

/** A visit as stored: the title it had then. */
export interface StoredView {
  articleId: string;
  title: string;
  viewedAt: string;
}
/** The search log keeps this many distinct queries; the least recent go first. */
const SEARCH_LOG_LIMIT = 2000;
/** Longer queries are kept cut to this length (a pasted paragraph is not a search to count). */
const SEARCH_LOG_QUERY_CHARS = 200;

/** History keeps this many views; older ones are dropped. */
const HISTORY_LIMIT = 500;

/** What happened to an unreadable user file at start-up. */
export interface UserDataRecovery {
  /** 'restored': from the backup; 'lost': no usable backup, started empty. */
  kind: 'restored' | 'lost';
  /** Where the unreadable file was moved, when there was one. */
  movedAsideTo: string | null;
  reason: string;
  /** The trust state came back from the trust file (always true for 'restored'). */
  trustKept: boolean;
}

export const backupFileFor = (userDb: string): string => `${userDb}.backup`;

/** True when the file is a SQLite database that passes its check and has a schema. */
function usableCopy(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok' && (db.pragma('user_version', { simple: true }) as number) > 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Makes a fresh copy one file: a copy of a WAL database is in WAL mode too, with pages in a
 * -wal file that a rename of the main file would leave behind.
 */
function selfContained(file: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Why the user file cannot be used as it is (a StoreError of kind 'corrupt'), or null. */
function unusable(file: string, backup: string): StoreError | null {
  // A missing or emptied file opens as a new, empty database: only the backup tells that
  // it held something.
  const empty = !existsSync(file) || statSync(file).size === 0;
  if (empty && existsSync(backup)) return new StoreError('corrupt', file, `${file} is ${existsSync(file) ? 'empty' : 'missing'}, but a backup of it exists`);
  return null;
}

export interface UserStoreOpenOptions {
  /** Open without writing anything (a read-only data folder). */
  readOnly?: boolean;
  now?: Date;
}

export class UserStore {
  private backupRunning: Promise<void> | null = null;
  private backupAgain = false;
  /** Changes not yet in a verified backup. */
  private dirty = false;

  private constructor(
    readonly db: Db,
    readonly file: string,
  ) {}

  static open(file: string, options: UserStoreOpenOptions = {}): { store: UserStore; recovered: UserDataRecovery | null } {
    const backup = backupFileFor(file);
    let db: Db;
    let recovered: UserDataRecovery | null = null;
    const problem = unusable(file, backup);
    try {
      if (problem) throw problem;
      db = openDatabase(file, USER_MIGRATIONS, { readOnly: options.readOnly });
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'corrupt' || options.readOnly) throw error;
      const movedAsideTo = existsSync(file) ? moveAside(file, 'corrupt', options.now) : null;
      const restorable = usableCopy(backup);
      if (restorable) copyFileSync(backup, file);
      db = openDatabase(file, USER_MIGRATIONS);
      recovered = { kind: restorable ? 'restored' : 'lost', movedAsideTo, reason: error.message, trustKept: restorable };
    }
    const store = new UserStore(db, file);
    if (!db.readonly) {
      const trustKept = store.reconcileTrust();
      if (recovered) {
        recovered.trustKept = recovered.kind === 'restored' || trustKept;
        // Nothing said whether a key was pinned: syncing stays off until a person says.
        if (!recovered.trustKept) store.setTrustValue('lost', '1');
      }
      store.backupSoon();
    }
    return { store, recovered };
  }

  close(): void {
    if (!this.db.open) return;
    // A change whose backup had not finished is copied now, in one step, before closing.
    if (this.dirty && !this.db.readonly) {
      try {
        this.writeBackup(() => writeFileSync(this.tempBackup, this.db.serialize()));
      } catch {
        // The next start backs it up again.
      }
    }
    this.db.close();
  }

  get readOnly(): boolean {
    return this.db.readonly;
  }

  // -- backup ----------------------------------------------------------------------------------

  private get tempBackup(): string {
    return `${backupFileFor(this.file)}.tmp-${process.pid}`;
  }

  /** Checks a freshly written copy and puts it in place of the backup. */
  private writeBackup(write: () => void): void {
    const temp = this.tempBackup;
    write();
    if (!selfContained(temp) || !usableCopy(temp)) {
      rmSync(temp, { force: true });
      throw new StoreError('failed', this.file, `the backup of ${this.file} did not pass its check`);
    }
    renameSync(temp, backupFileFor(this.file));
    this.dirty = false;
  }

  /** Starts a backup (SQLite's online backup API) unless one runs; then runs one more. */
  private backupSoon(): void {
    this.dirty = true;
    if (this.backupRunning) {
      this.backupAgain = true;
      return;
    }
    this.backupRunning = (async () => {
      do {
        this.backupAgain = false;
        const temp = this.tempBackup;
        await this.db.backup(temp);
        this.writeBackup(() => undefined);
      } while (this.backupAgain && this.db.open);
    })()
      .catch(() => undefined) // closed meanwhile, or a full disk: close() and the next change try again
      .finally(() => {
        this.backupRunning = null;
      });
  }

  /** Settles when the latest change is in a verified backup (or the attempt failed). */
  async flushBackup(): Promise<void> {
    while (this.backupRunning) await this.backupRunning;
  }

  /** Every write goes through here: refused with a reason when read-only, backed up after. */
  private write<T>(change: () => T): T {
    if (this.db.readonly) {
      throw new StoreError('read-only', this.file, `your data folder (${dirname(this.file)}) is read-only, so this change cannot be saved; reading and search still work — make the folder writable to save bookmarks, history and settings`);
    }
    const result = change();
    this.backupSoon();
    return result;
  }

  // -- trust -----------------------------------------------------------------------------------

  private trustValue(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM trust WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private setTrustValue(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM trust WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO trust (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The trust state as this database holds it. */
  trust(): TrustState {
    const settings = this.getSettings();
    const highest = Number(this.trustValue('highestSignedRevision'));
    return {
      feedUrl: settings.feedUrl,
      feedPublicKey: settings.feedPublicKey,
      updateUrl: settings.updateUrl,
      highestSignedRevision: Number.isInteger(highest) && highest > 0 ? highest : null,
    };
  }

  /** True when the user data and every copy of the trust state were lost (see open). */
  get trustLost(): boolean {
    return this.trustValue('lost') === '1';
  }

  /** Merges the trust file into the database and writes both back; true when the file was usable. */
  private reconcileTrust(): boolean {
    const fromFile = readTrustFile(trustFileFor(this.file));
    const merged = mergeTrust(this.trust(), fromFile);
    this.storeTrust(merged);
    return fromFile !== null;
  }

  private storeTrust(trust: TrustState): void {
    const upsert = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      upsert.run('feedUrl', JSON.stringify(trust.feedUrl));
      upsert.run('feedPublicKey', JSON.stringify(trust.feedPublicKey));
      upsert.run('updateUrl', JSON.stringify(trust.updateUrl));
      this.setTrustValue('highestSignedRevision', trust.highestSignedRevision === null ? null : String(trust.highestSignedRevision));
    })();
    writeTrustFile(trustFileFor(this.file), trust);
  }

  /** Remembers a signed revision applied under `publicKey` (only the highest is kept). */
  recordSignedRevision(publicKey: string, revision: number): void {
    const trust = this.trust();
    if (trust.feedPublicKey !== publicKey || (trust.highestSignedRevision ?? 0) >= revision) return;
    this.write(() => this.storeTrust({ ...trust, highestSignedRevision: revision }));
  }

  // -- settings --------------------------------------------------------------------------------

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

  /**
   * Validates and stores a patch; returns the full settings after it. A new pinned key starts
   * its own revision count; setting the feed or the key again ends a trust-lost state.
   */
  setSettings(patch: Partial<Settings>): Settings {
    const checked = checkSettingsPatch(patch);
    const before = this.getSettings();
    const upsert = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.write(() =>
      this.db.transaction(() => {
        for (const [key, value] of Object.entries(checked)) upsert.run(key, JSON.stringify(value));
        if ('feedPublicKey' in checked && checked.feedPublicKey !== before.feedPublicKey) this.setTrustValue('highestSignedRevision', null);
        if ('feedUrl' in checked || 'feedPublicKey' in checked) this.setTrustValue('lost', null);
      })(),
    );
    const trustChanged = (['feedUrl', 'feedPublicKey', 'updateUrl'] as const).some((key) => key in checked);
    if (trustChanged) writeTrustFile(trustFileFor(this.file), this.trust());
    return this.getSettings();
  }

  listBookmarks(): Bookmark[] {
    return this.db
      .prepare('SELECT article_id AS articleId, title, created_at AS createdAt FROM bookmarks ORDER BY created_at DESC, rowid DESC')
      .all() as Bookmark[];
  }

  setBookmarked(articleId: string, title: string, bookmarked: boolean, now = new Date()): void {
    this.write(() => {
      if (bookmarked) {
        this.db
          .prepare('INSERT INTO bookmarks (article_id, title, created_at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET title = excluded.title')
          .run(articleId, title, now.toISOString());
      } else {
        this.db.prepare('DELETE FROM bookmarks WHERE article_id = ?').run(articleId);
      }
    });
  }

  recordView(articleId: string, title: string, now = new Date()): void {
    // Reading in a read-only folder still works; the view is just not remembered.
    if (this.db.readonly) return;
    this.write(() =>
      this.db.transaction(() => {
        this.db.prepare('INSERT INTO history (article_id, title, viewed_at) VALUES (?, ?, ?)').run(articleId, title, now.toISOString());
        this.db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?').run(HISTORY_LIMIT);
      })(),
    );
  }

  /** Most recent view of each article, newest first (the service makes it one per topic). */
  listHistory(limit = 50): StoredView[] {
    return this.db
      .prepare(
        `SELECT article_id AS articleId, title, max(viewed_at) AS viewedAt FROM history
         GROUP BY article_id ORDER BY viewedAt DESC, max(id) DESC LIMIT ?`,
      )
      .all(limit) as StoredView[];
  }

  /** View counts per article, for "popular" on the home screen. */
  viewCounts(): Map<string, number> {
    const rows = this.db.prepare('SELECT article_id AS id, count(*) AS n FROM history GROUP BY article_id').all() as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  clearHistory(): void {
    this.write(() => this.db.prepare('DELETE FROM history').run());
  }

  getFeedback(articleId: string): FeedbackEntry | null {
    const row = this.db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE article_id = ?`).get(articleId) as FeedbackRow | undefined;
    return row ? toFeedback(row) : null;
  }

  /** Every answer, newest first. */
  listFeedback(): FeedbackEntry[] {
    return (this.db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback ORDER BY at DESC, rowid DESC`).all() as FeedbackRow[]).map(toFeedback);
  }

  /** Stores an answer; a "yes" carries no reason or note (a changed mind drops them). */
  setFeedback(articleId: string, helpful: boolean, details: FeedbackDetails = {}, now = new Date()): FeedbackEntry {
    const at = now.toISOString();
    const reason = helpful ? null : (details.reason ?? null);
    const note = helpful ? null : details.note?.trim() || null;
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO feedback (article_id, helpful, at, reason, note) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (article_id) DO UPDATE SET helpful = excluded.helpful, at = excluded.at, reason = excluded.reason, note = excluded.note`,
        )
        .run(articleId, helpful ? 1 : 0, at, reason, note),
    );
    return { articleId, helpful, reason, note, at };
  }

  // -- the opt-in search log ---------------------------------------------------------------------

  /** Counts one search that found nothing or only partly (the caller checks the setting). */
  logSearch(query: string, outcome: SearchLogEntry['outcome'], now = new Date()): void {
    const text = query.trim().replace(/\s+/g, ' ').slice(0, SEARCH_LOG_QUERY_CHARS);
    if (text === '') return;
    this.write(() =>
      this.db.transaction(() => {
        this.db
          .prepare(`INSERT INTO search_log (query, outcome, count, last_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT (query) DO UPDATE SET outcome = excluded.outcome, count = count + 1, last_at = excluded.last_at`)
          .run(text, outcome, now.toISOString());
        this.db
          .prepare('DELETE FROM search_log WHERE query NOT IN (SELECT query FROM search_log ORDER BY last_at DESC LIMIT ?)')
          .run(SEARCH_LOG_LIMIT);
      })(),
    );
  }

  /** The logged searches, most frequent first, then most recent. */
  listSearchLog(): SearchLogEntry[] {
    return this.db
      .prepare('SELECT query, outcome, count, last_at AS lastAt FROM search_log ORDER BY count DESC, last_at DESC, query')
      .all() as SearchLogEntry[];
  }

  clearSearchLog(): void {
    this.write(() => this.db.prepare('DELETE FROM search_log').run());
  }
}

const FEEDBACK_COLUMNS = 'article_id AS articleId, helpful, reason, note, at';

interface FeedbackRow {
  articleId: string;
  helpful: number;
  reason: string | null;
  note: string | null;
  at: string;
}

function toFeedback(row: FeedbackRow): FeedbackEntry {
  return {
    articleId: row.articleId,
    helpful: row.helpful === 1,
    reason: isFeedbackReason(row.reason) ? row.reason : null,
    note: row.note,
    at: row.at,
  };
}
