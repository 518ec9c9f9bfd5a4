/**
 * The UI language and theme in effect: the settings' choice, or the system's when the choice
 * is 'system' (the system language from the HelpApi, the colour scheme from the browser).
 */
import { resolveUiLanguage, type UiLanguage } from '../../../shared/locale';
import type { AppInfo } from '../../../shared/types';
import { useApp } from './app';
import { useSettings } from './settings';

/**
 * The language "system" means: the desktop's, which the app reports; in the browser preview
 * the person's browser (the server's own locale, often C.UTF-8, says nothing about them).
 */
function systemLocale(info: AppInfo | null): string {
  return !info || info.transport === 'http' ? navigator.language : info.systemLocale;
}

export function uiLanguage(): UiLanguage {
  const setting = useSettings.getState().settings?.language ?? 'system';
  return resolveUiLanguage(setting, systemLocale(useApp.getState().info));
}

export function useLanguage(): UiLanguage {
  const setting = useSettings((s) => s.settings?.language ?? 'system');
  const locale = useApp((s) => systemLocale(s.info));
  return resolveUiLanguage(setting, locale);
}

export type ResolvedTheme = 'light' | 'dark';

export function useResolvedTheme(): ResolvedTheme {
  const setting = useSettings((s) => s.settings?.theme ?? 'system');
  const systemDark = useApp((s) => s.systemDark);
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}
