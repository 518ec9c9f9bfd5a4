/**
 * The one home of every count the app shows. Two meanings, never mixed:
 *
 * - **articles**: stored documents, each platform variant counted on its own;
 * - **topics**: what a list shows, the platform variants of one topic counted once.
 *
 * Screens count in the UI language (its locale only); `doum stats` counts per locale with the
 * same functions, so the terminal and the window always agree.
 */
import { categoryTrail } from './categories';
import { topicKey } from './topics';

export interface ContentCounts {
  articles: number;
  topics: number;
}

type Countable = { id: string; group: string | null; locale: string };

/** Articles and topics among `articles` (pass one locale's articles for a screen's count). */
export function countContent(articles: readonly Countable[]): ContentCounts {
  return { articles: articles.length, topics: new Set(articles.map(topicKey)).size };
}

/** Articles and topics per locale. */
export function countByLocale(articles: readonly Countable[]): Record<string, ContentCounts> {
  const byLocale = new Map<string, Countable[]>();
  for (const article of articles) {
    const list = byLocale.get(article.locale);
    if (list) list.push(article);
    else byLocale.set(article.locale, [article]);
  }
  return Object.fromEntries([...byLocale.keys()].sort().map((locale) => [locale, countContent(byLocale.get(locale)!)]));
}

/**
 * Articles and topics in each category path and its sub-categories, per locale (key:
 * `locale \0 path`). A parent counts a topic once even when its variants sit in two children.
 */
export function countByCategory(articles: ReadonlyArray<Countable & { category: string }>): Map<string, ContentCounts> {
  const members = new Map<string, Countable[]>();
  for (const article of articles) {
    for (const path of categoryTrail(article.category)) {
      const key = categoryCountKey(article.locale, path);
      const list = members.get(key);
      if (list) list.push(article);
      else members.set(key, [article]);
    }
  }
  return new Map([...members].map(([key, list]) => [key, countContent(list)]));
}

export const categoryCountKey = (locale: string, path: string): string => `${locale}\u0000${path}`;
