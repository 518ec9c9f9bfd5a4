/**
 * The one i18n module: every UI string goes through `translate` (`useT` in components).
 * Korean is the primary language and the source of every key; English is the second. A
 * message may have plural forms (chosen by the `count` parameter with Intl.PluralRules).
 * Missing parameters are left visible rather than silently dropped.
 */
import { en } from './en';
import { ko, type Message, type MessageKey } from './ko';
import type { UiLanguage } from '../../../shared/locale';

export type { UiLanguage };
export type { Message, MessageKey };
export type MessageParams = Record<string, string | number>;

const TABLES: Record<UiLanguage, Record<MessageKey, Message>> = { ko, en };
const plurals: Partial<Record<UiLanguage, Intl.PluralRules>> = {};

function pick(language: UiLanguage, message: Message, count: unknown): string {
  if (typeof message === 'string') return message;
  const rules = (plurals[language] ??= new Intl.PluralRules(language));
  return rules.select(typeof count === 'number' ? count : Number(count)) === 'one' ? message.one : message.other;
}

export function translate(language: UiLanguage, key: MessageKey, params: MessageParams = {}): string {
  const text = pick(language, TABLES[language][key], params.count);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
