/**
 * "도움이 되었나요?" — answered with 네/아니요; a "no" then asks what was missing (a few choices
 * and an optional note). Every answer is stored on this computer only, and the words say so:
 * the content team gets them when someone exports them (Settings) or runs `doum report feedback`.
 */
import { useId, useState } from 'react';
import { FEEDBACK_NOTE_MAX, FEEDBACK_REASONS, type FeedbackReason } from '../../../../shared/feedback';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/use-translation';
import { feedbackErrorFor, useArticle } from '../../state/article';
import { feedbackData } from '../../state/data';
import { useResource } from '../../state/resource';
import { ErrorNotice } from '../ErrorNotice';
import { Icon } from '../Icon';

/** Each "what was missing" choice in words; tsc fails when a reason has no message. */
const REASON_LABELS: { readonly [R in FeedbackReason]: MessageKey } = {
  'not-what-i-needed': 'article.feedbackReason.not-what-i-needed',
  'hard-to-follow': 'article.feedbackReason.hard-to-follow',
  'screen-differs': 'article.feedbackReason.screen-differs',
  'did-not-work': 'article.feedbackReason.did-not-work',
  other: 'article.feedbackReason.other',
};

function MissingForm({ articleId, onSaved }: { articleId: string; onSaved: () => void }) {
  const t = useT();
  const setFeedback = useArticle((s) => s.setFeedback);
  const stored = useResource(feedbackData, articleId).data;
  const [reason, setReason] = useState<FeedbackReason | null>(stored?.reason ?? null);
  const [note, setNote] = useState(stored?.note ?? '');
  const id = useId();
  return (
    <form
      className="feedback-missing"
      onSubmit={(event) => {
        event.preventDefault();
        void setFeedback(articleId, false, { reason, note: note.trim() || null }).then((ok) => ok && onSaved());
      }}
    >
      <fieldset>
        <legend>{t('article.feedbackWhatMissing')}</legend>
        {FEEDBACK_REASONS.map((value) => (
          <label key={value} className="feedback-reason">
            <input type="radio" name={`${id}-reason`} value={value} checked={reason === value} onChange={() => setReason(value)} />
            {t(REASON_LABELS[value])}
          </label>
        ))}
      </fieldset>
      <label className="feedback-note-label" htmlFor={`${id}-note`}>
        {t('article.feedbackNote')}
      </label>
      <textarea id={`${id}-note`} className="text-field feedback-note" rows={3} maxLength={FEEDBACK_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
      <div>
        <button type="submit" className="button button-primary" disabled={reason === null && note.trim() === ''}>
          {t('article.feedbackSend')}
        </button>
      </div>
    </form>
  );
}

export function FeedbackBox({ articleId }: { articleId: string }) {
  const t = useT();
  const feedback = useResource(feedbackData, articleId).data;
  const error = useArticle(feedbackErrorFor(articleId));
  const setFeedback = useArticle((s) => s.setFeedback);
  const answer = feedback?.articleId === articleId ? feedback?.helpful : undefined;
  // The "what was missing" form shows after a fresh "no", until it is saved (the view keys
  // this box by article, so another article starts afresh).
  const [asking, setAsking] = useState(false);
  const [saved, setSaved] = useState(false);

  const status = saved
    ? t('article.feedbackSaved')
    : answer === undefined
      ? t('article.feedbackLocal')
      : answer
        ? t('article.feedbackThanksYes')
        : asking
          ? t('article.feedbackThanksNo')
          : t('article.feedbackLocal');
  return (
    <section className="feedback" aria-labelledby="feedback-question">
      <h2 id="feedback-question" className="feedback-question">
        {t('article.feedbackQuestion')}
      </h2>
      <div className="feedback-buttons">
        <button
          type="button"
          className="button"
          aria-pressed={answer === true}
          onClick={() => {
            setAsking(false);
            setSaved(false);
            void setFeedback(articleId, true);
          }}
        >
          <Icon name="thumbUp" />
          {t('article.feedbackYes')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={answer === false}
          onClick={() => {
            setSaved(false);
            void setFeedback(articleId, false).then((ok) => ok && setAsking(true));
          }}
        >
          <Icon name="thumbDown" />
          {t('article.feedbackNo')}
        </button>
      </div>
      {error !== null ? (
        <ErrorNotice variant="inline" className="feedback-status" error={error} fallback="article.feedbackFailed" />
      ) : (
        <p className="feedback-status" role="status">
          {status}
        </p>
      )}
      {asking && !saved && answer === false && (
        <MissingForm
          articleId={articleId}
          onSaved={() => {
            setAsking(false);
            setSaved(true);
          }}
        />
      )}
    </section>
  );
}
