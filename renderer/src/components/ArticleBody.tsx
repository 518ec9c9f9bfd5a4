/**
 * Article HTML, sanitized once more here (defence in depth: the store already holds
 * sanitized HTML). Links to other articles open inside the app; other links leave only
 * through the checked openExternal.
 */
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { api } from '../api';
import { useApp } from '../state/app';
import { useRouter } from '../state/router';

const ARTICLE_LINK = /^doum:\/\/article\/([a-z0-9-]+)$/;
const ALLOWED_URI = /^(?:(?:https?|mailto|doum):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export function sanitize(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_URI_REGEXP: ALLOWED_URI, FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}

export function ArticleBody({ html }: { html: string }) {
  const clean = useMemo(() => sanitize(html), [html]);
  const navigate = useRouter((s) => s.navigate);
  const transport = useApp((s) => s.info?.transport);

  const onClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    const article = ARTICLE_LINK.exec(href);
    if (article) {
      navigate({ name: 'article', id: article[1]! });
      return;
    }
    api.openExternal(href).then(
      () => {
        // In the browser preview the server cannot open a browser; the page does it.
        if (transport === 'http') window.open(href, '_blank', 'noopener,noreferrer');
      },
      () => undefined,
    );
  };

  return <div className="article-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
