/**
 * Article HTML, sanitized once more here. Article links (`doum://article/<id>`) open inside
 * the app, offline; other links leave only through the checked openExternal (in the browser
 * preview the page then opens the URL itself, after the core's check passed).
 */
import { useMemo } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n/use-translation';
import { ARTICLE_LINK, sanitizeArticleHtml } from '../../lib/sanitize';
import { useApp } from '../../state/app';
import { useRouter } from '../../state/router';
import { useToast } from '../../state/toast';

export function ArticleBody({ html }: { html: string }) {
  const t = useT();
  const externalLabel = t('article.opensOutside');
  const clean = useMemo(() => sanitizeArticleHtml(html, { externalLabel }), [html, externalLabel]);
  const navigate = useRouter((s) => s.navigate);
  const transport = useApp((s) => s.info?.transport);
  const toast = useToast((s) => s.show);

  const onClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href');
    if (!href) return;
    const article = ARTICLE_LINK.exec(href);
    if (article) {
      navigate({ name: 'article', id: article[1]! });
      return;
    }
    api.openExternal(href).then(
      () => {
        // The preview's server cannot open a browser for the page; the page does it.
        if (transport === 'http') window.open(href, '_blank', 'noopener,noreferrer');
      },
      () => toast(t('article.linkRefused')),
    );
  };

  // The body is sanitized above (DOMPurify), on top of the core's sanitizing.
  return <div className="article-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
