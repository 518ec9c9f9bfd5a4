/**
 * THE allow-list of article HTML — one list, used by the feed builder and the sync (through
 * electron/core/feed/sanitize.ts, sanitize-html) and by the renderer (renderer/src/lib/
 * sanitize.ts, DOMPurify), so the three layers can never disagree about what an article may
 * hold (a list numbered from 3 shows from 3, a table keeps its spans).
 *
 * Pictures come from the app itself only: `doum-asset:<sha256>` (a picture the feed carries,
 * which the renderer maps to its own origin) or an inline `data:image/…;base64`. Remote
 * images are not allowed (tracking beacons); the CSP's img-src says the same.
 */
import { ARTICLE_HREF } from './ids';

export const ARTICLE_TAGS: readonly string[] = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'code', 'pre', 'kbd', 'samp', 'blockquote', 'a', 'img', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div',
];

/** Attributes per tag; none elsewhere. `href` and `src` must also pass the URL rules below. */
export const ARTICLE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  ol: ['start'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
};

/** Every attribute name the list allows on some tag (for sanitizers that take one flat list). */
export const ARTICLE_ATTRIBUTE_NAMES: readonly string[] = [...new Set(Object.values(ARTICLE_ATTRIBUTES).flat())];

/** Links: web pages and e-mail (and articles, ARTICLE_HREF). No entity but &amp;, no white space or backslash. */
const SAFE_WEB_HREF = /^(?:https?:\/\/[^\s&\\]*|mailto:[^\s&\\]*)$/;
/** Pictures: a feed asset by its sha256, or an inline raster image. */
export const SAFE_IMG_SRC = /^(?:doum-asset:[0-9a-f]{64}|data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*)$/;

/** Attributes whose values are not URLs: any text is harmless there. */
export function isPlainArticleAttribute(tag: string, name: string): boolean {
  return (ARTICLE_ATTRIBUTES[tag] ?? []).includes(name) && !(tag === 'a' && name === 'href') && !(tag === 'img' && name === 'src');
}

/** True when the attribute is allowed on the tag with this (entity-decoded) value. */
export function isAllowedArticleAttribute(tag: string, name: string, value: string): boolean {
  if (!(ARTICLE_ATTRIBUTES[tag] ?? []).includes(name)) return false;
  if (tag === 'a' && name === 'href') return SAFE_WEB_HREF.test(value) || ARTICLE_HREF.test(value);
  if (tag === 'img' && name === 'src') return SAFE_IMG_SRC.test(value);
  if (name === 'loading') return value === 'lazy';
  return true;
}
