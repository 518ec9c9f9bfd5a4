/**
 * As-you-type suggestions: article titles whose words start with what has been typed, every
 * word of it (the last one possibly mid-syllable, 초성, or in the wrong layout — the same
 * query builder as search, over the title-word namespace, plus bigrams for a word inside a
 * compound: 안녕패스 → 톡안녕패스). Every word must be found in the title itself. One per
 * topic, the preferred platform's variant, titles that start with the typed text first.
 */
import { matchingLocales } from '../../../shared/locale';
import { platformPreferenceOrder, type Platform } from '../../../shared/platform';
import type { Suggestion } from '../../../shared/types';
import { platformBit, type Catalog } from './catalog';
import { displayText, highlightRanges } from './highlight';
import type { Lexicon } from './lexicon';
import { normalizeText } from './normalize';
import { buildPlan, type QueryPlan } from './query-plan';
import { PLATFORM_FACTOR } from './results';
import type { Scorer } from './scorer';

export const DEFAULT_SUGGESTIONS = 8;
const MAX_SUGGESTIONS = 50;
/** A title that starts with the typed text beats one that merely contains its words. */
const STARTS_WITH_BONUS = 2;

export interface SuggestOptions {
  locale?: string;
  platform: Platform;
  limit?: number;
}

/** True when every concept of the plan matches a word of the document's title. */
function titleMatchesAll(plan: QueryPlan, catalog: Catalog, doc: number): boolean {
  const tokens = catalog.titleTokens(doc);
  return plan.concepts.every((concept) => concept.optional || tokens.some((token) => concept.matcher.match(token) !== null));
}

/** The first `limit` items in the order `before` gives, without sorting them all (ties: thousands of topics, a page of 8). */
function firstInOrder<T>(items: readonly T[], limit: number, before: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    if (first.length === limit && before(item, first[limit - 1]!) >= 0) continue;
    let at = first.length;
    while (at > 0 && before(item, first[at - 1]!) < 0) at--;
    first.splice(at, 0, item);
    if (first.length > limit) first.pop();
  }
  return first;
}

/**
 * The numbers 0…count-1 best bound first (equal bounds: lower number first, the scorer's
 * order), taken one at a time from a heap. Suggestions read a few dozen of what can be tens
 * of thousands: sorting them all was half of a suggestion's time at 100,000 articles.
 */
export class BestFirst {
  private readonly heap: Int32Array;
  private size: number;

  constructor(
    private readonly bounds: Float64Array,
    count: number,
  ) {
    this.heap = new Int32Array(count);
    for (let i = 0; i < count; i++) this.heap[i] = i;
    this.size = count;
    for (let at = (count >> 1) - 1; at >= 0; at--) this.sink(at);
  }

  /** The next number, or -1 when none is left. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.sink(0);
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.bounds[a]!;
    const y = this.bounds[b]!;
    return x > y || (x === y && a < b);
  }

  private sink(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= this.size) return;
      const child = left + 1 < this.size && this.before(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!this.before(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  }
}

export function suggestTitles(text: string, options: SuggestOptions, lexicon: Lexicon, scorer: Scorer, catalog: Catalog): Suggestion[] {
  const plan = buildPlan(text, lexicon, { mode: 'suggest' });
  if (plan.concepts.length === 0 || plan.concepts.some((c) => c.groups.length === 0)) return [];
  const matches = scorer.run(plan);
  const typed = normalizeText(plan.corrected ?? plan.text).trim().toLowerCase();
  const platform = plan.platform ?? options.platform;
  const preferredBit = platformBit(platform);
  const commonBit = platformBit('common');
  const factors = plan.platform ? PLATFORM_FACTOR.named : PLATFORM_FACTOR.default;

  // `en` suggests en-us titles too (shared/locale), unless the exact locale is there.
  const locales = options.locale ? new Set(matchingLocales(options.locale, catalog.locales)) : null;
  const limit = Math.max(1, Math.min(MAX_SUGGESTIONS, Math.floor(Number(options.limit) || DEFAULT_SUGGESTIONS)));
  const factorOf = (topic: number): number => {
    const platforms = catalog.topicPlatforms[topic]!;
    return platforms & preferredBit ? factors.preferred : platforms & commonBit ? factors.common : factors.other;
  };

  // A short prefix matches thousands of titles, but only `limit` topics are answered. So every
  // document that matched every word gets a cheap upper bound of its final score (as if its
  // title started with the typed text), and the costly checks (its title's own words, the
  // starts-with test) run best bound first, stopping once no bound can reach the `limit`th
  // topic found: the answer is the one all documents would give.
  const candidates = new Int32Array(matches.docs.length);
  const bounds = new Float64Array(matches.docs.length);
  let count = 0;
  /** 1 + a candidate's place in the scorer's order (0: not a candidate), for ties as before. */
  const place = new Int32Array(catalog.articles.length);
  for (const doc of matches.docs) {
    if (matches.matched[doc]! < matches.concepts) continue;
    if (locales && !locales.has(catalog.articles[doc]!.locale)) continue;
    candidates[count] = doc;
    bounds[count] = (matches.score[doc]! + STARTS_WITH_BONUS) * factorOf(catalog.topicOf[doc]!);
    place[doc] = ++count;
  }
  const byBound = new BestFirst(bounds, count);

  // Best score per topic, over the variants whose title matches every word typed.
  const best = new Map<number, number>();
  const scoreOf = (doc: number): number => matches.score[doc]! + (typed.length > 0 && catalog.foldedTitle(doc).startsWith(typed) ? STARTS_WITH_BONUS : 0);
  /** Whether a candidate's title has every word typed: 0 not known yet, 1 yes, 2 no. */
  const titleMatch = new Uint8Array(catalog.articles.length);
  const matchesTitle = (doc: number): boolean => {
    if (titleMatch[doc] === 0) titleMatch[doc] = titleMatchesAll(plan, catalog, doc) ? 1 : 2;
    return titleMatch[doc] === 1;
  };
  const rankOf = new Map(platformPreferenceOrder(platform).map((p, rank) => [p, rank]));
  const threshold = (): number => {
    if (best.size < limit) return -Infinity;
    const finals = [...best].map(([topic, score]) => score * factorOf(topic)).sort((a, b) => b - a);
    return finals[limit - 1]!;
  };
  let reach = -Infinity;
  let nextCheck = Math.max(64, limit);
  for (let n = 0, i = byBound.next(); i >= 0; n++, i = byBound.next()) {
    if (bounds[i]! < reach) break;
    const doc = candidates[i]!;
    if (matchesTitle(doc)) {
      const topic = catalog.topicOf[doc]!;
      best.set(topic, Math.max(best.get(topic) ?? -Infinity, scoreOf(doc)));
    }
    if (n + 1 >= nextCheck) {
      reach = threshold();
      nextCheck *= 2;
    }
  }
  reach = threshold();

  const ranked: Array<{ doc: number; score: number }> = [];
  for (const [topic, score] of best) {
    const final = score * factorOf(topic);
    if (final < reach) continue;
    // The variant shown: the platform's, among the topic's variants that match (scorer's order on ties).
    const docs = catalog.topics[topic]!.filter((doc) => place[doc]! > 0 && matchesTitle(doc)).sort((a, b) => place[a]! - place[b]!);
    const shown = docs.reduce((a, b) => (rankOf.get(catalog.articles[b]!.platform)! < rankOf.get(catalog.articles[a]!.platform)! ? b : a));
    ranked.push({ doc: shown, score: final });
  }
  const before = (a: { doc: number; score: number }, b: { doc: number; score: number }): number => {
    const ta = catalog.articles[a.doc]!;
    const tb = catalog.articles[b.doc]!;
    return b.score - a.score || ta.title.length - tb.title.length || (ta.id < tb.id ? -1 : 1);
  };
  return firstInOrder(ranked, limit, before)
    .map(({ doc }) => {
      const article = catalog.articles[doc]!;
      const title = displayText(article.title);
      return { id: article.id, title, titleRanges: highlightRanges(title, plan.matchers), platform: article.platform };
    });
}
