/**
 * The frame: skip link, title bar (banner with the search), sidebar (navigation) and the
 * current route's view in <main>. Start-up loads everything through the HelpApi first.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-translation';
import { ErrorNotice } from '../components/ErrorNotice';
import { Sidebar } from '../components/Sidebar';
import { TitleBar } from '../components/TitleBar';
import { StartupNotices } from '../components/StartupNotices';
import { Toaster } from '../components/Toaster';
import { useApp } from '../state/app';
import { useRouter } from '../state/router';
import { useSearch } from '../state/search';
import { ArticleView } from '../views/ArticleView';
import { BookmarksView } from '../views/BookmarksView';
import { CategoryView } from '../views/CategoryView';
import { ContextView } from '../views/ContextView';
import { HistoryView } from '../views/HistoryView';
import { HomeView } from '../views/HomeView';
import { SearchView } from '../views/SearchView';
import { SettingsView } from '../views/SettingsView';
import { bootstrap } from './bootstrap';
import { MAIN_ID } from './focus';
import { useDocumentAttributes } from './use-document-attributes';
import { useKeyboard } from './use-keyboard';

function RouteView() {
  const route = useRouter((s) => s.route);
  switch (route.name) {
    case 'home':
      return <HomeView />;
    case 'search':
      return <SearchView params={route} />;
    case 'article':
      return <ArticleView id={route.id} context={route.context} />;
    case 'context':
      return <ContextView route={route} />;
    case 'category':
      return <CategoryView path={route.path} />;
    case 'bookmarks':
      return <BookmarksView />;
    case 'history':
      return <HistoryView />;
    case 'settings':
      return <SettingsView />;
  }
}

/** Leaving the results for home clears the field. */
function useRouteSideEffects(): void {
  const routeName = useRouter((s) => s.route.name);
  useEffect(() => {
    if (routeName === 'home' && useSearch.getState().query !== '') useSearch.getState().apply({ query: '', sort: 'relevance', category: null, platform: null });
  }, [routeName]);
}

export function App() {
  const t = useT();
  const status = useApp((s) => s.status);
  const error = useApp((s) => s.error);
  const [started, setStarted] = useState(false);
  useDocumentAttributes();
  useKeyboard();
  useRouteSideEffects();

  useEffect(() => {
    void bootstrap().finally(() => setStarted(true));
  }, []);

  if (status === 'error') {
    return (
      <main id={MAIN_ID} className="startup-error">
        <h1>{t('app.name')}</h1>
        <ErrorNotice variant="inline" error={error} fallback="app.loadFailed" />
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!started) return <div className="startup" aria-busy="true" aria-label={t('app.loading')} />;

  return (
    <div className="app">
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <TitleBar />
      <Sidebar />
      <main id={MAIN_ID} className="content" tabIndex={-1}>
        <StartupNotices />
        <RouteView />
      </main>
      <Toaster />
    </div>
  );
}
