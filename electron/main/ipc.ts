/**
 * Registers every HelpApi method with ipcMain and forwards every HelpApi event to the
 * window, both generated from the one list in shared/api.ts. Each call checks its sender
 * (the app's own top-level page, nothing else) and its arguments before the API sees it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { eventChannel, HELP_EVENTS, HELP_METHODS, requestChannel, type HelpRequests } from '../../shared/api';
import type { ApiResponse } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import type { HelpService } from '../core/service';
import type { Log } from './logging';
import { isTrustedSender, type AppOrigin } from './security-policy';

export function registerHelpApi(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: HelpRequests, origin: AppOrigin, log: Log): () => void {
  for (const method of HELP_METHODS) {
    ipcMain.handle(requestChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event.senderFrame, origin)) {
        log.warn(`refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return { ok: false, error: { code: 'refused', message: 'this page may not use the help center API' } };
      }
      return dispatch(api, method, args);
    });
  }
  return () => {
    for (const method of HELP_METHODS) ipcMain.removeHandler(requestChannel(method));
  };
}

/** Sends every service event to a window's renderer; returns the unsubscribe. */
export function forwardEvents(service: Pick<HelpService, 'on'>, webContents: WebContents): () => void {
  const unsubscribers = HELP_EVENTS.map((event) =>
    service.on(event, (payload) => {
      if (!webContents.isDestroyed()) webContents.send(eventChannel(event), payload);
    }),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
