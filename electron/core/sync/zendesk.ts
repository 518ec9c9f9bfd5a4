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
 * - contexts: `context:<id>` labels (`context:settings.display.theme`), checked like front matter;
 * - tags: the other labels; updatedAt: edited_at, else updated_at; drafts are skipped;
 * - links to `/hc/<locale>/articles/<id>` of the same help center become article links, other
 *   help center links absolute ones; pictures get https URLs; videos become links (./zendesk-html);
 * - attachments (`/api/v2/help_center/{locale}/articles/{id}/attachments`, six lists at a time):
 *   the files that are not inline are stored with the article or linked to their source
 *   (./remote-attachments);
 * - an article whose section (or a section whose category) the lists do not hold — deleted or
 *   restricted in Zendesk — is filed under an "uncategorised" category of its locale.
 * Every record is checked like a feed record. A record that cannot be used is skipped, and
 * every skipped or re-filed record is named in the sync report's notes: one bad record never
 * blocks the rest of the help center.
 *
 * Locales are matched by language when the region differs (`/hc/en` syncs `en-us`); a locale
 * the help center lacks is refused naming the ones it has.
 *
 * Host-mapped help centers (help.example.com in front of acme.zendesk.com): Zendesk documents
 * that API requests go to the account's zendesk.com subdomain, and its answers name their next
 * pages there. A next page is followed when it is on the help center's own origin, or is the
 * same API list on an https *.zendesk.com host; anything else is refused.
 */
import { categoryTrail } from '../../../shared/categories';
import { CONTEXT_ID_RULE, isContextId, MAX_CONTEXTS_PER_ARTICLE } from '../../../shared/contexts';
import { ZENDESK_PREFIX } from '../../../shared/feed-location';
import { isArticleId } from '../../../shared/ids';
import { isSimplifiedChinese, languageOf, LOCALE_SOURCE, matchingLocales } from '../../../shared/locale';
import { isPlatform, PLATFORMS, type Platform } from '../../../shared/platform';
import type { ArticleAttachment, SyncNote } from '../../../shared/types';
import { isSecureOrLoopback } from '../../../shared/urls';
import { array, boolean, nullable, number, object, optional, string, ValidationError, type Check } from '../../../shared/validate';
import { SyncError } from '../errors';
import { checkArticle, checkAttachment, FeedRecordError, type FeedArticle, type FeedCategory } from '../feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../feed/sanitize';
import { zendeskBodyHtml } from './zendesk-html';
import type { HttpSourceOptions } from './feed-source';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, httpGet } from './http';
import { RemotePictures } from './remote-pictures';
import { checkAttachmentRecord, RemoteAttachments } from './remote-attachments';
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

/** The locale a help center URL names: `/hc/<locale>` or `/api/v2/help_center/<locale>`. */
const LOCALE_IN_PATH = new RegExp(`^/(?:hc|api/v2/help_center)/(${LOCALE_SOURCE})(?:/|\\.json|$)`);

/** Reads a location such as `zendesk:https://help.example.com/hc/ko` (see ./sources). */
export function parseZendeskLocation(location: string): ZendeskLocation {
  const trimmed = location.trim();
  const raw = trimmed.toLowerCase().startsWith(ZENDESK_PREFIX) ? trimmed.slice(ZENDESK_PREFIX.length) : trimmed;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SyncError('invalid-feed', `"${raw.slice(0, 200)}" is not a Zendesk help center URL; write it like zendesk:https://help.example.com`, { resource: raw });
  }
  // Zendesk content is unsigned: only https keeps it from being altered on the way (plain
  // http is accepted only from this machine, for tests).
  if (!isSecureOrLoopback(url)) {
    throw new SyncError('refused', `a Zendesk help center is reached over https only, not ${url.protocol}//${url.host}; write it as zendesk:https://…`, { resource: raw });
  }
  const inPath = LOCALE_IN_PATH.exec(url.pathname);
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
  html_url?: string | null;
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
    html_url: optional(nullable(string())),
  },
  { allowUnknown: true },
);

type Listed = 'categories' | 'sections' | 'articles' | 'article_attachments';
const SINGULAR: Record<Listed, string> = { categories: 'category', sections: 'section', articles: 'article', article_attachments: 'attachment' };

interface ListOptions {
  signal?: AbortSignal;
  onPage: (bytes: number, records: number) => void;
  /** Records skipped or re-filed, for the sync report. */
  notes: SyncNote[];
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

function contextOf(label: string, what: string): string {
  const id = label.trim().slice('context:'.length).trim().toLowerCase();
  if (!isContextId(id)) throw recordError(what, 'label_names', `a context label (context:<id>, ${CONTEXT_ID_RULE})`, label);
  return id;
}

interface Labels {
  platform: Platform;
  group: string | null;
  tags: string[];
  contexts: string[];
}

function readLabels(labels: readonly string[], what: string): Labels {
  let platform: Platform = 'common';
  let group: string | null = null;
  const tags = new Set<string>();
  const contexts = new Set<string>();
  for (const label of labels) {
    const lower = label.trim().toLowerCase();
    if (lower.startsWith('platform:')) platform = platformOf(label, what);
    else if (lower.startsWith('context:')) contexts.add(contextOf(label, what));
    else if (lower.startsWith('group:') && isArticleId(lower.slice(6))) group = lower.slice(6);
    else if (label.trim() !== '') tags.add(label.trim().slice(0, 60));
  }
  if (contexts.size > MAX_CONTEXTS_PER_ARTICLE) throw recordError(what, 'label_names', `at most ${MAX_CONTEXTS_PER_ARTICLE} context: labels`, labels);
  return { platform, group, tags: [...tags].slice(0, 50), contexts: [...contexts] };
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

interface LocaleListing {
  locale: string;
  categories: ZendeskCategory[];
  sections: ZendeskSection[];
  articles: ZendeskArticle[];
}

const UNCATEGORISED: Record<string, string> = { ko: '미분류', en: 'Uncategorised', ja: '未分類', zh: '未分類', 'zh-hans': '未分类' };

/** The category (and service) of articles whose section or category Zendesk did not list. */
export function uncategorisedName(locale: string): string {
  if (isSimplifiedChinese(locale)) return UNCATEGORISED['zh-hans']!;
  return UNCATEGORISED[languageOf(locale)] ?? UNCATEGORISED.en!;
}

/** Where an article is filed: its section's path and category name, or "uncategorised" when either is missing. */
interface Filing {
  service: string;
  category: string;
  /** Why it is uncategorised, for the report; null when it is filed normally. */
  orphan: string | null;
}

function filingOf(article: ZendeskArticle, locale: string, sections: ReadonlyMap<number, ZendeskSection>, paths: ReadonlyMap<number, string>, categoryNames: ReadonlyMap<number, string>): Filing {
  const uncategorised = uncategorisedName(locale);
  const section = sections.get(article.section_id);
  if (!section) return { service: uncategorised, category: uncategorised, orphan: `its section ${article.section_id} is not listed (deleted or restricted)` };
  const service = categoryNames.get(section.category_id);
  if (!service) return { service: uncategorised, category: paths.get(section.id)!, orphan: `the category ${section.category_id} of its section ${section.id} is not listed (deleted or restricted)` };
  return { service, category: paths.get(section.id)!, orphan: null };
}

function categoryRecords(listings: readonly LocaleListing[], articles: readonly FeedArticle[]): FeedCategory[] {
  const records: FeedCategory[] = [];
  for (const { locale, categories, sections } of listings) {
    const categoryPosition = new Map(categories.map((c) => [c.id, c.position ?? 0]));
    const paths = sectionPaths(new Map(sections.map((s) => [s.id, s])));
    const ordered = [...sections].sort(
      (a, b) => (categoryPosition.get(a.category_id) ?? 0) - (categoryPosition.get(b.category_id) ?? 0) || (a.position ?? 0) - (b.position ?? 0) || a.id - b.id,
    );
    const seen = new Set<string>();
    for (const section of ordered) {
      for (const path of categoryTrail(paths.get(section.id)!)) {
        if (seen.has(path)) continue;
        seen.add(path);
        records.push({ path, locale: localeSlug(locale), position: seen.size - 1 });
      }
    }
    // The uncategorised category comes last, and only when an article is in it.
    const uncategorised = uncategorisedName(locale);
    if (!seen.has(uncategorised) && articles.some((a) => a.locale === localeSlug(locale) && a.category === uncategorised)) {
      records.push({ path: uncategorised, locale: localeSlug(locale), position: seen.size });
    }
  }
  return records;
}

/** The host names of the help center: its own, and those its articles' html_url name (a host-mapped center's zendesk.com one…). */
function helpCenterHosts(listings: readonly LocaleListing[], origin: string): Set<string> {
  const hosts = new Set([new URL(origin).hostname]);
  for (const { articles } of listings) {
    for (const { html_url } of articles) {
      if (!html_url) continue;
      try {
        hosts.add(new URL(html_url).hostname);
      } catch {
        // A malformed html_url names no host; the article itself is still fine.
      }
    }
  }
  return hosts;
}

/** The attachments of each article, by its Doum id (see ./remote-attachments). */
type AttachmentsById = ReadonlyMap<string, ArticleAttachment[]>;

function articleRecords(listings: readonly LocaleListing[], origin: string, notes: SyncNote[], attachmentsById: AttachmentsById): FeedArticle[] {
  const synced = new Map<string, string>();
  for (const { locale, articles } of listings) {
    for (const article of articles) if (!article.draft) synced.set(`${localeSlug(locale)}/${article.id}`, zendeskArticleId(locale, article.id));
  }
  const syncedLocales = listings.map((l) => l.locale);
  const hosts = helpCenterHosts(listings, origin);
  const records: FeedArticle[] = [];
  for (const { locale, categories, sections, articles } of listings) {
    const categoryNames = new Map(categories.map((c) => [c.id, c.name.trim()]));
    const sectionById = new Map(sections.map((s) => [s.id, s]));
    const paths = sectionPaths(sectionById);
    // A link may name the locale another way than the API (/hc/en/… for en-us): matched by language then.
    const articleId = (linkLocale: string, id: number): string | null =>
      synced.get(`${localeSlug(linkLocale)}/${id}`) ?? matchingLocales(linkLocale, syncedLocales).map((l) => synced.get(`${localeSlug(l)}/${id}`)).find(Boolean) ?? null;
    const body = { origin, locale, hosts, articleId };
    for (const article of articles) {
      if (article.draft) continue;
      const what = `Zendesk article ${article.id} (${locale})`;
      try {
        const filing = filingOf(article, locale, sectionById, paths, categoryNames);
        const labels = readLabels(article.label_names ?? [], what);
        const bodyHtml = sanitizeArticleHtml(zendeskBodyHtml(article.body ?? '', body));
        const record = checkArticle(
          {
            id: zendeskArticleId(locale, article.id),
            title: article.title.trim(),
            bodyHtml,
            service: filing.service,
            category: filing.category,
            platform: labels.platform,
            locale: localeSlug(locale),
            group: labels.group ?? `zd-${article.id}`,
            tags: labels.tags,
            updatedAt: article.edited_at ?? article.updated_at,
            links: articleLinksIn(bodyHtml),
          },
          '',
        );
        const attachments = checkedAttachments(attachmentsById.get(record.id) ?? [], what, notes);
        records.push({ ...record, ...(labels.contexts.length > 0 ? { contexts: labels.contexts } : {}), ...(attachments.length > 0 ? { attachments } : {}) });
        if (filing.orphan) notes.push({ kind: 'uncategorised', record: what, reason: `filed under "${filing.category === filing.service ? filing.category : `${filing.service} › ${filing.category}`}": ${filing.orphan}` });
      } catch (error) {
        if (error instanceof ValidationError) notes.push(skipped(what, error));
        else if (error instanceof FeedRecordError) notes.push(skipped(what, error.problem));
        else throw error;
      }
    }
  }
  return records;
}

/** The attachments that pass the record check; one that does not is left out and named, never the article. */
function checkedAttachments(attachments: readonly ArticleAttachment[], what: string, notes: SyncNote[]): ArticleAttachment[] {
  return attachments.flatMap((attachment) => {
    try {
      return [checkAttachment(attachment, 'attachment')];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      notes.push({ kind: 'attachment', record: what, reason: `the attached file "${attachment.fileName.slice(0, 200)}" is left out: ${error.message}` });
      return [];
    }
  });
}

function skipped(what: string, cause: unknown): SyncNote {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { kind: 'skipped', record: what, reason };
}

/** Attachment lists asked for at once (one small request per article). */
const ATTACHMENT_LISTS_AT_ONCE = 6;

/** `work` over every item, at most `limit` at a time; the results in the items' order. The first failure stops the rest. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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
    const notes: SyncNote[] = [];
    const list: ListOptions = { signal: options.signal, notes, onPage: (pageBytes: number, pageArticles: number) => {
      bytes += pageBytes;
      records += pageArticles;
      options.onProgress?.({ bytes, records });
    } };
    const locales = this.chooseLocales(await this.listLocales(list));
    const listings: LocaleListing[] = [];
    for (const locale of locales) {
      listings.push({
        locale,
        categories: await this.listAll(locale, 'categories', checkCategoryRecord, list),
        sections: await this.listAll(locale, 'sections', checkSectionRecord, list),
        articles: await this.listAll(locale, 'articles', checkArticleRecord, list),
      });
    }
    const attachments = await this.fetchAttachments(listings, list, options);
    const pictures = await this.fetchPictures(listings, options.signal, (pictureBytes) => list.onPage(pictureBytes, 0));
    const articles = articleRecords(listings, this.location.origin, notes, attachments.byId);
    return { articles, categories: categoryRecords(listings, articles), notes, ...pictures, assets: [...pictures.assets, ...attachments.assets] };
  }

  /**
   * Lists every article's attachments and downloads the files (see ./remote-attachments). An
   * article whose list cannot be had keeps no attachments this time, with a note; the rest of
   * the help center still syncs.
   */
  private async fetchAttachments(listings: readonly LocaleListing[], list: ListOptions, options: CollectionFetchOptions) {
    const files = new RemoteAttachments({
      origin: this.location.origin,
      signal: options.signal,
      timeoutMs: this.options.timeoutMs,
      retry: this.options.retry,
      onBytes: (bytes) => list.onPage(bytes, 0),
      known: options.knownAttachment,
    });
    const tasks = listings.flatMap(({ locale, articles }) => articles.filter((a) => !a.draft).map((article) => ({ locale, id: article.id })));
    // One request per article: a few at a time, or a large help center would wait a round trip each.
    const results = await inParallel(tasks, ATTACHMENT_LISTS_AT_ONCE, async ({ locale, id }) => {
      const record = `Zendesk article ${id} (${locale})`;
      const notes: SyncNote[] = [];
      try {
        const listed = await this.listPages(this.attachmentsUrl(locale, id), 'article_attachments', locale, checkAttachmentRecord, { ...list, notes });
        return { id: zendeskArticleId(locale, id), notes, attachments: listed.length ? await files.attachmentsOf(record, listed, notes) : [] };
      } catch (error) {
        if (options.signal?.aborted || !(error instanceof SyncError)) throw error;
        notes.push({ kind: 'attachment', record, reason: `its attached files could not be listed (${error.message}); it is shown without them until the next sync` });
        return { id: zendeskArticleId(locale, id), notes, attachments: [] };
      }
    });
    const byId = new Map<string, ArticleAttachment[]>();
    // Notes in the order of the articles, however the requests finished.
    for (const { id, notes, attachments } of results) {
      list.notes.push(...notes);
      if (attachments.length) byId.set(id, attachments);
    }
    return { byId, assets: files.result() };
  }

  private attachmentsUrl(locale: string, id: number): string {
    return `${this.location.origin}/api/v2/help_center/${encodeURIComponent(locale)}/articles/${id}/attachments`;
  }

  /** Downloads every article's pictures and rewrites the bodies to use them (see ./remote-pictures). */
  private async fetchPictures(listings: LocaleListing[], signal: AbortSignal | undefined, onBytes: (bytes: number) => void) {
    const pictures = new RemotePictures({ origin: this.location.origin, signal, timeoutMs: this.options.timeoutMs, retry: this.options.retry, onBytes });
    for (const listing of listings) {
      for (const article of listing.articles) {
        if (article.draft || !article.body) continue;
        article.body = await pictures.rewrite(zendeskArticleId(listing.locale, article.id), article.body);
      }
    }
    const { assets, missing } = pictures.result();
    return { assets, missingPictures: missing };
  }

  /** The help center's locales that the location names (by language when the region differs), or all of them. */
  private chooseLocales(available: readonly string[]): string[] {
    if (this.location.locales.length === 0) return [...available];
    const chosen = new Set<string>();
    for (const requested of this.location.locales) {
      const found = matchingLocales(requested, available);
      if (found.length === 0) {
        throw new SyncError(
          'not-found',
          `the help center ${this.location.origin} has no "${requested}" articles; it has ${available.join(', ')} — name one of them (zendesk:${this.location.origin}/hc/${available[0]})`,
          { resource: `${this.location.origin}/api/v2/help_center/locales.json` },
        );
      }
      for (const locale of found) chosen.add(locale);
    }
    return [...chosen];
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
  private listAll<T>(locale: string, what: Exclude<Listed, 'article_attachments'>, check: Check<T>, options: ListOptions): Promise<T[]> {
    return this.listPages(`${this.location.origin}/api/v2/help_center/${encodeURIComponent(locale)}/${what}.json?page[size]=${PAGE_SIZE}`, what, locale, check, options);
  }

  /** Every item of one list from its first page on, following the cursor from page to page. */
  private async listPages<T>(first: string, what: Listed, locale: string, check: Check<T>, options: ListOptions): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let url: string | null = first;
    while (url) {
      if (seen.has(url) || seen.size >= MAX_PAGES) {
        throw new SyncError('invalid-feed', `the Zendesk ${what} list of ${locale} keeps sending pages (${seen.size} so far, ${url}); try again later`, { resource: url });
      }
      seen.add(url);
      const { body, bytes } = await this.getJson(url, options);
      const pageItems: { items: T[]; next: string | null } = this.readPage(body, what, locale, url, check, options.notes);
      items.push(...pageItems.items);
      options.onPage(bytes, what === 'articles' ? pageItems.items.length : 0);
      url = pageItems.next;
    }
    return items;
  }

  private readPage<T>(body: unknown, what: Listed, locale: string, url: string, check: Check<T>, notes: SyncNote[]): { items: T[]; next: string | null } {
    let shape;
    try {
      shape = object({ [what]: array((value: unknown) => value), ...page }, { allowUnknown: true })(body, what);
    } catch (error) {
      if (error instanceof ValidationError) throw new SyncError('invalid-feed', `${url} is not a Zendesk ${what} page (${error.message})`, { resource: url });
      throw error;
    }
    const raw = (shape as Record<Listed, unknown[]>)[what];
    const items: T[] = [];
    raw.forEach((item, i) => {
      try {
        items.push(check(item, ''));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // One unusable record is skipped and named; the rest of the help center still syncs.
        const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
        const name = typeof id === 'number' || (typeof id === 'string' && id.length <= 30) ? String(id) : `record ${i + 1} of ${url}`;
        // An unusable attachment record costs its file only, not an article: said as such.
        notes.push({ kind: what === 'article_attachments' ? 'attachment' : 'skipped', record: `Zendesk ${SINGULAR[what]} ${name} (${locale})`, reason: error.message });
      }
    });
    const cursorNext = shape.meta?.has_more ? shape.links?.next ?? null : null;
    return { items, next: this.nextPage(cursorNext ?? shape.next_page ?? null, url) };
  }

  /**
   * Next-page links are followed within the help center, and to the same API list on an
   * https *.zendesk.com host (a host-mapped help center's API answers with its zendesk.com
   * address); never anywhere else.
   */
  nextPage(next: string | null, from: string): string | null {
    if (!next) return null;
    let url: URL;
    try {
      url = new URL(next, from);
    } catch {
      throw new SyncError('invalid-feed', `${from} names a next page "${next.slice(0, 100)}" that is not a URL`, { resource: from });
    }
    if (url.origin === this.location.origin) return url.href;
    const listPath = (path: string): string => path.replace(/\.json$/, '');
    const sameList = listPath(url.pathname) === listPath(new URL(from).pathname);
    if (url.protocol === 'https:' && url.hostname.endsWith('.zendesk.com') && !url.username && !url.password && sameList) return url.href;
    throw new SyncError(
      'invalid-feed',
      `${from} names a next page on another host (${url.origin}${sameList ? '' : url.pathname}); Doum follows pages of ${this.location.origin} and of the same list on its https zendesk.com address only`,
      { resource: from },
    );
  }
}
