/**
 * Article HTML, sanitized once more in the renderer (defence in depth: the core already
 * stores sanitized HTML) with the same allow-list as the builder and the sync
 * (shared/article-html.ts): only its tags and, per tag, its attributes survive, links are
 * article links (`doum://article/<id>`), http(s) or mailto, and pictures come from the app
 * itself (`doum-asset:<sha256>` or data:image). External links are marked so the reader can
 * tell they open in the browser.
 */
import DOMPurify from 'dompurify';
import { ARTICLE_ATTRIBUTE_NAMES, ARTICLE_LINK, ARTICLE_TAGS, isAllowedArticleAttribute } from '../../../shared/article-html';

export { ARTICLE_LINK };

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  // The flat ALLOWED_ATTR list lets a name through on any tag; the allow-list is per tag.
  if (!isAllowedArticleAttribute(node.nodeName.toLowerCase(), data.attrName, data.attrValue)) data.keepAttr = false;
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    if (href && !ARTICLE_LINK.test(href)) node.setAttribute('rel', 'noopener noreferrer');
  } else if (node.nodeName === 'IMG') {
    // A picture whose source did not pass is removed whole, not left as a broken image.
    if (!node.hasAttribute('src')) {
      node.remove();
      return;
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
});

export interface SanitizeOptions {
  /** Said after external links, for screen readers ("(opens in your browser)"). */
  externalLabel?: string;
}

export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_TAGS: [...ARTICLE_TAGS],
    ALLOWED_ATTR: [...ARTICLE_ATTRIBUTE_NAMES],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|doum:\/\/article\/|doum-asset:|data:image\/)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
  // Marks added after sanitizing (the sanitizer would strip them as foreign attributes).
  for (const link of fragment.querySelectorAll('a[href]')) {
    if (ARTICLE_LINK.test(link.getAttribute('href')!)) continue;
    link.setAttribute('data-external', '');
    if (options.externalLabel) {
      const hint = document.createElement('span');
      hint.setAttribute('data-hint', '');
      hint.textContent = ` ${options.externalLabel}`;
      link.appendChild(hint);
    }
  }
  const holder = document.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}
