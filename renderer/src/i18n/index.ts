/**
 * The one i18n module: every UI string goes through `t`. Korean is the primary language;
 * English is the second. Missing parameters are left visible rather than silently dropped.
 */
import { en } from './en';
import { ko, type MessageKey } from './ko';

export type UiLanguage = 'ko' | 'en';
export type { MessageKey };

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { ko, en };

export function translate(language: UiLanguage, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** 'system' follows the OS language: Korean for ko-*, English otherwise. */
export function resolveLanguage(setting: 'system' | UiLanguage, systemLocale: string): UiLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
