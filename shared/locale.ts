/**
 * Locales: the one rule of what a language tag looks like, which UI language a setting and a
 * system locale mean, and matching locales the way people and help centers write them.
 *
 * Each is checked or decided here and nowhere else: the feed format, the content builder, the
 * HelpApi's arguments, Zendesk URLs, the shell and the renderer all import it.
 *
 * Matching: a person asks for `en`; a Zendesk help center holds `en-us`; a feed may hold `ko` or
 * `ko-kr`. Search (`--locale`) and the Zendesk adapter's locale choice use one rule: an exact
 * match (case-insensitive) wins; failing that, every locale of the same language matches,
 * whatever its region.
 */
import { string, type Check } from './validate';

export const LOCALE_MAX = 35;
/**
 * A language tag as BCP 47 writes it (`ko`, `en-US`, `zh-Hant-TW`, `en-u-ca-gregory`): a
 * language of 2 or 3 letters, then hyphen-separated parts of 1 to 8 letters or digits, in any
 * case. The POSIX form of a system locale (`en_US.UTF-8`) is not one; `languageOf` still reads
 * its language. Without anchors, so a URL pattern can embed it (Zendesk's `/hc/<locale>/`).
 */
export const LOCALE_SOURCE = '[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*';
export const LOCALE_PATTERN = new RegExp(`^${LOCALE_SOURCE}$`);
/** What a person is shown when a locale breaks the rule. */
export const LOCALE_RULE = 'a language tag such as "ko" or "en"';

export function isLocale(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LOCALE_MAX && LOCALE_PATTERN.test(value);
}

/** The argument and record check of a locale. */
export const checkLocale: Check<string> = string({ min: 2, max: LOCALE_MAX, pattern: LOCALE_PATTERN, patternName: LOCALE_RULE });

/** The languages of Doum's own interface (the renderer's i18n tables, the shell's words). */
export const UI_LANGUAGES = ['ko', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The UI language in effect: the Settings choice, or for "system" the system locale's language
 * when Doum speaks it (Korean for ko, ko-KR, ko_KR.UTF-8), else English.
 */
export function resolveUiLanguage(setting: 'system' | UiLanguage, systemLocale: string): UiLanguage {
  if (setting !== 'system') return setting;
  const language = languageOf(systemLocale);
  return UI_LANGUAGES.find((ui) => ui === language) ?? 'en';
}

/** The language part of a locale: `en-US` → `en`, `zh-hant-tw` → `zh`. */
export function languageOf(locale: string): string {
  return locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The locales of `available` that `requested` names: the exact one when it is there,
 * otherwise all of the same language (in their given order); empty when none is.
 */
export function matchingLocales(requested: string, available: readonly string[]): string[] {
  const wanted = requested.trim().toLowerCase();
  const exact = available.filter((locale) => locale.toLowerCase() === wanted);
  if (exact.length > 0) return exact;
  const language = languageOf(wanted);
  return available.filter((locale) => languageOf(locale) === language);
}

/** True for Chinese written in simplified characters (zh-cn, zh-sg, zh-hans…), whose words differ from traditional ones. */
export function isSimplifiedChinese(locale: string): boolean {
  return /^zh[-_](cn|sg|hans)\b/i.test(locale.trim());
}
