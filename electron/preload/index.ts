/**
 * The preload: exposes the typed HelpApi as `window.doum`, and nothing else. Methods are
 * generated from the channel list in shared/api.ts. Errors cross the context bridge encoded
 * in the message (the bridge keeps only that); the renderer decodes them back.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, HELP_METHODS, requestChannel, type HelpApi, type HelpRequests } from '../../shared/api';
import { createHelpApiClient, encodeBridgedError } from '../../shared/api-client';
import { HelpApiError, type ApiResponse } from '../../shared/errors';

const client = createHelpApiClient({
  invoke: (method, args) => ipcRenderer.invoke(requestChannel(method), ...args) as Promise<ApiResponse<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(eventChannel(event), handler);
    return () => {
      ipcRenderer.removeListener(eventChannel(event), handler);
    };
  },
});

const bridged: Record<string, unknown> = {};
for (const method of HELP_METHODS) {
  const call = client[method] as (...args: unknown[]) => Promise<unknown>;
  bridged[method] = (...args: unknown[]) =>
    call(...args).catch((error: unknown) => {
      throw error instanceof HelpApiError ? encodeBridgedError(error.toPayload()) : error;
    });
}
const api: HelpApi = { ...(bridged as unknown as HelpRequests), on: client.on };

contextBridge.exposeInMainWorld('doum', api);
