/**
 * HelpService: the HelpApi implemented over the content store, the user store, the search
 * index and the sync engine. The Electron shell and the preview server expose exactly this
 * object; neither adds behaviour of its own.
 */
import type { HelpEventName, HelpEvents, HelpRequests, SuggestOptions, ArticleListFilter, Unsubscribe } from '../../shared/api';
import type { HostOs, Platform } from '../../shared/platform';
import { byPlatformPreference, onePerTopic, topicKey } from '../../shared/topics';
import type {
  AppInfo,
  Article,
  ArticleSummary,
  Bookmark,
  Category,
  FeedbackEntry,
  HistoryEntry,
  HomeData,
  SearchHelp,
  SearchLogEntry,
  SearchQuery,
  SearchResult,
  Settings,
  Suggestion,
  SyncReport,
  SyncStatus,
} from '../../shared/types';
import { RequestError, SyncError } from './errors';
import { Emitter } from './events';
import { KeyError, publicKeyFromBase64 } from './feed/signing';
import type { SearchIndex } from './search/search-index';
import type { ContentStore } from './store/content-store';
import type { UserStore } from './store/user-store';
import type { SyncEngine } from './sync/engine';
import { FolderFeedSource } from './sync/feed-source';
import { syncSourceFor, ZENDESK_PREFIX, type SyncSource } from './sync/sources';

export const BUNDLED_SOURCE_ID = 'bundled';

export interface HelpServiceOptions {
  content: ContentStore;
  user: UserStore;
  search: SearchIndex;
  sync: SyncEngine;
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
}

const RELATED_LIMIT = 5;
const HOME_LIST_LIMIT = 8;
/** Popular articles offered by a results page that found nothing or only partly. */
const SEARCH_HELP_POPULAR = 5;

/** URLs that may leave the app: web pages and e-mail, nothing that runs or reads files. */
export function checkExternalUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RequestError('invalid-argument', `"${raw.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol === 'mailto:') return url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RequestError('refused', `links of the form ${url.protocol} are not opened outside Doum; only http, https and mailto links are`);
  }
  if (url.username || url.password) throw new RequestError('refused', 'links with a user name or password in them are not opened');
  if (!url.hostname) throw new RequestError('invalid-argument', `"${raw.slice(0, 100)}" has no host name`);
  return url;
}

/**
 * A feed location must be an http(s) URL, an absolute folder path, or `zendesk:` and the
 * https URL of a Zendesk help center (see sync/sources.ts for how a location picks its adapter).
 */
export function checkFeedLocation(location: string): string {
  const trimmed = location.trim();
  if (trimmed.toLowerCase().startsWith(ZENDESK_PREFIX)) {
    const url = trimmed.slice(ZENDESK_PREFIX.length).trim();
    if (!/^https?:\/\//i.test(url)) throw new RequestError('invalid-argument', 'write a Zendesk help center as zendesk:https://help.example.com (optionally with /hc/<locale>)');
    return `${ZENDESK_PREFIX}${checkFeedLocation(url)}`;
  }
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.username || url.password) throw new RequestError('invalid-argument', 'the feed URL must not contain a user name or password');
      return url.href;
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError('invalid-argument', `"${trimmed}" is not a valid URL`);
    }
  }
  if (/^([a-zA-Z]:[\\/]|\/|\\\\)/.test(trimmed)) return trimmed;
  throw new RequestError('invalid-argument', 'the feed location must be an http:// or https:// URL, or an absolute folder path');
}

/**
 * Adds to each category the number of topics in it and its sub-categories (the platform
 * variants of one topic counted once): the length of the list people see when they open it.
 */
function withTopicCounts(categories: Category[], articles: readonly ArticleSummary[]): Category[] {
  const topics = new Map<string, Set<string>>();
  for (const article of articles) {
    const parts = article.category.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const key = `${article.locale}\u0000${parts.slice(0, depth).join('/')}`;
      let members = topics.get(key);
      if (!members) topics.set(key, (members = new Set()));
      members.add(topicKey(article));
    }
  }
  return categories.map((category) => ({ ...category, topicCount: topics.get(`${category.locale}\u0000${category.path}`)?.size ?? 0 }));
}

export class HelpService implements HelpRequests {
  constructor(
    private readonly options: HelpServiceOptions,
    private readonly events = new Emitter<HelpEvents>(),
  ) {}

  /**
   * The same service presenting itself as another host OS (same stores, same events). The
   * preview uses it so a browser can show the macOS or Windows look on any machine.
   */
  withHostOs(hostOs: HostOs): HelpService {
    return hostOs === this.options.hostOs ? this : new HelpService({ ...this.options, hostOs }, this.events);
  }

  on<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** For the shell: something outside the renderer asks to show a target. */
  emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]): void {
    this.events.emit(event, payload);
  }

  get hostOs(): HostOs {
    return this.options.hostOs;
  }

  async getAppInfo(): Promise<AppInfo> {
    const { hostOs, version, systemLocale, transport } = this.options;
    return { hostOs, version, systemLocale, transport };
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
    const { content, user, hostOs } = this.options;
    // The top-level category: a leaf often holds little beyond the result itself.
    const category = result.results[0]?.category.split('/')[0] ?? null;
    const all = content.listArticles(category ? { category, ...(locale ? { locale } : {}) } : locale ? { locale } : {});
    const views = user.viewCounts();
    const links = content.incomingLinkCounts(locale);
    const popularity = (a: ArticleSummary): number => (views.get(a.id) ?? 0) * 1000 + (links.get(a.id) ?? 0);
    const shown = new Set(result.results.map((hit) => hit.id));
    const popular = onePerTopic([...all].sort((a, b) => popularity(b) - popularity(a) || b.updatedAt.localeCompare(a.updatedAt)), hostOs)
      .filter((a) => !shown.has(a.id))
      .slice(0, SEARCH_HELP_POPULAR);
    return { category, popular, supportUrl: content.helpCenter().supportUrl };
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
    const { bodyText: _bodyText, ...rest } = article;
    return { ...rest, variants, translations, related: this.related(article, platform) };
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
    const linked = content.listArticles({ ids: article.links });
    const sameCategory = content.listArticles({ category: article.category, locale: article.locale, limit: 200 });
    const tags = new Set(article.tags);
    const shared = (a: ArticleSummary): number => a.tags.filter((t) => tags.has(t)).length;
    const candidates = [...linked, ...sameCategory.sort((a, b) => shared(b) - shared(a))].filter((a) => topicKey(a) !== ownTopic);
    return onePerTopic(candidates, platform).slice(0, RELATED_LIMIT);
  }

  async listCategories(locale?: string): Promise<Category[]> {
    return this.options.content.categories(locale);
  }

  async listArticles(filter: ArticleListFilter): Promise<ArticleSummary[]> {
    const platform = filter.platform ?? this.options.hostOs;
    const all = this.options.content.listArticles({ category: filter.category, service: filter.service, locale: filter.locale, order: 'title' });
    const list = onePerTopic(all, platform);
    return filter.limit ? list.slice(0, filter.limit) : list;
  }

  async getHome(locale?: string): Promise<HomeData> {
    const { content, user, hostOs } = this.options;
    const all = content.listArticles({ locale });
    const views = user.viewCounts();
    const links = content.incomingLinkCounts(locale);
    // Popular: what this person reads most, then what the help center links to most.
    const popularity = (a: ArticleSummary): number => (views.get(a.id) ?? 0) * 1000 + (links.get(a.id) ?? 0);
    const popular = onePerTopic([...all].sort((a, b) => popularity(b) - popularity(a) || b.updatedAt.localeCompare(a.updatedAt)), hostOs);
    const recent = onePerTopic(all, hostOs); // listArticles is newest first
    return {
      categories: withTopicCounts(content.categories(locale), all),
      popular: popular.slice(0, HOME_LIST_LIMIT),
      recent: recent.slice(0, HOME_LIST_LIMIT),
      articleCount: content.articleCount(),
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
   * Syncs the configured source. Progress goes out as `syncProgress` events (phases, bytes,
   * records), the status before and after as `syncStatus`; new content is indexed before
   * `contentUpdated` tells the renderer. A pinned key applies to the configured feed only:
   * the bundled feed ships inside the signed app itself.
   */
  async syncNow(): Promise<SyncReport> {
    const settings = this.options.user.getSettings();
    const source = this.sourceForSettings(settings);
    const syncing = this.options.sync.sync(source, {
      publicKey: settings.feedUrl ? settings.feedPublicKey : null,
      onProgress: (progress) => {
        // 'done' is sent below, once the search index has caught up too.
        if (progress.phase !== 'done') this.events.emit('syncProgress', progress);
      },
    });
    this.events.emit('syncStatus', await this.getSyncStatus());
    try {
      const report = await syncing;
      if (!report.notModified) {
        this.events.emit('syncProgress', { phase: 'index' });
        await this.options.search.rebuild();
        this.events.emit('contentUpdated', { revision: report.revision });
      }
      this.events.emit('syncProgress', { phase: 'done' });
      return report;
    } finally {
      this.events.emit('syncStatus', await this.getSyncStatus());
    }
  }

  async cancelSync(): Promise<boolean> {
    return this.options.sync.cancel();
  }

  async getSyncStatus(): Promise<SyncStatus> {
    const { content, sync } = this.options;
    const state = content.syncState();
    return {
      syncing: sync.syncing,
      source: state.source ?? BUNDLED_SOURCE_ID,
      revision: state.revision,
      articles: content.articleCount(),
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastError,
    };
  }

  // -- settings --------------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    return this.options.user.getSettings();
  }

  async setSettings(patch: Partial<Settings>): Promise<Settings> {
    const checked = { ...patch };
    if (checked.feedUrl) checked.feedUrl = checkFeedLocation(checked.feedUrl);
    if (checked.feedPublicKey) {
      try {
        publicKeyFromBase64(checked.feedPublicKey);
      } catch (error) {
        if (error instanceof KeyError) throw new RequestError('invalid-argument', error.message);
        throw error;
      }
    }
    if (checked.updateUrl) {
      const url = checkFeedLocation(checked.updateUrl);
      if (!/^https?:/i.test(url)) throw new RequestError('invalid-argument', 'the update URL must be an http:// or https:// URL');
      checked.updateUrl = url;
    }
    const settings = this.options.user.setSettings(checked);
    this.events.emit('settingsChanged', settings);
    return settings;
  }

  // -- the user's own data ---------------------------------------------------------------------

  private requireArticle(id: string): ArticleSummary {
    const article = this.options.content.getArticle(id);
    if (!article) throw new RequestError('not-found', `there is no article "${id}" in this help center`);
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
  }

  async listHistory(limit?: number): Promise<HistoryEntry[]> {
    return this.options.user.listHistory(limit);
  }

  async clearHistory(): Promise<void> {
    this.options.user.clearHistory();
  }

  async getFeedback(articleId: string): Promise<FeedbackEntry | null> {
    return this.options.user.getFeedback(articleId);
  }

  async setFeedback(articleId: string, helpful: boolean): Promise<FeedbackEntry> {
    this.requireArticle(articleId);
    return this.options.user.setFeedback(articleId, helpful);
  }

  async openExternal(url: string): Promise<void> {
    await this.options.openExternal(checkExternalUrl(url).href);
  }
}

