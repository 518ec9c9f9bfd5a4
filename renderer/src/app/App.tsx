/** The frame: skip link, header with home link, and the current route's view in <main>. */
import { useEffect } from 'react';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';
import { useRouter } from '../state/router';
import { ArticleView } from '../views/ArticleView';
import { HomeView } from '../views/HomeView';
import { SearchView } from '../views/SearchView';

export function App() {
  const t = useT();
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const hostOs = useApp((s) => s.hostOs);
  const language = useApp((s) => s.language);
  const load = useApp((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.dataset.os = hostOs;
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [hostOs, language, t]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a href="#/" className="brand" onClick={(e) => { e.preventDefault(); navigate({ name: 'home' }); }}>
          {t('app.name')}
        </a>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'home' && <HomeView />}
        {route.name === 'search' && <SearchView query={route.query} />}
        {route.name === 'article' && <ArticleView id={route.id} />}
      </main>
    </>
  );
}
