/**
 * Article HTML, sanitized once more in the renderer (defence in depth: the core already
 * stores sanitized HTML). Only plain HTML survives: no scripts, styles, forms, frames, SVG or
 * event handlers, no ids or classes that could clash with the app's own; links are article
 * links (`doum://article/<id>`), http(s) or mailto; images are https or data:image.
 * External links are marked so the reader can tell they open in the browser.
 */
import DOMPurify from 'dompurify';

export const ARTICLE_LINK = /^doum:\/\/article\/([a-z0-9][a-z0-9-]*)$/;
const ALLOWED_URI = /^(?:https?:|mailto:|doum:\/\/article\/[a-z0-9][a-z0-9-]*$)/i;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    if (href && !ARTICLE_LINK.test(href)) node.setAttribute('rel', 'noopener noreferrer');
  } else if (node.nodeName === 'IMG') {
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
    USE_PROFILES: { html: true },
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'dialog', 'template', 'video', 'audio', 'source', 'picture'],
    FORBID_ATTR: ['style', 'id', 'name', 'class', 'target', 'srcset', 'formaction', 'action', 'ping', 'tabindex', 'accesskey', 'contenteditable', 'autofocus'],
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
