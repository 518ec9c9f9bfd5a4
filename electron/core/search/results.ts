/**
 * Turns scored article matches into what people see: one result per topic (the variant for
 * the preferred platform first), facets, filters, sorting, paging and snippets.
 */
import type { Platform } from '../../../shared/platform';
import { byPlatformPreference, topicKey } from '../../../shared/topics';
import type { ArticleVariant, Facets, MatchRange, SearchHit, SearchQuery, Snippet } from '../../../shared/types';
import type { IndexedArticle } from './engine';

export interface ScoredArticle {
  article: IndexedArticle;
  score: number;
}

export interface ShapeOptions {
  query: SearchQuery;
  platform: Platform;
  /** Words to highlight (already normalized). */
  highlight: string[];
  /** Every indexed article by topic key, to list a topic's variants. */
  topics: ReadonlyMap<string, IndexedArticle[]>;
}


function matchesFilters(article: IndexedArticle, query: SearchQuery): boolean {
  if (query.category && article.category !== query.category && !article.category.startsWith(`${query.category}/`)) return false;
  if (query.service && article.service !== query.service) return false;
  if (query.locale && article.locale !== query.locale) return false;
  return true;
}

function increment<K extends string>(record: Partial<Record<K, number>>, key: K): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** Finds every occurrence of the words in the text (case-insensitive), merged and sorted. */
export function findRanges(text: string, highlight: readonly string[]): MatchRange[] {
  const lower = text.normalize('NFC').toLowerCase();
  const ranges: MatchRange[] = [];
  for (const word of highlight) {
    if (!word) continue;
    let at = lower.indexOf(word);
    while (at >= 0) {
      ranges.push([at, at + word.length]);
      at = lower.indexOf(word, at + word.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: MatchRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const SNIPPET_LENGTH = 140;

/** A window of the body around the first match, with the match ranges relative to it. */
export function makeSnippet(body: string, highlight: readonly string[]): Snippet {
  const flat = body.replace(/\s+/g, ' ').trim();
  const ranges = findRanges(flat, highlight);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - 30);
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space > first - 60) start = space + 1;
  }
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const text = prefix + flat.slice(start, end) + suffix;
  const shifted = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): MatchRange => [s - start + prefix.length, e - start + prefix.length]);
  return { text, ranges: shifted };
}

export interface ShapedResults {
  total: number;
  hits: SearchHit[];
  facets: Facets;
}

export function shapeResults(matches: readonly ScoredArticle[], options: ShapeOptions): ShapedResults {
  const { query, platform, topics } = options;
  const facets: Facets = { category: {}, service: {}, platform: {}, locale: {} };
  // Best match per topic; the representative variant is chosen after, by platform.
  const bestByTopic = new Map<string, ScoredArticle>();
  for (const match of matches) {
    if (!matchesFilters(match.article, query)) continue;
    const key = topicKey(match.article);
    const best = bestByTopic.get(key);
    if (!best || match.score > best.score) bestByTopic.set(key, match);
  }
  const hits: Array<SearchHit & { sortDate: string }> = [];
  for (const [key, best] of bestByTopic) {
    const members = topics.get(key) ?? [best.article];
    if (query.onlyPlatform && !members.some((m) => m.platform === query.onlyPlatform)) continue;
    const ordered = byPlatformPreference(members, platform);
    const shown = query.onlyPlatform ? ordered.find((m) => m.platform === query.onlyPlatform)! : ordered[0]!;
    increment(facets.category, shown.category);
    increment(facets.service, shown.service);
    increment(facets.locale, shown.locale);
    for (const p of new Set(members.map((m) => m.platform))) increment(facets.platform, p);
    const variants: ArticleVariant[] = ordered.map((m) => ({ id: m.id, platform: m.platform, locale: m.locale }));
    hits.push({
      id: shown.id,
      title: shown.title,
      titleRanges: findRanges(shown.title, options.highlight),
      service: shown.service,
      category: shown.category,
      platform: shown.platform,
      locale: shown.locale,
      updatedAt: shown.updatedAt,
      snippet: makeSnippet(shown.bodyText, options.highlight),
      score: Math.round(best.score * 1000) / 1000,
      variants: [{ id: shown.id, platform: shown.platform, locale: shown.locale }, ...variants.filter((v) => v.id !== shown.id)],
      sortDate: shown.updatedAt,
    });
  }
  const uiLocale = query.uiLocale;
  hits.sort((a, b) =>
    query.sort === 'recent'
      ? b.sortDate.localeCompare(a.sortDate) || b.score - a.score
      : (uiLocale ? Number(b.locale === uiLocale) - Number(a.locale === uiLocale) : 0) || b.score - a.score || a.id.localeCompare(b.id),
  );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 20;
  const page = hits.slice(offset, offset + limit).map(({ sortDate: _sortDate, ...hit }) => hit);
  return { total: hits.length, hits: page, facets };
}
