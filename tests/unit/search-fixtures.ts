/** Articles for the search tests: the bundled sample help center, and small hand-made sets. */
import { join } from 'node:path';
import { readContent } from '../../electron/core/feed/content';
import { htmlToText } from '../../electron/core/feed/html-text';
import type { IndexedArticle } from '../../electron/core/search/types';
import type { Platform } from '../../shared/platform';

let samples: IndexedArticle[] | null = null;

/** The 208 articles under resources/content, as the store would hand them to the index. */
export function sampleArticles(): IndexedArticle[] {
  samples ??= readContent(join(__dirname, '..', '..', 'resources', 'content')).articles.map(({ bodyHtml, links: _links, ...rest }) => ({
    ...rest,
    bodyText: htmlToText(bodyHtml),
  }));
  return samples;
}

export function article(id: string, title: string, body: string, extra: Partial<IndexedArticle> & { platform?: Platform } = {}): IndexedArticle {
  return {
    id,
    title,
    bodyText: body,
    service: '톡플러스',
    category: '채팅/메시지',
    platform: 'common',
    locale: 'ko',
    group: null,
    tags: [],
    updatedAt: '2026-01-01',
    ...extra,
  };
}
