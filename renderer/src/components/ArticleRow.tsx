/** One article in a list (home, category, bookmarks, history, related): a link with a meta line. */
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import { RouteLink } from './RouteLink';

/** `context`: the screen of another app the list is for, carried to the article it opens. */
export function ArticleRow({ id, title, meta, trailing, onOpen, context }: { id: string; title: string; meta?: ReactNode; trailing?: ReactNode; onOpen?: () => void; context?: string }) {
  return (
    <li className="row">
      <RouteLink to={context ? { name: 'article', id, context } : { name: 'article', id }} className="row-link" data-id={id} onNavigate={onOpen}>
        <span className="row-text">
          <span className="row-title">{title}</span>
          {meta && <span className="row-meta">{meta}</span>}
        </span>
        <Icon name="chevronRight" size={14} className="row-chevron" />
      </RouteLink>
      {trailing}
    </li>
  );
}
