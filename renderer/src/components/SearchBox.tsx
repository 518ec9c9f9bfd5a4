/** The search field: updates the query on every keystroke and shows the search route. */
import { useT } from '../i18n/use-translation';
import { useRouter } from '../state/router';
import { useSearch } from '../state/search';

export function SearchBox({ autoFocus = false }: { autoFocus?: boolean }) {
  const t = useT();
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const navigate = useRouter((s) => s.navigate);
  const onSearchRoute = useRouter((s) => s.route.name === 'search');

  const onChange = (text: string): void => {
    setQuery(text);
    navigate({ name: 'search', query: text }, { replace: onSearchRoute });
  };

  return (
    <form role="search" className="search-box" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="search-input" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="search-input"
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      />
    </form>
  );
}
