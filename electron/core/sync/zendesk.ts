/**
 * A Zendesk Guide help center as a sync source, through its public (anonymous) API:
 * `/api/v2/help_center/{locale}/categories|sections|articles.json` with cursor pagination
 * (`page[size]`, `meta.has_more`, `links.next`; the older `next_page` is followed too), and
 * `/api/v2/help_center/locales.json` when no locale is named. 429 answers are retried after
 * their Retry-After by the HTTP layer.
 *
 * Mapping onto doum-feed/1 records:
 * - article id `zd-<locale>-<zendesk id>` (Zendesk translations share one id);
 * - group: a `group:<name>` label, else `zd-<zendesk id>`, so translations form one topic;
 * - platform: a `platform:<p>` label (`platform:ios`, also mac/osx/win/iphone…), else common;
 * - category: the section path (parent sections first); service: the Zendesk category name;
 * - tags: the other labels; updatedAt: edited_at, else updated_at; drafts are skipped;
 * - links to `/hc/<locale>/articles/<id>` of the same help center become article links.
 * Every record is checked like a feed record; one bad record fails the whole sync, naming it.
 */
import { isPlatform, PLATFORMS, type Platform } from '../../../shared/platform';
import { array, boolean, nullable, number, object, optional, string, ValidationError, type Check } from '../../../shared/validate';
import { SyncError } from '../errors';
import { checkArticle, FeedRecordError, type FeedArticle, type FeedCategory } from '../feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../feed/sanitize';
import type { HttpSourceOptions } from './feed-source';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, httpGet } from './http';
import type { CollectionContent, CollectionFetchOptions, CollectionSource } from './collection-source';

export interface ZendeskLocation {
  /** The help center's origin, e.g. https://acme.zendesk.com. */
  origin: string;
  /** Locales to sync; empty means every locale the help center lists. */
  locales: string[];
}

const PAGE_SIZE = 100;
/** A help center with more pages than this is answering in a loop, not growing. */
const MAX_PAGES = 5000;

const PLATFORM_ALIASES: Record<string, Platform> = {
  all: 'common', mac: 'macos', osx: 'macos', 'mac-os': 'macos', win: 'windows', iphone: 'ios', ipad: 'ios',
};

/** Reads a location such as `zendesk:https://help.example.com/hc/ko` (see ./sources). */
export function parseZendeskLocation(location: string): ZendeskLocation {
  const raw = location.trim().replace(/^zendesk:/i, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SyncError('invalid-feed', `"${raw.slice(0, 200)}" is not a Zendesk help center URL; write it like zendesk:https://help.example.com`, { resource: raw });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncError('invalid-feed', `a Zendesk help center is reached over https, not ${url.protocol}`, { resource: raw });
  }
  const inPath = /^\/(?:hc|api\/v2\/help_center)\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\/|\.json|$)/.exec(url.pathname);
  const fromQuery = (url.searchParams.get('locales') ?? url.searchParams.get('locale') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
  const locales = [...new Set([...(inPath && inPath[1] !== 'locales' ? [inPath[1]!] : []), ...fromQuery].map((l) => l.toLowerCase()))];
  return { origin: url.origin, locales };
}

// -- the API's shapes (only the fields Doum reads; the API sends many more) ------------------

const zendeskId = number({ min: 1, integer: true });
const page = { meta: optional(object({ has_more: optional(boolean), after_cursor: optional(nullable(string())) }, { allowUnknown: true })),
  links: optional(object({ next: optional(nullable(string())) }, { allowUnknown: true })),
  next_page: optional(nullable(string())) };

interface ZendeskCategory { id: number; name: string; position?: number }
interface ZendeskSection { id: number; name: string; category_id: number; parent_section_id?: number | null; position?: number }
interface ZendeskArticle {
  id: number;
  title: string;
  body: string | null;
  locale: string;
  section_id: number;
  label_names?: string[];
  updated_at: string;
  edited_at?: string | null;
  draft?: boolean;
  position?: number;
}

const checkCategoryRecord: Check<ZendeskCategory> = object({ id: zendeskId, name: string({ min: 1 }), position: optional(number()) }, { allowUnknown: true });
const checkSectionRecord: Check<ZendeskSection> = object(
  { id: zendeskId, name: string({ min: 1 }), category_id: zendeskId, parent_section_id: optional(nullable(zendeskId)), position: optional(number()) },
  { allowUnknown: true },
);
const checkArticleRecord: Check<ZendeskArticle> = object(
  {
    id: zendeskId,
    title: string(),
    body: nullable(string()),
    locale: string({ min: 2, max: 35 }),
    section_id: zendeskId,
    label_names: optional(array(string())),
    updated_at: string(),
    edited_at: optional(nullable(string())),
    draft: optional(boolean),
    position: optional(number()),
  },
  { allowUnknown: true },
);

type Listed = 'categories' | 'sections' | 'articles';
const SINGULAR: Record<Listed, string> = { categories: 'category', sections: 'section', articles: 'article' };

interface ListOptions {
  signal?: AbortSignal;
  onPage: (bytes: number, records: number) => void;
}

// -- mapping -----------------------------------------------------------------------------------

const localeSlug = (locale: string): string => locale.toLowerCase().replace(/[^a-z0-9]+/g, '-');
export const zendeskArticleId = (locale: string, id: number): string => `zd-${localeSlug(locale)}-${id}`;

function recordError(what: string, path: string, expected: string, received: unknown): FeedRecordError {
  return new FeedRecordError(what, new ValidationError(path, expected, received));
}

function platformOf(label: string, what: string): Platform {
  const name = label.slice('platform:'.length).trim().toLowerCase();
  const platform = PLATFORM_ALIASES[name] ?? name;
  if (!isPlatform(platform)) throw recordError(what, 'label_names', `a platform label (platform:${PLATFORMS.join('|')})`, label);
  return platform;
}

interface Labels {
  platform: Platform;
  group: string | null;
  tags: string[];
}

function readLabels(labels: readonly string[], what: string): Labels {
  let platform: Platform = 'common';
  let group: string | null = null;
  const tags = new Set<string>();
  for (const label of labels) {
    const lower = label.trim().toLowerCase();
    if (lower.startsWith('platform:')) platform = platformOf(label, what);
    else if (lower.startsWith('group:') && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(lower.slice(6))) group = lower.slice(6);
    else if (label.trim() !== '') tags.add(label.trim().slice(0, 60));
  }
  return { platform, group, tags: [...tags].slice(0, 50) };
}

/** Paths of the sections, parents first ("Getting started/Install"). */
function sectionPaths(sections: ReadonlyMap<number, ZendeskSection>): Map<number, string> {
  const paths = new Map<number, string>();
  const pathOf = (section: ZendeskSection, depth: number): string => {
    const known = paths.get(section.id);
    if (known) return known;
    const name = section.name.split('/').map((s) => s.trim()).filter(Boolean).join('/') || `section ${section.id}`;
    const parent = section.parent_section_id ? sections.get(section.parent_section_id) : undefined;
    // depth guards against a parent cycle in the API's answer.
    const path = parent && depth < 20 ? `${pathOf(parent, depth + 1)}/${name}` : name;
    paths.set(section.id, path);
    return path;
  };
  for (const section of sections.values()) pathOf(section, 0);
  return paths;
}

/** Links into the same help center (`/hc/ko/articles/123-title`) become `article:` links. */
function rewriteArticleLinks(html: string, origin: string, locale: string, known: ReadonlySet<string>): string {
  return html.replace(/href="([^"]*)"/g, (whole, href: string) => {
    let url: URL;
    try {
      url = new URL(href.replace(/&amp;/g, '&'), origin);
    } catch {
      return whole;
    }
    if (url.origin !== origin) return whole;
    const match = /^\/hc\/(?:([A-Za-z-]+)\/)?articles\/(\d+)/.exec(url.pathname);
    if (!match) return whole;
    const target = zendeskArticleId(match[1] ?? locale, Number(match[2]));
    return known.has(target) ? `href="article:${target}"` : whole;
  });
}

interface LocaleListing {
  locale: string;
  categories: ZendeskCategory[];
  sections: ZendeskSection[];
  articles: ZendeskArticle[];
}

function categoryRecords(listings: readonly LocaleListing[]): FeedCategory[] {
  const records: FeedCategory[] = [];
  for (const { locale, categories, sections } of listings) {
    const categoryPosition = new Map(categories.map((c) => [c.id, c.position ?? 0]));
    const paths = sectionPaths(new Map(sections.map((s) => [s.id, s])));
    const ordered = [...sections].sort(
      (a, b) => (categoryPosition.get(a.category_id) ?? 0) - (categoryPosition.get(b.category_id) ?? 0) || (a.position ?? 0) - (b.position ?? 0) || a.id - b.id,
    );
    const seen = new Set<string>();
    for (const section of ordered) {
      const segments = paths.get(section.id)!.split('/');
      for (let depth = 1; depth <= segments.length; depth++) {
        const path = segments.slice(0, depth).join('/');
        if (seen.has(path)) continue;
        seen.add(path);
        records.push({ path, locale: localeSlug(locale), position: seen.size - 1 });
      }
    }
  }
  return records;
}

function articleRecords(listings: readonly LocaleListing[], origin: string): FeedArticle[] {
  const known = new Set(listings.flatMap((l) => l.articles.filter((a) => !a.draft).map((a) => zendeskArticleId(l.locale, a.id))));
  const records: FeedArticle[] = [];
  for (const { locale, categories, sections, articles } of listings) {
    const categoryNames = new Map(categories.map((c) => [c.id, c.name.trim()]));
    const sectionById = new Map(sections.map((s) => [s.id, s]));
    const paths = sectionPaths(sectionById);
    for (const article of articles) {
      if (article.draft) continue;
      const what = `Zendesk article ${article.id} (${locale})`;
      const section = sectionById.get(article.section_id);
      if (!section) throw recordError(what, 'section_id', 'a section the help center lists', article.section_id);
      const labels = readLabels(article.label_names ?? [], what);
      const bodyHtml = sanitizeArticleHtml(rewriteArticleLinks(article.body ?? '', origin, locale, known));
      const record = {
        id: zendeskArticleId(locale, article.id),
        title: article.title.trim(),
        bodyHtml,
        service: categoryNames.get(section.category_id) ?? '',
        category: paths.get(section.id)!,
        platform: labels.platform,
        locale: localeSlug(locale),
        group: labels.group ?? `zd-${article.id}`,
        tags: labels.tags,
        updatedAt: article.edited_at ?? article.updated_at,
        links: articleLinksIn(bodyHtml),
      };
      try {
        records.push(checkArticle(record, ''));
      } catch (error) {
        if (error instanceof ValidationError) throw new FeedRecordError(what, error);
        throw error;
      }
    }
  }
  return records;
}

// -- the source --------------------------------------------------------------------------------

export class ZendeskSource implements CollectionSource {
  readonly kind = 'collection';
  readonly id: string;

  constructor(
    readonly location: ZendeskLocation,
    private readonly options: HttpSourceOptions = {},
  ) {
    this.id = `${location.origin}/api/v2/help_center${location.locales.length ? `?locales=${location.locales.join(',')}` : ''}`;
  }

  async fetchAll(options: CollectionFetchOptions = {}): Promise<CollectionContent> {
    let bytes = 0;
    let records = 0;
    const list = { signal: options.signal, onPage: (pageBytes: number, pageArticles: number) => {
      bytes += pageBytes;
      records += pageArticles;
      options.onProgress?.({ bytes, records });
    } };
    const locales = this.location.locales.length ? this.location.locales : await this.listLocales(list);
    const listings: LocaleListing[] = [];
    for (const locale of locales) {
      listings.push({
        locale,
        categories: await this.listAll(locale, 'categories', checkCategoryRecord, list),
        sections: await this.listAll(locale, 'sections', checkSectionRecord, list),
        articles: await this.listAll(locale, 'articles', checkArticleRecord, list),
      });
    }
    return { articles: articleRecords(listings, this.location.origin), categories: categoryRecords(listings) };
  }

  private async getJson(url: string, options: ListOptions): Promise<{ body: unknown; bytes: number }> {
    const response = await httpGet(
      url,
      { headers: { accept: 'application/json' }, signal: options.signal, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      this.options.retry ?? DEFAULT_RETRY,
    );
    if (response.status !== 200) throw new SyncError('http', `${url} answered HTTP ${response.status} where a list was expected`, { resource: url });
    try {
      return { body: JSON.parse(response.body.toString('utf8')), bytes: response.body.length };
    } catch {
      throw new SyncError('invalid-feed', `${url} did not answer with JSON; is this a Zendesk help center?`, { resource: url });
    }
  }

  private async listLocales(options: ListOptions): Promise<string[]> {
    const url = `${this.location.origin}/api/v2/help_center/locales.json`;
    const { body, bytes } = await this.getJson(url, options);
    options.onPage(bytes, 0);
    try {
      const { locales } = object({ locales: array(string({ min: 2, max: 35 }), { max: 200 }) }, { allowUnknown: true })(body, 'locales.json');
      if (locales.length === 0) throw new ValidationError('locales', 'at least one locale', locales);
      return locales;
    } catch (error) {
      if (error instanceof ValidationError) throw new SyncError('invalid-feed', `${url} is not a Zendesk locale list (${error.message})`, { resource: url });
      throw error;
    }
  }

  /** Every item of one list, following the cursor from page to page. */
  private async listAll<T>(locale: string, what: Listed, check: Check<T>, options: ListOptions): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let url: string | null = `${this.location.origin}/api/v2/help_center/${encodeURIComponent(locale)}/${what}.json?page[size]=${PAGE_SIZE}`;
    while (url) {
      if (seen.has(url) || seen.size >= MAX_PAGES) {
        throw new SyncError('invalid-feed', `the Zendesk ${what} list of ${locale} keeps sending pages (${seen.size} so far, ${url}); try again later`, { resource: url });
      }
      seen.add(url);
      const { body, bytes } = await this.getJson(url, options);
      const pageItems: { items: T[]; next: string | null } = this.readPage(body, what, locale, url, check);
      items.push(...pageItems.items);
      options.onPage(bytes, what === 'articles' ? pageItems.items.length : 0);
      url = pageItems.next;
    }
    return items;
  }

  private readPage<T>(body: unknown, what: Listed, locale: string, url: string, check: Check<T>): { items: T[]; next: string | null } {
    let shape;
    try {
      shape = object({ [what]: array((value: unknown) => value), ...page }, { allowUnknown: true })(body, what);
    } catch (error) {
      if (error instanceof ValidationError) throw new SyncError('invalid-feed', `${url} is not a Zendesk ${what} page (${error.message})`, { resource: url });
      throw error;
    }
    const raw = (shape as Record<Listed, unknown[]>)[what];
    const items = raw.map((item, i) => {
      try {
        return check(item, '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
        throw new FeedRecordError(`Zendesk ${SINGULAR[what]} ${typeof id === 'number' ? id : `record ${i + 1}`} (${locale})`, error);
      }
    });
    const cursorNext = shape.meta?.has_more ? shape.links?.next ?? null : null;
    return { items, next: this.sameOrigin(cursorNext ?? shape.next_page ?? null, url) };
  }

  /** Next-page links are followed only within the help center, never to another host. */
  private sameOrigin(next: string | null, from: string): string | null {
    if (!next) return null;
    let url: URL;
    try {
      url = new URL(next, from);
    } catch {
      throw new SyncError('invalid-feed', `${from} names a next page "${next.slice(0, 100)}" that is not a URL`, { resource: from });
    }
    if (url.origin !== this.location.origin) {
      throw new SyncError('invalid-feed', `${from} names a next page on another host (${url.origin}); Doum only follows pages of ${this.location.origin}`, { resource: from });
    }
    return url.href;
  }
}
