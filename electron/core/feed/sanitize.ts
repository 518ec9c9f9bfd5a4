/**
 * Article HTML sanitizing. Runs when a feed is built and again on every record a sync
 * receives (a feed is untrusted input), so the store only ever holds safe HTML. The renderer
 * sanitizes once more before it renders — all three with the one allow-list in
 * shared/article-html.ts.
 */
import sanitizeHtml from 'sanitize-html';
import { ARTICLE_ATTRIBUTES, ARTICLE_TAGS, isAllowedArticleAttribute, isPlainArticleAttribute } from '../../../shared/article-html';
import { ARTICLE_HREF, articleHrefAttributes, articleLink, authorLinkTarget } from '../../../shared/ids';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ARTICLE_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(ARTICLE_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  allowedSchemes: ['https', 'http', 'mailto', 'doum'],
  allowedSchemesByTag: { img: ['data', 'doum-asset'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The article title is the page's h1; body headings start one level below.
    h1: 'h2',
    img: (tagName, attribs) => {
      // Only loading="lazy" is a value of `loading`; the others are dropped.
      if (attribs.loading === undefined || attribs.loading === 'lazy') return { tagName, attribs };
      const { loading: _dropped, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const article = authorLinkTarget(href);
      if (article) return { tagName, attribs: { ...attribs, href: articleLink(article) } };
      // doum: links are allowed for articles only, not as a way to drive the app (settings…).
      if (/^\s*doum:/i.test(href) && !ARTICLE_HREF.test(href)) {
        const { href: _dropped, ...rest } = attribs;
        return { tagName, attribs: rest };
      }
      return { tagName, attribs };
    },
  },
  // A picture from anywhere but the app itself is dropped whole (no broken image left behind).
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedArticleAttribute('img', 'src', frame.attribs.src ?? ''),
};

/**
 * Safe article HTML. Text that is already in the sanitizer's own output form (what the feed
 * builder writes) passes the quick check below and is kept as it is; anything else goes
 * through sanitize-html. The quick check makes a sync of 20,000 articles several times faster.
 */
export function sanitizeArticleHtml(html: string): string {
  return isCleanArticleHtml(html) ? html : sanitizeHtml(html, OPTIONS);
}

// -- the quick check -----------------------------------------------------------------------------

const CLEAN_TAGS = new Set(ARTICLE_TAGS);
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-z][a-z-]*)="([^"<>]*)"/g;

/**
 * URLs are accepted only in the literal forms of the allow-list, with no entity but &amp;
 * (so nothing like "jav&#x61;script:" can hide in them).
 */
function cleanAttribute(tag: string, name: string, value: string): boolean {
  if (isPlainArticleAttribute(tag, name)) return name !== 'loading' || value === 'lazy';
  return isAllowedArticleAttribute(tag, name, value.replace(/&amp;/g, ''));
}

/**
 * True when every tag and attribute of the HTML is one the sanitizer allows, written in the
 * plain form the sanitizer writes, with only safe URLs. A conservative subset of what
 * sanitize-html accepts: a false "no" only costs time; a "yes" never lets more through.
 */
export function isCleanArticleHtml(html: string): boolean {
  let at = html.indexOf('<');
  while (at !== -1) {
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (!match) return false;
    const [whole, closing, tag, attributes] = match as unknown as [string, string, string, string];
    if (!CLEAN_TAGS.has(tag)) return false;
    if (closing && attributes) return false;
    if (attributes) {
      for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
        if (!cleanAttribute(tag, name!, value!)) return false;
      }
    }
    at = html.indexOf('<', at + whole.length);
  }
  return true;
}

/** Ids of the articles an HTML body links to, in order of first appearance. */
export function articleLinksIn(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(articleHrefAttributes())) ids.add(match[1]!);
  return [...ids];
}
