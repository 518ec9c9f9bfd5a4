/** English UI strings: every key of the Korean table. */
import type { MessageKey } from './ko';

export const en: Record<MessageKey, string> = {
  'app.name': 'Doum',
  'app.skipToContent': 'Skip to content',
  'nav.home': 'Home',
  'nav.back': 'Back',
  'search.label': 'Search help',
  'search.placeholder': 'What do you need help with? (e.g. delete message)',
  'search.total': '{count} results',
  'search.resultsFor': "Results for '{query}'",
  'search.empty': "No help articles found for '{query}'.",
  'search.emptyHint': 'Try other words, or browse the categories.',
  'search.searching': 'Searching…',
  'search.otherPlatforms': 'Other platforms',
  'home.categories': 'Categories',
  'home.articleCount': '{count}',
  'home.recent': 'Recently updated',
  'article.loading': 'Loading the article…',
  'article.notFound': 'This article cannot be found. It was removed or the link is wrong.',
  'article.updated': 'Updated {date}',
  'error.generic': 'Something went wrong: {message}',
};
