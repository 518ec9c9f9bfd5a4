/**
 * Applies the security policy (security-policy.ts) to Electron: every navigation, redirect
 * and new window is denied except the app's own routes (doum:// links go to the deep-link
 * handler instead), <webview> is refused, every permission request and check is denied, and
 * only the app's own attached files may be downloaded (through a save dialog).
 * The renderer's CSP lives in renderer/index.html; the fuses in electron-builder.yml.
 */
import type { App, DownloadItem, Session, WebContents } from 'electron';
import type { Log } from './logging';
import { downloadAllowed, navigationDecision, permissionAllowed, type AppOrigin } from './security-policy';

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

/** The part of Electron's DownloadItem the download handler uses. */
export type DownloadLike = Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSaveDialogOptions'>;

/**
 * Downloads: an attached file the page links to (`<a download>` to `/assets/<sha256>` on the
 * app's own scheme, answered with `Content-Disposition: attachment`) is saved where the person
 * chooses in a save dialog, named after the file; any other download is cancelled and logged.
 */
export function handleDownloads(session: Pick<Session, 'on'>, { origin, log }: Pick<GuardOptions, 'origin' | 'log'>): void {
  session.on('will-download', (event: { preventDefault(): void }, item: DownloadLike) => {
    if (!downloadAllowed(item.getURL(), origin)) {
      event.preventDefault();
      log.warn(`blocked a download of ${short(item.getURL())}`);
      return;
    }
    item.setSaveDialogOptions({ defaultPath: item.getFilename(), properties: ['createDirectory', 'showOverwriteConfirmation'] });
  });
}

export function guardAllWebContents(app: Pick<App, 'on'>, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
