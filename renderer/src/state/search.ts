/**
 * Search as you type. Every keystroke updates the query at once (the field never lags or
 * drops a key); results follow without flicker:
 *
 * - at most one search is in flight; keys typed meanwhile collapse into one follow-up search
 *   for the latest text, so a fast typist never queues stale work on the core;
 * - an answer to anything but the latest request is dropped;
 * - the previous results stay on screen until the new ones arrive.
 *
 * The core does the filtering and counting: a request carries the category and the platform
 * chip (a chip P keeps the topics that apply on P — a P variant, shown first, or a common
 * one), and its facets give every option's count, so the total ("총 N건") is always exact.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { topCategory } from '../../../shared/categories';
import type { HostOs, Platform } from '../../../shared/platform';
import type { SearchQuery, SearchResult, SortOrder, Suggestion } from '../../../shared/types';
import { api } from '../api';
import type { PlatformChoice, SearchParams } from './router';

/** Rows per page; "show more" asks the core for the next page's worth (up to its maximum). */
export const PAGE_SIZE = 30;
const MAX_ROWS = 200;
const SUGGESTION_LIMIT = 6;

/** What a search needs from the rest of the app, given by startApp (no store reads another). */
export interface SearchEnvironment {
  /** Preferred platform when no chip is picked. */
  hostOs: HostOs;
  /** The UI language (the core ranks its locale first). */
  uiLocale: string;
}

export interface SearchPorts {
  /** The person changed the search: mirror it into the address. */
  showInAddress(params: SearchParams): void;
}

export interface SearchState extends SearchParams {
  environment: SearchEnvironment;
  result: SearchResult | null;
  /** The request the result answers. */
  resultKey: string | null;
  pending: boolean;
  error: unknown;
  suggestions: Suggestion[];
  suggestionsFor: string;
  /** Rows shown (grows with "show more"). */
  shown: number;
  /** The result opened last, to put focus back on it when people come back. */
  lastOpened: string | null;
  /** Wires the search to the address (startApp). */
  connect(ports: SearchPorts): void;
  setEnvironment(environment: SearchEnvironment): void;
  setQuery(text: string): void;
  setSort(sort: SortOrder): void;
  setCategory(category: string | null): void;
  setPlatform(platform: PlatformChoice | null): void;
  /** Takes the parameters of a search route (back/forward, deep link). */
  apply(params: SearchParams): void;
  showMore(): void;
  rememberOpened(id: string | null): void;
  /** The person settled on this query (Enter): the core may keep it in the opt-in search log. */
  settle(): void;
  /** Runs the current search again (new content, or a retry after an error). */
  refresh(): void;
  /** Settles when every search asked for so far has been answered (tests, suggestions). */
  settled(): Promise<void>;
}

/**
 * The platform chip in effect: the one the person picked, else the platform the query names
 * (맥에서 설치 → macOS), else all. The host OS is a preference (its variants come first), never
 * a filter: a topic with no variant for this computer still shows.
 */
export function effectivePlatform(choice: PlatformChoice | null, named: Platform | null = null): PlatformChoice {
  return choice ?? named ?? 'all';
}

export function buildQuery(state: Pick<SearchState, 'query' | 'sort' | 'platform' | 'category' | 'shown' | 'environment'>): SearchQuery {
  const chip = effectivePlatform(state.platform);
  const preferred: Platform = chip === 'all' || chip === 'common' ? state.environment.hostOs : chip;
  return {
    text: state.query,
    platform: preferred,
    ...(chip === 'all' ? {} : { onlyPlatform: chip }),
    // With no chip picked, a platform the query names filters like its chip (the core does it,
    // so the suggestions and the results come from one answer).
    ...(state.platform === null ? { followNamedPlatform: true } : {}),
    ...(state.category ? { category: state.category } : {}),
    uiLocale: state.environment.uiLocale,
    sort: state.sort,
    limit: Math.min(MAX_ROWS, state.shown),
  };
}

const keyOf = (query: SearchQuery): string => JSON.stringify(query);

export type SearchStore = UseBoundStore<StoreApi<SearchState>>;

/** A search store with its own request loop (the app has one; each test makes its own). */
export function createSearchStore(): SearchStore {
  // -- the request pump ---------------------------------------------------------------------
  let wanted: SearchQuery | null = null;
  let inFlight = false;
  /** Settles when the searches asked for so far have been answered. */
  let searched: Promise<void> = Promise.resolve();
  let latestKey: string | null = null;
  let suggestTicket = 0;
  let ports: SearchPorts | null = null;

  function requestSearch(query: SearchQuery): void {
    latestKey = keyOf(query);
    wanted = query;
    if (inFlight) return;
    inFlight = true;
    searched = pump();
  }

  async function pump(): Promise<void> {
    try {
      while (wanted) {
        const query = wanted;
        wanted = null;
        const key = keyOf(query);
        try {
          const result = await api.search(query);
          if (key === latestKey) store.setState({ result, resultKey: key, pending: false, error: null });
        } catch (error) {
          if (key === latestKey) store.setState({ pending: false, error });
        }
      }
    } finally {
      inFlight = false;
    }
  }

  /**
   * Suggestions are the first results of the search itself, so the list under the box and the
   * results page always agree (same query, same order). They follow the search; by then a newer
   * keystroke may have made them pointless, and they are skipped.
   */
  function requestSuggestions(text: string): void {
    const ticket = ++suggestTicket;
    const current = (): boolean => ticket === suggestTicket;
    void searched.then(() => {
      const { result } = store.getState();
      if (!current() || !result || result.query !== text) return;
      // One suggestion per title (the platform variants of a topic share it).
      const seen = new Set<string>();
      const unique: Suggestion[] = [];
      for (const hit of result.results) {
        if (seen.has(hit.title)) continue;
        seen.add(hit.title);
        unique.push({ id: hit.id, title: hit.title, titleRanges: hit.titleRanges, platform: hit.platform });
      }
      store.setState({ suggestions: unique.slice(0, SUGGESTION_LIMIT), suggestionsFor: text });
    });
  }

  function run(state: SearchState, options: { suggest: boolean }): Partial<SearchState> {
    if (state.query.trim() === '') {
      latestKey = null;
      wanted = null;
      ++suggestTicket;
      return { result: null, resultKey: null, pending: false, error: null, suggestions: [], suggestionsFor: '' };
    }
    const query = buildQuery(state);
    const fresh = keyOf(query) !== state.resultKey || state.error !== null;
    // The search goes out first: the core answers in order, and results matter most.
    if (fresh) requestSearch(query);
    if (options.suggest) requestSuggestions(state.query);
    return { pending: fresh };
  }

  const showInAddress = (state: SearchParams): void =>
    ports?.showInAddress({ query: state.query, sort: state.sort, category: state.category, platform: state.platform });

  const store = create<SearchState>((set, get) => {
    /** What is searched for changed: back to the first page, search again, show it in the address. */
    const change = (patch: Partial<SearchParams>, options: { suggest: boolean }): void => {
      set({ ...patch, shown: PAGE_SIZE });
      set(run(get(), options));
      showInAddress(get());
    };
    return {
      query: '',
      sort: 'relevance',
      category: null,
      platform: null,
      environment: { hostOs: 'linux', uiLocale: 'ko' },
      result: null,
      resultKey: null,
      pending: false,
      error: null,
      suggestions: [],
      suggestionsFor: '',
      shown: PAGE_SIZE,
      lastOpened: null,
      connect(next) {
        ports = next;
      },
      setEnvironment(environment) {
        const { hostOs, uiLocale } = get().environment;
        if (hostOs !== environment.hostOs || uiLocale !== environment.uiLocale) set({ environment });
      },
      setQuery: (text) => change({ query: text }, { suggest: true }),
      setSort: (sort) => change({ sort }, { suggest: false }),
      setCategory: (category) => change({ category }, { suggest: false }),
      setPlatform: (platform) => change({ platform }, { suggest: false }),
      apply(params) {
        const s = get();
        if (s.query === params.query && s.sort === params.sort && s.category === params.category && s.platform === params.platform) return;
        set({ ...params, shown: PAGE_SIZE, suggestions: [], suggestionsFor: '' });
        set(run(get(), { suggest: false }));
      },
      showMore() {
        set({ shown: Math.min(MAX_ROWS, get().shown + PAGE_SIZE) });
        set(run(get(), { suggest: false }));
      },
      rememberOpened(id) {
        set({ lastOpened: id });
      },
      settle() {
        const text = get().query;
        if (text.trim() !== '') void api.noteSearch(text).catch(() => undefined);
      },
      refresh() {
        set({ resultKey: null });
        set(run(get(), { suggest: false }));
      },
      settled() {
        return searched;
      },
    };
  });
  return store;
}

export const useSearch = createSearchStore();

// -- derived views of the result (pure; components memoize them) ----------------------------

export interface FacetCounts {
  /** Topics per platform chip ('all': whatever the platform), within the category filter. */
  platformCounts: Map<PlatformChoice, number>;
  /** Topics per category path (top level and full path), within the platform filter. */
  categoryCounts: Map<string, number>;
}

/** The counts the filters show, read from the core's facets. */
export function facetCounts(result: SearchResult): FacetCounts {
  const platformCounts = new Map<PlatformChoice, number>([['all', result.facets.anyPlatform]]);
  for (const [platform, count] of Object.entries(result.facets.platform)) platformCounts.set(platform as Platform, count);
  const categoryCounts = new Map<string, number>();
  for (const [path, count] of Object.entries(result.facets.category)) {
    const top = topCategory(path);
    categoryCounts.set(top, (categoryCounts.get(top) ?? 0) + count);
    if (top !== path) categoryCounts.set(path, (categoryCounts.get(path) ?? 0) + count);
  }
  return { platformCounts, categoryCounts };
}
