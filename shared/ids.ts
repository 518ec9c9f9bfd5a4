/**
 * Article ids and the `doum://article/<id>` links that name them. One rule for the whole of
 * Doum — front matter, feed records, topic groups, Zendesk labels, the sanitizer, the HelpApi's
 * argument checks, deep links and the renderer's routes all check ids here.
 *
 * An id is words of lowercase a-z and 0-9 joined by single hyphens (`report-friend-macos`), at
 * most ARTICLE_ID_MAX characters: no upper case, no leading, trailing or doubled hyphen, so an
 * id is one way to write one name and is safe in a path, a URL and an HTML attribute as it is.
 * Topic groups follow the same rule.
 */
import { parseSectionId } from './sections';
import { string, type Check } from './validate';

export const ARTICLE_ID_MAX = 128;
/** The pattern without anchors, for the few patterns that embed an id (links in HTML). */
const ARTICLE_ID_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const ARTICLE_ID_PATTERN = new RegExp(`^${ARTICLE_ID_SOURCE}$`);
/** What a person is shown when an id breaks the rule. */
export const ARTICLE_ID_RULE = `lowercase a-z, 0-9 and single "-", at most ${ARTICLE_ID_MAX} characters`;

export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ARTICLE_ID_MAX && ARTICLE_ID_PATTERN.test(value);
}

/** The argument and record check of an article id (or topic group). */
export const checkArticleId: Check<string> = string({
  min: 1,
  max: ARTICLE_ID_MAX,
  pattern: ARTICLE_ID_PATTERN,
  patternName: `an article id (${ARTICLE_ID_RULE})`,
});

// -- links ---------------------------------------------------------------------------------------

export const ARTICLE_LINK_PREFIX = 'doum://article/';
/** How authors link to another article in Markdown: `[도움말](article:block-friend)`. */
export const AUTHOR_LINK_PREFIX = 'article:';

/** `doum://article/<id>`, or with a section (shared/sections.ts) `doum://article/<id>#<section>`. */
export function articleLink(id: string, section?: string): string {
  return `${ARTICLE_LINK_PREFIX}${id}${section ? `#${section}` : ''}`;
}

/**
 * An article link exactly as the sanitizer writes it into article HTML: `doum://article/<id>`,
 * nothing before or after. Group 1 is the id.
 */
export const ARTICLE_HREF = new RegExp(`^doum://article/(${ARTICLE_ID_SOURCE})$`);

/** `href="doum://article/<id>"` attributes in sanitized HTML (a new global pattern per call); group 1 is the id. */
export function articleHrefAttributes(): RegExp {
  return new RegExp(`href="doum://article/(${ARTICLE_ID_SOURCE})"`, 'g');
}

/** The id an author's `article:<id>` link names, or null when the href is not one. */
export function authorLinkTarget(href: string): string | null {
  if (!href.startsWith(AUTHOR_LINK_PREFIX)) return null;
  const id = href.slice(AUTHOR_LINK_PREFIX.length);
  return isArticleId(id) ? id : null;
}

export type ArticleLinkParse = { ok: true; id: string; section: string | null } | { ok: false; reason: string };

/**
 * Reads a `doum://article/<id>[#<section>]` link from outside (the OS, a copied link). Strict:
 * no user, password, port or query, the id as the rule says (never lower-cased or decoded into
 * one), the section a heading anchor (percent-encoded or not). A trailing slash is allowed.
 */
export function parseArticleLink(raw: string): ArticleLinkParse {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'doum:' || url.hostname !== 'article') return { ok: false, reason: 'not a doum://article/ link' };
  if (url.username || url.password || url.port) return { ok: false, reason: 'the link has a user, password or port' };
  // A bare "?" or "#" leaves url.search / url.hash empty: look at the text itself.
  if (url.search || raw.split('#', 1)[0]!.includes('?')) return { ok: false, reason: 'an article link takes no query' };
  const id = url.pathname.replace(/\/$/, '').replace(/^\//, '');
  if (!isArticleId(id)) return { ok: false, reason: `the article id is not ${ARTICLE_ID_RULE}` };
  if (url.hash === '') return raw.endsWith('#') ? { ok: false, reason: 'the section is empty' } : { ok: true, id, section: null };
  const section = parseSectionId(url.hash.slice(1), { percentEncoded: true });
  if (section === null) return { ok: false, reason: 'the section is not a heading anchor (letters, digits and single hyphens)' };
  return { ok: true, id, section };
}
