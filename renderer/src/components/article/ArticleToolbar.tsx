/** Bookmark, copy link (doum://article/<id>), print and text size for the open article. */
import { articleLink } from '../../../../shared/ids';
import { copyText } from '../../lib/clipboard';
import { useT } from '../../i18n/use-translation';
import { shortcutLabel } from '../../platform/shortcuts';
import { useApp } from '../../state/app';
import { bookmarksData, isBookmarked, setBookmarked } from '../../state/data';
import { useResource } from '../../state/resource';
import { TEXT_SCALE, useSettings } from '../../state/settings';
import { useToast } from '../../state/toast';
import { Icon } from '../Icon';

export function useBookmarkToggle(articleId: string): () => Promise<void> {
  const t = useT();
  const toast = useToast((s) => s.show);
  return async () => {
    const next = !isBookmarked(bookmarksData.read('bookmarks').data, articleId);
    if (await setBookmarked(articleId, next)) toast(t(next ? 'article.bookmarkAdded' : 'article.bookmarkRemoved'));
  };
}

export function ArticleToolbar({ articleId }: { articleId: string }) {
  const t = useT();
  const hostOs = useApp((s) => s.hostOs);
  const bookmarked = isBookmarked(useResource(bookmarksData, 'bookmarks').data, articleId);
  const toggleBookmark = useBookmarkToggle(articleId);
  const textScale = useSettings((s) => s.settings?.textScale ?? TEXT_SCALE.default);
  const changeTextScale = useSettings((s) => s.changeTextScale);
  const toast = useToast((s) => s.show);
  const withKey = (label: string, command: Parameters<typeof shortcutLabel>[0]): string =>
    t('nav.withShortcut', { label, shortcut: shortcutLabel(command, hostOs) });

  return (
    <div className="article-toolbar" role="toolbar" aria-label={t('article.tools')}>
      <button
        type="button"
        className={bookmarked ? 'tool-button is-on' : 'tool-button'}
        aria-pressed={bookmarked}
        title={withKey(t('article.bookmark'), 'bookmark')}
        onClick={() => void toggleBookmark()}
      >
        <Icon name={bookmarked ? 'bookmarkFilled' : 'bookmark'} />
        <span>{t('article.bookmark')}</span>
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={async () => toast(t((await copyText(articleLink(articleId))) ? 'article.linkCopied' : 'article.copyFailed'))}
      >
        <Icon name="link" />
        <span>{t('article.copyLink')}</span>
      </button>
      <button type="button" className="tool-button" title={withKey(t('article.print'), 'print')} onClick={() => window.print()}>
        <Icon name="print" />
        <span>{t('article.print')}</span>
      </button>
      <span className="text-size" role="group" aria-label={t('article.textSize', { percent: Math.round(textScale * 100) })}>
        <button
          type="button"
          className="tool-button icon-only"
          aria-label={t('article.textSmaller')}
          title={withKey(t('article.textSmaller'), 'textSmaller')}
          disabled={textScale <= TEXT_SCALE.min}
          onClick={() => changeTextScale(-1)}
        >
          <span aria-hidden="true" className="text-size-glyph small">{t('article.textGlyph')}</span>
        </button>
        <output className="text-size-value" aria-live="polite">{Math.round(textScale * 100)}%</output>
        <button
          type="button"
          className="tool-button icon-only"
          aria-label={t('article.textLarger')}
          title={withKey(t('article.textLarger'), 'textLarger')}
          disabled={textScale >= TEXT_SCALE.max}
          onClick={() => changeTextScale(1)}
        >
          <span aria-hidden="true" className="text-size-glyph large">{t('article.textGlyph')}</span>
        </button>
      </span>
    </div>
  );
}
