/**
 * Search results. The store runs the search (filters included); this view takes the route's
 * parameters (back, forward, deep links) and renders the results and the filters' counts. Old
 * results stay until new ones arrive, so typing never blanks the list.
 */
import { useEffect, useMemo } from 'react';
import { useArrival } from '../app/arrival';
import { focusSearch, VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Tags } from '../components/Tags';
import { homeData } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';
import { RouteLink } from '../components/RouteLink';
import { ResultList } from '../components/search/ResultList';
import { SearchFilters } from '../components/search/SearchFilters';
import { useT } from '../i18n/use-translation';
import { api } from '../api';
import { categoryLabel } from '../../../shared/categories';
import type { SearchHelp } from '../../../shared/types';
import type { SearchParams } from '../state/router';
import { effectivePlatform, facetCounts, useSearch } from '../state/search';

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

/**
 * Where else to look, under a search that found nothing or only partly: the popular articles
 * of the closest result's category, and the help center's contact page when its feed has one.
 */
function SearchHelpPanel({ help }: { help: SearchHelp }) {
  const t = useT();
  const openSupport = (): void => {
    if (help.supportUrl) void api.openExternal(help.supportUrl).catch(() => undefined);
  };
  return (
    <>
      {help.popular.length > 0 && (
        <section className="empty-popular" aria-labelledby="search-help-popular">
          <h2 id="search-help-popular" className="section-title">
            {help.category ? t('search.popularIn', { category: categoryLabel(help.category) }) : t('home.popular')}
          </h2>
          <ul className="list">
            {help.popular.map((a) => (
              <ArticleRow key={a.id} id={a.id} title={a.title} meta={<Tags service={a.service} category={a.category} platform={a.platform} />} />
            ))}
          </ul>
        </section>
      )}
      {help.supportUrl && (
        <p className="search-contact">
          {t('search.contactLead')}{' '}
          <button type="button" className="link-button" onClick={openSupport}>
            {t('search.contact')}
          </button>
        </p>
      )}
    </>
  );
}

function EmptyResults({ query, hidden, help }: { query: string; hidden: number; help: SearchHelp | undefined }) {
  const t = useT();
  const homePopular = useResource(homeData, useLanguage()).data?.popular;
  const popular = help ? null : homePopular;
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
      {help && <SearchHelpPanel help={help} />}
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

  const named = platform === null ? (result?.namedPlatform ?? null) : null;
  const chip = effectivePlatform(platform, named);
  const counts = useMemo(() => (result ? facetCounts(result) : null), [result]);
  const page = useMemo(() => result?.results.slice(0, shown) ?? [], [result, shown]);
  useArrival(query.trim() === '' || result !== null || error !== null);

  const empty = query.trim() === '';
  const total = result?.total ?? 0;
  const filtering = chip !== 'all' || category !== null;
  // Topics the filters hide: what choosing "all platforms" or "all categories" would show.
  const hidden = counts ? Math.max(result!.facets.anyPlatform, [...counts.categoryCounts].filter(([path]) => !path.includes('/')).reduce((n, [, c]) => n + c, 0)) : 0;
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
          {error !== null && (
            <ErrorNotice error={error} fallback="search.error">
              <button type="button" className="button" onClick={refresh}>
                {t('app.retry')}
              </button>
            </ErrorNotice>
          )}
          {counts && total === 0 && !(filtering && hidden > 0) && (
            <p className="result-count" aria-live="polite" aria-atomic="true">
              {t('search.total', { count: 0 })}
            </p>
          )}
          {counts && (total > 0 || (filtering && hidden > 0)) && (
            <SearchFilters total={total} platformCounts={counts.platformCounts} categoryCounts={counts.categoryCounts} chip={chip} named={named !== null} />
          )}
          {result?.didYouMean && <DidYouMean suggestion={result.didYouMean} />}
          {counts && total === 0 && <EmptyResults query={result!.query} hidden={filtering ? hidden : 0} help={result!.help} />}
          {counts && total > 0 && (
            <>
              {result!.partial && (
                <p className="notice search-partial" role="status">
                  <Icon name="search" size={16} />
                  {t('search.partial', { query: result!.query })}
                </p>
              )}
              <ResultList hits={page} query={result!.query} busy={pending} />
              {total > page.length && page.length < 200 && (
                <button type="button" className="button show-more" onClick={showMore}>
                  {t('search.showMore', { shown: page.length, total })}
                </button>
              )}
              <p className="keyboard-hint" aria-hidden="true">
                {t('search.keyboardHint')}
              </p>
              {result!.partial && result!.help && <SearchHelpPanel help={result!.help} />}
            </>
          )}
        </>
      )}
    </div>
  );
}
