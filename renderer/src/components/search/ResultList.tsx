/**
 * The results: one row per topic with [service][category][platform] tags, the title and a
 * snippet with the matched words highlighted, and the topic's other platforms as small links.
 * ↑/↓ (and Home/End) move between results, Enter opens one, Esc goes back to the field.
 */
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../../../shared/types';
import { focusSearch, resultLinks } from '../../app/focus';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-translation';
import { useLanguage } from '../../state/language';
import { matchedWords } from '../../lib/text-find';
import { usePlatformLabel } from '../../platform/labels';
import { useRouter } from '../../state/router';
import { useSearch } from '../../state/search';
import { Highlight } from '../Highlight';
import { RouteLink } from '../RouteLink';
import { Tags } from '../Tags';

const ResultRow = memo(function ResultRow({ hit, onOpen, showDate }: { hit: SearchHit; onOpen: (id: string) => void; showDate: boolean }) {
  const t = useT();
  const language = useLanguage();
  // The article scrolls to the passage this result matched (and Back focuses the result again).
  const jump = useMemo(() => matchedWords(hit.snippet), [hit.snippet]);
  const platformLabel = usePlatformLabel();
  const others = hit.variants.slice(1).filter((v) => v.locale === hit.locale);
  return (
    <li className="result">
      <Tags service={hit.service} category={hit.category} platform={hit.platform} />
      {/* Sorted by date, the date is what orders the list: show it. */}
      {showDate && (
        <time className="result-date" dateTime={hit.updatedAt}>
          {t('article.updated', { date: formatDate(hit.updatedAt, language) })}
        </time>
      )}
      <h2 className="result-title">
        <RouteLink to={{ name: 'article', id: hit.id, jump }} className="result-link" data-id={hit.id} onNavigate={() => onOpen(hit.id)}>
          <Highlight text={hit.title} ranges={hit.titleRanges} />
        </RouteLink>
      </h2>
      <p className="snippet">
        <Highlight text={hit.snippet.text} ranges={hit.snippet.ranges} />
      </p>
      {others.length > 0 && (
        <p className="variants">
          <span className="variants-label">{t('search.otherPlatforms')}</span>
          {others.map((v) => (
            <RouteLink
              key={v.id}
              to={{ name: 'article', id: v.id, jump }}
              className="badge"
              onNavigate={() => onOpen(hit.id)}
            >
              {platformLabel(v.platform)}
              <span className="visually-hidden"> {t('search.variantSuffix')}</span>
            </RouteLink>
          ))}
        </p>
      )}
    </li>
  );
});

function onListKeyDown(event: React.KeyboardEvent<HTMLOListElement>): void {
  const links = resultLinks();
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  let next: number | null = null;
  switch (event.key) {
    case 'ArrowDown':
      next = at < 0 ? 0 : Math.min(at + 1, links.length - 1);
      break;
    case 'ArrowUp':
      if (at <= 0) {
        event.preventDefault();
        focusSearch(false);
        return;
      }
      next = at - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = links.length - 1;
      break;
    case 'Escape':
      event.preventDefault();
      event.stopPropagation();
      focusSearch(false);
      return;
    default:
      return;
  }
  event.preventDefault();
  links[next]?.focus();
}

/**
 * The results of a new query show their first rows at once and the rest right after (a
 * transition), so typing gets the top of the list on screen sooner. Other changes (filters,
 * "show more") and coming back render every row at once, so nothing on screen collapses.
 */
const FIRST_ROWS = 8;

export function ResultList({ hits, query, busy }: { hits: SearchHit[]; query: string; busy: boolean }) {
  const t = useT();
  const rememberOpened = useSearch((s) => s.rememberOpened);
  const byDate = useSearch((s) => s.sort === 'recent');
  // Coming back to the results (Back): every row at once, so the result people opened is
  // there to take the focus and the list is tall enough to restore its scroll position.
  const [shownFor, setShownFor] = useState<string | null>(() => (useRouter.getState().via === 'pop' ? query : null));
  const fresh = shownFor !== query;
  const visible = fresh ? hits.slice(0, FIRST_ROWS) : hits;
  useEffect(() => {
    if (fresh) startTransition(() => setShownFor(query));
  }, [fresh, query]);
  return (
    <ol className="results" aria-label={t('search.results')} aria-busy={busy} data-query={query} onKeyDown={onListKeyDown}>
      {visible.map((hit) => (
        <ResultRow key={hit.id} hit={hit} onOpen={rememberOpened} showDate={byDate} />
      ))}
    </ol>
  );
}
