/**
 * The contents of an article with three or more headings: beside the text on wide windows,
 * folded above it on narrow ones. An entry scrolls to its heading (the address names the
 * section, so it can be shared); the link button beside it copies `doum://article/<id>#<section>`.
 */
import { useSyncExternalStore } from 'react';
import { useT } from '../../i18n/use-translation';
import { articleLink } from '../../../../shared/ids';
import { copyText } from '../../lib/clipboard';
import type { ArticleHeading } from '../../lib/sanitize';
import { routeToHash, useRouter } from '../../state/router';
import { useToast } from '../../state/toast';
import { Icon } from '../Icon';

/** Fewer headings than this: the article is short enough to read without contents. */
export const MIN_HEADINGS_FOR_CONTENTS = 3;
/** Wide enough for the contents beside the text (keep in step with article.css). */
const WIDE_QUERY = '(min-width: 1240px)';

function useWideWindow(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(WIDE_QUERY);
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => window.matchMedia(WIDE_QUERY).matches,
  );
}

/** The headings the contents list: the body's top two levels. */
export function contentsEntries(headings: readonly ArticleHeading[]): ArticleHeading[] {
  return headings.filter((h) => h.level <= 3);
}

function Entries({ articleId, headings }: { articleId: string; headings: readonly ArticleHeading[] }) {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const toast = useToast((s) => s.show);
  return (
    <ol className="toc-list">
      {headings.map((heading) => {
        const route = { name: 'article', id: articleId, section: heading.section } as const;
        return (
          <li key={heading.section} className={heading.level > 2 ? 'toc-item is-sub' : 'toc-item'}>
            <a
              href={routeToHash(route)}
              className="toc-link"
              onClick={(event) => {
                event.preventDefault();
                navigate(route, { replace: true });
              }}
            >
              {heading.text}
            </a>
            <button
              type="button"
              className="toc-copy"
              aria-label={t('toc.copyLink', { heading: heading.text })}
              title={t('toc.copyLinkHint')}
              onClick={async () => toast(t((await copyText(articleLink(articleId, heading.section))) ? 'toc.linkCopied' : 'article.copyFailed'))}
            >
              <Icon name="link" size={14} />
            </button>
          </li>
        );
      })}
    </ol>
  );
}

export function TableOfContents({ articleId, headings }: { articleId: string; headings: readonly ArticleHeading[] }) {
  const t = useT();
  const wide = useWideWindow();
  if (headings.length < MIN_HEADINGS_FOR_CONTENTS) return null;
  if (wide) {
    return (
      <nav className="toc toc-side" aria-label={t('toc.title')}>
        <p className="toc-title" aria-hidden="true">
          {t('toc.title')}
        </p>
        <Entries articleId={articleId} headings={headings} />
      </nav>
    );
  }
  return (
    <details className="toc toc-folded">
      <summary className="toc-summary">
        <Icon name="list" />
        {t('toc.titleWithCount', { count: headings.length })}
      </summary>
      <nav aria-label={t('toc.title')}>
        <Entries articleId={articleId} headings={headings} />
      </nav>
    </details>
  );
}
