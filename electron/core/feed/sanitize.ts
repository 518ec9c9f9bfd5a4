/**
 * Article HTML sanitizing. Runs when a feed is built and again on every record a sync
 * receives (a feed is untrusted input), so the store only ever holds safe HTML. The renderer
 * sanitizes once more before it renders.
 */
import sanitizeHtml from 'sanitize-html';

export const ARTICLE_LINK_PREFIX = 'doum://article/';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'code', 'pre', 'kbd', 'samp', 'blockquote', 'a', 'img', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'doum'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The article title is the page's h1; body headings start one level below.
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const article = /^article:([a-z0-9-]+)$/.exec(href);
      if (article) return { tagName, attribs: { ...attribs, href: ARTICLE_LINK_PREFIX + article[1] } };
      return { tagName, attribs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && typeof frame.attribs.src === 'string' && frame.attribs.src.startsWith('data:') && !frame.attribs.src.startsWith('data:image/'),
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Ids of the articles an HTML body links to, in order of first appearance. */
export function articleLinksIn(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(/href="doum:\/\/article\/([a-z0-9-]+)"/g)) ids.add(match[1]!);
  return [...ids];
}
