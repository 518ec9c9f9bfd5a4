/**
 * What the person must know about their data at start (AppInfo.notices): restored from the
 * backup, lost, or in a read-only folder. Shown above the content until dismissed.
 */
import { useState } from 'react';
import type { StartupNotice } from '../../../shared/types';
import type { MessageKey } from '../i18n/ko';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';

/** Each notice kind in words: the switch is exhaustive, so tsc fails when a kind has no message. */
function messageKey(notice: StartupNotice): MessageKey {
  switch (notice.kind) {
    case 'user-data-restored':
      return 'notice.userDataRestored';
    case 'read-only':
      return 'notice.readOnly';
    case 'user-data-lost':
      return notice.trustKept ? 'notice.userDataLost' : 'notice.userDataLostTrust';
  }
}

export function StartupNotices() {
  const t = useT();
  const notices = useApp((s) => s.info?.notices ?? []);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  const error = notices.some((n) => n.kind === 'user-data-lost');
  return (
    <div className={`notice startup-notice ${error ? 'notice-error' : ''}`} role={error ? 'alert' : 'status'}>
      <div>
        {notices.map((notice) => (
          <p key={notice.kind}>{t(messageKey(notice))}</p>
        ))}
      </div>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
