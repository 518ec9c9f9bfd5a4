/**
 * Sync now, with live progress (phase, bytes or records) and a cancel button; the last sync
 * time, the source and the last error in plain words, with the core's detail beneath.
 */
import { useNow } from '../../app/use-now';
import { formatBytes, formatDateTime, relativeTime } from '../../i18n/format';
import { useT } from '../../i18n/use-translation';
import type { MessageKey } from '../../i18n';
import { useLanguage } from '../../state/language';
import { useSettings } from '../../state/settings';
import { progressFraction, syncState, useSync } from '../../state/sync';
import { ErrorNotice } from '../ErrorNotice';
import { Icon } from '../Icon';
import type { SyncNote, SyncPhase, SyncProgress } from '../../../../shared/types';

/** Each phase of a sync in words; tsc fails when a phase has no message. */
const PHASE_MESSAGES: { readonly [P in SyncPhase]: MessageKey } = {
  manifest: 'sync.phase.manifest',
  download: 'sync.phase.download',
  verify: 'sync.phase.verify',
  apply: 'sync.phase.apply',
  index: 'sync.phase.index',
  done: 'sync.phase.done',
};

function ProgressLine({ progress }: { progress: SyncProgress }) {
  const t = useT();
  const language = useLanguage();
  const fraction = progressFraction(progress);
  const amount =
    progress.totalBytes && progress.bytes !== undefined
      ? `${formatBytes(progress.bytes, language)} / ${formatBytes(progress.totalBytes, language)}`
      : progress.totalRecords && progress.records !== undefined
        ? t('sync.progressRecords', { done: progress.records, total: progress.totalRecords })
        : null;
  return (
    <div className="sync-progress">
      <div className="sync-progress-text">
        <span className="sync-phase">{t(PHASE_MESSAGES[progress.phase])}</span>
        {amount && <span className="sync-amount">{amount}</span>}
      </div>
      <div
        className={fraction === null ? 'progress-bar is-indeterminate' : 'progress-bar'}
        role="progressbar"
        aria-label={t('sync.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        aria-valuetext={t(PHASE_MESSAGES[progress.phase])}
      >
        <div className="progress-fill" style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

/** What a sync filed as uncategorised, skipped or could not attach (Zendesk), counted, with each record behind a disclosure. */
function SyncNotes({ notes }: { notes: readonly SyncNote[] }) {
  const t = useT();
  const skipped = notes.filter((n) => n.kind === 'skipped').length;
  const uncategorised = notes.filter((n) => n.kind === 'uncategorised').length;
  const attachments = notes.length - skipped - uncategorised;
  return (
    <div className="notice sync-notes">
      <Icon name="warning" />
      <div>
        {skipped + uncategorised > 0 && <p>{t('sync.notes', { uncategorised, skipped })}</p>}
        {attachments > 0 && <p>{t('sync.notesAttachments', { count: attachments })}</p>}
        <details>
          <summary>{t('sync.notesDetails')}</summary>
          <ul className="technical">
            {notes.map((note, i) => (
              <li key={i}>
                {note.record}: {note.reason}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}

export function SyncPanel() {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const status = useSync((s) => s.status);
  const progress = useSync((s) => s.progress);
  const running = useSync((s) => s.running);
  const report = useSync((s) => s.report);
  const failure = useSync((s) => s.failure);
  const syncNow = useSync((s) => s.syncNow);
  const cancel = useSync((s) => s.cancel);
  const feedUrl = useSettings((s) => s.settings?.feedUrl ?? null);
  const { state, outcome } = syncState({ status, progress, running, failure });
  const busy = state === 'syncing';

  return (
    <div className="sync-panel">
      <div className="sync-panel-head">
        <dl className="sync-facts">
          <div>
            <dt>{t('settings.lastSync')}</dt>
            <dd>
              {status?.lastSuccessAt ? (
                <>
                  <time dateTime={status.lastSuccessAt}>{formatDateTime(status.lastSuccessAt, language)}</time>
                  <span className="muted"> · {relativeTime(status.lastSuccessAt, language, now)}</span>
                </>
              ) : (
                t('sync.never')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('settings.source')}</dt>
            {/* Where the next sync reads from: the saved feed address, shown as soon as it is saved. */}
            <dd className="sync-source">{feedUrl ?? t('sync.bundled')}</dd>
          </div>
          {status && (
            <div>
              <dt>{t('settings.status')}</dt>
              <dd>
                {t('sync.articles', { count: status.articles })}
                {status.revision !== null && <span className="muted"> · {t('sync.revision', { revision: status.revision })}</span>}
              </dd>
            </div>
          )}
          {status && (
            <div>
              <dt>{t('settings.storage')}</dt>
              <dd className="sync-storage">
                {t('settings.storageUsed', { size: formatBytes(status.storage.totalBytes, language) })}
                <span className="muted"> · {t('settings.storagePictures', { count: status.storage.pictures, size: formatBytes(status.storage.pictureBytes, language) })}</span>
              </dd>
            </div>
          )}
        </dl>
        <div className="sync-actions">
          {busy ? (
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('sync.cancel')}
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={() => void syncNow()} disabled={busy}>
            <Icon name="sync" className={busy ? 'spin' : undefined} />
            {busy ? t('sync.syncing') : t('sync.now')}
          </button>
        </div>
      </div>
      <div className="sync-live" aria-live="polite">
        {busy && progress && <ProgressLine progress={progress} />}
        {!busy && report && (
          <p className="notice notice-success">
            <Icon name="check" />
            {report.notModified ? t('sync.notModified') : t('sync.report', { added: report.added, updated: report.updated, deleted: report.deleted })}
          </p>
        )}
        {!busy && report?.notes && report.notes.length > 0 && <SyncNotes notes={report.notes} />}
      </div>
      {outcome?.state === 'cancelled' && (
        <p className="notice sync-cancelled-notice" role="status">
          <Icon name="info" />
          {t('sync.error.cancelled')}
        </p>
      )}
      {outcome?.state === 'error' && (
        <ErrorNotice
          error={outcome.error}
          fallback="sync.error.unknown"
          title={
            <>
              {t('settings.lastError')}
              <span className="muted"> · {formatDateTime(outcome.at, language)}</span>
            </>
          }
        >
          <p className="muted">{t('sync.keptCopy')}</p>
        </ErrorNotice>
      )}
    </div>
  );
}
