/** Dates, relative times and sizes in the UI language (Intl, no tables of our own). */
import { translate, type UiLanguage } from '.';

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

function parse(iso: string): Date | null {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2025년 11월 6일" / "November 6, 2025". */
export function formatDate(iso: string, language: UiLanguage): string {
  const date = parse(iso);
  if (!date) return iso;
  return cached(`d:${language}`, () => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' })).format(date);
}

/** "2025년 11월 6일 오후 3:04" / "November 6, 2025 at 3:04 PM". */
export function formatDateTime(iso: string, language: UiLanguage): string {
  const date = parse(iso);
  if (!date) return iso;
  return cached(`dt:${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' })).format(date);
}

/** "오후 3:04" / "3:04 PM". */
export function formatTime(iso: string, language: UiLanguage): string {
  const date = parse(iso);
  if (!date) return iso;
  return cached(`t:${language}`, () => new Intl.DateTimeFormat(language, { timeStyle: 'short' })).format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "방금", "3분 전", "어제" / "just now", "3 minutes ago", "yesterday". */
export function relativeTime(iso: string, language: UiLanguage, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return iso;
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return translate(language, 'common.justNow');
  const format = cached(`r:${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') return format.format(Math.round(seconds / size), unit);
  }
  return translate(language, 'common.justNow');
}

/** "1.2 MB". */
export function formatBytes(bytes: number, language: UiLanguage): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = cached(`n:${language}`, () => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }));
  return `${number.format(value)} ${units[unit]}`;
}

/** Calendar day key in local time, for grouping ("2025-11-06"). */
export function dayKey(iso: string): string {
  const date = parse(iso);
  if (!date) return iso.slice(0, 10);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
