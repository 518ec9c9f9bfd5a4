/** Search results: the count, one row per topic with breadcrumb tags and a snippet. */
import { useEffect } from 'react';
import { PLATFORM_LABELS } from '../../../shared/platform';
import { Breadcrumb } from '../components/Breadcrumb';
import { Highlight } from '../components/Highlight';
import { SearchBox } from '../components/SearchBox';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';
import { useRouter } from '../state/router';
import { useSearch } from '../state/search';

export function SearchView({ query }: { query: string }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const { result, pending, error } = useSearch();
  const current = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const navigate = useRouter((s) => s.navigate);

  // Arriving by URL (history, deep link): run the query the route names.
  useEffect(() => {
    if (query !== useSearch.getState().query) setQuery(query);
  }, [query, setQuery]);

  return (
    <div className="search-view">
      <SearchBox autoFocus />
      <h1 className="visually-hidden">{t('search.resultsFor', { query: current })}</h1>
      {error && <p role="alert">{t('error.generic', { message: error })}</p>}
      <p className="result-count" aria-live="polite">
        {result ? t('search.total', { count: result.total }) : pending ? t('search.searching') : ''}
      </p>
      {result && result.total === 0 && (
        <div className="empty">
          <p>{t('search.empty', { query: result.query })}</p>
          <p>{t('search.emptyHint')}</p>
        </div>
      )}
      <ol className="results">
        {result?.results.map((hit) => (
          <li key={hit.id} className="result">
            <Breadcrumb service={hit.service} category={hit.category} platform={hit.platform} />
            <h2 className="result-title">
              <a href={`#/article/${hit.id}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'article', id: hit.id }); }}>
                <Highlight text={hit.title} ranges={hit.titleRanges} />
              </a>
            </h2>
            <p className="snippet">
              <Highlight text={hit.snippet.text} ranges={hit.snippet.ranges} />
            </p>
            {hit.variants.length > 1 && (
              <p className="variants">
                {t('search.otherPlatforms')}:{' '}
                {hit.variants.slice(1).map((v) => (
                  <span key={v.id} className="badge">{PLATFORM_LABELS[v.platform][language]}</span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
