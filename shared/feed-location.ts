/**
 * Feed locations as people write them in Settings, a policy file or `doum sync --feed`: an
 * http(s) URL, an absolute folder path (POSIX, Windows drive or UNC), or `zendesk:` and the
 * https URL of a Zendesk help center (electron/core/sync/sources.ts picks the adapter). One
 * rule: the renderer checks a location as it is typed, the core checks it again before it saves
 * one (and has the last word, as a RequestError); both read it here. The update URL, the other
 * address Settings trusts, has its rule here too.
 */
import type { RequestReason } from './errors';
import { isSecureOrLoopback } from './urls';

export const ZENDESK_PREFIX = 'zendesk:';

/** Why a location was refused; `message` says it in words for people and logs. */
export type FeedLocationProblem =
  /** Nothing written (the UI reads an empty field as "the help built into the app"). */
  | 'empty'
  /** `zendesk:` followed by something other than an http(s) URL. */
  | 'zendesk-not-a-url'
  /** `zendesk:` with plain http to another machine: Zendesk content is unsigned. */
  | 'zendesk-not-https'
  | 'invalid-url'
  /** A user name or password in the URL (it would be stored and sent in the clear). */
  | 'credentials'
  /** Neither an http(s) URL nor an absolute folder path (a relative path, ftp:, file:…). */
  | 'not-a-location';

/** The reason (shared/errors.ts) each problem is worded by, in the UI and across the HelpApi. */
export const FEED_LOCATION_REASONS: { readonly [P in FeedLocationProblem]: RequestReason } = {
  empty: 'feed-url-invalid',
  'zendesk-not-a-url': 'zendesk-url-invalid',
  'zendesk-not-https': 'zendesk-needs-https',
  'invalid-url': 'feed-url-invalid',
  credentials: 'feed-url-credentials',
  'not-a-location': 'feed-url-invalid',
};

export type FeedLocationKind = 'url' | 'folder' | 'zendesk';

export type FeedLocationCheck =
  | { ok: true; kind: FeedLocationKind; /** The location normalized: trimmed, URLs as the URL parser writes them. */ location: string }
  | { ok: false; problem: FeedLocationProblem; message: string };

const HTTP_URL = /^https?:\/\//i;
/** `/srv/feed`, `C:\feeds` or `c:/feeds`, `\\server\share\feed` — not `C:feeds` (relative to the drive's current folder). */
const ABSOLUTE_PATH = /^(?:[a-zA-Z]:[\\/]|\/|\\\\)/;

function refused(problem: FeedLocationProblem, message: string): FeedLocationCheck {
  return { ok: false, problem, message };
}

function readHttpUrl(text: string, what = 'the feed URL'): FeedLocationCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refused('invalid-url', `"${text}" is not a valid URL`);
  }
  if (url.username || url.password) return refused('credentials', `${what} must not contain a user name or password`);
  return { ok: true, kind: 'url', location: url.href };
}

function readZendesk(text: string): FeedLocationCheck {
  const rest = text.slice(ZENDESK_PREFIX.length).trim();
  if (!HTTP_URL.test(rest)) return refused('zendesk-not-a-url', 'write a Zendesk help center as zendesk:https://help.example.com (optionally with /hc/<locale>)');
  const url = readHttpUrl(rest);
  if (!url.ok) return url;
  // Zendesk content is unsigned: https only (plain http only on this machine, for tests).
  if (!isSecureOrLoopback(new URL(url.location))) return refused('zendesk-not-https', 'a Zendesk help center must be an https:// address');
  return { ok: true, kind: 'zendesk', location: `${ZENDESK_PREFIX}${url.location}` };
}

/** Reads a feed location: its kind and normalized form, or the problem with it. */
export function readFeedLocation(text: string): FeedLocationCheck {
  const trimmed = text.trim();
  if (trimmed === '') return refused('empty', 'no feed location was given');
  if (trimmed.toLowerCase().startsWith(ZENDESK_PREFIX)) return readZendesk(trimmed);
  if (HTTP_URL.test(trimmed)) return readHttpUrl(trimmed);
  if (ABSOLUTE_PATH.test(trimmed)) return { ok: true, kind: 'folder', location: trimmed };
  return refused('not-a-location', 'the feed location must be an http:// or https:// URL, or an absolute folder path');
}

export type UpdateUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * The update URL as Settings may hold it: an https URL without a user name or password (plain
 * http only on this machine, for tests; installed builds check for updates over https only,
 * electron/main/updates.ts).
 */
export function readUpdateUrl(text: string): UpdateUrlCheck {
  const trimmed = text.trim();
  const read = HTTP_URL.test(trimmed) ? readHttpUrl(trimmed, 'the update URL') : null;
  if (read && !read.ok) return { ok: false, message: read.message };
  if (!read || !isSecureOrLoopback(new URL(read.location))) return { ok: false, message: 'the update URL must be an https:// URL' };
  return { ok: true, url: read.location };
}
