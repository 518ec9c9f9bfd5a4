/**
 * Hands the "도움이 되었나요?" answers to the content team: the same report as
 * `doum report feedback --json`, saved as a file through the browser's (or Electron's) download.
 */
import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n/use-translation';
import { useToast } from '../../state/toast';
import { ErrorNotice } from '../ErrorNotice';
import { Icon } from '../Icon';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function FeedbackExport() {
  const t = useT();
  const toast = useToast((s) => s.show);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="feedback-export">
      <button
        type="button"
        className="button"
        onClick={async () => {
          try {
            const report = await api.exportFeedback();
            download(`doum-feedback-${report.generatedAt.slice(0, 10)}.json`, `${JSON.stringify(report, null, 2)}\n`);
            setError(null);
            toast(t('settings.feedbackExported', { count: report.entries.length }));
          } catch (failure) {
            setError(failure);
          }
        }}
      >
        <Icon name="download" />
        {t('settings.feedbackExport')}
      </button>
      {error !== null && (
        <div className="field-error">
          <ErrorNotice variant="inline" error={error} fallback="settings.feedbackExportFailed" />
        </div>
      )}
    </div>
  );
}
