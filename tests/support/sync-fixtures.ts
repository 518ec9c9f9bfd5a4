/** Shared pieces of the sync tests: a store and engine on temp files, feeds, fast retries. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeed, type FeedBuildReport } from '../../electron/core/feed/builder';
import { dataFilesForContentDb, type DataFiles } from '../../electron/core/paths';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import type { RetryPolicy } from '../../electron/core/sync/http';
import { writeContent, type TestArticle } from './content';
import { tempDir } from './temp';

export interface TestStore {
  files: DataFiles;
  store: ContentStore;
  engine: SyncEngine;
  close(): void;
}

export function openTestStore(dir = tempDir()): TestStore {
  const files = dataFilesForContentDb(join(dir, 'content.db'));
  const { store } = ContentStore.open(files.content);
  const engine = new SyncEngine({ store, lockFile: files.syncLock });
  return { files, store, engine, close: () => store.close() };
}

/** Everything a failed sync must leave as it was: the articles, categories and revision. */
export function contentState(store: ContentStore): { fingerprint: string; articles: number; categories: string; revision: number | null } {
  return {
    fingerprint: store.contentFingerprint(),
    articles: store.articleCount(),
    categories: JSON.stringify(store.categoryRecords()),
    revision: store.syncState().revision,
  };
}

/** Retries without waiting; `delays` records every wait the policy asked for. */
export function fastRetry(attempts = 3): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    attempts,
    baseDelayMs: 10,
    maxDelayMs: 40,
    maxRetryAfterMs: 60_000,
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

/** (Re)writes the content folder with exactly these articles and builds the next feed revision. */
export function buildTestFeed(contentDir: string, feedDir: string, articles: TestArticle[], options: { signKeyFile?: string; precompress?: boolean; maxDeltas?: number } = {}): FeedBuildReport {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  writeContent(contentDir, articles);
  return buildFeed({ contentDir, outDir: feedDir, ...options });
}

export const BASE_ARTICLES: TestArticle[] = [
  { id: 'block-friend-android', title: '친구 차단하기', group: 'block-friend', platform: 'android', category: '친구/차단', body: '친구를 **차단**합니다. [신고](article:report-message)' },
  { id: 'block-friend-macos', title: '친구 차단하기', group: 'block-friend', platform: 'macos', category: '친구/차단' },
  { id: 'report-message', title: '메시지 신고하기', category: '신고/이용제한' },
  { id: 'delete-message', title: '메시지 삭제하기', category: '채팅/메시지' },
  { id: 'reset-password-en', title: 'Reset your password', locale: 'en', category: 'Account', body: 'Open **Settings**.' },
];
