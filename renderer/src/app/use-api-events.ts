/**
 * `navigate` from the tray, deep links and shortcuts (subscribed by startApp, with the other
 * HelpApi events).
 */
import { searchRoute, useRouter } from '../state/router';
import { useSearch } from '../state/search';
import type { NavigateTarget } from '../../../shared/types';
import { focusSearch } from './focus';
import { openFind } from './find-command';

export function handleNavigate(target: NavigateTarget): void {
  const { navigate } = useRouter.getState();
  switch (target.kind) {
    case 'article':
      navigate(target.section ? { name: 'article', id: target.id, section: target.section } : { name: 'article', id: target.id });
      break;
    case 'search': {
      const route = searchRoute({ query: target.query });
      if (route.name === 'search') useSearch.getState().apply(route);
      navigate(route);
      focusSearch(false);
      break;
    }
    case 'context':
      navigate({ name: 'context', id: target.id, platform: target.platform ?? null, query: target.query ?? null });
      break;
    case 'home':
      navigate({ name: 'home' });
      break;
    case 'settings':
      navigate({ name: 'settings' });
      break;
    case 'focus-search':
      focusSearch();
      break;
    case 'find':
      openFind();
      break;
  }
}
