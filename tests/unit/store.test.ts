/**
 * The content store on real SQLite files: WAL and foreign keys, all-or-nothing changes with
 * net reports and progress, and recovery of a corrupt file; the user's data in its own file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedArticle } from '../../electron/core/feed/format';
import { ContentMismatchError, ContentStore } from '../../electron/core/store/content-store';
import { UserStore } from '../../electron/core/store/user-store';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const article = (id: string, extra: Partial<FeedArticle> = {}): FeedArticle => ({
  id, title: `제목 ${id}`, bodyHtml: `<p>본문 ${id}</p>`, service: '톡플러스', category: '채팅/메시지', platform: 'common',
  locale: 'ko', group: null, tags: [], updatedAt: '2026-01-01', links: [], ...extra,
});

function freshStore(): ContentStore {
  return ContentStore.open(join(tempDir(), 'content.db')).store;
}

describe('content store', () => {
  it('opens in WAL mode with foreign keys on', () => {
    const store = freshStore();
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      store.close();
    }
  });

  it('reports net changes and progress, and skips records that did not change', () => {
    const store = freshStore();
    try {
      store.applyChanges([{ kind: 'replace', articles: [article('a'), article('b', { links: ['a'] }), article('c')], categories: [] }], { revision: 1 });
      const progress: Array<[number, number]> = [];
      const report = store.applyChanges(
        [
          { kind: 'patch', upserts: [article('d'), article('a', { title: '새 제목' })], deletes: ['c'], categories: null },
          { kind: 'patch', upserts: [article('d', { title: '다시' }), article('b', { links: ['a'] })], deletes: ['nope'], categories: null },
        ],
        (r) => ({ revision: r.added > 0 ? 3 : 2 }),
        { onProgress: (records, total) => progress.push([records, total]) },
      );
      expect(report).toEqual({ added: 1, updated: 1, deleted: 1, total: 3, assets: { added: 0, removed: 0 } });
      expect(store.syncState().revision).toBe(3);
      expect(progress[0]).toEqual([0, 6]);
      expect(progress.at(-1)).toEqual([6, 6]);
      expect(progress.map(([n]) => n)).toEqual([...progress.map(([n]) => n)].sort((x, y) => x - y));
      expect(store.getArticle('b')?.links).toEqual(['a']);
    } finally {
      store.close();
    }
  });

  it('keeps the categories when a change brings none, and replaces them when it does', () => {
    const store = freshStore();
    try {
      store.applyChanges([{ kind: 'replace', articles: [article('a')], categories: [{ path: '채팅', locale: 'ko', position: 0 }] }], {});
      store.applyChanges([{ kind: 'patch', upserts: [article('b')], deletes: [], categories: null }], {});
      expect(store.categoryRecords()).toEqual([{ path: '채팅', locale: 'ko', position: 0 }]);
      store.applyChanges([{ kind: 'patch', upserts: [], deletes: [], categories: [{ path: '친구', locale: 'ko', position: 0 }] }], {});
      expect(store.categoryRecords().map((c) => c.path)).toEqual(['친구']);
    } finally {
      store.close();
    }
  });

  it('deletes the links of a deleted article with it (foreign keys)', () => {
    const store = freshStore();
    try {
      store.applyChanges([{ kind: 'replace', articles: [article('a', { links: ['b'] }), article('b')], categories: [] }], {});
      store.applyChanges([{ kind: 'patch', upserts: [], deletes: ['a'], categories: null }], {});
      expect(store.db.prepare('SELECT count(*) FROM article_links').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('changes nothing — content or sync state — when any part of an apply fails', () => {
    const store = freshStore();
    try {
      store.applyChanges([{ kind: 'replace', articles: [article('a'), article('b')], categories: [] }], { revision: 1 });
      const fingerprint = store.contentFingerprint();
      expect(() =>
        store.applyChanges([{ kind: 'patch', upserts: [article('c')], deletes: ['a'], categories: null }], { revision: 2 }, { expectTotal: 5 }),
      ).toThrow(ContentMismatchError);
      expect(() =>
        store.applyChanges([{ kind: 'patch', upserts: [article('c'), { ...article('d'), title: null as unknown as string }], deletes: [], categories: null }], { revision: 2 }),
      ).toThrow(/NOT NULL/);
      expect(store.contentFingerprint()).toBe(fingerprint);
      expect(store.syncState().revision).toBe(1);
    } finally {
      store.close();
    }
  });

  it('moves a corrupt file aside with a timestamp and starts a fresh one', () => {
    const file = join(tempDir(), 'content.db');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4096, 0xab)]));
    const { store, recovered } = ContentStore.open(file);
    try {
      expect(recovered?.movedAsideTo).toMatch(/content\.db\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
      expect(recovered?.reason).toMatch(/content\.db/);
      expect(readFileSync(recovered!.movedAsideTo).subarray(0, 15).toString()).toBe('SQLite format 3');
      expect(store.isEmpty()).toBe(true);
      expect(store.syncState().revision).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('user store', () => {
  it('lives in its own file, untouched by content changes', () => {
    const dir = tempDir();
    const { store: content } = ContentStore.open(join(dir, 'content.db'));
    const { store: user } = UserStore.open(join(dir, 'content.user.db'));
    try {
      user.setBookmarked('a', '제목', true);
      content.applyChanges([{ kind: 'replace', articles: [], categories: [] }], {});
      expect(user.listBookmarks()).toHaveLength(1);
      expect(existsSync(join(dir, 'content.user.db'))).toBe(true);
      expect(content.db.prepare("SELECT name FROM sqlite_master WHERE name = 'bookmarks'").all()).toHaveLength(0);
    } finally {
      content.close();
      user.close();
    }
  });
});
