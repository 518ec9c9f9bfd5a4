/** One article: title, breadcrumb tags, date and the sanitized body with working cross-links. */
import { useEffect } from 'react';
import { ArticleBody } from '../components/ArticleBody';
import { Breadcrumb } from '../components/Breadcrumb';
import { useT } from '../i18n/use-translation';
import { useArticle } from '../state/article';

export function ArticleView({ id }: { id: string }) {
  const t = useT();
  const { article, status, error } = useArticle();
  const open = useArticle((s) => s.open);

  useEffect(() => {
    void open(id);
  }, [id, open]);

  if (status === 'loading' || status === 'idle') return <p aria-live="polite">{t('article.loading')}</p>;
  if (status === 'not-found') return <p role="alert">{t('article.notFound')}</p>;
  if (status === 'error' || !article) return <p role="alert">{t('error.generic', { message: error ?? '' })}</p>;
  return (
    <article className="article">
      <Breadcrumb service={article.service} category={article.category} platform={article.platform} />
      <h1>{article.title}</h1>
      <p className="article-meta">{t('article.updated', { date: article.updatedAt.slice(0, 10) })}</p>
      <ArticleBody html={article.bodyHtml} />
    </article>
  );
}
