/**
 * A Zendesk article body as Doum stores it. Zendesk bodies are written for a web page on the
 * help center's own address, so before the usual sanitizing (feed/sanitize) this pass:
 * - turns links to articles that were synced into `article:` links, and every other relative
 *   or protocol-relative link (`/hc/en-us/articles/…` not synced, `/hc/…/community/posts/…`)
 *   into an absolute link to the help center, opened in the browser;
 * - gives pictures with a protocol-relative or relative `src` (`//static.zdassets.com/…`,
 *   `/hc/article_attachments/…`) an absolute https one, so they survive sanitizing;
 * - replaces embedded videos (`<iframe>`, `<video>`, `<embed>`), which Doum does not play, by a
 *   visible link to their https source named by their title or "동영상 보기" (in the article's
 *   language), so no reader loses them silently.
 * The result still goes through sanitizeArticleHtml, which alone decides what is safe.
 */
import sanitizeHtml from 'sanitize-html';
import { AUTHOR_LINK_PREFIX } from '../../../shared/ids';
import { isSimplifiedChinese, languageOf, LOCALE_SOURCE } from '../../../shared/locale';

export interface ZendeskBodyContext {
  /** The help center's origin, e.g. https://help.example.com. */
  origin: string;
  /** The locale of the article (links without a locale are of this locale). */
  locale: string;
  /** Host names that are this help center (the configured one, the zendesk.com one…). */
  hosts: ReadonlySet<string>;
  /** The Doum id of a synced article for a Zendesk locale and id, or null when it was not synced. */
  articleId(locale: string, zendeskId: number): string | null;
}

const WATCH_VIDEO: Record<string, string> = { ko: '동영상 보기', en: 'Watch the video', ja: '動画を見る', zh: '觀看影片', 'zh-hans': '观看视频' };

/** Words for the link that replaces an embedded video, in the language of the article. */
export function watchVideoLabel(locale: string): string {
  if (isSimplifiedChinese(locale)) return WATCH_VIDEO['zh-hans']!;
  return WATCH_VIDEO[languageOf(locale)] ?? WATCH_VIDEO.en!;
}

const ARTICLE_PATH = new RegExp(`^/hc/(?:(${LOCALE_SOURCE})/)?articles/(\\d+)`);

/** A URL as written in the body, resolved against the help center; null when it is not one. */
function resolve(href: string, origin: string): { url: URL; relative: boolean } | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  try {
    // Protocol-relative URLs (//host/path) mean https here: the help center is served over it.
    const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed, origin);
    return { url, relative: relative && !trimmed.startsWith('//') };
  } catch {
    return null;
  }
}

function rewriteHref(href: string, context: ZendeskBodyContext): string {
  const resolved = resolve(href, context.origin);
  if (!resolved) return href;
  const { url } = resolved;
  if (context.hosts.has(url.hostname)) {
    const match = ARTICLE_PATH.exec(url.pathname);
    const target = match ? context.articleId(match[1] ?? context.locale, Number(match[2])) : null;
    if (target) return `${AUTHOR_LINK_PREFIX}${target}`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : href;
}

function rewriteSrc(src: string, context: ZendeskBodyContext): string {
  const resolved = resolve(src, context.origin);
  return resolved && (resolved.url.protocol === 'https:' || resolved.url.protocol === 'http:') ? resolved.url.href : src;
}

/** Where a reader watches an embedded video: the page itself for the usual players, else the https source. */
function videoPage(src: string, context: ZendeskBodyContext): string | null {
  const resolved = resolve(src, context.origin);
  if (!resolved || (resolved.url.protocol !== 'https:' && resolved.url.protocol !== 'http:')) return null;
  const url = resolved.url;
  url.protocol = 'https:';
  const youtube = /^(?:www\.)?youtube(?:-nocookie)?\.com$/.test(url.hostname) ? /^\/embed\/([\w-]+)/.exec(url.pathname) : null;
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = url.hostname === 'player.vimeo.com' ? /^\/video\/(\d+)/.exec(url.pathname) : null;
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return url.href;
}

function videoLink(attribs: sanitizeHtml.Attributes, context: ZendeskBodyContext): sanitizeHtml.Tag {
  const href = videoPage(attribs.src ?? attribs['data-src'] ?? '', context);
  const title = (attribs.title ?? attribs['aria-label'] ?? '').trim();
  // A video without a usable source leaves its title (or nothing) rather than a dead link.
  if (!href) return { tagName: 'span', attribs: { [LABEL]: title } };
  return { tagName: 'a', attribs: { href, [LABEL]: title || watchVideoLabel(context.locale) } };
}

/**
 * The words of a video link travel as this attribute and become the element's text at the end:
 * sanitize-html's own `text` option cannot be combined with the textFilter that drops a
 * <video>'s fallback text. The value is HTML-escaped by sanitize-html, so it is safe as text.
 */
const LABEL = 'data-doum-label';
const LABELLED = /<(a|span)((?: href="[^"]*")?) data-doum-label="([^"]*)"(?: \/)?><\/\1>|<(a|span)((?: href="[^"]*")?) data-doum-label="([^"]*)" \/>/g;

/** The body with links, pictures and videos made to work outside the help center's web page. */
export function zendeskBodyHtml(body: string, context: ZendeskBodyContext): string {
  const html = sanitizeHtml(body, {
    allowedTags: false,
    allowedAttributes: false,
    // No scheme is refused here; sanitizeArticleHtml does that afterwards.
    allowedSchemes: ['https', 'http', 'mailto', 'tel', 'ftp', 'data', 'javascript', 'article', 'doum-asset'],
    allowProtocolRelative: true,
    // Nothing is let through here that sanitizeArticleHtml would not then judge (it drops <script> and <style>).
    allowVulnerableTags: true,
    // A <video>'s fallback text ("your browser cannot play…") means nothing once it is a link.
    textFilter: (text, tagName) => (tagName === 'video' ? '' : text),
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: attribs.href === undefined ? attribs : { ...attribs, href: rewriteHref(attribs.href, context) } }),
      img: (tagName, attribs) => ({ tagName, attribs: attribs.src === undefined ? attribs : { ...attribs, src: rewriteSrc(attribs.src, context) } }),
      iframe: (_tagName, attribs) => videoLink(attribs, context),
      embed: (_tagName, attribs) => videoLink(attribs, context),
      // (Kept as <video> so textFilter drops its fallback text; the sanitizer then keeps only its <source> links.)
      video: (tagName, attribs) => (attribs.src ? videoLink(attribs, context) : { tagName, attribs: {} }),
      // A <video> without src names its file in <source>; the poster and fallback text are dropped by the sanitizer.
      source: (_tagName, attribs) => videoLink(attribs, context),
    },
  });
  return html.replace(LABELLED, (_whole, tag: string | undefined, href: string | undefined, label: string | undefined, tag2: string, href2: string, label2: string) =>
    `<${tag ?? tag2}${href ?? href2}>${label ?? label2}</${tag ?? tag2}>`,
  );
}
