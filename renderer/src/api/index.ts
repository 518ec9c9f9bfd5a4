/**
 * The renderer's one door to the rest of Doum. Which HelpApi sits behind it is decided once,
 * at start-up, by `chooseTransport` (./transport.ts) and handed to `installApi` by `startApp`;
 * nothing is picked at import time. Until then every call fails loudly: a module that talks to
 * Doum before the app started is a bug, not something to paper over.
 */
import { HELP_METHODS, type HelpApi, type HelpRequests } from '../../../shared/api';

declare global {
  interface Window {
    doum?: HelpApi;
  }
}

let installed: HelpApi | null = null;

function current(): HelpApi {
  if (!installed) throw new Error('The HelpApi was used before startApp() installed a transport.');
  return installed;
}

/** Makes `api` answer through this HelpApi (the app's transport, or a test's fake). */
export function installApi(next: HelpApi | null): void {
  installed = next;
}

function delegate(): HelpApi {
  const requests: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of HELP_METHODS) {
    requests[method] = (...args: unknown[]) => (current()[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  }
  return { ...(requests as unknown as HelpRequests), on: (event, listener) => current().on(event, listener) };
}

/** Stable for the life of the page; forwards to the installed HelpApi. */
export const api: HelpApi = delegate();
