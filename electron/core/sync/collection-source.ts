/**
 * The contract of a `collection` source (see sources.ts): a service that can only list
 * everything it holds. Its own module so that adapters (zendesk.ts) implement it without
 * importing the module that chooses between them.
 */
import type { FeedArticle, FeedCategory } from '../feed/format';

export interface CollectionFetchOptions {
  signal?: AbortSignal;
  /** Called as pages arrive: bytes downloaded and article records received so far. */
  onProgress?: (progress: { bytes: number; records: number }) => void;
}

/** Everything a collection source holds, each record already checked against doum-feed/1. */
export interface CollectionContent {
  articles: FeedArticle[];
  categories: FeedCategory[];
}

export interface CollectionSource {
  readonly kind: 'collection';
  readonly id: string;
  fetchAll(options?: CollectionFetchOptions): Promise<CollectionContent>;
}
