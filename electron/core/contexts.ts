/**
 * Context help: which help a context id (a screen or error of the documented app) leads to.
 * One rule, used by the CLI (`search --context`), the app (`doum://context/<id>`,
 * `doum --context <id>`) and the preview, all through HelpService.resolveContext.
 *
 * The rule:
 * 1. A context matches the articles tagged with it and with any context below it: a person on
 *    `settings.display` is also on its `settings.display.theme` section.
 * 2. When nothing is tagged there, the nearest broader screen that has help is taken instead
 *    (`settings.display.theme` → `settings.display` → `settings`); `matched` says which.
 * 3. One language: the preferred locale (the UI's, else the system's) when the screen has help
 *    in it, else the locale with the most articles there — translations are never listed as
 *    separate help. Articles are counted as topics (the platform variants of one article are one
 *    topic), each shown as the variant for the preferred platform (default: the host OS).
 * 4. One topic: open it. Several: a list, most specific first — a topic tagged
 *    `settings.display.theme` before one tagged only `settings.display` — then by title.
 * 5. Nothing anywhere up the hierarchy: a search for the app's extra words (`q`), else the id's
 *    own words (`error.login.e1001` → `error login e1001`).
 */
import { contextAncestors, contextDepth, contextWords } from '../../shared/contexts';
import type { Platform } from '../../shared/platform';
import { byPlatformPreference, topicKey } from '../../shared/topics';
import type { ContextArticle, ContextResolution } from '../../shared/types';
import type { ContentStore } from './store/content-store';

/** A list for one screen stays short; a screen with more help than this is tagged too broadly. */
export const CONTEXT_LIST_LIMIT = 20;

export interface ResolveContextOptions {
  platform: Platform;
  locale?: string;
  query?: string;
}

/** One entry per topic: the preferred variant, carrying the most specific tag of any variant. */
function topicsOf(tagged: readonly ContextArticle[], platform: Platform): ContextArticle[] {
  const byTopic = new Map<string, ContextArticle[]>();
  for (const row of tagged) {
    const key = topicKey(row);
    byTopic.set(key, [...(byTopic.get(key) ?? []), row]);
  }
  return [...byTopic.values()].map((rows) => {
    const deepest = rows.reduce((best, row) => (contextDepth(row.context) > contextDepth(best.context) ? row : best));
    const variants = new Map(rows.map((row) => [row.id, row]));
    const shown = byPlatformPreference([...variants.values()], platform)[0]!;
    return { ...shown, context: deepest.context };
  });
}

/** The tagged articles in one locale: the preferred one if it has any, else the best covered. */
function inOneLocale(tagged: readonly ContextArticle[], preferred: string | undefined): ContextArticle[] {
  const counts = new Map<string, number>();
  for (const a of tagged) counts.set(a.locale, (counts.get(a.locale) ?? 0) + 1);
  const chosen =
    preferred && counts.has(preferred)
      ? preferred
      : [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return tagged.filter((a) => a.locale === chosen);
}

/** Resolves a (well-formed) context id by the rule above. */
export function resolveContext(content: ContentStore, context: string, options: ResolveContextOptions): ContextResolution {
  for (const candidate of [context, ...contextAncestors(context)]) {
    const tagged = content.articlesInContext(candidate);
    if (tagged.length === 0) continue;
    const topics = topicsOf(inOneLocale(tagged, options.locale), options.platform)
      .sort((a, b) => contextDepth(b.context) - contextDepth(a.context) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
      .slice(0, CONTEXT_LIST_LIMIT);
    return { context, matched: candidate, kind: topics.length === 1 ? 'article' : 'list', articles: topics, query: options.query ?? '' };
  }
  return { context, matched: null, kind: 'search', articles: [], query: options.query?.trim() || contextWords(context) };
}
