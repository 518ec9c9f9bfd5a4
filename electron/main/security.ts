/**
 * Applies the security policy to Electron: every navigation and new window is denied except
 * the app's own routes, permission requests are denied, <webview> is refused.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl, type AppOrigin } from './security-policy';

export function guardWebContents(contents: WebContents, origin: AppOrigin, log: (message: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, origin)) {
      event.preventDefault();
      log(`blocked navigation to ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function guardAllWebContents(app: App, origin: AppOrigin, log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, log));
}
