/** Recently viewed topics (one row each, the variant read last), grouped by day, with a two-step "clear history". */
import { useEffect, useRef, useState } from 'react';
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { useNow } from '../app/use-now';
import { ArticleRow } from '../components/ArticleRow';
import { Icon } from '../components/Icon';
import { dayKey, formatDate, formatTime } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { usePlatformLabel } from '../platform/labels';
import { useLanguage } from '../state/language';
import { clearHistory, historyData } from '../state/data';
import { useResource } from '../state/resource';
import { useToast } from '../state/toast';
import type { HistoryEntry } from '../../../shared/types';

function groupByDay(entries: HistoryEntry[]): Array<{ day: string; entries: HistoryEntry[] }> {
  const groups: Array<{ day: string; entries: HistoryEntry[] }> = [];
  for (const entry of entries) {
    const day = dayKey(entry.viewedAt);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

export function HistoryView() {
  const t = useT();
  const language = useLanguage();
  const now = useNow(60_000);
  const loadedHistory = useResource(historyData, 'history');
  const history = loadedHistory.data ?? [];
  const loaded = loadedHistory.status === 'ready' || loadedHistory.status === 'error';
  const toast = useToast((s) => s.show);
  const platformLabel = usePlatformLabel();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useArrival(loaded);
  // The question appears in place of the button; start on its answer.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const today = dayKey(new Date(now).toISOString());
  const yesterday = dayKey(new Date(now - 86_400_000).toISOString());
  const dayLabel = (day: string): string => (day === today ? t('history.today') : day === yesterday ? t('history.yesterday') : formatDate(day, language));

  return (
    <div className="view view-library">
      <div className="view-header">
        <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
          {t('history.title')}
        </h1>
        {history.length > 0 && !confirming && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            <Icon name="trash" />
            {t('history.clear')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="notice notice-confirm" role="alertdialog" aria-labelledby="clear-history-question">
          <p id="clear-history-question">{t('history.confirm')}</p>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-danger"
              ref={confirmButton}
              onClick={async () => {
                setConfirming(false);
                if (await clearHistory()) toast(t('history.cleared'));
              }}
            >
              {t('history.confirmYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {loaded && history.length === 0 ? (
        <div className="empty-state">
          <Icon name="clock" size={32} className="empty-icon" />
          <p className="empty-title">{t('history.empty')}</p>
          <p>{t('history.emptyHint')}</p>
        </div>
      ) : (
        groupByDay(history).map((group) => (
          <section key={group.day} className="history-day" aria-labelledby={`day-${group.day}`}>
            <h2 id={`day-${group.day}`} className="section-title">
              {dayLabel(group.day)}
            </h2>
            <ul className="list">
              {group.entries.map((entry) => (
                <ArticleRow
                  key={`${entry.articleId}-${entry.viewedAt}`}
                  id={entry.articleId}
                  title={entry.title}
                  meta={
                    <>
                      <time dateTime={entry.viewedAt}>{formatTime(entry.viewedAt, language)}</time>
                      {entry.platform && <span className={`tag tag-platform platform-${entry.platform}`}>{platformLabel(entry.platform)}</span>}
                    </>
                  }
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
