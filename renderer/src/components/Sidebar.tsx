/**
 * The sidebar: home, bookmarks, history, the top-level categories with their article counts,
 * and at the bottom the sync status and settings. Translucent on macOS, Mica-like on
 * Windows — the look is CSS; the structure is the same everywhere.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n/use-translation';
import { topCategory } from '../../../shared/categories';
import { useApp } from '../state/app';
import { articleData, bookmarksData, homeData } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';
import { useRouter, type Route } from '../state/router';
import { Icon, type IconName } from './Icon';
import { RouteLink } from './RouteLink';
import { SyncIndicator } from './SyncIndicator';

function NavItem({ to, icon, label, current, badge }: { to: Route; icon: IconName; label: string; current: boolean; badge?: number }) {
  return (
    <li>
      <RouteLink to={to} className={current ? 'nav-item is-current' : 'nav-item'} aria-current={current ? 'page' : undefined}>
        <Icon name={icon} size={16} className="nav-icon" />
        <span className="nav-label">{label}</span>
        {badge !== undefined && badge > 0 && <span className="nav-badge">{badge}</span>}
      </RouteLink>
    </li>
  );
}

/**
 * Whether a scrolling box hides content below its fold (a short window, e.g. 800×600), so
 * the list can fade out there and show that it scrolls.
 */
function useMoreBelow(ref: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = (): void => setMore(box.scrollTop + box.clientHeight < box.scrollHeight - 1);
    check();
    const resize = new ResizeObserver(check);
    resize.observe(box);
    for (const child of box.children) resize.observe(child);
    const mutation = new MutationObserver(check);
    mutation.observe(box, { childList: true, subtree: true });
    box.addEventListener('scroll', check, { passive: true });
    return () => {
      resize.disconnect();
      mutation.disconnect();
      box.removeEventListener('scroll', check);
    };
  }, [ref]);
  return more;
}

/** A topic count: the number at a glance, and what it counts for a screen reader. */
function TopicCount({ count }: { count: number }) {
  const t = useT();
  return (
    <span className="nav-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('count.topicsHidden', { count })}</span>
    </span>
  );
}

export function Sidebar() {
  const t = useT();
  const route = useRouter((s) => s.route);
  const language = useLanguage();
  const hostOs = useApp((s) => s.hostOs);
  const categories = useResource(homeData, language).data?.categories;
  const bookmarkCount = useResource(bookmarksData, 'bookmarks').data?.length ?? 0;
  const shownArticle = useResource(articleData, route.name === 'article' ? { id: route.id, platform: hostOs } : null);
  const articleCategory = shownArticle.data?.category ?? null;
  const topLevel = categories?.filter((c) => c.parent === null) ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const moreBelow = useMoreBelow(scroller);
  const activeTop = route.name === 'category' ? topCategory(route.path) : articleCategory ? topCategory(articleCategory) : null;

  return (
    <nav className="sidebar" aria-label={t('nav.main')}>
      <div className="sidebar-header" />
      <div className="sidebar-scroll" ref={scroller} data-more-below={moreBelow ? 'true' : 'false'}>
        <ul className="nav-list">
          <NavItem to={{ name: 'home' }} icon="home" label={t('nav.home')} current={route.name === 'home'} />
          <NavItem to={{ name: 'bookmarks' }} icon="bookmark" label={t('nav.bookmarks')} current={route.name === 'bookmarks'} badge={bookmarkCount} />
          <NavItem to={{ name: 'history' }} icon="clock" label={t('nav.history')} current={route.name === 'history'} />
        </ul>
        {topLevel.length > 0 && (
          <div className="nav-categories">
            <p className="nav-section" id="nav-categories">
              {t('nav.categories')}
            </p>
            <ul className="nav-list" aria-labelledby="nav-categories">
              {topLevel.map((category) => {
                const exact = route.name === 'category' && route.path === category.path;
                return (
                  <li key={category.path}>
                    <RouteLink
                      to={{ name: 'category', path: category.path }}
                      className={exact ? 'nav-item is-current' : activeTop === category.path ? 'nav-item is-within' : 'nav-item'}
                      aria-current={exact ? 'page' : undefined}
                    >
                      <Icon name="folder" size={16} className="nav-icon" />
                      <span className="nav-label">{category.name}</span>
                      <TopicCount count={category.topicCount} />
                    </RouteLink>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
      <div className="sidebar-footer">
        <SyncIndicator />
        <ul className="nav-list">
          <NavItem to={{ name: 'settings' }} icon="gear" label={t('nav.settings')} current={route.name === 'settings'} />
        </ul>
      </div>
    </nav>
  );
}
