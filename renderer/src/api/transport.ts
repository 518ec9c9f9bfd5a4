/**
 * Which HelpApi this page talks through, decided from what the page is — never by trying one
 * and falling back to the other:
 *
 * - the desktop app (its own `doum-app:` origin, a `file:` page, or any page inside Electron,
 *   such as the dev server's): the preload's `window.doum`, required;
 * - the browser preview (`doum preview`, http on 127.0.0.1): the HTTP client.
 *
 * When the transport this page needs is missing, the answer says so and the page shows a
 * full-page error naming it, instead of a desktop window quietly calling a server that is not
 * there.
 */
import type { HelpApi } from '../../../shared/api';
import { withDecodedErrors } from '../../../shared/api-client';
import { createHttpHelpApi } from './http-client';

export type TransportChoice =
  | { kind: 'ipc'; api: HelpApi }
  | { kind: 'http'; api: HelpApi }
  /** What is missing, in technical words (shown behind the details disclosure). */
  | { kind: 'missing'; expected: 'ipc' | 'http'; detail: string };

export interface PageFacts {
  /** `location.protocol`, e.g. 'doum-app:' or 'http:'. */
  protocol: string;
  hostname: string;
  userAgent: string;
  /** What the preload exposed, if anything. */
  preloadApi: HelpApi | undefined;
}

const APP_PROTOCOLS = new Set(['doum-app:', 'file:']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function expectedTransport(page: Omit<PageFacts, 'preloadApi'>): 'ipc' | 'http' | null {
  if (APP_PROTOCOLS.has(page.protocol) || /\bElectron\//.test(page.userAgent)) return 'ipc';
  if ((page.protocol === 'http:' || page.protocol === 'https:') && LOOPBACK_HOSTS.has(page.hostname)) return 'http';
  return null;
}

export function chooseTransport(page: PageFacts, createHttp: () => HelpApi = createHttpHelpApi): TransportChoice {
  const expected = expectedTransport(page);
  if (expected === 'ipc') {
    if (page.preloadApi) return { kind: 'ipc', api: withDecodedErrors(page.preloadApi) };
    return { kind: 'missing', expected, detail: `window.doum is missing: the preload script did not run (page ${page.protocol}//${page.hostname})` };
  }
  if (expected === 'http') return { kind: 'http', api: createHttp() };
  return { kind: 'missing', expected: 'http', detail: `no HelpApi for a page served from ${page.protocol}//${page.hostname}: only the app and the preview on 127.0.0.1 have one` };
}

/** The facts of the page this code runs in. */
export function currentPage(): PageFacts {
  return { protocol: window.location.protocol, hostname: window.location.hostname, userAgent: navigator.userAgent, preloadApi: window.doum };
}
