/**
 * Hash routes (they work the same over file:// in the app and http:// in the preview):
 * `#/`, `#/search?q=…`, `#/article/<id>`. The browser history is the app's history.
 */
import { create } from 'zustand';

export type Route =
  | { name: 'home' }
  | { name: 'search'; query: string }
  | { name: 'article'; id: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', search = ''] = path.split('?');
  const params = new URLSearchParams(search);
  const article = /^\/article\/([a-z0-9-]+)$/.exec(pathname);
  if (article) return { name: 'article', id: article[1]! };
  if (pathname === '/search') return { name: 'search', query: params.get('q') ?? '' };
  return { name: 'home' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'article':
      return `#/article/${route.id}`;
    case 'search':
      return `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
    default:
      return '#/';
  }
}

interface RouterState {
  route: Route;
  /** Pushes a history entry; `replace` changes the current one (typing a query). */
  navigate(route: Route, options?: { replace?: boolean }): void;
}

export const useRouter = create<RouterState>(() => ({
  route: parseHash(window.location.hash),
  navigate(route, options = {}) {
    const hash = routeToHash(route);
    if (hash === window.location.hash) return;
    if (options.replace) window.history.replaceState(window.history.state, '', hash);
    else window.history.pushState(null, '', hash);
    useRouter.setState({ route });
  },
}));

window.addEventListener('popstate', () => useRouter.setState({ route: parseHash(window.location.hash) }));
window.addEventListener('hashchange', () => useRouter.setState({ route: parseHash(window.location.hash) }));
