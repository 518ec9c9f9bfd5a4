/**
 * The help center's data as the renderer loads it: one resource (./resource.ts) per kind of
 * answer, each a thin call of the HelpApi. Views read them with `resource.use(args)`;
 * `startApp` invalidates them when the core says the data changed. The library's mutations
 * live here too, because their answers are the new contents of these resources.
 */
import type { FeedbackDetails } from '../../../shared/feedback';
import type { HostOs, Platform } from '../../../shared/platform';
import type { Article, ArticleSummary, Bookmark, ContextResolution, FeedbackEntry, HistoryEntry, HomeData, SearchHit } from '../../../shared/types';
import { api } from '../api';
import { createResource } from './resource';

/** The home screen in a language: categories with counts, popular and recent articles. */
export const homeData = createResource<string, HomeData>({ fetch: (locale) => api.getHome(locale), key: (locale) => locale, cacheSize: 2 });

export interface CategoryRequest {
  path: string;
  locale: string;
}

/** Topics a category screen loads at a time: its first page, then one more per "Show more". */
export const CATEGORY_PAGE = 50;

/** The first page of a category's articles, one per topic (the rest: loadCategoryPage). */
export const categoryData = createResource<CategoryRequest, ArticleSummary[]>({
  fetch: ({ path, locale }) => api.listArticles({ category: path, locale, limit: CATEGORY_PAGE }),
  cacheSize: 10,
});

/** The page of a category's articles after the first `offset` topics (a "Show more"). */
export function loadCategoryPage({ path, locale }: CategoryRequest, offset: number): Promise<ArticleSummary[]> {
  return api.listArticles({ category: path, locale, limit: CATEGORY_PAGE, offset });
}

export interface ArticleRequest {
  id: string;
  /** The host OS: its variants are shaped first. */
  platform: HostOs;
}

/** An article by id (null: no such article); kept for the last 30, so back and forward are instant. */
export const articleData = createResource<ArticleRequest, Article | null>({
  fetch: ({ id, platform }) => api.getArticle(id, { platform }),
  cacheSize: 30,
});

/** The reader's feedback on an article. */
export const feedbackData = createResource<string, FeedbackEntry | null>({ fetch: (id) => api.getFeedback(id), key: (id) => id, cacheSize: 30 });

export const HISTORY_LIMIT = 100;

export const bookmarksData = createResource<'bookmarks', Bookmark[]>({ fetch: () => api.listBookmarks(), key: () => 'bookmarks' });
export const historyData = createResource<'history', HistoryEntry[]>({ fetch: () => api.listHistory(HISTORY_LIMIT), key: () => 'history' });

export interface ContextRequest {
  id: string;
  platform: Platform | null;
  query: string | null;
  locale: string;
}

export interface ContextAnswer {
  resolution: ContextResolution;
  /** For a context no article names: the best hits of the search Doum ran instead. */
  hits: SearchHit[];
  total: number;
}

/** Hits shown on the fallback page; the full search is a link away. */
const FALLBACK_HITS = 8;

/**
 * Context help: the help for a screen of another app. The core decides between one article, a
 * list and a search; for the unknown-context fallback the search runs here too. Kept, so the
 * article opened from a screen shows the screen's other articles without asking again.
 */
export const contextData = createResource<ContextRequest, ContextAnswer>({
  fetch: async (request) => {
    const resolution = await api.resolveContext(request.id, {
      ...(request.platform ? { platform: request.platform } : {}),
      ...(request.query ? { query: request.query } : {}),
      locale: request.locale,
    });
    if (resolution.kind !== 'search') return { resolution, hits: [], total: 0 };
    const result = await api.search({ text: resolution.query, uiLocale: request.locale, limit: FALLBACK_HITS, ...(request.platform ? { platform: request.platform } : {}) });
    return { resolution, hits: result.results, total: result.total };
  },
  key: (r) => [r.id, r.platform ?? '', r.query ?? '', r.locale].join('\u0000'),
  cacheSize: 10,
});

/** Every resource whose answers come from the help content (new content: all stale). */
export const CONTENT_RESOURCES = [homeData, categoryData, articleData, contextData, bookmarksData, historyData] as const;

// -- the library's mutations -------------------------------------------------------------------

export const isBookmarked = (bookmarks: readonly Bookmark[] | undefined, articleId: string | undefined): boolean =>
  articleId !== undefined && (bookmarks ?? []).some((b) => b.articleId === articleId);

/** Resolves true when the change was stored. */
export async function setBookmarked(articleId: string, bookmarked: boolean): Promise<boolean> {
  try {
    bookmarksData.set('bookmarks', await api.setBookmarked(articleId, bookmarked));
    return true;
  } catch {
    return false;
  }
}

/** Resolves true when the history was cleared. */
export async function clearHistory(): Promise<boolean> {
  try {
    await api.clearHistory();
    historyData.set('history', []);
    return true;
  } catch {
    return false;
  }
}

/** Opening an article records it; the history shown follows on the service's `historyChanged`. */
export async function recordView(id: string): Promise<void> {
  try {
    await api.recordView(id);
  } catch {
    // History is a convenience; reading goes on without it.
  }
}

/** Stores the reader's answer; resolves to the stored entry, or throws the core's refusal. */
export async function saveFeedback(id: string, helpful: boolean, details?: FeedbackDetails): Promise<FeedbackEntry> {
  // No trailing undefined: over HTTP it would arrive as null, which the check refuses.
  const feedback = await (details ? api.setFeedback(id, helpful, details) : api.setFeedback(id, helpful));
  feedbackData.set(id, feedback);
  return feedback;
}
