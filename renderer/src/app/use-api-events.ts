/**
 * Events from the rest of Doum: sync progress and status, new content (reload what is
 * shown), settings changed elsewhere, and `navigate` from the tray, deep links and shortcuts.
 */
import { useEffect } from 'react';
import { api } from '../api';
import { useArticle } from '../state/article';
import { useCatalog } from '../state/catalog';
import { useContextHelp } from '../state/context';
import { useLibrary } from '../state/library';
import { searchRoute, useRouter } from '../state/router';
import { useSearch } from '../state/search';
import { useSettings } from '../state/settings';
import { useSync } from '../state/sync';
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

export function useApiEvents(): void {
  useEffect(() => {
    const off = [
      api.on('syncProgress', (progress) => useSync.getState().receiveProgress(progress)),
      api.on('syncStatus', (status) => useSync.getState().receiveStatus(status)),
      api.on('settingsChanged', (settings) => useSettings.getState().receive(settings)),
      api.on('navigate', handleNavigate),
      api.on('contentUpdated', () => {
        void useCatalog.getState().refresh();
        useContextHelp.getState().forget();
        void useArticle.getState().reload();
        void useLibrary.getState().load();
        void useSync.getState().load();
        useSearch.getState().refresh();
      }),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, []);
}
