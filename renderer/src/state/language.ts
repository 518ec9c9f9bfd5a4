/**
 * The UI language and theme in effect: the settings' choice, or the system's when the choice
 * is 'system' (the system language from the HelpApi, the colour scheme from the browser).
 */
import { resolveLanguage, type UiLanguage } from '../i18n';
import { useApp } from './app';
import { useSettings } from './settings';

export function uiLanguage(): UiLanguage {
  const setting = useSettings.getState().settings?.language ?? 'system';
  return resolveLanguage(setting, useApp.getState().info?.systemLocale ?? navigator.language);
}

export function useLanguage(): UiLanguage {
  const setting = useSettings((s) => s.settings?.language ?? 'system');
  const systemLocale = useApp((s) => s.info?.systemLocale ?? navigator.language);
  return resolveLanguage(setting, systemLocale);
}

export type ResolvedTheme = 'light' | 'dark';

export function useResolvedTheme(): ResolvedTheme {
  const setting = useSettings((s) => s.settings?.theme ?? 'system');
  const systemDark = useApp((s) => s.systemDark);
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}
