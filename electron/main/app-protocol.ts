/**
 * The app's own scheme, `doum-app://app/`: the window loads the built renderer from it (not
 * from file://, so the page gets no file-system privileges and a real origin of its own), and
 * the help center's pictures come from the same origin at `/assets/<sha256>`, out of the
 * content store (asked of the service process, which holds it) — the CSP's `img-src 'self'`
 * lets exactly these load. Attached files come from the same address, answered only as
 * downloads (shared/attachments.ts). Paths that leave the
 * renderer folder are refused. No Electron import at run time: the request handling is plain
 * Node (Request → Response), unit-tested; index.ts hands Electron's `protocol` in.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { normalize, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { ASSET_PATH } from '../../shared/assets';
import { storedFileResponse, type StoredFileInfo } from '../../shared/attachments';
import { rendererFileType } from '../../shared/file-types';

export const APP_SCHEME = 'doum-app';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready: `standard` gives the scheme real origins and relative
 * URLs, `secure` makes it a secure context, `supportFetchAPI` lets the page's module scripts
 * load; nothing more (no CORS bypass, no service workers).
 */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
] as const;


export interface AppProtocolDeps {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** A picture or attached file of the help center by sha256 (the content store's, through the service process). */
  asset(sha256: string): Promise<(StoredFileInfo & { data: Buffer }) | null>;
}

function answer(status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(body instanceof Buffer ? body : Buffer.from(body)), {
    status,
    headers: { 'content-type': type, 'x-content-type-options': 'nosniff', ...extra },
  });
}

const refuse = (status: number, reason: string): Response => answer(status, reason, 'text/plain; charset=utf-8');

/** Answers one request of the app's scheme: a renderer file, a picture, or a refusal. */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, deps: AppProtocolDeps): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'not part of the app');
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');

  const picture = ASSET_PATH.exec(url.pathname);
  if (picture) {
    let asset: Awaited<ReturnType<AppProtocolDeps['asset']>>;
    try {
      asset = await deps.asset(picture[1]!);
    } catch {
      // The help center is unavailable (its process stopped): the page shows the alt text.
      return refuse(503, 'the help center is unavailable');
    }
    if (!asset) return refuse(404, 'no such picture');
    // Pictures inline, attached files only as downloads (shared/attachments.ts).
    const { type, headers } = storedFileResponse(asset);
    return answer(200, asset.data, type, { ...headers, 'cache-control': 'private, max-age=31536000, immutable' });
  }

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, 'bad path');
  }
  // A backslash is a separator on Windows and a NUL ends a path: neither belongs in a URL path.
  if (/[\\\0]/.test(path)) return refuse(403, 'outside the app');
  const root = resolve(deps.rendererDir);
  const file = resolve(root, normalize(`.${path === '/' ? '/index.html' : path}`));
  if (!file.startsWith(root + sep)) return refuse(403, 'outside the app');
  if (!existsSync(file) || !statSync(file).isFile()) return refuse(404, 'not found');
  return answer(200, readFileSync(file), rendererFileType(file));
}

/** Serves the scheme (call once the app is ready, before the first window loads). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, deps: AppProtocolDeps): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, deps));
}
