/**
 * The one place that turns an error into text. The headline is a sentence in the UI language,
 * chosen by the error's REASON (shared/errors.ts) through a table tsc checks: a reason without
 * a message key, or a key missing from ko.ts/en.ts, does not compile. The core's English
 * technical message is the `detail`, shown only behind "자세히" (components/ErrorNotice.tsx).
 */
import { HelpApiError, type ErrorParams, type ErrorReason } from '../../../shared/errors';
import type { Settings } from '../../../shared/types';
import type { MessageKey, MessageParams } from '../i18n';
import type { Translate } from '../i18n/use-translation';

export const REASON_MESSAGES: { readonly [R in ErrorReason]: MessageKey } = {
  // sync failure kinds
  network: 'sync.error.network',
  timeout: 'sync.error.timeout',
  http: 'sync.error.http',
  'not-found': 'sync.error.not-found',
  integrity: 'sync.error.integrity',
  signature: 'sync.error.signature',
  'invalid-feed': 'sync.error.invalid-feed',
  'invalid-record': 'sync.error.invalid-record',
  cancelled: 'sync.error.cancelled',
  busy: 'sync.error.busy',
  storage: 'sync.error.storage',
  rollback: 'sync.error.rollback',
  expired: 'sync.error.expired',
  refused: 'sync.error.refused',
  'too-large': 'sync.error.too-large',
  'read-only': 'sync.error.read-only',
  untrusted: 'sync.error.untrusted',
  // requests the service refused or could not answer
  'invalid-request': 'error.invalid-request',
  'link-invalid': 'error.link-invalid',
  'link-refused': 'error.link-refused',
  'feed-url-invalid': 'error.feed-url-invalid',
  'feed-url-credentials': 'error.feed-url-credentials',
  'zendesk-url-invalid': 'error.zendesk-url-invalid',
  'zendesk-needs-https': 'error.zendesk-needs-https',
  'key-invalid': 'error.key-invalid',
  'update-url-not-https': 'error.update-url-not-https',
  'setting-locked': 'error.setting-locked',
  'not-confirmed': 'error.not-confirmed',
  'article-not-found': 'error.article-not-found',
  'store-corrupt': 'error.store-corrupt',
  'store-newer-schema': 'error.store-newer-schema',
  'store-read-only': 'error.store-read-only',
  'store-lost': 'error.store-lost',
  'store-failed': 'error.store-failed',
  'content-invalid': 'error.content-invalid',
  'service-unreachable': 'error.service-unreachable',
  'preview-token': 'error.preview-token',
  internal: 'error.internal',
};

/** Each setting by the name Settings shows, for "{settings} 설정은 관리자가…". */
export const SETTING_NAMES: { readonly [K in keyof Settings]: MessageKey } = {
  feedUrl: 'settings.feedUrl',
  syncIntervalHours: 'settings.interval',
  startAtLogin: 'settings.startAtLogin',
  globalShortcut: 'settings.shortcut',
  language: 'settings.language',
  theme: 'settings.theme',
  textScale: 'settings.textSize',
  notifyOnSync: 'settings.notifyOnSync',
  feedPublicKey: 'error.settingName.feedPublicKey',
  updateUrl: 'error.settingName.updateUrl',
  recordSearches: 'settings.recordSearches',
};

export interface DescribedError {
  /** A sentence in the UI language that says what happened and what to do. */
  message: string;
  /** The technical text (often the core's English), for "자세히"; null when there is none. */
  detail: string | null;
}

/** The reason an error carries across the HelpApi seam, or null (a renderer fault, a bug). */
export function errorReason(error: unknown): ErrorReason | null {
  return error instanceof HelpApiError ? (error.reason ?? null) : null;
}

function isSettingKey(key: string): key is keyof Settings {
  return Object.prototype.hasOwnProperty.call(SETTING_NAMES, key);
}

/** Parameters in the person's words: setting keys become the names Settings shows. */
function localParams(reason: ErrorReason, params: ErrorParams | undefined, t: Translate): MessageParams {
  const local: MessageParams = { ...params };
  if (reason === 'setting-locked' && typeof params?.settings === 'string') {
    local.settings = params.settings
      .split(',')
      .map((key) => (isSettingKey(key) ? t(SETTING_NAMES[key]) : key))
      .join(', ');
  }
  return local;
}

function technicalText(error: unknown): string | null {
  const text = error instanceof Error ? error.message : error === null || error === undefined ? '' : String(error);
  return text.trim() === '' ? null : text;
}

/**
 * An error as text: the reason's sentence when the error has one, else `fallback` (the view's
 * own "could not …" sentence); the technical message as the detail.
 */
export function describeError(error: unknown, t: Translate, fallback: MessageKey = 'common.error'): DescribedError {
  const reason = errorReason(error);
  const params = error instanceof HelpApiError ? error.params : undefined;
  const message = reason ? t(REASON_MESSAGES[reason], localParams(reason, params, t)) : t(fallback);
  return { message, detail: technicalText(error) };
}
