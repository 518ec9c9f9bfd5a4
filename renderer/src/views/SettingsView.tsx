/**
 * Settings, grouped like the system's own: help content (feed, sync, interval), general
 * (start at login, global shortcut, language), appearance (theme, text size), about.
 * Every change goes straight to the HelpApi; the shell applies what concerns it.
 */
import { useArrival } from '../app/arrival';
import { VIEW_TITLE_ID } from '../app/focus';
import { ErrorNotice } from '../components/ErrorNotice';
import { Segmented, SettingRow, Switch } from '../components/settings/controls';
import { FeedbackExport } from '../components/settings/FeedbackExport';
import { FeedUrlField } from '../components/settings/FeedUrlField';
import { ShortcutRecorder } from '../components/settings/ShortcutRecorder';
import { SearchLogPanel } from '../components/settings/SearchLogPanel';
import { SyncPanel } from '../components/settings/SyncPanel';
import { useT } from '../i18n/use-translation';
import { useApp } from '../state/app';
import { useSettings } from '../state/settings';
import type { LanguageSetting, Settings, ThemeSetting } from '../../../shared/types';

const INTERVALS = [0, 1, 3, 6, 12, 24, 168];
const OS_NAMES = { macos: 'macOS', windows: 'Windows', linux: 'Linux' } as const;
const TEXT_SCALES = [0.9, 1, 1.1, 1.2, 1.4];

export function SettingsView() {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const errors = useSettings((s) => s.errors);
  const update = useSettings((s) => s.update);
  const info = useApp((s) => s.info);
  useArrival(settings !== null);
  const preview = info?.transport === 'http';

  if (!settings) return null;
  const set = <K extends keyof Settings>(key: K, value: Settings[K]): void => void update({ [key]: value } as Partial<Settings>);
  const intervalLabel = (hours: number): string =>
    hours === 0 ? t('settings.intervalOff') : hours === 24 ? t('settings.intervalDaily') : hours === 168 ? t('settings.intervalWeekly') : t('settings.intervalHours', { count: hours });
  const intervals = INTERVALS.includes(settings.syncIntervalHours) ? INTERVALS : [...INTERVALS, settings.syncIntervalHours].sort((a, b) => a - b);
  const otherErrors = (['syncIntervalHours', 'startAtLogin', 'language', 'theme', 'textScale', 'notifyOnSync', 'recordSearches'] as const).filter((k) => k in errors);

  return (
    <div className="view view-settings">
      <h1 id={VIEW_TITLE_ID} tabIndex={-1}>
        {t('settings.title')}
      </h1>
      {otherErrors.length > 0 && <ErrorNotice error={errors[otherErrors[0]!]} fallback="settings.saveFailed" />}

      <section className="settings-group" aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settings.syncHeading')}</h2>
        <div className="group-box">
          <SettingRow label={t('settings.feedUrl')} labelFor="feed-url" help={<span id="feed-url-help">{t('settings.feedUrlHelp')}</span>} control={null} />
          <div className="setting-wide">
            <FeedUrlField id="feed-url" />
          </div>
          <div className="setting-wide">
            <SyncPanel />
          </div>
          <SettingRow
            label={t('settings.interval')}
            labelFor="sync-interval"
            help={t('settings.intervalHelp')}
            control={
              <select id="sync-interval" value={settings.syncIntervalHours} onChange={(e) => set('syncIntervalHours', Number(e.target.value))}>
                {intervals.map((hours) => (
                  <option key={hours} value={hours}>
                    {intervalLabel(hours)}
                  </option>
                ))}
              </select>
            }
          />
          <SettingRow
            label={t('settings.notifyOnSync')}
            id="notify-label"
            control={<Switch checked={settings.notifyOnSync} labelledBy="notify-label" onChange={(v) => set('notifyOnSync', v)} />}
          />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.generalHeading')}</h2>
        <div className="group-box">
          <SettingRow
            label={t('settings.startAtLogin')}
            id="login-label"
            help={<span id="login-help">{preview ? t('settings.startAtLoginPreview') : t('settings.startAtLoginHelp')}</span>}
            control={
              // A browser cannot start at login: in the preview the switch says so instead of
              // pretending to work.
              <Switch checked={settings.startAtLogin && !preview} labelledBy="login-label" describedBy="login-help" disabled={preview} onChange={(v) => set('startAtLogin', v)} />
            }
          />
          <SettingRow label={t('settings.shortcut')} id="shortcut-label" help={t('settings.shortcutHelp')} control={<ShortcutRecorder labelledBy="shortcut-label" />} />
          <SettingRow
            label={t('settings.language')}
            labelFor="language"
            control={
              <select id="language" value={settings.language} onChange={(e) => set('language', e.target.value as LanguageSetting)}>
                <option value="system">{t('settings.languageSystem')}</option>
                <option value="ko" lang="ko">
                  한국어
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            }
          />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-feedback">
        <h2 id="settings-feedback">{t('settings.feedbackHeading')}</h2>
        <div className="group-box">
          <SettingRow label={t('settings.feedbackExport')} id="feedback-export-label" help={t('settings.feedbackExportHelp')} control={<FeedbackExport />} />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearanceHeading')}</h2>
        <div className="group-box">
          <SettingRow
            label={t('settings.theme')}
            id="theme-label"
            control={
              <Segmented<ThemeSetting>
                labelledBy="theme-label"
                value={settings.theme}
                onChange={(v) => set('theme', v)}
                options={[
                  { value: 'system', label: t('settings.themeSystem') },
                  { value: 'light', label: t('settings.themeLight') },
                  { value: 'dark', label: t('settings.themeDark') },
                ]}
              />
            }
          />
          <SettingRow
            label={t('settings.textSize')}
            labelFor="text-scale"
            help={t('settings.textSizeHelp')}
            control={
              <select id="text-scale" value={settings.textScale} onChange={(e) => set('textScale', Number(e.target.value))}>
                {(TEXT_SCALES.includes(settings.textScale) ? TEXT_SCALES : [...TEXT_SCALES, settings.textScale].sort()).map((scale) => (
                  <option key={scale} value={scale}>
                    {Math.round(scale * 100)}%
                  </option>
                ))}
              </select>
            }
          />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-search-log">
        <h2 id="settings-search-log">{t('settings.searchLogHeading')}</h2>
        <div className="group-box">
          <SearchLogPanel recording={settings.recordSearches} onRecordingChange={(v) => set('recordSearches', v)} />
        </div>
      </section>

      <section className="settings-group" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.aboutHeading')}</h2>
        <div className="group-box">
          <SettingRow label={t('settings.version')} control={<span className="muted">{info ? `${t('app.name')} ${info.version}` : ''}</span>} />
          <SettingRow
            label={t('settings.os')}
            control={<span className="muted">{info ? `${OS_NAMES[info.hostOs]}${info.transport === 'http' ? ` · ${t('settings.previewMode')}` : ''}` : ''}</span>}
          />
        </div>
      </section>
    </div>
  );
}
