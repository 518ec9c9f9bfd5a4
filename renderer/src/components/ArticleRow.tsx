/** One article in a list (home, category, bookmarks, history, related): a link with a meta line. */
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import { RouteLink } from './RouteLink';

export function ArticleRow({ id, title, meta, trailing, onOpen }: { id: string; title: string; meta?: ReactNode; trailing?: ReactNode; onOpen?: () => void }) {
  return (
    <li className="row">
      <RouteLink to={{ name: 'article', id }} className="row-link" data-id={id} onNavigate={onOpen}>
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
