/**
 * The preview serves the help center's pictures at `/assets/<sha256>`, token-checked like the
 * API: the page opened with the token gets it as an HttpOnly SameSite=Strict cookie, and
 * anything without it is refused. A real help center over a real feed with pictures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeed } from '../../electron/core/feed/builder';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFiles } from '../../electron/core/paths';
import { startPreviewServer, TOKEN_COOKIE, type PreviewServer } from '../../electron/preview/server';
import { writeContent } from '../support/content';
import { pngBytes } from '../support/pictures';
import { removeTempDirs, tempDir } from '../support/temp';
import { openTestHelpCenter } from '../support/help-center';

const PICTURE = pngBytes(30, 20, [0, 128, 255]);
const SHA = createHash('sha256').update(PICTURE).digest('hex');

let center: HelpCenter;
let server: PreviewServer;

beforeAll(async () => {
  const root = tempDir();
  writeContent(join(root, 'content'), [{ id: 'with-picture', title: '그림 있는 도움말', body: '![설정 화면](images/settings.png)' }]);
  mkdirSync(join(root, 'content', 'ko', 'images'), { recursive: true });
  writeFileSync(join(root, 'content', 'ko', 'images', 'settings.png'), PICTURE);
  buildFeed({ contentDir: join(root, 'content'), outDir: join(root, 'feed') });
  // The route is the server's own: a stand-in page is enough for the renderer.
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Doum</title>');
  center = await openTestHelpCenter({
    files: dataFiles(join(root, 'data')),
    bundledFeedDir: join(root, 'feed'),
  });
  server = await startPreviewServer({ service: center.service, rendererDir: join(root, 'renderer') });
});

afterAll(async () => {
  await server.close();
  center.close();
  removeTempDirs();
});

const picture = (headers: Record<string, string> = {}, sha = SHA) => fetch(`${server.origin}/assets/${sha}`, { headers });

describe('pictures in the preview', () => {
  it('refuses a picture without the token, or with a wrong one', async () => {
    expect((await picture()).status).toBe(401);
    expect((await picture({ cookie: `${TOKEN_COOKIE}=wrong` })).status).toBe(401);
    expect((await picture({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${server.origin}/assets/${SHA}?token=${server.token}`)).status).toBe(401);
  });

  it('hands the token to the page opened with it as an HttpOnly, SameSite=Strict cookie for /assets/ only', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('set-cookie')).toBe(`${TOKEN_COOKIE}=${server.token}; Path=/assets/; HttpOnly; SameSite=Strict`);
    expect((await fetch(`${server.origin}/?token=wrong`)).headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' data:;/);
  });

  it('serves the picture with the cookie (or the API token), as its type, cacheable for good', async () => {
    const ways: Array<Record<string, string>> = [{ cookie: `other=1; ${TOKEN_COOKIE}=${server.token}` }, { authorization: `Bearer ${server.token}` }];
    for (const headers of ways) {
      const response = await picture(headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PICTURE);
    }
    expect((await picture({ cookie: `${TOKEN_COOKIE}=${server.token}` }, '0'.repeat(64))).status).toBe(404);
  });

  it('tells Settings how much space the content and its pictures take', async () => {
    const { storage } = await center.service.getSyncStatus();
    expect(storage).toMatchObject({ pictures: 1, pictureBytes: PICTURE.length });
    expect(storage.totalBytes).toBeGreaterThan(PICTURE.length);
  });
});
