/** A category: its sub-categories and its articles (one per topic, the host OS's version). */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { Tags } from '../components/Tags';
import { useT } from '../i18n/use-translation';
import { categoryName, categoryTrail } from '../../../shared/categories';
import type { ArticleSummary } from '../../../shared/types';
import { CATEGORY_PAGE, categoryData, homeData, loadCategoryPage, type CategoryRequest } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';

export function CategoryView({ path }: { path: string }) {
  const t = useT();
  const language = useLanguage();
  const request = { path, locale: language };
  const loaded = useResource(categoryData, request);
  const categories = useResource(homeData, language).data?.categories;
  const error = loaded.status === 'error' ? loaded.error : null;
  const list = loaded.status === 'ready' || loaded.status === 'error' ? { articles: loaded.data ?? [], error } : null;
  useArrival(list?.articles != null);
  const listRef = useRef<HTMLUListElement>(null);
  const more = useMorePages(request, loaded.data, listRef);

  const children = categories?.filter((c) => c.parent === path) ?? [];
  const articles = [...(list?.articles ?? []), ...more.articles];
  // Until the last page is in, the count is the category's (category_counts, as on home).
  const topicCount = categories?.find((c) => c.path === path)?.topicCount;
  const count = more.complete || topicCount === undefined ? articles.length : Math.max(topicCount, articles.length);
  // A last page that happens to be full: the count says nothing is left.
  const hasMore = !more.complete && (topicCount === undefined || articles.length < topicCount);
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
      {list?.articles && <p className="view-subtitle">{t('category.count', { count })}</p>}
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
          <ul className="list" id="category-article-list" ref={listRef}>
            {articles.map((a) => (
              <ArticleRow key={a.id} id={a.id} title={a.title} meta={<Tags service={a.service} category={a.category} platform={a.platform} />} />
            ))}
          </ul>
          {more.error !== null && <ErrorNotice error={more.error} />}
          {hasMore && (
            <button type="button" className="button show-more" aria-controls="category-article-list" aria-busy={more.loading} onClick={more.load}>
              {t('category.showMore')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}

interface MorePages {
  /** The first page these follow: a new first page (another category, new content) starts over. */
  after: ArticleSummary[] | undefined;
  articles: ArticleSummary[];
  /** The last page loaded was short: nothing more to show. */
  complete: boolean;
  loading: boolean;
  error: unknown;
  /** The first article of the page that came last, for keyboard focus to go to. */
  arrived: string | null;
}

function startOver(first: ArticleSummary[] | undefined): MorePages {
  return { after: first, articles: [], complete: first === undefined || first.length < CATEGORY_PAGE, loading: false, error: null, arrived: null };
}

/**
 * The pages of a category's list after its first ("Show more"), each appended when it comes.
 * Keyboard focus moves to the first article of a page that arrives, so the reader goes on
 * reading where the list grew (the button may be gone: that was the last page).
 */
function useMorePages(request: CategoryRequest, first: ArticleSummary[] | undefined, listRef: RefObject<HTMLUListElement | null>): MorePages & { load: () => void } {
  const [state, setState] = useState<MorePages>(() => startOver(first));
  const current = state.after === first ? state : startOver(first);
  useEffect(() => {
    if (current.arrived === null) return;
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-id]') ?? [];
    [...rows].find((row) => row.dataset.id === current.arrived)?.focus();
  }, [current.arrived, listRef]);
  const load = (): void => {
    if (current.loading || current.complete || first === undefined) return;
    const offset = first.length + current.articles.length;
    setState({ ...current, loading: true, error: null });
    // An answer for a first page no longer shown is dropped (after !== first).
    const settle = (change: (prev: MorePages) => MorePages): void => setState((prev) => (prev.after === first ? change(prev) : prev));
    loadCategoryPage(request, offset).then(
      (page) => settle((prev) => ({ ...prev, articles: [...prev.articles, ...page], complete: page.length < CATEGORY_PAGE, loading: false, arrived: page[0]?.id ?? prev.arrived })),
      (error: unknown) => settle((prev) => ({ ...prev, loading: false, error })),
    );
  };
  return { ...current, load };
}
