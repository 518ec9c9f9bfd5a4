/**
 * `#/context/<id>`: the help for a screen of another app. The core resolves the context; one
 * article opens straight away (in place of this entry, so Back leaves the screen's help), several
 * are listed under the screen's name, most specific first, and an unknown screen shows what a
 * search for its words found — saying so.
 */
import { useEffect } from 'react';
import { contextLabel } from '../../../shared/contexts';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ArticleRow } from '../components/ArticleRow';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { RouteLink } from '../components/RouteLink';
import { Tags } from '../components/Tags';
import { useT } from '../i18n/use-translation';
import { contextData, type ContextAnswer } from '../state/data';
import { useResource } from '../state/resource';
import { useLanguage } from '../state/language';
import { searchRoute, useRouter, type Route } from '../state/router';

type ContextRoute = Extract<Route, { name: 'context' }>;

/** "이 화면의 도움말" above the view's title, on every context page. */
function ScreenHeading({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <p className="view-eyebrow">
        <Icon name="info" size={14} />
        {t('context.heading')}
      </p>
      <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
        {title}
      </h1>
    </>
  );
}

function ScreenList({ answer }: { answer: ContextAnswer }) {
  const t = useT();
  const { resolution } = answer;
  const matched = resolution.matched!;
  return (
    <>
      <ScreenHeading title={contextLabel(matched)} />
      <p className="view-subtitle">{t('context.count', { count: resolution.articles.length })}</p>
      {matched !== resolution.context && <p className="notice">{t('context.broader', { screen: contextLabel(resolution.context) })}</p>}
      <ul className="list">
        {resolution.articles.map((a) => (
          <ArticleRow key={a.id} id={a.id} context={matched} title={a.title} meta={<Tags service={a.service} category={a.category} platform={a.platform} />} />
        ))}
      </ul>
    </>
  );
}

function SearchFallback({ answer }: { answer: ContextAnswer }) {
  const t = useT();
  const { resolution, hits, total } = answer;
  return (
    <>
      <ScreenHeading title={t('context.unknownTitle')} />
      <p className="notice" role="status">
        {t('context.unknownBody', { screen: contextLabel(resolution.context), query: resolution.query })}
      </p>
      {hits.length > 0 ? (
        <ul className="list">
          {hits.map((hit) => (
            <ArticleRow key={hit.id} id={hit.id} title={hit.title} meta={<Tags service={hit.service} category={hit.category} platform={hit.platform} />} />
          ))}
        </ul>
      ) : (
        <p className="empty-inline">{t('context.noResults')}</p>
      )}
      <RouteLink to={searchRoute({ query: resolution.query })} className="button">
        {t('context.allResults', { count: total })}
      </RouteLink>
    </>
  );
}

export function ContextView({ route }: { route: ContextRoute }) {
  const t = useT();
  const language = useLanguage();
  const navigate = useRouter((s) => s.navigate);
  const { id, platform, query } = route;
  const loaded = useResource(contextData, { id, platform, query, locale: language });
  const { status, data: answer } = loaded;
  const error = status === 'error' ? loaded.error : null;

  // A context that names one article opens it, as if it had been asked for (this view is
  // keyed by the route, so the answer is this route's).
  const single = answer?.resolution.kind === 'article' ? answer.resolution : null;
  useEffect(() => {
    if (single) navigate({ name: 'article', id: single.articles[0]!.id, context: single.matched! }, { redirect: true });
  }, [single, navigate]);

  const shown = answer?.resolution.context === id && status === 'ready' && answer.resolution.kind !== 'article' ? answer : null;
  useArrival(shown !== null || status === 'error');

  if (status === 'error') {
    return (
      <div className="view view-context">
        <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
          {t('context.heading')}
        </h1>
        <ErrorNotice error={error} />
      </div>
    );
  }
  if (!shown) {
    return (
      <div className="view view-context" aria-busy="true">
        <p className="loading">{t('context.loading')}</p>
      </div>
    );
  }
  return <div className="view view-context">{shown.resolution.kind === 'list' ? <ScreenList answer={shown} /> : <SearchFallback answer={shown} />}</div>;
}
