/**
 * A first check of a feed location as people type it, so an obvious mistake is caught before
 * anything is saved. The core checks it again (and has the last word).
 */
export function isPlausibleFeedLocation(text: string): boolean {
  const value = text.trim();
  if (value === '') return true; // empty: the help built into the app
  const zendesk = /^zendesk:(.*)$/i.exec(value);
  const candidate = zendesk ? zendesk[1]!.trim() : value;
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      return url.hostname !== '' && !url.username && !url.password;
    } catch {
      return false;
    }
  }
  return !zendesk && /^(?:[a-zA-Z]:[\\/]|\/|\\\\)/.test(candidate);
}
