/**
 * The title bar: a draggable strip with back/forward and the search field. Its shape per OS
 * is CSS only — room for the macOS traffic lights (hidden-inset title bar) or the Windows
 * window controls overlay (env(titlebar-area-*)), the app name where Windows shows one.
 */
import { useT } from '../i18n/use-translation';
import { shortcutLabel } from '../platform/shortcuts';
import { useApp } from '../state/app';
import { canGoBack, canGoForward, useRouter } from '../state/router';
import { AppMark, Icon } from './Icon';
import { SearchBox } from './SearchBox';

export function TitleBar() {
  const t = useT();
  const hostOs = useApp((s) => s.hostOs);
  const back = useRouter((s) => s.back);
  const forward = useRouter((s) => s.forward);
  const backEnabled = useRouter(canGoBack);
  const forwardEnabled = useRouter(canGoForward);
  const backLabel = t('nav.withShortcut', { label: t('nav.back'), shortcut: shortcutLabel('back', hostOs) });
  const forwardLabel = t('nav.withShortcut', { label: t('nav.forward'), shortcut: shortcutLabel('forward', hostOs) });

  return (
    <header className="titlebar">
      <div className="titlebar-brand" aria-hidden="true">
        <AppMark size={18} />
        <span>{t('app.name')}</span>
      </div>
      <div className="titlebar-nav" role="group" aria-label={t('nav.history.toolbar')}>
        <button type="button" className="icon-button" onClick={back} disabled={!backEnabled} aria-label={t('nav.back')} title={backLabel}>
          <Icon name="chevronLeft" size={18} />
        </button>
        <button type="button" className="icon-button" onClick={forward} disabled={!forwardEnabled} aria-label={t('nav.forward')} title={forwardLabel}>
          <Icon name="chevronRight" size={18} />
        </button>
      </div>
      <SearchBox />
      <div className="titlebar-end" />
    </header>
  );
}
