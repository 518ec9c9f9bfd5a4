/** Home: the search box, categories with counts, recently updated articles. */
import { useEffect } from 'react';
import { SearchBox } from '../components/SearchBox';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';
import { useHome } from '../state/home';
import { useRouter } from '../state/router';

export function HomeView() {
  const t = useT();
  const language = useApp((s) => s.language);
  const home = useHome((s) => s.home);
  const load = useHome((s) => s.load);
  const navigate = useRouter((s) => s.navigate);

  useEffect(() => {
    void load(language);
  }, [load, language]);

  const topLevel = home?.categories.filter((c) => c.parent === null) ?? [];
  return (
    <div className="home">
      <h1 className="home-title">{t('app.name')}</h1>
      <SearchBox autoFocus />
      <section aria-labelledby="home-categories">
        <h2 id="home-categories">{t('home.categories')}</h2>
        <ul className="category-grid">
          {topLevel.map((category) => (
            <li key={`${category.locale}/${category.path}`}>
              <span className="category-name">{category.name}</span>{' '}
              <span className="count">{t('home.articleCount', { count: category.articleCount })}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-recent">
        <h2 id="home-recent">{t('home.recent')}</h2>
        <ul className="article-list">
          {home?.recent.map((article) => (
            <li key={article.id}>
              <a href={`#/article/${article.id}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'article', id: article.id }); }}>
                {article.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
