/**
 * The look of the whole document: host OS, theme and shell (the desktop app or a browser) as
 * data attributes (the CSS variables hang off them), the UI language, the window title and
 * the reading text size.
 */
import { useEffect } from 'react';
import { translate } from '../i18n';
import { useApp } from '../state/app';
import { useLanguage, useResolvedTheme } from '../state/language';
import { TEXT_SCALE, useSettings } from '../state/settings';

export function useDocumentAttributes(): void {
  const hostOs = useApp((s) => s.hostOs);
  const ready = useApp((s) => s.status === 'ready');
  const desktop = useApp((s) => s.info?.transport === 'ipc');
  const language = useLanguage();
  const theme = useResolvedTheme();
  const textScale = useSettings((s) => s.settings?.textScale ?? TEXT_SCALE.default);

  useEffect(() => {
    const root = document.documentElement;
    if (ready) {
      root.dataset.os = hostOs;
      root.dataset.shell = desktop ? 'desktop' : 'browser';
    }
    root.dataset.theme = theme;
    root.lang = language;
    document.title = translate(language, 'app.name');
    root.style.setProperty('--text-scale', String(textScale));
  }, [hostOs, ready, desktop, theme, language, textScale]);
}
