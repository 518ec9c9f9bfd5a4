/**
 * The service process's work, as plain Node: on main's 'open' it opens the help center with
 * core's one wiring function (openHelpCenter — the same the CLI and the preview use), then
 * answers main's requests over the port (service-port.ts) and sends every HelpApi event the
 * service emits. What only the main process can do — a native dialog to confirm a security
 * change, opening a link in the browser — the service asks main for, over the same port.
 *
 * service-process.ts runs this in an Electron utility process; the tests run it on one end of
 * a Node MessageChannel.
 */
import { HELP_EVENTS, type HelpEventName } from '../../shared/api';
import { HelpApiError } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import { openHelpCenter, type HelpCenter } from '../core/help-center';
import type { IndexBuilder } from '../core/search/index-builder';
import { PortPeer, type HostRequests, type PortEnd, type ServiceRequests } from './service-port';

export interface ServeOptions {
  /** How the search index is built (a worker thread in the app). */
  indexBuilder?: IndexBuilder;
}

export interface ServedHelpCenter {
  /** The help center once main has opened it (for tests); null before and after. */
  readonly center: HelpCenter | null;
}

const NOT_OPEN = 'the help center is not open in the service process (it is starting, or it was closed)';

export function serveHelpCenter(port: PortEnd, options: ServeOptions = {}): ServedHelpCenter {
  let center: HelpCenter | null = null;
  let opening = false;
  const open = (): HelpCenter => {
    if (!center) throw new HelpApiError('unavailable', NOT_OPEN);
    return center;
  };

  const peer: PortPeer<HostRequests, ServiceRequests> = new PortPeer<HostRequests, ServiceRequests>(port, {
    open: async (config) => {
      if (opening) throw new HelpApiError('refused', 'the help center is open already');
      opening = true;
      const opened = await openHelpCenter({
        ...config,
        transport: 'ipc',
        indexBuilder: options.indexBuilder,
        openExternal: async (url) => {
          await peer.request('openExternal', { url });
        },
        confirmSecurityChange: (changes) => peer.request('confirmSecurityChange', { changes }),
      });
      const forward = <E extends HelpEventName>(event: E): void => void opened.service.on(event, (payload) => peer.emit(event, payload));
      for (const event of HELP_EVENTS) forward(event);
      center = opened;
      return opened.startup;
    },
    call: async ({ method, args }) => {
      const response = await dispatch(open().service, method, args);
      if (!response.ok) throw HelpApiError.fromPayload(response.error);
      return response.value;
    },
    getAsset: async ({ sha256 }) => open().service.getAsset(sha256),
    close: async () => {
      center?.close();
      center = null;
      return null;
    },
  });

  return {
    get center() {
      return center;
    },
  };
}
