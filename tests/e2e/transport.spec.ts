/**
 * The page picks its transport from what it is: a page inside Electron needs the preload's
 * window.doum. Without it (a preload that failed), the page says so in full instead of quietly
 * calling the HTTP server it happens to be served from.
 */
import { expect, expectNoA11yViolations, test } from './fixtures';

test.use({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Doum/0.1.0 Chrome/140.0 Electron/45.5.0 Safari/537.36' });

test('inside Electron without the preload, the page says the connection is missing and calls no server', async ({ page, preview }) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });
  await page.goto(preview.url());
  await expect(page.getByRole('heading', { level: 1, name: '도움말 서비스에 연결할 수 없습니다' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('preload');
  await page.getByText('자세히').click();
  await expect(page.getByText(/window\.doum is missing/)).toBeVisible();
  await expectNoA11yViolations(page);
  expect(apiCalls).toEqual([]);
});
