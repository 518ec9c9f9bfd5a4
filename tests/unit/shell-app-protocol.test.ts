/**
 * The app's own scheme (doum-app://app/): the renderer's files and the help center's pictures,
 * nothing outside the renderer folder, nothing of another host; and the window's navigation
 * guard treats exactly that origin as the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ENTRY_URL, serveAppRequest, type AppProtocolDeps } from '../../electron/main/app-protocol';
import { isAppUrl, navigationDecision } from '../../electron/main/security-policy';
import { pngBytes } from '../support/pictures';
import { removeTempDirs, tempDir } from '../support/temp';

const PICTURE = pngBytes(4, 4);
const HOSTILE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>parent.doum.syncNow()</script></svg>');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const SHA = 'a'.repeat(64);
const SVG_SHA = 'c'.repeat(64);
const PDF_SHA = 'd'.repeat(64);
const PNG_ATTACHMENT_SHA = 'e'.repeat(64);
const STORED = new Map([
  [SHA, { type: 'image/png', data: PICTURE, fileName: null }],
  // What a hostile help center could attach: script in a file that claims to be a picture.
  [SVG_SHA, { type: 'image/svg+xml', data: HOSTILE, fileName: '<script>보고서.svg' }],
  [PDF_SHA, { type: 'application/pdf', data: PDF, fileName: '사용 설명서.pdf' }],
  [PNG_ATTACHMENT_SHA, { type: 'image/png', data: PICTURE, fileName: 'layout.png' }],
]);
let deps: AppProtocolDeps;

beforeAll(() => {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Doum</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  deps = { rendererDir, asset: async (sha) => STORED.get(sha) ?? null };
});
afterAll(removeTempDirs);

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, deps);
const status = async (url: string, method = 'GET') => (await get(url, method)).status;

describe('the doum-app: scheme', () => {
  it('serves the renderer’s files with their types', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Doum</title>');
    expect(await status('doum-app://app/')).toBe(200);
    expect((await get('doum-app://app/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves pictures by sha256 from the store, and 404 for one it does not hold', async () => {
    const picture = await get(`doum-app://app/assets/${SHA}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await picture.arrayBuffer())).toEqual(PICTURE);
    expect(await status(`doum-app://app/assets/${'b'.repeat(64)}`)).toBe(404);
  });

  it('answers attached files only as downloads: inert type, attachment disposition with the UTF-8 name, nosniff, sandbox', async () => {
    const pdf = await get(`doum-app://app/assets/${PDF_SHA}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="__ ___.pdf"; filename*=UTF-8''${encodeURIComponent('사용 설명서.pdf')}`);
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(PDF);

    const svg = await get(`doum-app://app/assets/${SVG_SHA}`);
    expect(svg.headers.get('content-type')).toBe('application/octet-stream');
    expect(svg.headers.get('content-disposition')).toMatch(/^attachment; filename="_script_.*\.svg"; filename\*=UTF-8''_script_/);
    expect(svg.headers.get('content-security-policy')).toContain('sandbox');
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');

    // A picture attached as a file is a download too, not a picture of the page.
    expect((await get(`doum-app://app/assets/${PNG_ATTACHMENT_SHA}`)).headers.get('content-disposition')).toMatch(/^attachment; filename="layout.png"/);
    expect((await get(`doum-app://app/assets/${SHA}`)).headers.get('content-disposition')).toBeNull();
  });

  it('answers 503 for a picture while the help center is unavailable (its process stopped)', async () => {
    const unavailable: AppProtocolDeps = { ...deps, asset: async () => Promise.reject(new Error('the help center process stopped')) };
    expect((await serveAppRequest({ url: `doum-app://app/assets/${SHA}`, method: 'GET' }, unavailable)).status).toBe(503);
  });

  it('refuses paths out of the renderer folder, other hosts, and other methods', async () => {
    for (const url of ['doum-app://app/..%2fsecret.txt', 'doum-app://app/assets/..%2f..%2fsecret.txt', 'doum-app://app/..%5csecret.txt']) {
      expect(await status(url), url).toBe(403);
    }
    // The URL parser already takes these ".." away: they name files inside, which do not exist.
    expect(await status('doum-app://app/../secret.txt')).toBe(404);
    expect(await status('doum-app://app/%2e%2e/secret.txt')).toBe(404);
    expect(await status('doum-app://other/index.html')).toBe(404);
    expect(await status('file:///etc/passwd')).toBe(404);
    expect(await status(APP_ENTRY_URL, 'POST')).toBe(405);
  });

  it('is the app for the navigation guard: its own host only, and never other custom schemes', () => {
    const origin = { entryUrl: APP_ENTRY_URL };
    expect(isAppUrl('doum-app://app/index.html#/article/x', origin)).toBe(true);
    expect(isAppUrl('doum-app://evil/index.html', origin)).toBe(false);
    // Node's URL gives every custom scheme the origin "null": the guard must not compare those.
    expect(isAppUrl('doum://settings', origin)).toBe(false);
    expect(isAppUrl('evil-scheme://app/index.html', origin)).toBe(false);
    expect(navigationDecision('doum://article/x', origin)).toBe('app-link');
    expect(navigationDecision('file:///etc/passwd', origin)).toBe('deny');
  });
});
