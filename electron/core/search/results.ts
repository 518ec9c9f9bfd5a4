/**
 * Turns scored documents into what people see: one result per topic (the variant for the
 * preferred platform first, then common, then the others), filters, facets, sorting, paging,
 * titles and snippets with match ranges.
 *
 * Facets are counted the way a filter bar needs them: each dimension over the results that
 * pass every *other* filter, so choosing a category still shows how many results the other
 * categories have.
 */
import { matchingLocales } from '../../../shared/locale';
import { isPlatform, PLATFORMS, type Platform } from '../../../shared/platform';
import type { ArticleVariant, Facets, SearchHit, SearchQuery } from '../../../shared/types';
import { platformBit, type Catalog } from './catalog';
import { displayText, highlightRanges } from './highlight';
import type { Matcher } from './query-plan';
import type { Matches } from './scorer';
import { makeSnippet } from './snippets';

const PLATFORM_COUNT = PLATFORMS.length;
const ALL_PLATFORM_BITS = (1 << PLATFORM_COUNT) - 1;

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

/**
 * Score factors for the platform preference. A platform named in the query is a strong
 * preference; the host OS (or the `platform` option) only breaks near-ties.
 */
export const PLATFORM_FACTOR = {
  named: { preferred: 1.3, common: 1, other: 0.6 },
  // The host OS only lifts its own variants: a topic without one (on Linux, most of them) is
  // ranked by relevance, not pushed down.
  default: { preferred: 1.05, common: 1, other: 1 },
};
/** Articles in the UI language rank a little higher. */
const UI_LOCALE_FACTOR = 1.1;

/**
 * How many of the query's words a result must match: all of one or two, two of three, and
 * one of a longer question — an answer need not repeat a question's words (a short one may
 * share a single rare word with it); there the score floor below keeps the weak matches
 * out. Never more than the best document managed, so a query that matches anything has
 * results. (Measured on the Korean FAQ: requiring 40% of a question's words cut recall@10
 * from 0.99 to 0.91.)
 */
export function requiredConcepts(concepts: number, bestMatched: number): number {
  const rule = concepts <= 2 ? concepts : concepts === 3 ? 2 : 1;
  return Math.max(1, Math.min(rule, bestMatched));
}

/** From this many words on, results must also score at least RELATIVE_FLOOR of the best. */
const LONG_QUERY_CONCEPTS = 3;
const RELATIVE_FLOOR = 0.1;

export interface ShapeOptions {
  catalog: Catalog;
  matches: Matches;
  query: SearchQuery;
  platform: Platform;
  /** True when the platform came from a word in the query. */
  platformNamed: boolean;
  matchers: readonly Matcher[];
}

export interface ShapedResults {
  total: number;
  hits: SearchHit[];
  facets: Facets;
}

function inCategory(category: string, filter: string): boolean {
  const path = filter.replace(/^\/+|\/+$/g, '');
  return category === path || category.startsWith(`${path}/`);
}

/** Per-id pass/fail of one filter dimension, worked out once per query. */
function allowed(values: readonly string[], accept: ((value: string) => boolean) | null): Uint8Array | null {
  return accept ? Uint8Array.from(values, (v) => (accept(v) ? 1 : 0)) : null;
}

function counts(size: number): Int32Array {
  return new Int32Array(size);
}

function toRecord(names: readonly string[], tally: Int32Array): Record<string, number> {
  const out: Record<string, number> = {};
  tally.forEach((n, i) => {
    if (n > 0) out[names[i]!] = n;
  });
  return out;
}

/** The k best of `items` by `better`, best first, without sorting everything. */
function best(items: Int32Array, count: number, k: number, better: (a: number, b: number) => number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    if (kept.length < k) {
      kept.push(item);
      if (kept.length === k) kept.sort(better);
    } else if (better(item, kept[k - 1]!) < 0) {
      let at = k - 1;
      while (at > 0 && better(item, kept[at - 1]!) < 0) at--;
      kept.splice(at, 0, item);
      kept.pop();
    }
  }
  return kept.length < k ? kept.sort(better) : kept;
}

export function shapeResults(options: ShapeOptions): ShapedResults {
  const { catalog, matches, query, platform } = options;
  const required = requiredConcepts(matches.concepts, matches.bestMatched);

  // A long query matches most articles through one common word or another; those far below
  // the best are not results (and not worth shaping).
  let floor = 0;
  if (matches.concepts >= LONG_QUERY_CONCEPTS) {
    for (const doc of matches.docs) floor = Math.max(floor, matches.score[doc]!);
    floor *= RELATIVE_FLOOR;
  }

  // Best score per topic.
  const topicScore = new Float32Array(catalog.topicCount);
  const topics = new Int32Array(catalog.topicCount);
  let topicCount = 0;
  for (const doc of matches.docs) {
    if (matches.matched[doc]! < required || matches.score[doc]! < floor) continue;
    const topic = catalog.topicOf[doc]!;
    const score = matches.score[doc]!;
    if (topicScore[topic] === 0) topics[topicCount++] = topic;
    if (score > topicScore[topic]!) topicScore[topic] = score;
  }

  const onlyPlatform = query.onlyPlatform && isPlatform(query.onlyPlatform) ? query.onlyPlatform : null;
  const categoryOk = allowed(catalog.categories, query.category ? (c) => inCategory(c, query.category!) : null);
  const serviceOk = allowed(catalog.services, query.service ? (s) => s === query.service : null);
  // `en` finds en-us content and the reverse (shared/locale), unless the exact locale is there.
  const wantedLocales = query.locale ? new Set(matchingLocales(query.locale, catalog.locales)) : null;
  const localeOk = allowed(catalog.locales, wantedLocales ? (l) => wantedLocales.has(l) : null);
  const commonBit = platformBit('common');
  // A common variant applies on every platform, so it passes any platform filter.
  const platformNeeded = onlyPlatform ? platformBit(onlyPlatform) | commonBit : 0;
  const showFor = onlyPlatform ?? platform;
  const shownOf = (topic: number): number => catalog.shown(topic, showFor);
  const factors = options.platformNamed ? PLATFORM_FACTOR.named : PLATFORM_FACTOR.default;
  const preferredBit = platformBit(platform);
  const uiLocale = query.uiLocale ? catalog.locales.indexOf(matchingLocales(query.uiLocale, catalog.locales)[0] ?? '') : -1;

  const tally = { category: counts(catalog.categories.length), service: counts(catalog.services.length), locale: counts(catalog.locales.length), platform: counts(PLATFORMS.length), anyPlatform: 0 };
  const selected = new Int32Array(topicCount);
  let selectedCount = 0;
  for (let i = 0; i < topicCount; i++) {
    const topic = topics[i]!;
    const shown = shownOf(topic);
    const platforms = catalog.topicPlatforms[topic]!;
    const category = catalog.categoryOf[shown]!;
    const service = catalog.serviceOf[shown]!;
    const locale = catalog.localeOf[shown]!;
    const failCategory = categoryOk !== null && categoryOk[category] === 0;
    const failService = serviceOk !== null && serviceOk[service] === 0;
    const failLocale = localeOk !== null && localeOk[locale] === 0;
    const failPlatform = platformNeeded !== 0 && (platforms & platformNeeded) === 0;
    const failures = Number(failCategory) + Number(failService) + Number(failLocale) + Number(failPlatform);
    if (failures === 0) {
      selected[selectedCount++] = topic;
      const factor = (platforms & preferredBit ? factors.preferred : platforms & commonBit ? factors.common : factors.other) * (locale === uiLocale ? UI_LOCALE_FACTOR : 1);
      topicScore[topic]! *= factor;
    }
    // Facets: each dimension counts the topics that pass every other filter.
    if (failures > 1) continue;
    if (failures === 0 || failCategory) tally.category[category]!++;
    if (failures === 0 || failService) tally.service[service]!++;
    if (failures === 0 || failLocale) tally.locale[locale]!++;
    if (failures === 0 || failPlatform) {
      tally.anyPlatform++;
      const appliesOn = platforms & commonBit ? ALL_PLATFORM_BITS : platforms;
      for (let p = 0; p < PLATFORM_COUNT; p++) if (appliesOn & (1 << p)) tally.platform[p]!++;
    }
  }
  const facets: Facets = {
    category: toRecord(catalog.categories, tally.category),
    service: toRecord(catalog.services, tally.service),
    locale: toRecord(catalog.locales, tally.locale),
    platform: toRecord(PLATFORMS, tally.platform) as Facets['platform'],
    anyPlatform: tally.anyPlatform,
  };

  const idOf = (topic: number): string => catalog.articles[shownOf(topic)]!.id;
  // Among equals, the shorter title is the more general answer (음성통화나 영상통화를 걸려면 before
  // 영상통화 중에 화면을 공유하려면, for 영통).
  const titleLength = (topic: number): number => catalog.articles[shownOf(topic)]!.title.length;
  const byRelevance = (a: number, b: number): number => topicScore[b]! - topicScore[a]! || titleLength(a) - titleLength(b) || (idOf(a) < idOf(b) ? -1 : 1);
  const dateOf = (topic: number): string => catalog.articles[shownOf(topic)]!.updatedAt;
  const byRecency = (a: number, b: number): number => (dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : 0) || byRelevance(a, b);
  const offset = Math.max(0, Math.floor(Number(query.offset) || 0));
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(query.limit) || DEFAULT_LIMIT)));
  const page = best(selected, selectedCount, offset + limit, query.sort === 'recent' ? byRecency : byRelevance).slice(offset);

  const hits = page.map((topic): SearchHit => {
    const shown = catalog.articles[shownOf(topic)]!;
    const others = catalog.variantsOf(topic, onlyPlatform ?? platform).filter((m) => m !== shown);
    const variants: ArticleVariant[] = [shown, ...others].map((m) => ({ id: m.id, platform: m.platform, locale: m.locale }));
    const title = displayText(shown.title);
    return {
      id: shown.id,
      title,
      titleRanges: highlightRanges(title, options.matchers),
      service: shown.service,
      category: shown.category,
      platform: shown.platform,
      locale: shown.locale,
      updatedAt: shown.updatedAt,
      snippet: makeSnippet(shown.bodyText, options.matchers),
      score: Math.round(topicScore[topic]! * 1000) / 1000,
      variants,
    };
  });
  return { total: selectedCount, hits, facets };
}
