/**
 * As-you-type suggestions: article titles whose words start with what has been typed, every
 * word of it (the last one possibly mid-syllable, 초성, or in the wrong layout — the same
 * query builder as search, over the title-word namespace, plus bigrams for a word inside a
 * compound: 안녕패스 → 톡안녕패스). Every word must be found in the title itself. One per
 * topic, the preferred platform's variant, titles that start with the typed text first.
 */
import { matchingLocales } from '../../../shared/locale';
import { platformRank, type Platform } from '../../../shared/platform';
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
  const candidates: number[] = [];
  const bounds: number[] = [];
  /** 1 + a candidate's place in the scorer's order (0: not a candidate), for ties as before. */
  const place = new Int32Array(catalog.articles.length);
  for (const doc of matches.docs) {
    if (matches.matched[doc]! < matches.concepts) continue;
    if (locales && !locales.has(catalog.articles[doc]!.locale)) continue;
    candidates.push(doc);
    place[doc] = candidates.length;
    bounds.push((matches.score[doc]! + STARTS_WITH_BONUS) * factorOf(catalog.topicOf[doc]!));
  }
  // Stable: equal bounds keep the scorer's order.
  const byBound = candidates.map((_, i) => i).sort((a, b) => bounds[b]! - bounds[a]!);

  // Best score per topic, over the variants whose title matches every word typed.
  const best = new Map<number, number>();
  const scoreOf = (doc: number): number => {
    const title = normalizeText(catalog.articles[doc]!.title).toLowerCase();
    return matches.score[doc]! + (typed.length > 0 && title.startsWith(typed) ? STARTS_WITH_BONUS : 0);
  };
  const threshold = (): number => {
    if (best.size < limit) return -Infinity;
    const finals = [...best].map(([topic, score]) => score * factorOf(topic)).sort((a, b) => b - a);
    return finals[limit - 1]!;
  };
  let reach = -Infinity;
  let nextCheck = Math.max(64, limit);
  for (let n = 0; n < byBound.length; n++) {
    const i = byBound[n]!;
    if (bounds[i]! < reach) break;
    const doc = candidates[i]!;
    if (titleMatchesAll(plan, catalog, doc)) {
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
    const docs = catalog.topics[topic]!.filter((doc) => place[doc]! > 0 && titleMatchesAll(plan, catalog, doc)).sort((a, b) => place[a]! - place[b]!);
    const shown = docs.reduce((a, b) => (platformRank(catalog.articles[b]!.platform, platform) < platformRank(catalog.articles[a]!.platform, platform) ? b : a));
    ranked.push({ doc: shown, score: final });
  }
  return ranked
    .sort((a, b) => {
      const ta = catalog.articles[a.doc]!;
      const tb = catalog.articles[b.doc]!;
      return b.score - a.score || ta.title.length - tb.title.length || (ta.id < tb.id ? -1 : 1);
    })
    .slice(0, limit)
    .map(({ doc }) => {
      const article = catalog.articles[doc]!;
      const title = displayText(article.title);
      return { id: article.id, title, titleRanges: highlightRanges(title, plan.matchers), platform: article.platform };
    });
}
