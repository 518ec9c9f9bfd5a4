/**
 * Pure security decisions of the shell (no Electron import, so they are unit-tested under
 * plain Node): which frames may call the HelpApi, where a window may navigate, what it may
 * download, which permissions a page gets (none), and the webPreferences every window gets.
 */
import { ASSET_PATH } from '../../shared/assets';

/** The renderer's own URL: the app's scheme (doum-app://app/) or the dev server in development. */
export interface AppOrigin {
  /** doum-app://app/index.html, or the dev server's http://localhost:port/ URL (file:// in old setups). */
  entryUrl: string;
}

function stripHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/** True for URLs of the app itself (any hash route of the entry page). */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  let entry: URL;
  try {
    parsed = new URL(url);
    entry = new URL(origin.entryUrl);
  } catch {
    return false;
  }
  if (entry.protocol === 'file:') return parsed.protocol === 'file:' && stripHash(parsed.href) === stripHash(entry.href);
  // Scheme and host (with port), not URL.origin: that is "null" for every custom scheme alike.
  return parsed.protocol === entry.protocol && parsed.host === entry.host;
}

/** An IPC sender is trusted when it is the app's own top-level page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, origin: AppOrigin): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, origin);
}

/**
 * What to do with a navigation: the app's own routes load; a doum:// link (an article link
 * clicked in the page) is handed to the deep-link handler instead of loading; anything else
 * — the web, file://, other schemes — is denied.
 */
export type NavigationDecision = 'allow' | 'app-link' | 'deny';

export function navigationDecision(url: string, origin: AppOrigin): NavigationDecision {
  if (isAppUrl(url, origin)) return 'allow';
  if (/^doum:/i.test(url)) return 'app-link';
  return 'deny';
}

/**
 * A download the page may start: an attached file of the help center, served by the app itself
 * at `/assets/<sha256>` of its own origin. Anything else (a web address, another scheme) is not
 * the page's to download.
 */
export function downloadAllowed(url: string, origin: AppOrigin): boolean {
  if (!isAppUrl(url, origin)) return false;
  try {
    return ASSET_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Doum needs no permission at all: no camera, microphone, notifications from pages, etc. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * The webPreferences of every window (window.ts writes them out literally, for the scanner,
 * and adds only the preload path; a unit test holds the two equal). Auxclick is off so a
 * middle click cannot even ask for a new window.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
} as const;
