/**
 * Where content comes from, as the sync engine sees it, and which adapter a location picks.
 *
 * Two kinds of source:
 * - `feed`: a doum-feed/1 feed (manifest, snapshot, deltas) over http(s) or in a folder;
 *   revisions and deltas come from the feed.
 * - `collection`: a service that can only list everything it holds (a Zendesk Guide help
 *   center). Each sync lists it all; the store compares record hashes, so an unchanged help
 *   center changes nothing, and the local revision counts the syncs that changed something.
 *
 * Choosing the adapter for a location (the Settings feed URL or `doum sync --feed`):
 * 1. `zendesk:<url>` always means Zendesk — for help centers on their own domain
 *    (`zendesk:https://help.example.com/hc/ko`).
 * 2. An http(s) URL whose host ends in `.zendesk.com`, or whose path contains
 *    `/api/v2/help_center` or starts with `/hc/`, is a Zendesk help center too.
 * 3. Any other http(s) URL, `file://` URL or folder path is a doum-feed/1 feed.
 * A Zendesk location may name its locale (`/hc/ko`, `/api/v2/help_center/ko`, or
 * `?locales=ko,en`); without one every locale the help center lists is synced.
 */
import { ZENDESK_PREFIX } from '../../../shared/feed-location';
import type { CollectionSource } from './collection-source';
import { feedSourceFor, type FeedSource, type HttpSourceOptions } from './feed-source';
import { ZendeskSource, parseZendeskLocation } from './zendesk';

export type { CollectionContent, CollectionFetchOptions, CollectionSource } from './collection-source';

export type SyncSource = FeedSource | CollectionSource;

/** True when a location names a Zendesk help center (see the rules above). */
export function isZendeskLocation(location: string): boolean {
  const trimmed = location.trim();
  if (trimmed.toLowerCase().startsWith(ZENDESK_PREFIX)) return true;
  if (!/^https?:\/\//i.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    return url.hostname.endsWith('.zendesk.com') || url.pathname.includes('/api/v2/help_center') || /^\/hc(\/|$)/.test(url.pathname);
  } catch {
    return false;
  }
}

/** The source for a location: a Zendesk help center or a doum-feed/1 feed. */
export function syncSourceFor(location: string, options: HttpSourceOptions = {}): SyncSource {
  if (isZendeskLocation(location)) return new ZendeskSource(parseZendeskLocation(location), options);
  return feedSourceFor(location, options);
}
