/**
 * The renderer's one door to the rest of Doum: `window.doum` where the preload put it (the
 * desktop app), else the HTTP client of the browser preview. Nothing else in the renderer
 * talks to the outside world.
 */
import type { HelpApi } from '../../../shared/api';
import { withDecodedErrors } from '../../../shared/api-client';
import { createHttpHelpApi } from './http-client';

declare global {
  interface Window {
    doum?: HelpApi;
  }
}

export const api: HelpApi = window.doum ? withDecodedErrors(window.doum) : createHttpHelpApi();
