/**
 * Topics: the platform variants of one article share a `group` (per locale). Lists show one
 * entry per topic — the variant for the preferred platform, else common, else the first.
 */
import { platformRank, type Platform } from './platform';

interface TopicMember {
  id: string;
  group: string | null;
  locale: string;
  platform: Platform;
}

export function topicKey(article: Pick<TopicMember, 'id' | 'group' | 'locale'>): string {
  return article.group ? `${article.locale}\u0000${article.group}` : `#${article.id}`;
}

/** Orders variants by preference for a platform: that platform, then common, then the rest. */
export function byPlatformPreference<T extends Pick<TopicMember, 'id' | 'platform'>>(variants: readonly T[], platform: Platform): T[] {
  return [...variants].sort((a, b) => platformRank(a.platform, platform) - platformRank(b.platform, platform) || a.id.localeCompare(b.id));
}

/** One entry per topic, keeping the first topic's position in the input order. */
export function onePerTopic<T extends TopicMember>(articles: readonly T[], platform: Platform): T[] {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    const key = topicKey(article);
    const list = groups.get(key);
    if (list) list.push(article);
    else groups.set(key, [article]);
  }
  return [...groups.values()].map((members) => byPlatformPreference(members, platform)[0]!);
}
