import { describe, expect, it } from 'vitest';
import { chooseTransport, expectedTransport } from '../../../renderer/src/api/transport';
import { HelpApiError } from '../../../shared/errors';
import { encodeBridgedError } from '../../../shared/api-client';
import { FakeHelpApi } from './fake-api';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const ELECTRON = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Doum/0.1.0 Chrome/140.0 Electron/45.5.0 Safari/537.36';
const httpApi = new FakeHelpApi().api;
const createHttp = () => httpApi;

describe('the transport a page uses', () => {
  it('is the preload in the app, whatever else is around', () => {
    expect(expectedTransport({ protocol: 'doum-app:', hostname: 'app', userAgent: ELECTRON })).toBe('ipc');
    expect(expectedTransport({ protocol: 'file:', hostname: '', userAgent: ELECTRON })).toBe('ipc');
    // The dev server is http, but the page is inside Electron: still the app.
    expect(expectedTransport({ protocol: 'http:', hostname: 'localhost', userAgent: ELECTRON })).toBe('ipc');
  });

  it('is HTTP for the preview on the loopback address, and nothing elsewhere', () => {
    expect(expectedTransport({ protocol: 'http:', hostname: '127.0.0.1', userAgent: CHROME })).toBe('http');
    expect(expectedTransport({ protocol: 'http:', hostname: 'help.example.com', userAgent: CHROME })).toBeNull();
  });

  it('uses the preload in the app, restoring the typed errors the bridge flattened', async () => {
    const preload = new FakeHelpApi();
    const choice = chooseTransport({ protocol: 'doum-app:', hostname: 'app', userAgent: ELECTRON, preloadApi: preload.api }, createHttp);
    expect(choice.kind).toBe('ipc');
    if (choice.kind !== 'ipc') return;
    const call = choice.api.getHome('ko');
    await preload.take('getHome').reject(encodeBridgedError({ code: 'unavailable', message: 'store closed' }));
    await expect(call).rejects.toBeInstanceOf(HelpApiError);
  });

  it('fails loudly in the app when the preload is missing, never falling back to HTTP', () => {
    const choice = chooseTransport({ protocol: 'doum-app:', hostname: 'app', userAgent: ELECTRON, preloadApi: undefined }, createHttp);
    expect(choice).toEqual({ kind: 'missing', expected: 'ipc', detail: expect.stringContaining('window.doum is missing') });
  });

  it('uses the HTTP client in the preview, and refuses pages served from anywhere else', () => {
    expect(chooseTransport({ protocol: 'http:', hostname: '127.0.0.1', userAgent: CHROME, preloadApi: undefined }, createHttp)).toEqual({ kind: 'http', api: httpApi });
    expect(chooseTransport({ protocol: 'https:', hostname: 'help.example.com', userAgent: CHROME, preloadApi: undefined }, createHttp)).toMatchObject({ kind: 'missing', expected: 'http' });
  });
});
