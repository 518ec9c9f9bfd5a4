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
  // Best score per topic, over the variants whose title matches every word typed.
  const byTopic = new Map<number, { score: number; docs: number[] }>();
  for (const doc of matches.docs) {
    if (matches.matched[doc]! < matches.concepts) continue;
    const article = catalog.articles[doc]!;
    if (locales && !locales.has(article.locale)) continue;
    if (!titleMatchesAll(plan, catalog, doc)) continue;
    const title = normalizeText(article.title).toLowerCase();
    const score = matches.score[doc]! + (typed.length > 0 && title.startsWith(typed) ? STARTS_WITH_BONUS : 0);
    const topic = catalog.topicOf[doc]!;
    const entry = byTopic.get(topic);
    if (entry) {
      entry.score = Math.max(entry.score, score);
      entry.docs.push(doc);
    } else {
      byTopic.set(topic, { score, docs: [doc] });
    }
  }
  const ranked = [...byTopic].map(([topic, { score, docs }]) => {
    const platforms = catalog.topicPlatforms[topic]!;
    const factor = platforms & preferredBit ? factors.preferred : platforms & commonBit ? factors.common : factors.other;
    const shown = docs.reduce((a, b) => (platformRank(catalog.articles[b]!.platform, platform) < platformRank(catalog.articles[a]!.platform, platform) ? b : a));
    return { doc: shown, score: score * factor };
  });
  const limit = Math.max(1, Math.min(MAX_SUGGESTIONS, Math.floor(Number(options.limit) || DEFAULT_SUGGESTIONS)));
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
