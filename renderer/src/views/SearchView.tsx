/**
 * Search results. The store runs the search; this view takes the route's parameters (back,
 * forward, deep links), filters the fetched topics and renders them. Old results stay until
 * new ones arrive, so typing never blanks the list.
 */
import { useEffect, useMemo } from 'react';
import { useArrival } from '../app/arrival';
import { focusSearch, VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { Icon } from '../components/Icon';
import { Tags } from '../components/Tags';
import { useCatalog } from '../state/catalog';
import { RouteLink } from '../components/RouteLink';
import { ResultList } from '../components/search/ResultList';
import { platformChips, SearchFilters } from '../components/search/SearchFilters';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';
import type { SearchParams } from '../state/router';
import { effectivePlatform, filterResults, useSearch } from '../state/search';

function DidYouMean({ suggestion }: { suggestion: string }) {
  const t = useT();
  const setQuery = useSearch((s) => s.setQuery);
  return (
    <p className="did-you-mean">
      <Icon name="sparkle" size={14} />
      {t('search.didYouMean')}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setQuery(suggestion);
          focusSearch(false);
        }}
      >
        {suggestion}
      </button>
    </p>
  );
}

function EmptyResults({ query, hidden }: { query: string; hidden: number }) {
  const t = useT();
  const popular = useCatalog((s) => s.home?.popular);
  const clear = (): void => {
    const s = useSearch.getState();
    s.setCategory(null);
    s.setPlatform('all');
  };
  return (
    <div className="empty-state">
      <Icon name="search" size={32} className="empty-icon" />
      <p className="empty-title">{t('search.emptyTitle', { query })}</p>
      {hidden > 0 && (
        <p>
          {t('search.emptyHidden', { count: hidden })}{' '}
          <button type="button" className="link-button" onClick={clear}>
            {t('search.clearFilters')}
          </button>
        </p>
      )}
      <div className="tips">
        <p className="tips-title">{t('search.tipsTitle')}</p>
        <ul>
          <li>{t('search.tipSpelling')}</li>
          <li>{t('search.tipShorter')}</li>
          <li>{t('search.tipChosung')}</li>
        </ul>
      </div>
      {popular && popular.length > 0 && (
        <section className="empty-popular" aria-labelledby="empty-popular">
          <h2 id="empty-popular" className="section-title">
            {t('home.popular')}
          </h2>
          <ul className="list">
            {popular.slice(0, 5).map((a) => (
              <ArticleRow key={a.id} id={a.id} title={a.title} meta={<Tags service={a.service} category={a.category} platform={a.platform} />} />
            ))}
          </ul>
        </section>
      )}
      <RouteLink to={{ name: 'home' }} className="button">
        {t('search.browse')}
      </RouteLink>
    </div>
  );
}

export function SearchView({ params }: { params: SearchParams }) {
  const t = useT();
  const hostOs = useApp((s) => s.hostOs);
  const query = useSearch((s) => s.query);
  const result = useSearch((s) => s.result);
  const pending = useSearch((s) => s.pending);
  const error = useSearch((s) => s.error);
  const category = useSearch((s) => s.category);
  const platform = useSearch((s) => s.platform);
  const shown = useSearch((s) => s.shown);
  const apply = useSearch((s) => s.apply);
  const showMore = useSearch((s) => s.showMore);
  const refresh = useSearch((s) => s.refresh);

  // Arriving by address (back/forward, a deep link): run what the route names.
  useEffect(() => {
    apply(params);
  }, [params, apply]);

  const chip = effectivePlatform(platform);
  const filtered = useMemo(() => {
    if (!result) return null;
    const draft = filterResults(result, category, chip, ['all']);
    const chips = platformChips(hostOs, draft.platformCounts);
    return filterResults(result, category, chip, chips);
  }, [result, category, chip, hostOs]);
  const page = useMemo(() => filtered?.hits.slice(0, shown) ?? [], [filtered, shown]);
  useArrival(query.trim() === '' || result !== null || error !== null);

  const empty = query.trim() === '';
  const total = filtered?.hits.length ?? 0;
  return (
    <div className="view view-search" data-results-for={result?.query}>
      <h1 id={VIEW_TITLE_ID} tabIndex={-1} className="visually-hidden">
        {empty ? t('search.results') : t('search.resultsFor', { query })}
      </h1>
      <div className={pending ? 'search-progress is-pending' : 'search-progress'} aria-hidden="true" />
      {empty ? (
        <div className="empty-state">
          <Icon name="search" size={32} className="empty-icon" />
          <p className="empty-title">{t('search.prompt')}</p>
          <p>{t('search.promptHint')}</p>
        </div>
      ) : (
        <>
          {error && (
            <div className="notice notice-error" role="alert">
              <p>{t('search.error', { message: error })}</p>
              <button type="button" className="button" onClick={refresh}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {filtered && result!.results.length === 0 && (
            <p className="result-count" aria-live="polite" aria-atomic="true">
              {t('search.total', { count: 0 })}
            </p>
          )}
          {filtered && result!.results.length > 0 && (
            <SearchFilters
              total={filtered.truncated ? result!.results.length : total}
              truncated={filtered.truncated}
              platformCounts={filtered.platformCounts}
              categoryCounts={filtered.categoryCounts}
              chip={chip}
            />
          )}
          {result?.didYouMean && <DidYouMean suggestion={result.didYouMean} />}
          {filtered && total === 0 && <EmptyResults query={result!.query} hidden={result!.results.length} />}
          {filtered && total > 0 && (
            <>
              <ResultList hits={page} query={result!.query} busy={pending} />
              {total > shown && (
                <button type="button" className="button show-more" onClick={showMore}>
                  {t('search.showMore', { shown: Math.min(shown, total), total })}
                </button>
              )}
              <p className="keyboard-hint" aria-hidden="true">
                {t('search.keyboardHint')}
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
