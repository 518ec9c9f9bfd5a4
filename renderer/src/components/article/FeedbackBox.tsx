/** "도움이 되었나요?" — stored on this computer through the HelpApi. */
import { useT } from '../../i18n/use-translation';
import { useArticle } from '../../state/article';
import { Icon } from '../Icon';

export function FeedbackBox() {
  const t = useT();
  const feedback = useArticle((s) => s.feedback);
  const error = useArticle((s) => s.feedbackError);
  const setFeedback = useArticle((s) => s.setFeedback);
  const answer = feedback?.helpful;
  return (
    <section className="feedback" aria-labelledby="feedback-question">
      <h2 id="feedback-question" className="feedback-question">
        {t('article.feedbackQuestion')}
      </h2>
      <div className="feedback-buttons">
        <button type="button" className="button" aria-pressed={answer === true} onClick={() => void setFeedback(true)}>
          <Icon name="thumbUp" />
          {t('article.feedbackYes')}
        </button>
        <button type="button" className="button" aria-pressed={answer === false} onClick={() => void setFeedback(false)}>
          <Icon name="thumbDown" />
          {t('article.feedbackNo')}
        </button>
      </div>
      <p className="feedback-status" role="status">
        {error
          ? t('article.feedbackFailed', { message: error })
          : answer === undefined
            ? t('article.feedbackLocal')
            : t(answer ? 'article.feedbackThanksYes' : 'article.feedbackThanksNo')}
      </p>
    </section>
  );
}
