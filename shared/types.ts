/**
 * Domain types shared by core, the shell, the preview and the renderer.
 * Everything here is plain data: it crosses IPC and HTTP as JSON.
 */
import type { ContentCounts } from './counts';
import type { FeedbackReason } from './feedback';
import type { UiLanguage } from './locale';
import type { HostOs, Platform } from './platform';

export type Locale = string; // BCP-47, e.g. "ko", "en"

export interface ArticleSummary {
  id: string;
  title: string;
  service: string;
  /** Category path, segments separated by '/'. */
  category: string;
  platform: Platform;
  locale: Locale;
  /** Topic group shared by the platform variants (and translations) of one topic. */
  group: string | null;
  tags: string[];
  /** ISO date (YYYY-MM-DD) or date-time. */
  updatedAt: string;
}

export interface ArticleVariant {
  id: string;
  platform: Platform;
  locale: Locale;
}

export interface Article extends ArticleSummary {
  /** Sanitized HTML; article links are `doum://article/<id>` hrefs. */
  bodyHtml: string;
  /** Ids of the articles this one links to. */
  links: string[];
  /** Every article of the same group and locale, this one included, in preference order. */
  variants: ArticleVariant[];
  /** The same topic in other locales (same group, same platform when it exists). */
  translations: ArticleVariant[];
  related: ArticleSummary[];
  /** Files attached to the article (Zendesk), in the help center's order; empty when none. */
  attachments: ArticleAttachment[];
}

/**
 * A file attached to an article. `sha256` names its bytes in the app's own store (served at
 * /assets/<sha256> as a download); null when it could not be had (too large, unreachable):
 * the article then links to `sourceUrl` instead.
 */
export interface ArticleAttachment {
  sha256: string | null;
  fileName: string;
  /** The content type the help center declared (or sniffed from a picture's bytes). */
  type: string;
  bytes: number;
  /** Where the help center serves it (http(s)). */
  sourceUrl: string;
}

export interface Category {
  /** Full path, e.g. "채팅/메시지". */
  path: string;
  /** Last path segment. */
  name: string;
  /** Parent path, or null for a top-level category. */
  parent: string | null;
  locale: Locale;
  /** Articles in this category and its sub-categories (every platform variant). */
  articleCount: number;
  /**
   * Topics (platform variants of one topic counted once) in this category and its
   * sub-categories: what a list of the category shows, and what the UI counts.
   */
  topicCount: number;
}

export type SortOrder = 'relevance' | 'recent';

export interface SearchQuery {
  text: string;
  /** Preferred platform (a ranking preference, never a filter). Default: the host OS. */
  platform?: Platform;
  /**
   * Filter: only topics that apply on this platform — those with a variant for it or a
   * common variant (which applies everywhere). `common` keeps the topics with a common variant.
   */
  onlyPlatform?: Platform;
  /** Filter: category path (matches the category and its sub-categories). */
  category?: string;
  service?: string;
  locale?: Locale;
  /** The UI language: articles in it rank first among equals. */
  uiLocale?: Locale;
  sort?: SortOrder;
  limit?: number;
  offset?: number;
  /**
   * When no onlyPlatform chip is given and the query names a platform (맥에서 설치), filter by
   * it as if its chip had been picked (the results page does; the CLI does not).
   */
  followNamedPlatform?: boolean;
}

/** Half-open [start, end) UTF-16 offsets into the text they belong to. */
export type MatchRange = [start: number, end: number];

export interface Snippet {
  text: string;
  ranges: MatchRange[];
}

export interface SearchHit {
  id: string;
  title: string;
  titleRanges: MatchRange[];
  service: string;
  category: string;
  platform: Platform;
  locale: Locale;
  updatedAt: string;
  snippet: Snippet;
  score: number;
  /** All variants of the topic, the shown one first. */
  variants: ArticleVariant[];
}

/**
 * Topic counts per filter value. Each dimension counts the topics that pass every *other*
 * filter, so a filter's options show what choosing them would give.
 */
export interface Facets {
  category: Record<string, number>;
  service: Record<string, number>;
  /** Per platform P: topics that apply on P (a P variant, or a common one). */
  platform: Partial<Record<Platform, number>>;
  locale: Record<string, number>;
  /** Topics that pass every filter but the platform one ("all platforms"). */
  anyPlatform: number;
}

export interface SearchResult {
  query: string;
  total: number;
  results: SearchHit[];
  facets: Facets;
  /** The platform the results were shaped for (from the query words or the request). */
  platform: Platform;
  /** The platform named by a word of the query (맥, 갤럭시, PC…), if any. */
  namedPlatform: Platform | null;
  /**
   * The query as read, when that differs from what was typed (wrong keyboard layout, a typo,
   * spacing: 다크모드 → 다크 모드), whether or not it found anything.
   */
  didYouMean: string | null;
  /** True when no result covers the query's main words: the results are only the closest ones. */
  partial: boolean;
  /** Where else to look, when nothing or only part of the query was found (set by the service). */
  help?: SearchHelp;
  tookMs: number;
}

/** What a results page offers when it found nothing, or only part of what was asked. */
export interface SearchHelp {
  /** The category of the closest result, whose popular articles follow (null: the whole help center). */
  category: string | null;
  popular: ArticleSummary[];
  /** The help center's contact page, when its feed gives one. */
  supportUrl: string | null;
}

/** A search that found nothing or only partly, as the opt-in search log keeps it (this computer only). */
export interface SearchLogEntry {
  query: string;
  /** What the last such search found: nothing, or only part of what was asked. */
  outcome: 'none' | 'partial';
  count: number;
  /** ISO date-time of the last time. */
  lastAt: string;
}

export interface Suggestion {
  id: string;
  title: string;
  titleRanges: MatchRange[];
  platform: Platform;
}

export type SyncPhase = 'manifest' | 'download' | 'verify' | 'apply' | 'index' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  bytes?: number;
  totalBytes?: number;
  records?: number;
  totalRecords?: number;
}

export interface SyncErrorInfo {
  /** Machine-readable kind, e.g. 'network', 'timeout', 'integrity', 'signature', 'invalid-record'. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  at: string;
}

export interface SyncStatus {
  syncing: boolean;
  /** Where content comes from: a feed URL or folder, or "bundled". */
  source: string;
  revision: number | null;
  articles: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncErrorInfo | null;
  /** Failed syncs in a row since the last success (the scheduler's backoff counts them). */
  failures: number;
  /** Space the help content takes on this computer (Settings shows it). */
  storage: ContentStorage;
}

export interface ContentStorage {
  /** The whole content database: articles, pictures and the search index. */
  totalBytes: number;
  pictures: number;
  pictureBytes: number;
}

export interface SyncReport {
  revision: number;
  added: number;
  updated: number;
  deleted: number;
  /** Articles in the store after the sync. */
  total: number;
  notModified: boolean;
  /** Bytes this sync downloaded: feed files and pictures (or API pages and pictures). */
  bytesDownloaded: number;
  /** Pictures stored by this sync, and pictures no article used any more, removed after it. */
  assets: { added: number; removed: number };
  /**
   * Pictures a help center's articles show that could not be had this time (Zendesk); the
   * articles show their alt text meanwhile and the next sync tries again.
   */
  missingPictures?: MissingPicture[];
  /** Records the source held that were filed differently or skipped (Zendesk), each named; absent when none. */
  notes?: SyncNote[];
}

/** One record a sync could not take as it was: imported under "uncategorised", skipped, or without a file attached to it. */
export interface SyncNote {
  /** `attachment`: a file attached to the record could not be stored; the article links to its source. */
  kind: 'uncategorised' | 'skipped' | 'attachment';
  /** Which record, as the source names it ("Zendesk article 203660196 (en-us)"). */
  record: string;
  reason: string;
}

export interface MissingPicture {
  articleId: string;
  /** The picture's address as the article names it. */
  url: string;
  reason: string;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type LanguageSetting = 'system' | UiLanguage;

export interface Settings {
  /** Feed URL (http/https) or local folder; null means the bundled help center only. */
  feedUrl: string | null;
  /** Hours between automatic syncs; 0 turns automatic sync off. */
  syncIntervalHours: number;
  startAtLogin: boolean;
  /** Electron accelerator, e.g. "CommandOrControl+Shift+H"; empty disables it. */
  globalShortcut: string;
  language: LanguageSetting;
  theme: ThemeSetting;
  /** Reading text size factor, 0.8–1.6. */
  textScale: number;
  notifyOnSync: boolean;
  /** Base64 Ed25519 public key (raw 32 bytes) pinned for feed signatures, or null. */
  feedPublicKey: string | null;
  /** Generic update feed URL; null disables update checks. */
  updateUrl: string | null;
  /**
   * Keep the searches that found nothing or only partly, on this computer only, for the
   * content team (Settings export, `doum report searches`). Off unless the person turns it on.
   */
  recordSearches: boolean;
}

export interface Bookmark {
  articleId: string;
  title: string;
  createdAt: string;
}

/** One topic read recently: its latest visit, with the title and platform as they are now. */
export interface HistoryEntry {
  articleId: string;
  title: string;
  /** The platform of the variant read; null when the article is no longer in the help center. */
  platform: Platform | null;
  viewedAt: string;
  /** The most specific screen (context id) the article is tagged with, if any. */
  context?: string | null;
}

export interface FeedbackEntry {
  articleId: string;
  helpful: boolean;
  /** What was missing, for a "no" that said so. */
  reason: FeedbackReason | null;
  note: string | null;
  at: string;
}

export interface HomeData {
  categories: Category[];
  popular: ArticleSummary[];
  recent: ArticleSummary[];
  /** Articles and topics in the requested locale (every locale when none was given). */
  counts: ContentCounts;
  sync: SyncStatus;
}

export interface AppInfo {
  hostOs: HostOs;
  version: string;
  /** The system's preferred language (e.g. "ko-KR"). */
  systemLocale: string;
  transport: 'ipc' | 'http';
  /** Settings an administrator's policy fixes: shown locked ("관리자가 설정함"). */
  lockedSettings: Array<'feedUrl' | 'feedPublicKey' | 'updateUrl'>;
  /**
   * Things the person must be told at start: the user data was restored from its backup, or
   * lost (with or without the trust settings). Shown once as a notice.
   */
  notices: StartupNotice[];
}

export type StartupNotice = { kind: 'user-data-restored' } | { kind: 'user-data-lost'; trustKept: boolean } | { kind: 'read-only' };

/** Something the app should show: from a deep link, the tray, a shortcut or a second launch. */
export type NavigateTarget =
  /** `section`: a heading's anchor (shared/sections.ts), to scroll to. */
  | { kind: 'article'; id: string; section?: string }
  | { kind: 'search'; query: string }
  | { kind: 'context'; id: string; platform?: Platform; query?: string }
  | { kind: 'home' }
  | { kind: 'settings' }
  | { kind: 'focus-search' }
  /** Find in the open article (Ctrl/⌘+F from the menu); elsewhere, the search field. */
  | { kind: 'find' };

// -- context help ------------------------------------------------------------------------------

/** One topic shown for a screen: the variant for the preferred platform. */
export interface ContextArticle extends ArticleSummary {
  /** The most specific context of this article that matched (the asked one, or one below it). */
  context: string;
}

/**
 * Where a context id leads (see electron/core/contexts.ts for the rule):
 * - `article`: exactly one topic is tagged with the screen (or a part of it) — open `articles[0]`;
 * - `list`: several are — show them under the screen's name, most specific first;
 * - `search`: no article is tagged with it or any broader screen — search for `query` instead.
 */
export interface ContextResolution {
  /** The context asked for. */
  context: string;
  /** The context whose help is shown: the asked one, or its nearest broader screen; null for `search`. */
  matched: string | null;
  kind: 'article' | 'list' | 'search';
  articles: ContextArticle[];
  /** For `search`: the words to search for (the app's extra words, else the id's). */
  query: string;
}

export interface ContextOptions {
  /** Preferred platform of the variants. Default: the host OS. */
  platform?: Platform;
  /** Preferred locale (the UI language): its articles are shown when the screen has any. */
  locale?: Locale;
  /** Extra words from the app (e.g. an error message), searched when the context is unknown. */
  query?: string;
}

/** A context a help center defines, with how many articles name it. */
export interface ContextInfo {
  id: string;
  articles: number;
  /** Topics (platform variants of one article counted once). */
  topics: number;
}
