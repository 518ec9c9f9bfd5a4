/**
 * Applies the security policy (security-policy.ts) to Electron: every navigation, redirect
 * and new window is denied except the app's own routes (doum:// links go to the deep-link
 * handler instead), <webview> is refused, and every permission request and check is denied.
 * The renderer's CSP lives in renderer/index.html; the fuses in electron-builder.yml.
 */
import type { App, Session, WebContents } from 'electron';
import type { Log } from './logging';
import { navigationDecision, permissionAllowed, type AppOrigin } from './security-policy';

export interface GuardOptions {
  origin: AppOrigin;
  log: Log;
  /** Receives doum:// URLs a page tried to navigate to (article links). */
  onAppLink: (url: string) => void;
}

function short(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

/** The part of a navigation event the guard reads (Electron's details object). */
export interface NavigationEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

export function guardWebContents(contents: WebContents, { origin, log, onAppLink }: GuardOptions): void {
  const guard = (kind: string) => (details: NavigationEvent) => {
    const decision = navigationDecision(details.url, origin);
    if (decision === 'allow') return;
    details.preventDefault();
    // Article links are followed inside the app; only the top page may ask for that.
    if (decision === 'app-link' && details.isMainFrame) onAppLink(details.url);
    else log.warn(`blocked ${kind} to ${short(details.url)}`);
  };
  const frameGuard = guard('a frame navigation');
  contents.on('will-navigate', guard('a navigation'));
  // will-navigate covers the top page; this covers frames inside it.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) frameGuard(details);
  });
  contents.on('will-redirect', guard('a redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, origin) === 'app-link') onAppLink(url);
    else log.warn(`blocked a new window for ${short(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
}

export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    const allowed = permissionAllowed(permission);
    if (!allowed) log.warn(`denied the permission "${permission}" to ${short(contents.getURL())}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  session.setDevicePermissionHandler(() => false);
}

export function guardAllWebContents(app: Pick<App, 'on'>, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
