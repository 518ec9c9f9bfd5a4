/**
 * An article with pictures reads fully with the network limited to the preview itself: the
 * pictures come from the app's own /assets/ route, with their size reserved, in both looks.
 */
import { test as base, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeed } from '../../electron/core/feed/builder';
import { writeContent } from '../support/content';
import { pngBytes } from '../support/pictures';
import { startPreview, type RunningPreview } from '../support/preview';
import { removeTempDirs, tempDir } from '../support/temp';
import { expectNoA11yViolations } from './fixtures';

const SETTINGS = pngBytes(320, 200, [30, 110, 220]);
const MENU = pngBytes(160, 90, [230, 120, 20]);
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A preview over a help center of one article with two pictures. */
const test = base.extend<{ preview: RunningPreview }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  preview: async ({}, use) => {
    const root = tempDir('doum-e2e-pictures-');
    const content = join(root, 'content');
    writeContent(content, [
      {
        id: 'dark-mode',
        title: '다크 모드를 켜려면',
        category: '설정/화면',
        body: '## 설정 열기\n\n설정 화면을 엽니다.\n\n![설정 화면의 다크 모드 스위치](images/settings.png)\n\n## 메뉴\n\n![더보기 메뉴](images/menu.png)\n\n끝.',
      },
    ]);
    mkdirSync(join(content, 'ko', 'images'), { recursive: true });
    writeFileSync(join(content, 'ko', 'images', 'settings.png'), SETTINGS);
    writeFileSync(join(content, 'ko', 'images', 'menu.png'), MENU);
    buildFeed({ contentDir: content, outDir: join(root, 'feed') });
    const preview = await startPreview({ bundledFeedDir: join(root, 'feed') });
    await use(preview);
    await preview.stop();
    removeTempDirs();
  },
});

for (const theme of ['light', 'dark'] as const) {
  test(`pictures render from the app itself with nothing else on the network (${theme})`, async ({ page, preview }) => {
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${preview.server.origin}/`)) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(preview.url({ hash: '#/article/dark-mode' }));
    await expect(page.locator('main h1')).toHaveText('다크 모드를 켜려면');

    const pictures = page.locator('.article-body img');
    await expect(pictures).toHaveCount(2);
    const first = pictures.first();
    await expect(first).toHaveAttribute('src', `/assets/${sha(SETTINGS)}`);
    await expect(first).toHaveAttribute('alt', '설정 화면의 다크 모드 스위치');
    await expect(first).toHaveAttribute('width', '320');
    await expect(first).toHaveAttribute('height', '200');
    await expect(first).toHaveAttribute('loading', 'lazy');
    await first.scrollIntoViewIfNeeded();
    await pictures.last().scrollIntoViewIfNeeded();
    // Decoded: the bytes arrived through the token-checked route and are a real picture.
    await expect.poll(() => pictures.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth))).toEqual([320, 160]);
    expect(elsewhere).toEqual([]);
    await expectNoA11yViolations(page);
  });
}

test('Settings shows the space the help content and its pictures take', async ({ page, preview }) => {
  await page.goto(preview.url({ hash: '#/settings' }));
  const storage = page.locator('.sync-storage');
  await expect(storage).toContainText(/도움말 [\d.,]+\s?(KB|MB|kB|바이트|B)/);
  await expect(storage).toContainText('그림 2개');
  await expectNoA11yViolations(page);
});

test('the space of a picture is reserved before it loads', async ({ page, preview }) => {
  // Hold every picture back: the layout must already leave room for it.
  await page.route(/\/assets\/[0-9a-f]{64}$/, () => undefined);
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(preview.url({ hash: '#/article/dark-mode' }));
  const first = page.locator('.article-body img').first();
  await expect(first).toBeAttached();
  const box = await first.boundingBox();
  expect(box).not.toBeNull();
  // 320×200 plus its 1px border on each side, unless the column is narrower (then the ratio holds).
  expect(Math.round(((box!.width - 2) / (box!.height - 2)) * 100)).toBe(160);
});
