/**
 * Article HTML, sanitized once more in the renderer (defence in depth: the core already
 * stores sanitized HTML) with the same allow-list as the builder and the sync
 * (shared/article-html.ts): only its tags and, per tag, its attributes survive, links are
 * article links (`doum://article/<id>`), http(s) or mailto, and pictures come from the app
 * itself (`doum-asset:<sha256>`, turned into the app's own `/assets/<sha256>`, or data:image).
 * External links are marked so the reader can tell they open in the browser.
 *
 * After sanitizing, the app adds its own marks: each heading gets its anchor (an id derived
 * from its text, shared/sections.ts, prefixed so it never clashes with the app's ids), and
 * each picture outside a link becomes a button that opens the picture viewer.
 */
import DOMPurify from 'dompurify';
import { ARTICLE_ATTRIBUTE_NAMES, ARTICLE_TAGS, isAllowedArticleAttribute } from '../../../shared/article-html';
import { ASSET_SRC, assetUrl } from '../../../shared/assets';
import { ARTICLE_HREF } from '../../../shared/ids';
import { sectionIds } from '../../../shared/sections';

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  // The flat ALLOWED_ATTR list lets a name through on any tag; the allow-list is per tag.
  if (!isAllowedArticleAttribute(node.nodeName.toLowerCase(), data.attrName, data.attrValue)) data.keepAttr = false;
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    // A picture reference is for <img> only.
    if (node.getAttribute('href')?.startsWith('doum-asset:')) node.removeAttribute('href');
    const href = node.getAttribute('href');
    if (href && !ARTICLE_HREF.test(href)) node.setAttribute('rel', 'noopener noreferrer');
  } else if (node.nodeName === 'IMG') {
    // A picture whose source did not pass is removed whole, not left as a broken image.
    if (!node.hasAttribute('src')) {
      node.remove();
      return;
    }
    // The help center's own pictures come from the app itself (same origin, any transport).
    const picture = ASSET_SRC.exec(node.getAttribute('src') ?? '');
    if (picture) node.setAttribute('src', assetUrl(picture[1]!));
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
});

export interface SanitizeOptions {
  /** Said after external links, for screen readers ("(opens in your browser)"). */
  externalLabel?: string;
  /** The name of a picture's button, from its alt text ("Enlarge picture: …"). */
  pictureLabel?: (alt: string) => string;
}

/** A heading of the article body, with its anchor. */
export interface ArticleHeading {
  /** The section id (what links carry after `#`). */
  section: string;
  /** The heading element's id in the page. */
  elementId: string;
  level: number;
  text: string;
}

export interface PreparedArticle {
  html: string;
  headings: ArticleHeading[];
}

const SECTION_ELEMENT_PREFIX = 'section-';
export const sectionElementId = (section: string): string => SECTION_ELEMENT_PREFIX + section;
/** Marks a picture's button; its value is the picture's position among the article's pictures. */
export const PICTURE_ATTRIBUTE = 'data-picture';

function anchorHeadings(root: DocumentFragment): ArticleHeading[] {
  const elements = [...root.querySelectorAll('h2, h3, h4, h5, h6')];
  const texts = elements.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  const ids = sectionIds(texts);
  return elements.map((element, i) => {
    const elementId = sectionElementId(ids[i]!);
    element.setAttribute('id', elementId);
    element.setAttribute('tabindex', '-1');
    return { section: ids[i]!, elementId, level: Number(element.tagName.slice(1)), text: texts[i]! };
  });
}

function pictureButtons(root: DocumentFragment, label: (alt: string) => string): void {
  let index = 0;
  for (const image of root.querySelectorAll('img')) {
    if (image.closest('a')) continue;
    const button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.setAttribute('class', 'picture-button');
    button.setAttribute(PICTURE_ATTRIBUTE, String(index++));
    button.setAttribute('aria-label', label(image.getAttribute('alt') ?? ''));
    image.replaceWith(button);
    button.appendChild(image);
  }
}

/** The article body ready to render: sanitized, anchored, pictures made zoomable. */
export function prepareArticleHtml(html: string, options: SanitizeOptions = {}): PreparedArticle {
  const fragment = sanitizedFragment(html, options);
  const headings = anchorHeadings(fragment);
  if (options.pictureLabel) pictureButtons(fragment, options.pictureLabel);
  const holder = document.createElement('div');
  holder.appendChild(fragment);
  return { html: holder.innerHTML, headings };
}

function sanitizedFragment(html: string, options: SanitizeOptions): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_TAGS: [...ARTICLE_TAGS],
    ALLOWED_ATTR: [...ARTICLE_ATTRIBUTE_NAMES],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|doum:\/\/article\/|doum-asset:|data:image\/)/i,
    // Not URLs: without this DOMPurify checks their values against ALLOWED_URI_REGEXP and drops
    // them, and pictures would lose the size that reserves their space.
    ADD_URI_SAFE_ATTR: ['width', 'height'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
  // Marks added after sanitizing (the sanitizer would strip them as foreign attributes).
  for (const link of fragment.querySelectorAll('a[href]')) {
    if (ARTICLE_HREF.test(link.getAttribute('href')!)) continue;
    link.setAttribute('data-external', '');
    if (options.externalLabel) {
      const hint = document.createElement('span');
      hint.setAttribute('data-hint', '');
      hint.textContent = ` ${options.externalLabel}`;
      link.appendChild(hint);
    }
  }
  return fragment;
}
