/**
 * HelpService: the HelpApi implemented over the content store, the user store, the search
 * index and a sync runner — the only implementation there is. The desktop app (from its
 * service process, through the main process's relay), the preview server and the CLI expose
 * exactly this object; none adds behaviour of its own. What differs by host comes in as an
 * option: where a sync runs (SyncRunner), how a link opens, and who confirms a change of a
 * security setting.
 */
import type { HelpEventName, HelpEvents, HelpRequests, SecurityChange, SuggestOptions, ArticleListFilter, Unsubscribe } from '../../shared/api';
import type { HostOs, Platform } from '../../shared/platform';
import { topCategory } from '../../shared/categories';
import type { FeedbackDetails, FeedbackReport } from '../../shared/feedback';
import { byPlatformPreference, onePerTopic, topicKey } from '../../shared/topics';
import type {
  AppInfo,
  Article,
  ArticleSummary,
  Bookmark,
  Category,
  ContextInfo,
  ContextOptions,
  ContextResolution,
  FeedbackEntry,
  HistoryEntry,
  HomeData,
  SearchHelp,
  SearchLogEntry,
  SearchQuery,
  SearchResult,
  Settings,
  Suggestion,
  StartupNotice,
  SyncReport,
  SyncStatus,
} from '../../shared/types';
import { mostSpecificFirst } from '../../shared/contexts';
import { articleHrefAttributes, articleLink } from '../../shared/ids';
import { languageOf } from '../../shared/locale';
import { resolveContext } from './contexts';
import { LIST_PAGE_MAX, securityChanges } from '../../shared/api';
import { FEED_LOCATION_REASONS, readFeedLocation, readUpdateUrl } from '../../shared/feed-location';
import { RequestError, SyncError } from './errors';
import type { AdminPolicy } from './policy';
import type { SyncOptions } from './sync/engine';
import { Emitter } from './events';
import { KeyError, publicKeyFromBase64 } from './feed/signing';
import type { SearchIndex } from './search/search-index';
import type { ContentStore, ListingFilter, RankedArticle } from './store/content-store';
import type { UserStore } from './store/user-store';
import { FolderFeedSource } from './sync/feed-source';
import type { SyncRunner } from './sync/runner';
import { syncSourceFor, type SyncSource } from './sync/sources';

export const BUNDLED_SOURCE_ID = 'bundled';

export interface HelpServiceOptions {
  content: ContentStore;
  user: UserStore;
  search: SearchIndex;
  /** Runs the syncs (sync/runner.ts: in-process in every host today). */
  sync: SyncRunner;
  hostOs: HostOs;
  version: string;
  systemLocale: string;
  transport: AppInfo['transport'];
  /** The feed shipped with the app; used when no feed URL is set. */
  bundledFeedDir: string | null;
  /** Opens a checked URL in the system browser (Electron's shell.openExternal, or a log). */
  openExternal: (url: string) => Promise<void>;
  /** Feed location → source; tests and the shell may tune timeouts and retries. */
  sourceFor?: (location: string) => SyncSource;
  /** The administrator's policy (already checked): these settings are fixed. */
  policy?: AdminPolicy;
  /** What the person must be told at start (see AppInfo.notices). */
  notices?: StartupNotice[];
  /**
   * Asks the person whether these security settings may change (the desktop app's native
   * dialog); true to go ahead. Without it changes are made as asked: the CLI's `settings set`
   * is the person at their own terminal, and the preview's page confirms in a step of its own.
   */
  confirmSecurityChange?: (changes: SecurityChange[]) => Promise<boolean>;
}

/** What every view of one service shares (see withHostOs): its events and its running sync. */
interface SharedState {
  events: Emitter<HelpEvents>;
  /** The sync in progress, which a syncNow asked for meanwhile joins. */
  syncing: Promise<SyncReport> | null;
}

const RELATED_LIMIT = 5;
/** Articles of the same category weighed as related (the newest). */
const RELATED_CANDIDATES = 200;
const DEFAULT_HISTORY_LIMIT = 50;
/** Visits read to make the per-topic history (the store keeps at most 500). */
const HISTORY_SCAN_LIMIT = 500;
const HOME_LIST_LIMIT = 8;
/** Popular articles offered by a results page that found nothing or only partly. */
const SEARCH_HELP_POPULAR = 5;

/** Newest first by the dates' values (an ISO date and a date-time compare as points in time), then by id. */
function newestRankedFirst(a: RankedArticle, b: RankedArticle): number {
  return b.updatedMs - a.updatedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Two ordered streams as one, in the same order (`before`: a comes first). */
function* mergeOrdered<T>(first: readonly T[], second: Iterator<T>, before: (a: T, b: T) => boolean): Generator<T> {
  let i = 0;
  let next = second.next();
  try {
    while (i < first.length || !next.done) {
      if (i < first.length && (next.done || before(first[i]!, next.value))) yield first[i++]!;
      else {
        yield next.value as T;
        next = second.next();
      }
    }
  } finally {
    second.return?.(undefined);
  }
}

/** The summary part of a ranked article (what the HelpApi returns). */
function summaryOf({ incoming: _incoming, updatedMs: _updatedMs, ...summary }: RankedArticle): ArticleSummary {
  return summary;
}

/** Points `doum://article/<id>` links at the variants chosen for them. */
function retargetArticleLinks(html: string, targets: ReadonlyMap<string, string>): string {
  return html.replace(articleHrefAttributes(), (whole, id: string) => {
    const target = targets.get(id);
    return target && target !== id ? `href="${articleLink(target)}"` : whole;
  });
}

/** URLs that may leave the app: web pages and e-mail, nothing that runs or reads files. */
export function checkExternalUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RequestError('invalid-argument', 'link-invalid', `"${raw.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol === 'mailto:') return url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RequestError('refused', 'link-refused', `links of the form ${url.protocol} are not opened outside Doum; only http, https and mailto links are`);
  }
  if (url.username || url.password) throw new RequestError('refused', 'link-refused', 'links with a user name or password in them are not opened');
  if (!url.hostname) throw new RequestError('invalid-argument', 'link-invalid', `"${raw.slice(0, 100)}" has no host name`);
  return url;
}

/**
 * A feed location must be an http(s) URL, an absolute folder path, or `zendesk:` and the
 * https URL of a Zendesk help center (the rule: shared/feed-location.ts). Returns it normalized.
 */
export function checkFeedLocation(location: string): string {
  const read = readFeedLocation(location);
  if (!read.ok) throw new RequestError('invalid-argument', FEED_LOCATION_REASONS[read.problem], read.message);
  return read.location;
}

/**
 * Checks and normalizes the security settings of a patch (or a policy): a feed location, a
 * usable Ed25519 key, an https update URL (plain http only on this machine, for tests).
 */
export function checkTrustSettings<T extends Partial<Pick<Settings, 'feedUrl' | 'feedPublicKey' | 'updateUrl'>>>(patch: T): T {
  const checked = { ...patch };
  if (checked.feedUrl) checked.feedUrl = checkFeedLocation(checked.feedUrl);
  if (checked.feedPublicKey) {
    try {
      publicKeyFromBase64(checked.feedPublicKey);
    } catch (error) {
      if (error instanceof KeyError) throw new RequestError('invalid-argument', 'key-invalid', error.message);
      throw error;
    }
  }
  if (checked.updateUrl) {
    const read = readUpdateUrl(checked.updateUrl);
    if (!read.ok) throw new RequestError('invalid-argument', 'update-url-not-https', read.message);
    checked.updateUrl = read.url;
  }
  return checked;
}

export class HelpService implements HelpRequests {
  private readonly events: Emitter<HelpEvents>;

  constructor(
    private readonly options: HelpServiceOptions,
    private readonly shared: SharedState = { events: new Emitter<HelpEvents>(), syncing: null },
  ) {
    this.events = shared.events;
  }

  /**
   * The same service presenting itself as another host OS (same stores, events and sync). The
   * preview uses it so a browser can show the macOS or Windows look on any machine.
   */
  withHostOs(hostOs: HostOs): HelpService {
    return hostOs === this.options.hostOs ? this : new HelpService({ ...this.options, hostOs }, this.shared);
  }

  on<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** For a host: something outside the renderer asks to show a target (the preview's tests). */
  emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]): void {
    this.events.emit(event, payload);
  }

  get hostOs(): HostOs {
    return this.options.hostOs;
  }

  async getAppInfo(): Promise<AppInfo> {
    const { hostOs, version, systemLocale, transport } = this.options;
    const lockedSettings = (Object.keys(this.options.policy ?? {}) as AppInfo['lockedSettings']);
    return { hostOs, version, systemLocale, transport, lockedSettings, notices: this.options.notices ?? [] };
  }

  // -- reading ---------------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    const result = this.options.search.engine.search(query, { platform: this.options.hostOs });
    if (result.query.trim() !== '' && (result.total === 0 || result.partial)) result.help = this.searchHelp(result, query.uiLocale);
    return result;
  }

  /**
   * Where else to look when a search found nothing or only partly: the popular articles of
   * the closest result's category (of the whole help center when there is none), and the
   * help center's contact page.
   */
  private searchHelp(result: SearchResult, locale?: string): SearchHelp {
    const { content, hostOs } = this.options;
    // The top-level category: a leaf often holds little beyond the result itself.
    const category = result.results[0] ? topCategory(result.results[0].category) : null;
    const shown = new Set(result.results.map((hit) => hit.id));
    const popular = this.popularTopics({ ...(category ? { category } : {}), ...(locale ? { locale } : {}) }, hostOs, SEARCH_HELP_POPULAR, shown);
    return { category, popular, supportUrl: content.helpCenter().supportUrl };
  }

  /**
   * The most popular topics among the filtered articles, one variant each (the platform's,
   * see shared/topics.ts), leaving out the variants in `hide`. Popular: what this person reads
   * most (views × 1000), then what the help center links to most, then the newest. Reads
   * articles in that order from SQL and stops once it has `limit` topics.
   */
  private popularTopics(filter: ListingFilter, platform: Platform, limit: number, hide: ReadonlySet<string> = new Set()): ArticleSummary[] {
    const { content, user } = this.options;
    const views = user.viewCounts();
    const score = (a: RankedArticle): number => (views.get(a.id) ?? 0) * 1000 + a.incoming;
    const before = (a: RankedArticle, b: RankedArticle): boolean => score(a) > score(b) || (score(a) === score(b) && newestRankedFirst(a, b) < 0);
    // The few articles this person has read, in order; the rest stream from SQL in the same order.
    const read = content.rankedArticles([...views.keys()], filter).sort((a, b) => (before(a, b) ? -1 : 1));
    const unread = (function* (): Generator<RankedArticle> {
      for (const article of content.articlesInOrder('linked', filter)) if (!views.has(article.id)) yield article;
    })();
    const popular: ArticleSummary[] = [];
    for (const { shown } of this.topicsOf(mergeOrdered(read, unread, before), filter, platform)) {
      if (!hide.has(shown.id)) popular.push(summaryOf(shown));
      if (popular.length >= limit) break;
    }
    return popular;
  }

  /**
   * The newest topics among the filtered articles, one variant each, ordered by the date of
   * the variant shown (it may be older than its siblings). Reads articles newest first and
   * stops at the first topic that cannot beat the `limit`th found.
   */
  private recentTopics(filter: ListingFilter, platform: Platform, limit: number): ArticleSummary[] {
    const found: RankedArticle[] = [];
    for (const { first, shown } of this.topicsOf(this.options.content.articlesInOrder('recent', filter), filter, platform)) {
      // A topic's first article comes first of its variants in this order, so the one shown
      // is never ahead of it, and every topic after it starts later still.
      if (found.length >= limit && newestRankedFirst(found[limit - 1]!, first) < 0) break;
      found.push(shown);
      found.sort(newestRankedFirst);
      found.length = Math.min(found.length, limit);
    }
    return found.map(summaryOf);
  }

  /**
   * Each topic of an ordered stream of articles once, where its first article comes, with the
   * variant to show for the platform among its variants that pass the filter. Variants are
   * read for a batch of topics at a time (batches grow: a short list reads little).
   */
  private *topicsOf(articles: Iterator<RankedArticle>, filter: ListingFilter, platform: Platform): Generator<{ first: RankedArticle; shown: RankedArticle }> {
    const seen = new Set<string>();
    try {
      for (let batchSize = 16; ; batchSize = Math.min(batchSize * 2, 512)) {
        const batch: RankedArticle[] = [];
        while (batch.length < batchSize) {
          const next = articles.next();
          if (next.done) break;
          const topic = topicKey(next.value);
          if (seen.has(topic)) continue;
          seen.add(topic);
          batch.push(next.value);
        }
        if (batch.length === 0) return;
        const variants = this.options.content.topicVariants(batch.map(topicKey), filter);
        for (const first of batch) yield { first, shown: byPlatformPreference(variants.get(topicKey(first)) ?? [first], platform)[0]! };
      }
    } finally {
      articles.return?.(undefined);
    }
  }

  async noteSearch(text: string): Promise<void> {
    const { user } = this.options;
    if (!user.getSettings().recordSearches || text.trim() === '') return;
    const result = this.options.search.engine.search({ text, limit: 1 }, { platform: this.options.hostOs });
    if (result.total === 0) user.logSearch(text, 'none');
    else if (result.partial) user.logSearch(text, 'partial');
  }

  async listSearchLog(): Promise<SearchLogEntry[]> {
    return this.options.user.listSearchLog();
  }

  async clearSearchLog(): Promise<void> {
    this.options.user.clearSearchLog();
  }

  async suggest(text: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    return this.options.search.engine.suggest(text, { platform: this.options.hostOs, ...options });
  }

  async getArticle(id: string, options: { platform?: Platform } = {}): Promise<Article | null> {
    const { content } = this.options;
    const article = content.getArticle(id);
    if (!article) return null;
    const platform = options.platform ?? this.options.hostOs;
    const variants = article.group
      ? byPlatformPreference(content.groupMembers(article.group, article.locale), platform)
      : [{ id: article.id, platform: article.platform, locale: article.locale }];
    const translations = article.group ? this.pickTranslations(content.groupTranslations(article.group, article.locale), article.platform) : [];
    // Links and related articles follow the reader: the variant of the article being read
    // when it is for one platform, else the requested platform (the host OS).
    const readerPlatform = article.platform === 'common' ? platform : article.platform;
    const links = new Map(article.links.map((target) => [target, this.variantFor(target, readerPlatform)]));
    const { bodyText: _bodyText, ...rest } = article;
    return {
      ...rest,
      bodyHtml: retargetArticleLinks(article.bodyHtml, links),
      links: [...new Set(links.values())],
      variants,
      translations,
      related: this.related({ ...article, links: [...links.values()] }, readerPlatform),
      attachments: content.articleAttachments(article.id),
    };
  }

  /** The variant of a linked article's topic for a platform (then common, then any); unknown ids stay. */
  private variantFor(id: string, platform: Platform): string {
    const { content } = this.options;
    const target = content.getArticle(id);
    if (!target?.group) return id;
    return byPlatformPreference(content.groupMembers(target.group, target.locale), platform)[0]?.id ?? id;
  }

  /** One translation per locale: the same platform when it exists, else the closest. */
  private pickTranslations(candidates: Article['translations'], platform: Platform): Article['translations'] {
    const byLocale = new Map<string, Article['translations']>();
    for (const c of candidates) byLocale.set(c.locale, [...(byLocale.get(c.locale) ?? []), c]);
    return [...byLocale.values()].map((list) => byPlatformPreference(list, platform)[0]!);
  }

  /** Articles it links to first, then the same category sharing tags, one per topic. */
  private related(article: ArticleSummary & { links: string[] }, platform: Platform): ArticleSummary[] {
    const { content } = this.options;
    const ownTopic = topicKey(article);
    // A link names one variant; its whole topic is a candidate, so the reader's variant wins.
    const linkedGroups = content.listArticles({ ids: article.links });
    const linked = linkedGroups.flatMap((a) => (a.group ? content.listArticles({ ids: content.groupMembers(a.group, a.locale).map((v) => v.id) }) : [a]));
    // The newest 200 of its category, read from the listing's date index.
    const sameCategory: ArticleSummary[] = [];
    for (const candidate of content.articlesInOrder('recent', { category: article.category, locale: article.locale })) {
      if (sameCategory.push(summaryOf(candidate)) >= RELATED_CANDIDATES) break;
    }
    const tags = new Set(article.tags);
    const shared = (a: ArticleSummary): number => a.tags.filter((t) => tags.has(t)).length;
    const candidates = [...linked, ...sameCategory.sort((a, b) => shared(b) - shared(a))].filter((a) => topicKey(a) !== ownTopic);
    return onePerTopic(candidates, platform).slice(0, RELATED_LIMIT);
  }

  /**
   * A picture's bytes, for the transports that serve `/assets/<sha256>` (the preview's route,
   * Electron's doum-app: scheme). Not a HelpApi method: pictures reach the renderer as <img>.
   */
  getAsset(sha256: string): { type: string; data: Buffer; fileName: string | null } | null {
    return this.options.content.getAsset(sha256);
  }

  async listCategories(locale?: string): Promise<Category[]> {
    return this.options.content.categories(locale);
  }

  /**
   * A page of a category's (or service's) topics A–Z, one variant each (the platform's, see
   * shared/topics.ts), those that apply to the platform first: `limit` topics (at most
   * LIST_PAGE_MAX, also when none is asked) from `offset`. Topics are read A–Z and stop once
   * the page is made of topics that apply (only when those run out is the whole list read);
   * then the variants of the page's topics alone.
   */
  async listArticles(filter: ArticleListFilter): Promise<ArticleSummary[]> {
    const { content } = this.options;
    const platform = filter.platform ?? this.options.hostOs;
    const listing: ListingFilter = { category: filter.category, service: filter.service, locale: filter.locale };
    const offset = filter.offset ?? 0;
    const end = offset + Math.min(filter.limit ?? LIST_PAGE_MAX, LIST_PAGE_MAX);
    const applying: string[] = [];
    const others: string[] = [];
    for (const { topic, applies } of content.topicsByTitle(listing, platform)) {
      (applies ? applying : others).push(topic);
      if (applying.length >= end) break;
    }
    const page = [...applying, ...others].slice(offset, end);
    const variants = content.topicVariants(page, listing);
    return page.map((topic) => summaryOf(byPlatformPreference(variants.get(topic)!, platform)[0]!));
  }

  async getHome(locale?: string): Promise<HomeData> {
    const { content, hostOs } = this.options;
    const filter: ListingFilter = locale ? { locale } : {};
    return {
      categories: content.categories(locale),
      popular: this.popularTopics(filter, hostOs, HOME_LIST_LIMIT),
      recent: this.recentTopics(filter, hostOs, HOME_LIST_LIMIT),
      counts: content.contentCounts(locale),
      sync: await this.getSyncStatus(),
    };
  }

  // -- sync ------------------------------------------------------------------------------------

  /** The configured feed or Zendesk help center, else the feed bundled with the app. */
  private sourceForSettings(settings: Settings): SyncSource {
    if (settings.feedUrl) return (this.options.sourceFor ?? syncSourceFor)(settings.feedUrl);
    if (!this.options.bundledFeedDir) throw new SyncError('not-found', 'no feed URL is set and this build has no bundled help center; set a feed URL in Settings');
    return new FolderFeedSource(this.options.bundledFeedDir, BUNDLED_SOURCE_ID);
  }

  /**
   * The trust part of a sync's options: the pinned key, the highest signed revision applied
   * under it, and remembering the next one. Refuses outright when the trust state was lost.
   */
  private trustedSyncOptions(settings: Settings): Pick<SyncOptions, 'publicKey' | 'highestSignedRevision' | 'onSignedRevision'> {
    const { user } = this.options;
    if (user.trustLost) {
      throw new SyncError('untrusted', 'your settings could not be recovered (the user data and its backup were unreadable), so Doum cannot tell whether a feed key was pinned; set the feed address — and its key, if it has one — again in Settings, then sync');
    }
    const publicKey = settings.feedPublicKey;
    return {
      publicKey,
      highestSignedRevision: publicKey ? user.trust().highestSignedRevision : null,
      onSignedRevision: (revision) => {
        if (publicKey && !user.readOnly) user.recordSignedRevision(publicKey, revision);
      },
    };
  }

  /** The person's settings with the administrator's policy over them. */
  private settingsNow(): Settings {
    return { ...this.options.user.getSettings(), ...this.options.policy };
  }

  /**
   * Syncs the configured source: the configured feed under the pinned key, else the feed
   * bundled with the app (which ships inside the signed app itself, so no key applies). A
   * syncNow while a sync runs joins it: the same report, or the same error.
   */
  syncNow(): Promise<SyncReport> {
    if (this.shared.syncing) return this.shared.syncing;
    const settings = this.settingsNow();
    return this.runSync(() => {
      const source = this.sourceForSettings(settings);
      // Asked even for the bundled feed: lost trust state stops every sync until the feed is set again.
      const trust = this.trustedSyncOptions(settings);
      return { source, trust: settings.feedUrl ? trust : {} };
    });
  }

  /**
   * Syncs a location given by the host rather than the settings (`doum sync --feed`), under
   * the pinned key as the configured feed would be. Not a HelpApi method: the page cannot
   * name a source without the person confirming it in Settings.
   */
  syncFrom(location: string): Promise<SyncReport> {
    if (this.shared.syncing) return this.shared.syncing;
    return this.runSync(() => ({ source: (this.options.sourceFor ?? syncSourceFor)(location), trust: this.trustedSyncOptions(this.settingsNow()) }));
  }

  /**
   * The one sync path. Progress goes out as `syncProgress` events (phases, bytes, records),
   * the status before and after as `syncStatus`; new content is indexed (by the runner)
   * before `contentUpdated` tells the renderer, and 'done' comes last.
   */
  private runSync(prepare: () => { source: SyncSource; trust: Pick<SyncOptions, 'publicKey' | 'highestSignedRevision' | 'onSignedRevision'> | Record<string, never> }): Promise<SyncReport> {
    const running = (async (): Promise<SyncReport> => {
      const { source, trust } = prepare();
      // Said first, so the renderer shows the sync before any of its progress; and the runner
      // starts before the first await, so a cancelSync right after syncNow reaches it.
      this.events.emit('syncStatus', { ...this.syncStatusNow(), syncing: true });
      try {
        const report = await this.options.sync.run(source, {
          ...trust,
          onProgress: (progress) => {
            // 'done' is sent below, once the search index has caught up too.
            if (progress.phase !== 'done') this.events.emit('syncProgress', progress);
          },
        });
        if (!report.notModified) this.events.emit('contentUpdated', { revision: report.revision });
        this.events.emit('syncProgress', { phase: 'done' });
        return report;
      } finally {
        this.shared.syncing = null;
        this.events.emit('syncStatus', this.syncStatusNow());
      }
    })();
    this.shared.syncing = running;
    // A sync that could not even start (no source, lost trust) is not left behind to join.
    running.catch(() => {
      if (this.shared.syncing === running) this.shared.syncing = null;
    });
    return running;
  }

  async cancelSync(): Promise<boolean> {
    return this.options.sync.cancel();
  }

  private storage(): SyncStatus['storage'] {
    const { content } = this.options;
    const { assets, assetBytes } = content.assetStats();
    return { totalBytes: content.fileBytes(), pictures: assets, pictureBytes: assetBytes };
  }

  async getSyncStatus(): Promise<SyncStatus> {
    return this.syncStatusNow();
  }

  private syncStatusNow(): SyncStatus {
    const { content, sync } = this.options;
    const state = content.syncState();
    return {
      syncing: sync.running || this.shared.syncing !== null,
      source: state.source ?? BUNDLED_SOURCE_ID,
      revision: state.revision,
      articles: content.articleCount(),
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastError,
      failures: state.failures,
      storage: this.storage(),
    };
  }

  // -- settings --------------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    return this.settingsNow();
  }

  /**
   * Checks and stores a patch. Settings the administrator's policy fixes are refused; a
   * change of a security setting (feed URL, pinned key, update URL) is made only once the
   * host's `confirmSecurityChange` says the person agreed — in the app, one XSS in the page
   * is not enough to change what Doum trusts.
   */
  async setSettings(patch: Partial<Settings>): Promise<Settings> {
    const current = this.settingsNow();
    const locked = securityChanges(current, patch).filter((key) => this.options.policy?.[key] !== undefined);
    if (locked.length > 0) {
      throw new RequestError('refused', 'setting-locked', `${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} set by your administrator's policy and cannot be changed here`, {
        settings: locked.join(','),
      });
    }
    const checked = checkTrustSettings(patch);
    const changes = securityChanges(current, checked);
    const confirm = this.options.confirmSecurityChange;
    if (changes.length > 0 && confirm) {
      const confirmed = await confirm(changes.map((key) => ({ key, from: current[key], to: checked[key] ?? null })));
      if (!confirmed) throw new RequestError('refused', 'not-confirmed', `the change of ${changes.join(', ')} was not confirmed; nothing was changed`);
    }
    this.options.user.setSettings(checked);
    const settings = this.settingsNow();
    this.events.emit('settingsChanged', settings);
    return settings;
  }

  // -- the user's own data ---------------------------------------------------------------------

  private requireArticle(id: string): ArticleSummary {
    const article = this.options.content.getArticle(id);
    if (!article) throw new RequestError('not-found', 'article-not-found', `there is no article "${id}" in this help center`, { id });
    return article;
  }

  async listBookmarks(): Promise<Bookmark[]> {
    return this.options.user.listBookmarks();
  }

  async setBookmarked(articleId: string, bookmarked: boolean): Promise<Bookmark[]> {
    const title = bookmarked ? this.requireArticle(articleId).title : '';
    this.options.user.setBookmarked(articleId, title, bookmarked);
    return this.options.user.listBookmarks();
  }

  async recordView(articleId: string): Promise<void> {
    this.options.user.recordView(articleId, this.requireArticle(articleId).title);
    this.events.emit('historyChanged', null);
  }

  /**
   * One entry per topic: its latest visit, with the current title, the platform read (reading
   * the macOS and the Windows variant of a topic is one entry, the later one) and the screen its
   * article belongs to most closely.
   */
  async listHistory(limit = DEFAULT_HISTORY_LIMIT): Promise<HistoryEntry[]> {
    const { content, user } = this.options;
    const views = user.listHistory(HISTORY_SCAN_LIMIT);
    const current = new Map(content.listArticles({ ids: views.map((v) => v.articleId) }).map((a) => [a.id, a]));
    const seen = new Set<string>();
    const entries: HistoryEntry[] = [];
    for (const view of views) {
      const article = current.get(view.articleId);
      const key = article ? topicKey(article) : `#${view.articleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ articleId: view.articleId, title: article?.title ?? view.title, platform: article?.platform ?? null, viewedAt: view.viewedAt });
      if (entries.length >= limit) break;
    }
    const contexts = content.contextsOfArticles(entries.map((e) => e.articleId));
    return entries.map((entry) => ({ ...entry, context: mostSpecificFirst(contexts.get(entry.articleId) ?? [])[0] ?? null }));
  }

  async clearHistory(): Promise<void> {
    this.options.user.clearHistory();
    this.events.emit('historyChanged', null);
  }

  async getFeedback(articleId: string): Promise<FeedbackEntry | null> {
    return this.options.user.getFeedback(articleId);
  }

  async setFeedback(articleId: string, helpful: boolean, details: FeedbackDetails = {}): Promise<FeedbackEntry> {
    this.requireArticle(articleId);
    return this.options.user.setFeedback(articleId, helpful, details);
  }

  async exportFeedback(): Promise<FeedbackReport> {
    const answers = this.options.user.listFeedback();
    const articles = new Map(this.options.content.listArticles({ ids: answers.map((a) => a.articleId) }).map((a) => [a.id, a]));
    const entries = answers.map((answer) => {
      const article = articles.get(answer.articleId);
      return { ...answer, title: article?.title ?? null, locale: article?.locale ?? null, platform: article?.platform ?? null };
    });
    const helpful = entries.filter((e) => e.helpful).length;
    return { format: 'doum-feedback/1', generatedAt: new Date().toISOString(), helpful, notHelpful: entries.length - helpful, entries };
  }

  async openExternal(url: string): Promise<void> {
    await this.options.openExternal(checkExternalUrl(url).href);
  }

  // -- context help ----------------------------------------------------------------------------

  async resolveContext(id: string, options: ContextOptions = {}): Promise<ContextResolution> {
    const query = options.query?.replace(/\s+/g, ' ').trim();
    return resolveContext(this.options.content, id, {
      platform: options.platform ?? this.options.hostOs,
      locale: options.locale ?? languageOf(this.options.systemLocale),
      query: query || undefined,
    });
  }

  async listContexts(): Promise<ContextInfo[]> {
    return this.options.content.contextCounts();
  }
}

