/**
 * The HelpApi: the one contract between the renderer and the rest of Doum.
 *
 * `HelpRequests` declares every request method; `HELP_API_ARGS` holds the runtime check of
 * each method's arguments and is the single list of method names. The IPC registration,
 * the preload proxy and the preview's HTTP client/server are all generated from it, so
 * adding a method means adding it here and in `electron/core/service.ts`, nothing else.
 */
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
  NavigateTarget,
  SearchQuery,
  SearchLogEntry,
  SearchResult,
  Settings,
  Suggestion,
  SyncProgress,
  SyncReport,
  SyncStatus,
} from './types';
import { checkContextId } from './contexts';
import { checkArticleId } from './ids';
import { checkLocale, UI_LANGUAGES } from './locale';
import { FEEDBACK_NOTE_MAX, FEEDBACK_REASONS, type FeedbackDetails, type FeedbackReport } from './feedback';
import { PLATFORMS, type Platform } from './platform';
import {
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  partial,
  string,
  type Check,
} from './validate';

/** The most topics one listArticles call answers (also when no limit is asked): a page. */
export const LIST_PAGE_MAX = 200;

/** Which topics listArticles answers: a page of `limit` (≤ LIST_PAGE_MAX) from `offset` (default 0). */
export interface ArticleListFilter {
  category?: string;
  service?: string;
  locale?: string;
  platform?: Platform;
  limit?: number;
  offset?: number;
}

export interface SuggestOptions {
  locale?: string;
  platform?: Platform;
  limit?: number;
}

export interface HelpRequests {
  getAppInfo(): Promise<AppInfo>;
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(text: string, options?: SuggestOptions): Promise<Suggestion[]>;
  /** Resolves null for an unknown id. `platform` picks related articles' variants. */
  getArticle(id: string, options?: { platform?: Platform }): Promise<Article | null>;
  listCategories(locale?: string): Promise<Category[]>;
  listArticles(filter: ArticleListFilter): Promise<ArticleSummary[]>;
  getHome(locale?: string): Promise<HomeData>;
  syncNow(): Promise<SyncReport>;
  /** Resolves true when a running sync was asked to stop. */
  cancelSync(): Promise<boolean>;
  getSyncStatus(): Promise<SyncStatus>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  listBookmarks(): Promise<Bookmark[]>;
  setBookmarked(articleId: string, bookmarked: boolean): Promise<Bookmark[]>;
  recordView(articleId: string): Promise<void>;
  listHistory(limit?: number): Promise<HistoryEntry[]>;
  clearHistory(): Promise<void>;
  getFeedback(articleId: string): Promise<FeedbackEntry | null>;
  /** A "no" may say what was missing; the answer stays on this computer. */
  setFeedback(articleId: string, helpful: boolean, details?: FeedbackDetails): Promise<FeedbackEntry>;
  /** Every answer with its article, for the content team (Settings' export, `doum report feedback`). */
  exportFeedback(): Promise<FeedbackReport>;
  /** Opens an http(s) or mailto URL in the system browser; other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** The help for a screen or error of the documented app (see electron/core/contexts.ts). */
  resolveContext(id: string, options?: ContextOptions): Promise<ContextResolution>;
  /** Every context the help center defines, with its article count. */
  listContexts(): Promise<ContextInfo[]>;
  /**
   * A search the person settled on (pressed Enter): kept in the search log when it found
   * nothing or only partly and the person turned the log on; otherwise nothing happens.
   */
  noteSearch(text: string): Promise<void>;
  /** The search log, most frequent first. */
  listSearchLog(): Promise<SearchLogEntry[]>;
  clearSearchLog(): Promise<void>;
}

export interface HelpEvents {
  syncProgress: SyncProgress;
  syncStatus: SyncStatus;
  /** New content is in the store and the search index (after a sync). */
  contentUpdated: { revision: number | null };
  settingsChanged: Settings;
  /** Something outside the renderer (tray, deep link, shortcut) asks it to show a target. */
  navigate: NavigateTarget;
  /** The reading history changed (an article was viewed, or the history was cleared). */
  historyChanged: null;
}

export type HelpEventName = keyof HelpEvents;
export type Unsubscribe = () => void;

export interface HelpApi extends HelpRequests {
  on<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe;
}

export type HelpMethod = keyof HelpRequests;
export type HelpArgs<M extends HelpMethod> = Parameters<HelpRequests[M]>;
export type HelpResult<M extends HelpMethod> = Awaited<ReturnType<HelpRequests[M]>>;

// ---------------------------------------------------------------------------------------------
// Argument checks (what enters the main process or the preview server is never trusted).

const articleId = checkArticleId;
const locale = checkLocale;
const platform = oneOf(PLATFORMS);
const shortText = string({ max: 200 });

const searchQuery = object({
  text: string({ max: 10_000 }),
  platform: optional(platform),
  onlyPlatform: optional(platform),
  category: optional(shortText),
  service: optional(shortText),
  locale: optional(locale),
  uiLocale: optional(locale),
  sort: optional(oneOf(['relevance', 'recent'] as const)),
  limit: optional(number({ min: 1, max: 200, integer: true })),
  offset: optional(number({ min: 0, max: 100_000, integer: true })),
  followNamedPlatform: optional(boolean),
});

export const settingsShape = {
  feedUrl: nullable(string({ min: 1, max: 2048 })),
  syncIntervalHours: number({ min: 0, max: 24 * 7 }),
  startAtLogin: boolean,
  globalShortcut: string({ max: 100 }),
  language: oneOf(['system', ...UI_LANGUAGES] as const),
  theme: oneOf(['system', 'light', 'dark'] as const),
  textScale: number({ min: 0.8, max: 1.6 }),
  notifyOnSync: boolean,
  feedPublicKey: nullable(string({ min: 1, max: 200 })),
  updateUrl: nullable(string({ min: 1, max: 2048 })),
  recordSearches: boolean,
};

export const checkSettings: Check<Settings> = object(settingsShape);

/**
 * The settings that decide what Doum trusts. Changing one from the page needs the person's
 * confirmation, shown by the main process; an administrator's policy can fix them.
 */
export const SECURITY_SETTINGS = ['feedUrl', 'feedPublicKey', 'updateUrl'] as const satisfies ReadonlyArray<keyof Settings>;
export type SecuritySetting = (typeof SECURITY_SETTINGS)[number];

/** One change of a security setting, as the person is asked to confirm it. */
export interface SecurityChange {
  key: SecuritySetting;
  from: string | null;
  to: string | null;
}

/** The security settings a patch would change (same value again is no change). */
export function securityChanges(current: Settings, patch: Partial<Settings>): SecuritySetting[] {
  return SECURITY_SETTINGS.filter((key) => key in patch && patch[key] !== undefined && patch[key] !== current[key]);
}
export const checkSettingsPatch: Check<Partial<Settings>> = partial(settingsShape);

type ArgsCheck<M extends HelpMethod> = (args: unknown[]) => HelpArgs<M>;

function args<A extends unknown[]>(...checks: { [K in keyof A]: Check<A[K]> }): (values: unknown[]) => A {
  return (values) => {
    if (values.length > checks.length) {
      throw new RangeError(`expected at most ${checks.length} arguments, got ${values.length}`);
    }
    return checks.map((check, i) => check(values[i], `argument ${i + 1}`)) as A;
  };
}

export const HELP_API_ARGS: { [M in HelpMethod]: ArgsCheck<M> } = {
  getAppInfo: args(),
  search: args(searchQuery),
  suggest: args(
    string({ max: 10_000 }),
    optional(
      object({
        locale: optional(locale),
        platform: optional(platform),
        limit: optional(number({ min: 1, max: 50, integer: true })),
      }),
    ),
  ),
  getArticle: args(articleId, optional(object({ platform: optional(platform) }))),
  listCategories: args(optional(locale)),
  listArticles: args(
    object({
      category: optional(shortText),
      service: optional(shortText),
      locale: optional(locale),
      platform: optional(platform),
      limit: optional(number({ min: 1, max: LIST_PAGE_MAX, integer: true })),
      offset: optional(number({ min: 0, max: 10_000_000, integer: true })),
    }),
  ),
  getHome: args(optional(locale)),
  syncNow: args(),
  cancelSync: args(),
  getSyncStatus: args(),
  getSettings: args(),
  setSettings: args(checkSettingsPatch),
  listBookmarks: args(),
  setBookmarked: args(articleId, boolean),
  recordView: args(articleId),
  listHistory: args(optional(number({ min: 1, max: 1000, integer: true }))),
  clearHistory: args(),
  getFeedback: args(articleId),
  setFeedback: args(
    articleId,
    boolean,
    optional(
      object({
        reason: optional(nullable(oneOf(FEEDBACK_REASONS))),
        note: optional(nullable(string({ max: FEEDBACK_NOTE_MAX }))),
      }),
    ),
  ),
  exportFeedback: args(),
  openExternal: args(string({ min: 1, max: 4096 })),
  resolveContext: args(
    checkContextId,
    optional(object({ platform: optional(platform), locale: optional(locale), query: optional(shortText) })),
  ),
  listContexts: args(),
  noteSearch: args(string({ max: 10_000 })),
  listSearchLog: args(),
  clearSearchLog: args(),
};

export const HELP_METHODS = Object.keys(HELP_API_ARGS) as HelpMethod[];

export const HELP_EVENTS: readonly HelpEventName[] = [
  'syncProgress',
  'syncStatus',
  'contentUpdated',
  'settingsChanged',
  'navigate',
  'historyChanged',
] satisfies HelpEventName[];

export function isHelpMethod(name: unknown): name is HelpMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(HELP_API_ARGS, name);
}

/** IPC channel names: one per request method, one per event. */
export const requestChannel = (method: HelpMethod): string => `doum:request:${method}`;
export const eventChannel = (event: HelpEventName): string => `doum:event:${event}`;

/** Validates raw arguments for a method; throws ValidationError or RangeError on bad input. */
export function checkArgs<M extends HelpMethod>(method: M, values: unknown[]): HelpArgs<M> {
  return HELP_API_ARGS[method](values);
}

