/**
 * The browser preview: the built renderer and the HelpApi over HTTP on 127.0.0.1.
 *
 * - `POST /api/call/<method>` with `{ "args": [...] }` → the ApiResponse envelope.
 * - `GET /api/events?token=…` → Server-Sent Events, one event per HelpApi event.
 * - `GET /assets/<sha256>` → a picture of the help center, token-checked like the API. An
 *   <img> cannot send a header, so the page that was opened with the right `?token=` gets it
 *   as a cookie (HttpOnly, SameSite=Strict, this origin only); a Bearer header works too.
 * - Anything else → a file of the built renderer (index.html for app routes).
 *
 * Only loopback, only the expected Host header (no DNS rebinding), and every API call needs
 * the random per-run token, so other local web pages cannot drive it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HELP_EVENTS, type HelpRequests } from '../../shared/api';
import { ASSET_PATH } from '../../shared/assets';
import { storedFileResponse } from '../../shared/attachments';
import { isHostOs, type HostOs } from '../../shared/platform';
import { dispatch } from '../core/dispatch';
import type { HelpService } from '../core/service';
import { rendererFileType } from '../../shared/file-types';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:", // no remote pictures: only the app's own (and the CSS's inline icons)
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');


const MAX_BODY_BYTES = 1024 * 1024;
export const OS_HEADER = 'x-doum-os';
/** The cookie that carries the preview token to <img> requests for pictures. */
export const TOKEN_COOKIE = 'doum-preview-token';

export interface PreviewServerOptions {
  service: HelpService;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface PreviewServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function baseHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'cache-control': 'no-store' });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
/** A request body over MAX_BODY_BYTES: answered 413, not with a reset connection. */
class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping it, but let the rest arrive so the 413 reaches the client.
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const rendererDir = resolve(options.rendererDir);
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`the renderer is not built (${indexFile} is missing); run "npm run build"`);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();

  const serviceFor = (req: IncomingMessage): HelpRequests => {
    const os = req.headers[OS_HEADER];
    return typeof os === 'string' && isHostOs(os) ? options.service.withHostOs(os as HostOs) : options.service;
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: 'use POST' } });
    const auth = req.headers.authorization;
    if (!sameToken(auth?.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'refused', reason: 'preview-token', message: 'missing or wrong preview token' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: 'send application/json' } });
    }
    let args: unknown;
    try {
      const body = JSON.parse(await readBody(req)) as { args?: unknown };
      args = body.args ?? [];
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: `the request body is larger than ${MAX_BODY_BYTES} bytes` } });
      }
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-argument', reason: 'invalid-request', message: `the request body is not valid JSON (${error instanceof Error ? error.message : String(error)})` } });
    }
    sendJson(res, 200, await dispatch(serviceFor(req), method, args));
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (!sameToken(url.searchParams.get('token'), token)) return sendJson(res, 401, { ok: false, error: { code: 'refused', reason: 'preview-token', message: 'missing or wrong preview token' } });
    res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribers = HELP_EVENTS.map((event) =>
      options.service.on(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      for (const unsubscribe of unsubscribers) unsubscribe();
    });
  };

  const handleAsset = (req: IncomingMessage, res: ServerResponse, sha256: string): void => {
    const auth = req.headers.authorization;
    const given = cookie(req, TOKEN_COOKIE) ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : null);
    if (!sameToken(given, token)) return send(res, 401, 'missing or wrong preview token', 'text/plain; charset=utf-8');
    const asset = options.service.getAsset(sha256);
    if (!asset) return send(res, 404, 'no such picture', 'text/plain; charset=utf-8');
    // Pictures inline, attached files only as downloads (shared/attachments.ts).
    const { type, headers } = storedFileResponse(asset);
    // Named by their sha256, stored files never change: cache them for good.
    send(res, 200, asset.data, type, { ...headers, 'cache-control': 'private, max-age=31536000, immutable' });
  };

  /** The app page opened with the right token hands it on as a cookie, for its pictures. */
  const tokenCookie = (url: URL): Record<string, string> =>
    sameToken(url.searchParams.get('token'), token) ? { 'set-cookie': `${TOKEN_COOKIE}=${token}; Path=/assets/; HttpOnly; SameSite=Strict` } : {};

  const handleStatic = (res: ServerResponse, url: URL): void => {
    const { pathname } = url;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    }
    const candidate = resolve(rendererDir, normalize(`.${decoded}`));
    const inside = candidate === rendererDir || candidate.startsWith(rendererDir + sep);
    if (!inside) return send(res, 403, 'forbidden', 'text/plain; charset=utf-8');
    const isFile = existsSync(candidate) && statSync(candidate).isFile();
    // App routes (anything without a file extension) get index.html.
    const file = isFile ? candidate : extname(decoded) === '' ? indexFile : null;
    if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    const cache = file === indexFile ? 'no-store' : 'public, max-age=31536000, immutable';
    send(res, 200, readFileSync(file), rendererFileType(file), { 'cache-control': cache, ...(file === indexFile ? tokenCookie(url) : {}) });
  };

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return send(res, 421, 'this server answers only on 127.0.0.1', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/call/')) {
      handleCall(req, res, url.pathname.slice('/api/call/'.length)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', reason: 'internal', message: error instanceof Error ? error.message : String(error) } });
      });
      return;
    }
    if (url.pathname === '/api/events') return handleEvents(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
    const asset = ASSET_PATH.exec(url.pathname);
    if (asset) return handleAsset(req, res, asset[1]!);
    handleStatic(res, url);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
