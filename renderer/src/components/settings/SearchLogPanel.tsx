/**
 * Settings › 검색 기록: the opt-in switch (off by default, "이 컴퓨터에만 저장"), how many
 * searches are kept, an export for the help center's team, and one button that clears them.
 */
import { useEffect } from 'react';
import { useT } from '../../i18n/use-translation';
import { searchLogCsv, useSearchLog } from '../../state/search-log';
import { useToast } from '../../state/toast';
import { SettingRow, Switch } from './controls';

/** Saves text as a file through the browser's own download (nothing leaves the computer). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function SearchLogPanel({ recording, onRecordingChange }: { recording: boolean; onRecordingChange: (value: boolean) => void }) {
  const t = useT();
  const entries = useSearchLog((s) => s.entries);
  const load = useSearchLog((s) => s.load);
  const clear = useSearchLog((s) => s.clear);
  const toast = useToast((s) => s.show);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  const count = entries?.length ?? 0;
  return (
    <>
      <SettingRow
        label={t('settings.recordSearches')}
        id="record-searches-label"
        help={t('settings.recordSearchesHelp')}
        control={<Switch checked={recording} labelledBy="record-searches-label" onChange={onRecordingChange} />}
      />
      <SettingRow
        label={t('settings.searchLogCount', { count })}
        control={
          <span className="setting-actions">
            <button type="button" className="button" disabled={count === 0} onClick={() => download('doum-searches.csv', searchLogCsv(entries ?? []))}>
              {t('settings.searchLogExport')}
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={count === 0}
              onClick={() => void clear().then(() => toast(t('settings.searchLogCleared')), () => undefined)}
            >
              {t('settings.searchLogClear')}
            </button>
          </span>
        }
      />
    </>
  );
}
