/**
 * The search options above the results: the total ("총 43건"), platform chips (the host OS
 * by default), the category filter and the sort order.
 */
import { PLATFORMS, type Platform } from '../../../../shared/platform';
import { useT } from '../../i18n/use-translation';
import { categoryLabel } from '../../lib/category';
import { usePlatformLabel } from '../../platform/labels';
import { useApp } from '../../state/app';
import type { PlatformChoice } from '../../state/router';
import { useSearch } from '../../state/search';
import { Icon } from '../Icon';

/** The chips offered: all, the host OS, the other desktop and mobile platforms, common. */
export function platformChips(hostOs: Platform, counts?: ReadonlyMap<PlatformChoice, number>): PlatformChoice[] {
  const base: Platform[] = ['windows', 'macos', 'android', 'ios'];
  const extra = PLATFORMS.filter((p) => !base.includes(p) && p !== 'common' && p !== hostOs && (counts?.get(p) ?? 0) > 0);
  return ['all', hostOs, ...base.filter((p) => p !== hostOs), ...extra, 'common'];
}

export function SearchFilters({
  total,
  platformCounts,
  categoryCounts,
  chip,
}: {
  total: number;
  platformCounts: ReadonlyMap<PlatformChoice, number>;
  categoryCounts: ReadonlyMap<string, number>;
  chip: PlatformChoice;
}) {
  const t = useT();
  const platformLabel = usePlatformLabel();
  const hostOs = useApp((s) => s.hostOs);
  const sort = useSearch((s) => s.sort);
  const category = useSearch((s) => s.category);
  const setSort = useSearch((s) => s.setSort);
  const setCategory = useSearch((s) => s.setCategory);
  const setPlatform = useSearch((s) => s.setPlatform);
  const chips = platformChips(hostOs, platformCounts);
  const categories = [...categoryCounts.keys()].sort((a, b) => a.localeCompare(b, 'ko'));
  // Keep the chosen category listed even when the other filters leave it empty.
  if (category && !categoryCounts.has(category)) categories.unshift(category);

  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')}>
      <div className="search-summary">
        <p className="result-count" aria-live="polite" aria-atomic="true">
          {t('search.total', { count: total })}
        </p>
        <div className="search-selects">
          <label className="select-field">
            <span className="visually-hidden">{t('search.category')}</span>
            <select value={category ?? ''} onChange={(e) => setCategory(e.target.value || null)}>
              <option value="">{t('search.allCategories')}</option>
              {categories.map((path) => (
                <option key={path} value={path}>
                  {path.includes('/') ? `\u00a0\u00a0${categoryLabel(path)}` : path} ({categoryCounts.get(path) ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label className="select-field">
            <span className="visually-hidden">{t('search.sort')}</span>
            <select value={sort} onChange={(e) => setSort(e.target.value === 'recent' ? 'recent' : 'relevance')}>
              <option value="relevance">{t('search.sortRelevance')}</option>
              <option value="recent">{t('search.sortRecent')}</option>
            </select>
          </label>
        </div>
      </div>
      <ul className="platform-chips" aria-label={t('search.platform')}>
        {chips.map((c) => {
          const label = c === 'all' ? t('search.allPlatforms') : platformLabel(c);
          const count = platformCounts.get(c) ?? 0;
          return (
            <li key={c}>
              <button
                type="button"
                className={c === hostOs ? 'chip chip-filter is-host' : 'chip chip-filter'}
                aria-pressed={chip === c}
                onClick={() => setPlatform(c === hostOs ? null : c)}
                title={c === hostOs ? t('search.thisComputer') : undefined}
              >
                {c === hostOs && <Icon name="computer" size={13} />}
                <span>{label}</span>
                {c === hostOs && <span className="visually-hidden"> ({t('search.thisComputer')})</span>}
                <span className="chip-count">{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {chip !== 'all' && chip !== 'common' && (
        <p className="platform-note">{t('search.platformNote', { platform: platformLabel(chip) })}</p>
      )}
    </div>
  );
}
