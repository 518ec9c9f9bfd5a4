/**
 * One article: breadcrumb, title, tags and date, platform tabs, tools, the find bar, the
 * contents, the sanitized body with working cross-links and zoomable pictures, its attached
 * files, "Was this
 * helpful?", translations and related articles. Arriving with a section scrolls to it;
 * arriving from a search result scrolls to the passage it matched and flashes its words.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleAttachments } from '../components/article/ArticleAttachments';
import { ArticleBody } from '../components/article/ArticleBody';
import { ArticleToolbar } from '../components/article/ArticleToolbar';
import { ContextHelp } from '../components/article/ContextHelp';
import { FeedbackBox } from '../components/article/FeedbackBox';
import { FindBar } from '../components/article/FindBar';
import { contentsEntries, TableOfContents } from '../components/article/TableOfContents';
import { RelatedArticles } from '../components/article/RelatedArticles';
import { ARTICLE_PANEL_ID, VariantTabs } from '../components/article/VariantTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { Tags } from '../components/Tags';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { categoryName, categoryTrail } from '../../../shared/categories';
import { prepareArticleHtml, sectionElementId } from '../lib/sanitize';
import { firstPassage, paintHighlight } from '../lib/text-find';
import { useApp } from '../state/app';
import { articleData, recordView } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';
import { useReading } from '../state/reading';
import { useRouter } from '../state/router';

/** How long the words of a search match stay highlighted after the jump. */
export const JUMP_HIGHLIGHT_MS = 4000;
export const JUMP_HIGHLIGHT = 'doum-jump';

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Scrolls to the section the route names (not when coming back: the old position wins). */
function useSectionScroll(ready: boolean): void {
  const route = useRouter((s) => s.route);
  const via = useRouter((s) => s.via);
  useEffect(() => {
    if (!ready || route.name !== 'article' || !route.section || via === 'pop') return;
    const heading = document.getElementById(sectionElementId(route.section));
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [ready, route, via]);
}

/** Opened from a search result: scroll to the first passage with its words, and flash them. */
function useJumpToMatch(ready: boolean, id: string, body: React.RefObject<HTMLDivElement | null>): void {
  const route = useRouter((s) => s.route);
  const words = route.name === 'article' && route.id === id ? route.jump : undefined;
  useEffect(() => {
    if (!ready || !words || words.length === 0 || !body.current) return;
    const passage = firstPassage(body.current, words);
    if (!passage) return;
    passage.block.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    paintHighlight(JUMP_HIGHLIGHT, passage.ranges);
    const timer = window.setTimeout(() => paintHighlight(JUMP_HIGHLIGHT, []), JUMP_HIGHLIGHT_MS);
    return () => {
      window.clearTimeout(timer);
      paintHighlight(JUMP_HIGHLIGHT, []);
    };
  }, [ready, words, body]);
}

/** An empty state with a heading: not found (`body`), or a failure (`error`, worded by ErrorNotice). */
function Message({ title, body, icon, error }: { title: string; body?: string; icon: 'warning' | 'info'; error?: unknown }) {
  const t = useT();
  return (
    <div className="empty-state" role={icon === 'warning' ? 'alert' : undefined}>
      <Icon name={icon} size={32} className="empty-icon" />
      <h1 id={VIEW_TITLE_ID} tabIndex={-1} className="empty-title">
        {title}
      </h1>
      {body && <p>{body}</p>}
      {error !== undefined && <ErrorNotice variant="inline" error={error} alert={false} />}
      <RouteLink to={{ name: 'home' }} className="button">
        {t('nav.home')}
      </RouteLink>
    </div>
  );
}

/** The last non-null value seen (null until there is one). */
function useLastShown<T>(value: T | null): T | null {
  const [last, setLast] = useState<T | null>(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}

/** `context`: the screen of another app this article was opened for (context help). */
export function ArticleView({ id, context }: { id: string; context?: string }) {
  const t = useT();
  const language = useLanguage();
  const hostOs = useApp((s) => s.hostOs);
  const loaded = useResource(articleData, { id, platform: hostOs });
  const status = loaded.status === 'ready' ? (loaded.data ? 'ready' : 'not-found') : loaded.status;
  const error = loaded.status === 'error' ? loaded.error : null;
  // While the next article loads, the one read last stays (dimmed) instead of a blank page.
  const article = useLastShown(loaded.data ?? null);
  const findOpen = useReading((s) => s.findOpen);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const externalLabel = t('article.opensOutside');
  const prepared = useMemo(
    () => (article ? prepareArticleHtml(article.bodyHtml, { externalLabel, pictureLabel: (alt) => (alt ? t('viewer.openPicture', { alt }) : t('viewer.openUntitled')) }) : null),
    [article, externalLabel, t],
  );

  // Opening an article records it in the reading history.
  const opened = status === 'ready';
  useEffect(() => {
    if (opened) void recordView(id);
  }, [id, opened]);
  // Find belongs to one article: leaving it closes the bar.
  useEffect(() => () => useReading.getState().closeFind(), [id]);

  const current = article?.id === id && status === 'ready';
  useArrival(current || status === 'not-found' || status === 'error');
  useSectionScroll(current);
  useJumpToMatch(current, id, bodyRef);

  if (status === 'not-found') return <Message icon="info" title={t('article.notFoundTitle')} body={t('article.notFoundBody')} />;
  if (status === 'error') return <Message icon="warning" title={t('article.errorTitle')} error={error} />;
  if (!article) {
    return (
      <div className="view view-article" aria-busy="true">
        <p className="loading">{t('article.loading')}</p>
      </div>
    );
  }

  const tabs = article.variants.length > 1;
  const contents = contentsEntries(prepared!.headings);
  return (
    <div className={current ? 'view view-article' : 'view view-article is-stale'} aria-busy={!current}>
      {context && <ContextHelp context={context} article={article} />}
      <article className="article" lang={article.locale} aria-labelledby={VIEW_TITLE_ID}>
        <nav className="breadcrumb" aria-label={t('article.breadcrumb')}>
          <ol>
            <li>
              <RouteLink to={{ name: 'home' }}>{t('nav.home')}</RouteLink>
            </li>
            {categoryTrail(article.category).map((path) => (
              <li key={path}>
                <RouteLink to={{ name: 'category', path }}>{categoryName(path)}</RouteLink>
              </li>
            ))}
          </ol>
        </nav>
        <h1 id={VIEW_TITLE_ID} tabIndex={-1} className="article-title">
          {article.title}
        </h1>
        <p className="article-meta">
          <Tags service={article.service} category={article.category} platform={article.platform} />
          <span className="article-date">{t('article.updated', { date: formatDate(article.updatedAt, language) })}</span>
        </p>
        <div className="article-controls">
          {tabs && <VariantTabs variants={article.variants} currentId={article.id} />}
          <ArticleToolbar articleId={article.id} />
        </div>
        {findOpen && <FindBar bodyRef={bodyRef} html={prepared!.html} />}
        <div className="article-columns">
          <TableOfContents articleId={article.id} headings={contents} />
          <div id={ARTICLE_PANEL_ID} className="article-panel" role={tabs ? 'tabpanel' : undefined} aria-labelledby={tabs ? `tab-${article.id}` : undefined}>
            <ArticleBody ref={bodyRef} html={prepared!.html} />
            <ArticleAttachments attachments={article.attachments} />
          </div>
        </div>
        <FeedbackBox key={article.id} articleId={article.id} />
        <RelatedArticles article={article} />
      </article>
    </div>
  );
}
