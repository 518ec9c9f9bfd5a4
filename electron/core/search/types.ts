/** What the search engine indexes: an article's summary plus its plain-text body. */
import type { ArticleSummary } from '../../../shared/types';

export interface IndexedArticle extends ArticleSummary {
  bodyText: string;
}
