/**
 * The contract of a `collection` source (see sources.ts): a service that can only list
 * everything it holds. Its own module so that adapters (zendesk.ts) implement it without
 * importing the module that chooses between them.
 */
import type { MissingPicture, SyncNote } from '../../../shared/types';
import type { FeedArticle, FeedCategory } from '../feed/format';
import type { AssetInput } from '../store/content-store';

export interface CollectionFetchOptions {
  signal?: AbortSignal;
  /** Called as pages arrive: bytes downloaded and article records received so far. */
  onProgress?: (progress: { bytes: number; records: number }) => void;
  /**
   * The sha256 of an attached file the store already holds from this address with this size,
   * so a re-sync links it instead of downloading it again.
   */
  knownAttachment?: (sourceUrl: string, bytes: number) => string | null;
}

/** Everything a collection source holds, each record already checked against doum-feed/1. */
export interface CollectionContent {
  articles: FeedArticle[];
  categories: FeedCategory[];
  /** Records filed under "uncategorised" or skipped because they could not be used. */
  notes: SyncNote[];
  /** The pictures the articles use and the files attached to them, downloaded and checked. */
  assets?: AssetInput[];
  /** Pictures that could not be had; their articles show the alt text meanwhile. */
  missingPictures?: MissingPicture[];
}

export interface CollectionSource {
  readonly kind: 'collection';
  readonly id: string;
  fetchAll(options?: CollectionFetchOptions): Promise<CollectionContent>;
}
