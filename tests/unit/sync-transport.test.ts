/** The pieces under the engine: the cross-process lock and the HTTP download rules. */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SyncError } from '../../electron/core/errors';
import { backoffDelay, httpGet, parseRetryAfter } from '../../electron/core/sync/http';
import { tryAcquireLock } from '../../electron/core/sync/lock';
import { fastRetry } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('sync lock', () => {
  it('is held by one taker at a time and free again once released', () => {
    const file = join(tempDir(), 'sync.lock');
    const first = tryAcquireLock(file);
    expect(first).not.toBeNull();
    expect(tryAcquireLock(file)).toBeNull();
    first!.release();
    first!.release(); // releasing twice is harmless
    const second = tryAcquireLock(file);
    expect(second).not.toBeNull();
    second!.release();
  });

  it('is not blocked by a lock file an older Doum left behind (a pid)', () => {
    const file = join(tempDir(), 'sync.lock');
    writeFileSync(file, String(process.pid));
    const lock = tryAcquireLock(file);
    expect(lock).not.toBeNull();
    lock!.release();
  });
});

describe('http downloads', () => {
  it('accepts a gzip body whose Content-Length counts the compressed bytes', async () => {
    const body = Buffer.from(JSON.stringify({ text: '도움말 '.repeat(2000) }));
    const zipped = gzipSync(body);
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(zipped.length), 'content-type': 'application/json' });
      res.end(zipped);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await httpGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x.json`, {}, fastRetry());
      expect(response.body.equals(body)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a body larger than the limit', async () => {
    const server = createServer((_, res) => res.end(Buffer.alloc(5000)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const error = await httpGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/big`, { maxBytes: 1000 }, fastRetry()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).message).toMatch(/more than the 1000 bytes Doum accepts|larger than the 1000 bytes/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('backs off exponentially with jitter, or as long as Retry-After says', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, undefined, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(2, policy, undefined, () => 0)).toBe(200);
    expect(backoffDelay(0, policy, 3)).toBe(3000);
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
