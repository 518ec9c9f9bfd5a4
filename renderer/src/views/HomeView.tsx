/**
 * Home: a greeting with the search shortcut and sync status, suggested searches, the
 * categories to browse (with counts), popular and recently updated articles.
 */
import { useEffect, useMemo } from 'react';
import { ArticleRow } from '../components/ArticleRow';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { useSyncSummary } from '../components/SyncIndicator';
import { Tags } from '../components/Tags';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { shortcutLabel } from '../platform/shortcuts';
import { useApp } from '../state/app';
import { homeData } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';
import { useSearch } from '../state/search';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID, focusSearch } from '../app/focus';
import type { Category } from '../../../shared/types';

const MAX_QUICK_SEARCHES = 6;
const MAX_SUBCATEGORIES = 4;

function CategoryCard({ category, children }: { category: Category; children: Category[] }) {
  const t = useT();
  const count = category.topicCount;
  const shown = children.slice(0, MAX_SUBCATEGORIES).map((c) => c.name);
  return (
    <li>
      <RouteLink to={{ name: 'category', path: category.path }} className="category-card">
        <span className="category-card-head">
          <span className="category-card-icon"><Icon name="folder" size={18} /></span>
          <span className="category-card-name">{category.name}</span>
          <span className="category-card-count">{t('home.articleCount', { count })}</span>
        </span>
        {shown.length > 0 && (
          <span className="category-card-children">
            {shown.join(' · ')}
            {children.length > shown.length && ` ${t('home.more', { count: children.length - shown.length })}`}
          </span>
        )}
      </RouteLink>
    </li>
  );
}

export function HomeView() {
  const t = useT();
  const language = useLanguage();
  const hostOs = useApp((s) => s.hostOs);
  const home = useResource(homeData, language).data ?? null;
  const setQuery = useSearch((s) => s.setQuery);
  const sync = useSyncSummary();
  useArrival(home !== null);

  // "Popular" follows what this person reads: refresh it on every return to Home.
  useEffect(() => {
    if (homeData.read(language).status === 'ready') homeData.reload(language).catch(() => undefined);
  }, [language]);

  const categories = home?.categories ?? [];
  const topLevel = categories.filter((c) => c.parent === null);
  const quickSearches = useMemo(() => {
    const tags = new Set<string>();
    for (const article of [...(home?.popular ?? []), ...(home?.recent ?? [])]) {
      const tag = article.tags[0];
      if (tag) tags.add(tag);
      if (tags.size >= MAX_QUICK_SEARCHES) break;
    }
    return [...tags];
  }, [home]);

  return (
    <div className="view view-home">
      <header className="home-hero">
        <h1 id={VIEW_TITLE_ID} tabIndex={-1}>{t('home.title')}</h1>
        <p className="home-subtitle">{t('home.subtitle', { count: home?.counts.topics ?? 0, articles: home?.counts.articles ?? 0 })}</p>
        <p className="home-meta">
          <span>{t('home.searchHint', { shortcut: shortcutLabel('focusSearch', hostOs) })}</span>
          <RouteLink to={{ name: 'settings' }} className={`home-sync sync-${sync.state}`}>
            <Icon name={sync.state === 'error' ? 'warning' : sync.state === 'syncing' ? 'sync' : sync.state === 'ok' ? 'check' : 'info'} size={14} />
            {sync.text}
          </RouteLink>
        </p>
        {quickSearches.length > 0 && (
          <ul className="quick-searches" aria-label={t('home.quickSearches')}>
            {quickSearches.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  className="chip"
                  onClick={() => {
                    setQuery(tag);
                    focusSearch(false);
                  }}
                >
                  <Icon name="search" size={12} />
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
      </header>

      <section className="home-section" aria-labelledby="home-categories">
        <h2 id="home-categories">{t('home.categories')}</h2>
        <ul className="category-grid">
          {topLevel.map((category) => (
            <CategoryCard key={category.path} category={category} children={categories.filter((c) => c.parent === category.path)} />
          ))}
        </ul>
      </section>

      <div className="home-columns">
        <section className="home-section" aria-labelledby="home-popular">
          <h2 id="home-popular">{t('home.popular')}</h2>
          <ul className="list">
            {home?.popular.map((article) => (
              <ArticleRow key={article.id} id={article.id} title={article.title} meta={<Tags service={article.service} category={article.category} platform={article.platform} />} />
            ))}
          </ul>
        </section>
        <section className="home-section" aria-labelledby="home-recent">
          <h2 id="home-recent">{t('home.recent')}</h2>
          <ul className="list">
            {home?.recent.map((article) => (
              <ArticleRow
                key={article.id}
                id={article.id}
                title={article.title}
                meta={<time dateTime={article.updatedAt}>{t('article.updated', { date: formatDate(article.updatedAt, language) })}</time>}
              />
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
