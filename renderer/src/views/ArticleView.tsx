/**
 * One article: breadcrumb, title, tags and date, platform tabs, tools, the sanitized body
 * with working cross-links, "Was this helpful?", translations and related articles.
 */
import { useEffect } from 'react';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleBody } from '../components/article/ArticleBody';
import { ArticleToolbar } from '../components/article/ArticleToolbar';
import { ContextHelp } from '../components/article/ContextHelp';
import { FeedbackBox } from '../components/article/FeedbackBox';
import { RelatedArticles } from '../components/article/RelatedArticles';
import { ARTICLE_PANEL_ID, VariantTabs } from '../components/article/VariantTabs';
import { ErrorDetail } from '../components/ErrorDetail';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { Tags } from '../components/Tags';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { categoryName, categoryTrail } from '../lib/category';
import { useArticle } from '../state/article';
import { useLanguage } from '../state/language';

function Message({ title, body, icon, detail }: { title: string; body?: string; icon: 'warning' | 'info'; detail?: string | null }) {
  const t = useT();
  return (
    <div className="empty-state" role={icon === 'warning' ? 'alert' : undefined}>
      <Icon name={icon} size={32} className="empty-icon" />
      <h1 id={VIEW_TITLE_ID} tabIndex={-1} className="empty-title">
        {title}
      </h1>
      {body && <p>{body}</p>}
      <ErrorDetail detail={detail} />
      <RouteLink to={{ name: 'home' }} className="button">
        {t('nav.home')}
      </RouteLink>
    </div>
  );
}

/** `context`: the screen of another app this article was opened for (context help). */
export function ArticleView({ id, context }: { id: string; context?: string }) {
  const t = useT();
  const language = useLanguage();
  const article = useArticle((s) => s.article);
  const status = useArticle((s) => s.status);
  const error = useArticle((s) => s.error);
  const open = useArticle((s) => s.open);

  useEffect(() => {
    void open(id);
  }, [id, open]);

  const current = article?.id === id && status === 'ready';
  useArrival(current || status === 'not-found' || status === 'error');

  if (status === 'not-found') return <Message icon="info" title={t('article.notFoundTitle')} body={t('article.notFoundBody')} />;
  if (status === 'error') return <Message icon="warning" title={t('article.errorTitle')} body={t('common.error')} detail={error} />;
  if (!article) {
    return (
      <div className="view view-article" aria-busy="true">
        <p className="loading">{t('article.loading')}</p>
      </div>
    );
  }

  const tabs = article.variants.length > 1;
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
        <div id={ARTICLE_PANEL_ID} className="article-panel" role={tabs ? 'tabpanel' : undefined} aria-labelledby={tabs ? `tab-${article.id}` : undefined}>
          <ArticleBody html={article.bodyHtml} />
        </div>
        <FeedbackBox key={article.id} />
        <RelatedArticles article={article} />
      </article>
    </div>
  );
}
