/** Related articles (same group, category or tags — the core picks them) and translations. */
import type { Article } from '../../../../shared/types';
import { useT } from '../../i18n/use-translation';
import { ArticleRow } from '../ArticleRow';
import { RouteLink } from '../RouteLink';
import { Tags } from '../Tags';

const LANGUAGE_NAMES: Record<string, string> = { ko: '한국어', en: 'English' };

export function RelatedArticles({ article }: { article: Article }) {
  const t = useT();
  return (
    <>
      {article.translations.length > 0 && (
        <p className="translations">
          <span>{t('article.translations')}</span>
          {article.translations.map((tr) => (
            <RouteLink key={tr.id} to={{ name: 'article', id: tr.id }} lang={tr.locale} className="badge">
              {LANGUAGE_NAMES[tr.locale] ?? tr.locale}
            </RouteLink>
          ))}
        </p>
      )}
      {article.related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">{t('article.related')}</h2>
          <ul className="list">
            {article.related.map((r) => (
              <ArticleRow key={r.id} id={r.id} title={r.title} meta={<Tags service={r.service} category={r.category} platform={r.platform} />} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
