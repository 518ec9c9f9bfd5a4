/**
 * Start-up, in one place. `startApp(api)` (called once by main.tsx, before the first render)
 * installs the HelpApi the page was given and starts everything that listens: the router on
 * the address, the colour scheme, the HelpApi's events, and the wiring between stores (no
 * store reads another; what one needs from the rest is handed to it here). Nothing in the
 * renderer starts at import time. `bootstrap()` then loads what the first screen shows.
 */
import type { HelpApi } from '../../../shared/api';
import { installApi } from '../api';
import { followSystemColorScheme, useApp } from '../state/app';
import { bookmarksData, CONTENT_RESOURCES, historyData, homeData } from '../state/data';
import { uiLanguage } from '../state/language';
import { startRouter, useRouter } from '../state/router';
import { useSearch } from '../state/search';
import { useSettings } from '../state/settings';
import { useSync } from '../state/sync';
import { handleNavigate } from './use-api-events';

/** Starts the app on this HelpApi; returns what stops it again (tests, hot reload). */
export function startApp(api: HelpApi, win: Window = window): () => void {
  installApi(api);
  const stops = [startRouter(win), followSystemColorScheme(win), connectSearch(), subscribeToApi(api)];
  return () => {
    stops.reverse().forEach((stop) => stop());
    installApi(null);
  };
}

/** The search mirrors itself into the address and follows the host OS and the UI language. */
function connectSearch(): () => void {
  const search = useSearch.getState();
  search.connect({
    showInAddress(params) {
      const router = useRouter.getState();
      router.navigate({ name: 'search', ...params }, { replace: router.route.name === 'search' });
    },
  });
  const follow = (): void => useSearch.getState().setEnvironment({ hostOs: useApp.getState().hostOs, uiLocale: uiLanguage() });
  follow();
  const stops = [useApp.subscribe(follow), useSettings.subscribe(follow)];
  return () => stops.forEach((stop) => stop());
}

/** Events from the rest of Doum: sync, settings changed elsewhere, new content, `navigate`. */
function subscribeToApi(api: HelpApi): () => void {
  const stops = [
    api.on('syncProgress', (progress) => useSync.getState().receiveProgress(progress)),
    api.on('syncStatus', (status) => useSync.getState().receiveStatus(status)),
    api.on('settingsChanged', (settings) => useSettings.getState().receive(settings)),
    api.on('navigate', handleNavigate),
    // An article was read or the history cleared (here, or from the tray's window elsewhere).
    api.on('historyChanged', () => historyData.invalidate()),
    api.on('contentUpdated', () => {
      // Everything read from the content is stale: what is on screen loads again.
      CONTENT_RESOURCES.forEach((resource) => resource.invalidate());
      void useSync.getState().load();
      useSearch.getState().refresh();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Who we are (host OS, languages), the settings, then everything the first screen shows. */
export async function bootstrap(): Promise<void> {
  const [info] = await Promise.all([useApp.getState().load(), useSettings.getState().load()]);
  if (!info) return;
  const ignore = (): undefined => undefined;
  await Promise.all([
    homeData.load(uiLanguage()).catch(ignore),
    bookmarksData.load('bookmarks').catch(ignore),
    historyData.load('history').catch(ignore),
    useSync.getState().load(),
  ]);
}
