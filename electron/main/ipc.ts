/**
 * Registers every HelpApi method with ipcMain and forwards every HelpApi event to the
 * window, both generated from the one list in shared/api.ts. Each call checks its sender
 * (the app's own top-level page, nothing else) and its arguments before it is relayed to the
 * help center (the service process, service-client.ts), which checks them once more.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { checkArgs, eventChannel, HELP_EVENTS, HELP_METHODS, requestChannel, type HelpEventName, type HelpEvents, type HelpMethod, type Unsubscribe } from '../../shared/api';
import type { ApiResponse } from '../../shared/errors';
import { toApiError } from '../core/dispatch';
import type { Log } from './logging';
import { isTrustedSender, type AppOrigin } from './security-policy';

/** Where a checked call goes: the HelpApi's answer, as its envelope. */
export type HelpRelay = (method: HelpMethod, args: unknown[]) => Promise<ApiResponse<unknown>>;

export function registerHelpApi(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, relay: HelpRelay, origin: AppOrigin, log: Log): () => void {
  for (const method of HELP_METHODS) {
    ipcMain.handle(requestChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event.senderFrame, origin)) {
        log.warn(`refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return { ok: false, error: { code: 'refused', message: 'this page may not use the help center API' } };
      }
      let checked: unknown[];
      try {
        checked = checkArgs(method, args) as unknown[];
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
      return relay(method, checked);
    });
  }
  return () => {
    for (const method of HELP_METHODS) ipcMain.removeHandler(requestChannel(method));
  };
}

/** Something that emits the HelpApi events (the service client). */
export interface HelpEventSource {
  on<E extends HelpEventName>(event: E, listener: (payload: HelpEvents[E]) => void): Unsubscribe;
}

/** Sends every HelpApi event to a window's renderer; returns the unsubscribe. */
export function forwardEvents(source: HelpEventSource, webContents: WebContents): () => void {
  const unsubscribers = HELP_EVENTS.map((event) =>
    source.on(event, (payload) => {
      if (!webContents.isDestroyed()) webContents.send(eventChannel(event), payload);
    }),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
