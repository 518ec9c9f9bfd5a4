/** Bookmarked articles, newest first, each removable. */
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { Icon } from '../components/Icon';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { useLanguage } from '../state/language';
import { bookmarksData, setBookmarked } from '../state/data';
import { useResource } from '../state/resource';
import { useToast } from '../state/toast';

export function BookmarksView() {
  const t = useT();
  const language = useLanguage();
  const loadedBookmarks = useResource(bookmarksData, 'bookmarks');
  const bookmarks = loadedBookmarks.data ?? [];
  const loaded = loadedBookmarks.status === 'ready' || loadedBookmarks.status === 'error';
  const toast = useToast((s) => s.show);
  useArrival(loaded);

  return (
    <div className="view view-library">
      <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
        {t('bookmarks.title')}
      </h1>
      {loaded && bookmarks.length === 0 ? (
        <div className="empty-state">
          <Icon name="bookmark" size={32} className="empty-icon" />
          <p className="empty-title">{t('bookmarks.empty')}</p>
          <p>{t('bookmarks.emptyHint')}</p>
        </div>
      ) : (
        <ul className="list">
          {bookmarks.map((b) => (
            <ArticleRow
              key={b.articleId}
              id={b.articleId}
              title={b.title}
              meta={t('bookmarks.added', { date: formatDate(b.createdAt, language) })}
              trailing={
                <button
                  type="button"
                  className="icon-button row-action"
                  aria-label={t('bookmarks.removeNamed', { title: b.title })}
                  title={t('bookmarks.remove')}
                  onClick={async () => {
                    if (await setBookmarked(b.articleId, false)) toast(t('article.bookmarkRemoved'));
                  }}
                >
                  <Icon name="close" />
                </button>
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
