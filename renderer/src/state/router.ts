/**
 * Hash routes (they work the same over file:// in the app and http:// in the preview):
 * `#/`, `#/search?q=…&sort=…&category=…&platform=…`, `#/article/<id>` (with `?section=<anchor>`
 * to scroll to a heading, shared/sections.ts), `#/category/<path>`,
 * `#/bookmarks`, `#/history`, `#/settings`, and for context help `#/context/<id>?platform=…&q=…`
 * (the help for an app's screen) and `#/article/<id>?context=<id>` (an article opened for one). The browser history is the app's history; each
 * entry carries its position so the back and forward buttons know whether they can move,
 * and the scroll position of the content is restored when people come back to an entry.
 */
import { create } from 'zustand';
import { isContextId } from '../../../shared/contexts';
import { isArticleId } from '../../../shared/ids';
import { isPlatform, type Platform } from '../../../shared/platform';
import { parseSectionId } from '../../../shared/sections';
import type { SortOrder } from '../../../shared/types';

export type PlatformChoice = Platform | 'all';

export interface SearchParams {
  query: string;
  sort: SortOrder;
  category: string | null;
  /** Null: the default (the host OS). */
  platform: PlatformChoice | null;
}

export type Route =
  | { name: 'home' }
  | ({ name: 'search' } & SearchParams)
  /**
   * `jump`: words a search matched, to scroll to and flash. Not part of the address, so it
   * lives only as long as the navigation that carried it (Back, Forward and reloads drop it).
   * `context`: the app screen the article was opened for (context help).
   */
  | { name: 'article'; id: string; section?: string; jump?: readonly string[]; context?: string }
  | { name: 'category'; path: string }
  | { name: 'context'; id: string; platform: Platform | null; query: string | null }
  | { name: 'bookmarks' }
  | { name: 'history' }
  | { name: 'settings' };

export type RouteName = Route['name'];

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const at = path.indexOf('?');
  const pathname = at < 0 ? path : path.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
  const article = /^\/article\/([^/]+)$/.exec(pathname);
  if (article && isArticleId(article[1])) {
    // Only `section` and `context` are known; a section that is not a heading anchor is dropped,
    // the article still opens.
    const route: Route & { name: 'article' } = { name: 'article', id: article[1] };
    const section = params.get('section');
    const validSection = section === null ? null : parseSectionId(section);
    if (validSection) route.section = validSection;
    const context = params.get('context');
    if (isContextId(context)) route.context = context;
    return route;
  }
  const context = /^\/context\/(.+)$/.exec(pathname);
  if (context && isContextId(context[1])) {
    const platform = params.get('platform');
    return { name: 'context', id: context[1], platform: isPlatform(platform) ? platform : null, query: params.get('q') || null };
  }
  const category = /^\/category\/(.+)$/.exec(pathname);
  if (category) {
    const decoded = decode(category[1]!);
    if (decoded) return { name: 'category', path: decoded };
  }
  switch (pathname) {
    case '/search': {
      const platform = params.get('platform');
      return {
        name: 'search',
        query: params.get('q') ?? '',
        sort: params.get('sort') === 'recent' ? 'recent' : 'relevance',
        category: params.get('category') || null,
        platform: platform === 'all' || isPlatform(platform) ? platform : null,
      };
    }
    case '/bookmarks':
      return { name: 'bookmarks' };
    case '/history':
      return { name: 'history' };
    case '/settings':
      return { name: 'settings' };
    default:
      return { name: 'home' };
  }
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'article': {
      const params = new URLSearchParams();
      if (route.section) params.set('section', route.section);
      if (route.context) params.set('context', route.context);
      const text = params.toString();
      return `#/article/${route.id}${text ? `?${text}` : ''}`;
    }
    case 'context': {
      const params = new URLSearchParams();
      if (route.platform) params.set('platform', route.platform);
      if (route.query) params.set('q', route.query);
      const text = params.toString();
      return `#/context/${route.id}${text ? `?${text}` : ''}`;
    }
    case 'category':
      return `#/category/${encodeURIComponent(route.path)}`;
    case 'search': {
      const params = new URLSearchParams({ q: route.query });
      if (route.sort !== 'relevance') params.set('sort', route.sort);
      if (route.category) params.set('category', route.category);
      if (route.platform) params.set('platform', route.platform);
      return `#/search?${params.toString()}`;
    }
    case 'home':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

export function searchRoute(params: Partial<SearchParams> & { query: string }): Route {
  return { name: 'search', sort: 'relevance', category: null, platform: null, ...params };
}

interface HistoryState {
  doumIndex: number;
}

function entryIndex(state: unknown): number | null {
  const index = (state as Partial<HistoryState> | null)?.doumIndex;
  return typeof index === 'number' ? index : null;
}

interface RouterState {
  route: Route;
  /** Position of the current entry in the app's history, and of the furthest one. */
  index: number;
  last: number;
  /** How the current route was reached: 'pop' for back/forward, where focus and scroll are restored. */
  via: 'start' | 'push' | 'replace' | 'pop';
  /**
   * Pushes a history entry; `replace` changes the current one (typing a query). `redirect`
   * replaces it as well, but as the same arrival (a context link that turned out to name one
   * article: focus and scroll behave as if that article had been asked for).
   */
  navigate(route: Route, options?: { replace?: boolean; redirect?: boolean }): void;
  back(): void;
  forward(): void;
}

const scrollPositions = new Map<number, number>();
const SCROLLER_ID = 'main';

function rememberScroll(index: number): void {
  const scroller = document.getElementById(SCROLLER_ID);
  if (!scroller) return;
  if (scroller.scrollTop > 0) scrollPositions.set(index, scroller.scrollTop);
  else scrollPositions.delete(index);
}

/** Where the content was scrolled when people left this history entry (0 for a new one). */
export function savedScroll(index: number): number {
  return scrollPositions.get(index) ?? 0;
}

export const useRouter = create<RouterState>((set, get) => ({
  // Until startRouter() reads the address: home.
  route: { name: 'home' },
  index: 0,
  last: 0,
  via: 'start',
  navigate(route, options = {}) {
    const hash = routeToHash(route);
    const { index } = get();
    if (hash === window.location.hash) {
      set({ route });
      return;
    }
    if (options.redirect) {
      window.history.replaceState({ doumIndex: index } satisfies HistoryState, '', hash);
      set({ route });
      return;
    }
    if (options.replace) {
      window.history.replaceState({ doumIndex: index } satisfies HistoryState, '', hash);
      set({ route, via: 'replace' });
      return;
    }
    rememberScroll(index);
    scrollPositions.delete(index + 1);
    window.history.pushState({ doumIndex: index + 1 } satisfies HistoryState, '', hash);
    set({ route, index: index + 1, last: index + 1, via: 'push' });
  },
  back() {
    if (get().index > 0) window.history.back();
  },
  forward() {
    if (get().index < get().last) window.history.forward();
  },
}));

/**
 * Binds the router to the window's address and history: reads the current entry (marking it
 * as ours), then follows back/forward and hashes typed by hand. Returns the disposer.
 */
export function startRouter(win: Window = window): () => void {
  scrollPositions.clear();
  const start = entryIndex(win.history.state);
  if (start === null) win.history.replaceState({ doumIndex: 0 } satisfies HistoryState, '');
  useRouter.setState({ route: parseHash(win.location.hash), index: start ?? 0, last: start ?? 0, via: 'start' });

  const onPopState = (event: PopStateEvent): void => {
    const { index, last } = useRouter.getState();
    rememberScroll(index);
    const next = entryIndex(event.state) ?? 0;
    useRouter.setState({ route: parseHash(win.location.hash), index: next, last: Math.max(last, next), via: 'pop' });
  };
  // A hash typed or changed by hand (no history state of ours): treat it as a new entry.
  const onHashChange = (): void => {
    if (entryIndex(win.history.state) !== null) return;
    const { index } = useRouter.getState();
    win.history.replaceState({ doumIndex: index + 1 } satisfies HistoryState, '');
    useRouter.setState({ route: parseHash(win.location.hash), index: index + 1, last: index + 1, via: 'push' });
  };
  win.addEventListener('popstate', onPopState);
  win.addEventListener('hashchange', onHashChange);
  return () => {
    win.removeEventListener('popstate', onPopState);
    win.removeEventListener('hashchange', onHashChange);
  };
}

export const canGoBack = (s: RouterState): boolean => s.index > 0;
export const canGoForward = (s: RouterState): boolean => s.index < s.last;
