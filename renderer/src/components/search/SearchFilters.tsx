/**
 * The search options above the results: the total ("총 43건"), platform chips, the category
 * filter and the sort order. No chip filters until the person picks one or names a platform
 * in the query (맥에서 설치 → macOS, said under the chips); a filtering chip says how many
 * results it hides.
 */
import { PLATFORMS, type Platform } from '../../../../shared/platform';
import { useT } from '../../i18n/use-translation';
import { categoryLabel } from '../../../../shared/categories';
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
  named,
}: {
  total: number;
  platformCounts: ReadonlyMap<PlatformChoice, number>;
  categoryCounts: ReadonlyMap<string, number>;
  chip: PlatformChoice;
  /** True when the chip follows a platform named in the query rather than one picked. */
  named: boolean;
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
  // What the platform filter leaves out: the topics "all" would add.
  const hidden = Math.max(0, (platformCounts.get('all') ?? 0) - total);
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
                onClick={() => setPlatform(c)}
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
      {chip !== 'all' && (
        <p className="platform-note" role="status">
          {named ? t('search.platformNamed', { platform: platformLabel(chip) }) : chip !== 'common' ? t('search.platformNote', { platform: platformLabel(chip) }) : null}
          {hidden > 0 && <> {t('search.platformHidden', { count: hidden })}</>}{' '}
          <button type="button" className="link-button" onClick={() => setPlatform('all')}>
            {t('search.showAllPlatforms')}
          </button>
        </p>
      )}
    </div>
  );
}
