/**
 * A static feed server on 127.0.0.1 for sync tests, with ETag/Last-Modified support and
 * hooks to inject faults (status codes, truncated bodies, resets, delays, gates) per request,
 * and an event for each request so tests wait on what happens rather than on the clock.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, normalize } from 'node:path';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Declares the full length, sends `bytes` of it, then drops the connection. */
  | { kind: 'truncate'; bytes: number }
  /** A complete, well-framed answer holding only the first `bytes` (a proxy that cut the file). */
  | { kind: 'short'; bytes: number }
  /** Serves other bytes in place of the file (same length unless `body` differs). */
  | { kind: 'replace'; body: Buffer }
  | { kind: 'reset' }
  /** Waits before answering. */
  | { kind: 'delay'; ms: number }
  /** Answers only once the promise settles (the test decides when). */
  | { kind: 'gate'; until: Promise<unknown> }
  /** Sends the headers and then nothing, until the server closes. */
  | { kind: 'hang' }
  /** Sends the headers and the first `bytes` of the body, then nothing until `until` settles. */
  | { kind: 'stall'; bytes: number; until: Promise<unknown> }
  /** Sends the body in chunks of `chunkBytes`, `delayMs` apart. */
  | { kind: 'slow'; chunkBytes: number; delayMs: number };

export interface RequestLog {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

export interface FeedServer {
  url: string;
  requests: RequestLog[];
  /** Requests whose path ends with the suffix. */
  requestsTo(pathSuffix: string): RequestLog[];
  /** Queue faults for a path (matched by suffix); each request consumes one. */
  fail(pathSuffix: string, ...faults: Fault[]): void;
  /** Resolves when the next request for a path (matched by suffix) arrives: an event to wait on instead of a delay. */
  nextRequestTo(pathSuffix: string): Promise<RequestLog>;
  close(): Promise<void>;
}

export async function startFeedServer(root: string): Promise<FeedServer> {
  const faults = new Map<string, Fault[]>();
  const requests: RequestLog[] = [];
  const sockets = new Set<Socket>();
  const waiting: { suffix: string; resolve: (log: RequestLog) => void }[] = [];

  const takeFault = (path: string): Fault | undefined => {
    for (const [suffix, list] of faults) {
      if (path.endsWith(suffix) && list.length > 0) return list.shift();
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const log: RequestLog = { path, headers: req.headers, status: 0 };
    requests.push(log);
    for (const waiter of waiting.filter((w) => path.endsWith(w.suffix))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(log);
    }
    const fault = takeFault(path);
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'gate') await fault.until.catch(() => undefined);
    if (fault?.kind === 'reset') {
      log.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      log.status = fault.status;
      res.writeHead(fault.status, fault.headers ?? {});
      res.end(`status ${fault.status}`);
      return;
    }
    const file = join(root, normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      log.status = 404;
      res.writeHead(404);
      res.end('not found');
      return;
    }
    const body = fault?.kind === 'replace' ? fault.body : readFileSync(file);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = statSync(file).mtime.toUTCString();
    if (req.headers['if-none-match'] === etag) {
      log.status = 304;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    log.status = 200;
    if (fault?.kind === 'short') {
      const part = body.subarray(0, fault.bytes);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(part.length) });
      res.end(part);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), etag, 'last-modified': lastModified });
    if (fault?.kind === 'hang') {
      res.flushHeaders();
      return;
    }
    if (fault?.kind === 'stall') {
      res.write(body.subarray(0, fault.bytes));
      await fault.until.catch(() => undefined);
      if (!res.destroyed) res.end(body.subarray(fault.bytes));
      return;
    }
    if (fault?.kind === 'slow') {
      for (let at = 0; at < body.length && !res.destroyed; at += fault.chunkBytes) {
        res.write(body.subarray(at, at + fault.chunkBytes));
        await new Promise((r) => setTimeout(r, fault.delayMs));
      }
      res.end();
      return;
    }
    if (fault?.kind === 'truncate') {
      // Close the connection without finishing the declared body, once the part is on its way.
      res.write(body.subarray(0, fault.bytes), () => req.socket.destroy());
      return;
    }
    res.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (suffix) => requests.filter((r) => r.path.endsWith(suffix)),
    fail(pathSuffix, ...list) {
      faults.set(pathSuffix, [...(faults.get(pathSuffix) ?? []), ...list]);
    },
    nextRequestTo: (suffix) => new Promise<RequestLog>((resolve) => waiting.push({ suffix, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
