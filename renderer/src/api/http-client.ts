/**
 * The HelpApi over HTTP, for the browser preview (`doum preview`). The preview prints a URL
 * with a per-run token; it is kept for this tab in sessionStorage and removed from the
 * address bar. `?os=macos|windows|linux` asks the preview to present that host OS.
 */
import type { HelpEventName, HelpEvents, HelpMethod } from '../../../shared/api';
import { createHelpApiClient, type HelpTransport } from '../../../shared/api-client';
import type { ApiResponse } from '../../../shared/errors';
import type { HelpApi } from '../../../shared/api';

const TOKEN_KEY = 'doum.preview.token';
const OS_KEY = 'doum.preview.os';

function takeUrlParameters(): { token: string | null; os: string | null } {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  const os = url.searchParams.get('os');
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  if (os) sessionStorage.setItem(OS_KEY, os);
  if (token || os) {
    url.searchParams.delete('token');
    url.searchParams.delete('os');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return { token: sessionStorage.getItem(TOKEN_KEY), os: sessionStorage.getItem(OS_KEY) };
}

export function createHttpHelpApi(): HelpApi {
  const { token, os } = takeUrlParameters();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (os) headers['x-doum-os'] = os;

  let source: EventSource | null = null;
  const eventSource = (): EventSource => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
    return source;
  };

  const transport: HelpTransport = {
    async invoke(method: HelpMethod, args: unknown[]): Promise<ApiResponse<unknown>> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify({ args }) });
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', reason: 'service-unreachable', message: `the preview server is not reachable (${String(error)})` } };
      }
      try {
        return (await response.json()) as ApiResponse<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', reason: 'internal', message: `the preview server answered HTTP ${response.status}` } };
      }
    },
    subscribe<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void) {
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as HelpEvents[E]);
      eventSource().addEventListener(event, handler);
      return () => eventSource().removeEventListener(event, handler);
    },
  };
  return createHelpApiClient(transport);
}
