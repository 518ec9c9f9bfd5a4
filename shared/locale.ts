/**
 * Matching locales the way people and help centers write them. A person asks for `en`; a
 * Zendesk help center holds `en-us`; a feed may hold `ko` or `ko-kr`. One rule, used by search
 * (`--locale`) and by the Zendesk adapter's locale choice: an exact match (case-insensitive)
 * wins; failing that, every locale of the same language matches, whatever its region.
 */

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
