/** A category: its sub-categories and its articles (one per topic, the host OS's version). */
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { Tags } from '../components/Tags';
import { useT } from '../i18n/use-translation';
import { categoryName, categoryTrail } from '../../../shared/categories';
import { categoryData, homeData } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';

export function CategoryView({ path }: { path: string }) {
  const t = useT();
  const language = useLanguage();
  const loaded = useResource(categoryData, { path, locale: language });
  const categories = useResource(homeData, language).data?.categories;
  const error = loaded.status === 'error' ? loaded.error : null;
  const list = loaded.status === 'ready' || loaded.status === 'error' ? { articles: loaded.data ?? [], error } : null;
  useArrival(list?.articles != null);

  const children = categories?.filter((c) => c.parent === path) ?? [];
  const articles = list?.articles ?? [];
  const trail = categoryTrail(path);
  return (
    <div className="view view-category">
      <nav className="breadcrumb" aria-label={t('article.breadcrumb')}>
        <ol>
          <li>
            <RouteLink to={{ name: 'home' }}>{t('nav.home')}</RouteLink>
          </li>
          {trail.slice(0, -1).map((p) => (
            <li key={p}>
              <RouteLink to={{ name: 'category', path: p }}>{categoryName(p)}</RouteLink>
            </li>
          ))}
        </ol>
      </nav>
      <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
        {categoryName(path)}
      </h1>
      {list?.articles && <p className="view-subtitle">{t('category.count', { count: articles.length })}</p>}
      {children.length > 0 && (
        <section aria-labelledby="category-children">
          <h2 id="category-children" className="visually-hidden">
            {t('category.subcategories')}
          </h2>
          <ul className="chip-list">
            {children.map((c) => (
              <li key={c.path}>
                <RouteLink to={{ name: 'category', path: c.path }} className="chip">
                  <Icon name="folder" size={13} />
                  {c.name}
                  <span className="chip-count">
                    <span aria-hidden="true">{c.topicCount}</span>
                    <span className="visually-hidden">{t('count.topicsHidden', { count: c.topicCount })}</span>
                  </span>
                </RouteLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list && list.error !== null && <ErrorNotice error={list.error} />}
      {list?.articles && articles.length === 0 && list.error === null && <p className="empty-inline">{t('category.empty')}</p>}
      {articles.length > 0 && (
        <section aria-labelledby="category-articles">
          <h2 id="category-articles" className="section-title">
            {t('category.articles')}
          </h2>
          <ul className="list">
            {articles.map((a) => (
              <ArticleRow key={a.id} id={a.id} title={a.title} meta={<Tags service={a.service} category={a.category} platform={a.platform} />} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
