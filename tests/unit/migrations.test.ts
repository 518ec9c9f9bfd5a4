/**
 * Schema migrations run forward on open from every earlier version, keep the data written
 * under that version, and refuse (user data) or set aside (content) a file from a newer Doum.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../../electron/core/errors';
import { applyMigrations, type Migration } from '../../electron/core/store/database';
import { CONTENT_MIGRATIONS, ContentStore } from '../../electron/core/store/content-store';
import { USER_MIGRATIONS, UserStore } from '../../electron/core/store/user-store';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** A database file as an older Doum left it: migrated up to `version` and no further. */
function fileAtVersion(migrations: readonly Migration[], version: number, fill: (db: Database.Database) => void): string {
  const file = join(tempDir(), 'old.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, migrations.filter((m) => m.version <= version), file);
  fill(db);
  db.close();
  return file;
}

const userVersion = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('content schema', () => {
  const latest = CONTENT_MIGRATIONS.at(-1)!.version;

  it('numbers its migrations 1, 2, 3… without gaps', () => {
    expect(CONTENT_MIGRATIONS.map((m) => m.version)).toEqual(CONTENT_MIGRATIONS.map((_, i) => i + 1));
    expect(USER_MIGRATIONS.map((m) => m.version)).toEqual(USER_MIGRATIONS.map((_, i) => i + 1));
  });

  for (let version = 0; version < latest; version++) {
    it(`migrates a version ${version} file to version ${latest}, keeping its articles and sync state`, () => {
      const file = fileAtVersion(CONTENT_MIGRATIONS, version, (db) => {
        if (version === 0) return;
        db.prepare(
          `INSERT INTO articles (id, title, body_html, body_text, service, category, platform, locale, topic_group, tags, updated_at, content_hash)
           VALUES ('kept', '남은 글', '<p>본문</p>', '본문', '톡플러스', '채팅', 'common', 'ko', NULL, '["태그"]', '2026-01-01', 'h')`,
        ).run();
        db.prepare("UPDATE sync_state SET source = 'bundled', revision = 3, last_success_at = '2026-01-02T00:00:00Z'").run();
      });
      const { store, recovered } = ContentStore.open(file);
      try {
        expect(recovered).toBeNull();
        expect(userVersion(file)).toBe(latest);
        const state = store.syncState();
        expect(state.failures).toBe(0);
        if (version > 0) {
          expect(store.getArticle('kept')).toMatchObject({ title: '남은 글', tags: ['태그'], bodyText: '본문' });
          // Before version 3 contexts were not stored: the revision is forgotten so the next sync
          // takes the snapshot (a delta would bring the contexts of changed articles only).
          expect(state).toMatchObject({ source: 'bundled', revision: version < 3 ? null : 3, lastSuccessAt: '2026-01-02T00:00:00Z' });
        }
        // The migrated file works like a new one.
        store.applyChanges([{ kind: 'patch', upserts: [], deletes: ['kept'], categories: [] }], { failures: 2 });
        expect(store.getArticle('kept')).toBeNull();
        expect(store.syncState().failures).toBe(2);
        const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'articles_by_updated'").all();
        expect(indexes).toHaveLength(1);
      } finally {
        store.close();
      }
    });
  }

  it('moves a content file from a newer Doum aside (it is only a cache) and starts afresh', () => {
    const file = fileAtVersion(CONTENT_MIGRATIONS, latest, (db) => db.pragma(`user_version = ${latest + 5}`));
    const { store, recovered } = ContentStore.open(file);
    try {
      expect(recovered?.movedAsideTo).toMatch(/old\.db\.newer-\d{4}-\d{2}-\d{2}T/);
      expect(recovered?.reason).toMatch(/written by a newer version of Doum \(schema \d+, this version knows \d+\)/);
      expect(existsSync(recovered!.movedAsideTo)).toBe(true);
      expect(userVersion(recovered!.movedAsideTo)).toBe(latest + 5);
      expect(store.isEmpty()).toBe(true);
    } finally {
      store.close();
    }
  });

  it('runs each migration in a transaction: a failing step leaves the file at the step before', () => {
    const file = fileAtVersion(CONTENT_MIGRATIONS, 1, () => undefined);
    const broken: Migration[] = [...CONTENT_MIGRATIONS, { version: latest + 1, description: 'fails', up: (db) => { db.exec('CREATE TABLE half (x)'); throw new Error('boom'); } }];
    const db = new Database(file);
    try {
      expect(() => applyMigrations(db, broken, file)).toThrow('boom');
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toHaveLength(0);
    } finally {
      db.close();
    }
  });
});

describe('user schema', () => {
  const latest = USER_MIGRATIONS.at(-1)!.version;

  for (let version = 0; version < latest; version++) {
    it(`migrates a version ${version} file to version ${latest}`, () => {
      const file = fileAtVersion(USER_MIGRATIONS, version, () => undefined);
      const { store } = UserStore.open(file);
      try {
        expect(userVersion(file)).toBe(latest);
        store.setBookmarked('kept', '남은 글', true);
        expect(store.listBookmarks().map((b) => b.articleId)).toEqual(['kept']);
      } finally {
        store.close();
      }
    });
  }

  it('refuses a user file from a newer Doum rather than lose the bookmarks in it', () => {
    const file = fileAtVersion(USER_MIGRATIONS, latest, (db) => {
      db.prepare("INSERT INTO bookmarks VALUES ('a', 'A', '2026-01-01')").run();
      db.pragma(`user_version = ${latest + 1}`);
    });
    expect(() => UserStore.open(file)).toThrow(StoreError);
    expect(() => UserStore.open(file)).toThrow(/newer version of Doum.*update Doum/);
    expect(userVersion(file)).toBe(latest + 1);
  });
});
