/**
 * The whole path at once: Markdown → feed → HTTP → SQLite → search → HelpApi dispatch.
 * Each capability has its own test file; this one proves the layers fit together.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildFeed } from '../../electron/core/feed/builder';
import { dispatch } from '../../electron/core/dispatch';
import { dataFilesForContentDb } from '../../electron/core/paths';
import { feedSourceFor } from '../../electron/core/sync/feed-source';
import { writeContent } from '../support/content';
import { startFeedServer } from '../support/feed-server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

describe('walking skeleton', () => {
  it('finds an article built from Markdown, synced over HTTP, through the HelpApi', async () => {
    const content = writeContent(tempDir(), [
      { id: 'block-friend-android', title: '친구를 차단하려면 어떻게 하나요?', group: 'block-friend', platform: 'android', category: '친구/차단', body: '친구 목록에서 **차단**을 누릅니다. [신고하기](article:report-message)' },
      { id: 'block-friend-macos', title: '친구를 차단하려면 어떻게 하나요?', group: 'block-friend', platform: 'macos', category: '친구/차단', body: '⌘ 키와 함께 친구를 선택하고 차단합니다.' },
      { id: 'report-message', title: '메시지를 신고하려면 어떻게 하나요?', category: '신고/이용제한', body: '신고한 메시지는 운영팀이 검토합니다.' },
    ]);
    const feedDir = join(tempDir(), 'feed');
    expect(buildFeed({ contentDir: content, outDir: feedDir }).revision).toBe(1);

    const server = await startFeedServer(feedDir);
    const center = await openTestHelpCenter({
      files: dataFilesForContentDb(join(tempDir(), 'content.db')),
      bundledFeedDir: null,
      hostOs: 'macos',
    });
    try {
      const report = await center.sync.sync(feedSourceFor(server.url));
      expect(report).toMatchObject({ revision: 1, added: 3, total: 3, notModified: false });
      await center.search.rebuild();

      const found = await dispatch(center.service, 'search', [{ text: '친구 차단' }]);
      expect(found.ok).toBe(true);
      if (!found.ok) return;
      const result = found.value as { total: number; results: Array<{ id: string; variants: Array<{ platform: string }> }> };
      expect(result.total).toBe(1);
      // One result per topic, the host OS's variant first.
      expect(result.results[0]!.id).toBe('block-friend-macos');
      expect(result.results[0]!.variants.map((v) => v.platform)).toEqual(['macos', 'android']);

      const article = await center.service.getArticle('block-friend-android');
      expect(article?.bodyHtml).toContain('href="doum://article/report-message"');
      expect(article?.links).toEqual(['report-message']);

      const bad = await dispatch(center.service, 'getArticle', ['../etc/passwd']);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    } finally {
      center.close();
      await server.close();
    }
  });
});
