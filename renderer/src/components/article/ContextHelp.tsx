/**
 * The small "이 화면의 도움말" header of an article opened for a screen of another app: the
 * screen's name and the other articles for the same screen (each keeps the screen with it).
 */
import { contextLabel } from '../../../../shared/contexts';
import { topicKey } from '../../../../shared/topics';
import type { Article } from '../../../../shared/types';
import { useT } from '../../i18n/use-translation';
import { contextData } from '../../state/data';
import { useResource } from '../../state/resource';
import { useLanguage } from '../../state/language';
import { Icon } from '../Icon';
import { RouteLink } from '../RouteLink';

export function ContextHelp({ context, article }: { context: string; article: Article }) {
  const t = useT();
  const language = useLanguage();
  const answer = useResource(contextData, { id: context, platform: null, query: null, locale: language }).data;

  const own = topicKey(article);
  const others = answer?.resolution.context === context ? answer.resolution.articles.filter((a) => topicKey(a) !== own) : [];
  return (
    <aside className="context-help" aria-labelledby="context-help-heading">
      <p className="context-help-title">
        <Icon name="info" size={14} />
        <span id="context-help-heading">{t('context.heading')}</span>
        <span className="context-help-screen">{contextLabel(context)}</span>
      </p>
      {others.length > 0 && (
        <ul className="context-help-list" aria-label={t('context.others')}>
          {others.map((a) => (
            <li key={a.id}>
              <RouteLink to={{ name: 'article', id: a.id, context }}>{a.title}</RouteLink>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
