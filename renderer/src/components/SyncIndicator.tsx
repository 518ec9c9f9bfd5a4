/** Sync status at a glance (sidebar, home): up to date and when, syncing with progress, or failed. */
import { useNow } from '../app/use-now';
import { relativeTime } from '../i18n/format';
import { useT } from '../i18n/use-translation';
import { useLanguage } from '../state/language';
import { progressFraction, useSync } from '../state/sync';
import { Icon } from './Icon';
import { RouteLink } from './RouteLink';

export function useSyncSummary(): { state: 'ok' | 'syncing' | 'error' | 'never'; text: string } {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const status = useSync((s) => s.status);
  const progress = useSync((s) => s.progress);
  const running = useSync((s) => s.running);
  if (running || status?.syncing || progress) {
    const fraction = progressFraction(progress);
    return { state: 'syncing', text: fraction === null ? t('sync.syncing') : `${t('sync.syncing')} ${Math.round(fraction * 100)}%` };
  }
  // The engine clears lastError only when a sync succeeds: while it is there, the last sync failed.
  if (status?.lastError) return { state: 'error', text: t('sync.failed') };
  if (!status?.lastSuccessAt) return { state: 'never', text: t('sync.never') };
  return { state: 'ok', text: t('sync.lastSynced', { time: relativeTime(status.lastSuccessAt, language, now) }) };
}

const ICONS = { ok: 'check', syncing: 'sync', error: 'warning', never: 'info' } as const;

export function SyncIndicator() {
  const t = useT();
  const summary = useSyncSummary();
  return (
    <RouteLink to={{ name: 'settings' }} className={`sync-indicator sync-${summary.state}`} aria-label={t('sync.statusLabel', { status: summary.text })}>
      <Icon name={ICONS[summary.state]} size={14} className={summary.state === 'syncing' ? 'spin' : undefined} />
      <span className="sync-indicator-text">{summary.text}</span>
    </RouteLink>
  );
}
