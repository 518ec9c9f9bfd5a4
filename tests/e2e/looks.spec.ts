/**
 * The looks per host OS and colour scheme, with axe-core on every view. Screenshots of home,
 * search and article for macOS and Windows, light and dark, go to test-results/screenshots/.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openApp, resultRows, searchBox, searchFor, test, viewTitle } from './app';

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `test-results/screenshots/${name}.png` });

for (const os of ['macos', 'windows'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${os}, ${theme}: home, search and article in the host OS's look, with no axe-core violations`, async ({ page, preview }) => {
      await openApp(page, preview, { os, theme });
      const html = page.locator('html');
      await expect(html).toHaveAttribute('data-theme', theme);
      const titlebar = page.locator('.titlebar');
      if (os === 'macos') {
        // Room for the traffic lights above the sidebar (titleBarStyle: 'hiddenInset').
        await expect(page.locator('.sidebar-header')).toBeVisible();
        expect((await page.locator('.sidebar-header').boundingBox())!.height).toBe(52);
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^-apple-system/);
        await expect(page.locator('.search-shortcut')).toHaveCount(0);
      } else {
        // Room for the window controls overlay at the right of the title bar.
        const padding = await titlebar.evaluate((el) => parseFloat(getComputedStyle(el).paddingRight));
        expect(padding).toBeGreaterThanOrEqual(138);
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Segoe UI Variable/);
        await expect(page.locator('.titlebar-brand')).toBeVisible();
      }
      // The title bar drags the window; its controls do not.
      expect(await titlebar.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-app-region') || getComputedStyle(el).getPropertyValue('app-region'))).toBe('drag');
      expect(await searchBox(page).evaluate((el) => getComputedStyle(el.closest('.search-box')!).getPropertyValue('-webkit-app-region') || 'no-drag')).toBe('no-drag');

      await expectNoA11yViolations(page);
      await shot(page, `${os}-${theme}-home`);

      await searchFor(page, '메시지 삭제');
      await expect(page.getByRole('listbox', { name: '추천 도움말' })).toBeVisible();
      await expectNoA11yViolations(page);
      await searchBox(page).press('Escape');
      await expect(resultRows(page).first()).toBeVisible();
      await expectNoA11yViolations(page);
      await shot(page, `${os}-${theme}-search`);

      await resultRows(page).first().getByRole('link').first().click();
      await expect(page.locator('.article-body')).toBeVisible();
      await expect(page.getByRole('tab', { selected: true })).toHaveText(os === 'macos' ? 'macOS' : 'Windows');
      await expectNoA11yViolations(page);
      await shot(page, `${os}-${theme}-article`);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`${theme}: category, bookmarks, history, settings and empty states have no axe-core violations`, async ({ page, preview, serveFeed }) => {
    const feed = await serveFeed([{ id: 'only-article', title: '하나뿐인 문서' }]);
    feed.server.fail('manifest.json', { kind: 'status', status: 404 });
    await preview.center.service.setBookmarked('reset-password', true);
    await preview.center.service.recordView('cannot-login');
    await openApp(page, preview, { os: theme === 'light' ? 'macos' : 'windows', theme, hash: '#/category/%EC%B1%84%ED%8C%85' });
    await expect(page.locator('.view-category .row').first()).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('link', { name: /북마크/ }).first().click();
    await expect(page.locator('.view-library .row')).toHaveCount(1);
    await expectNoA11yViolations(page);

    await page.getByRole('link', { name: '최근 본 도움말' }).click();
    await expect(page.locator('.view-library .row')).toHaveCount(1);
    await page.getByRole('button', { name: '기록 지우기' }).click();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: '모두 지우기' }).click();
    await expect(page.getByText('아직 본 도움말이 없습니다')).toBeVisible();
    await expectNoA11yViolations(page);

    // Settings, with a failed sync's explanation on screen.
    await page.getByRole('link', { name: '설정', exact: true }).click();
    await page.getByLabel('피드 주소').fill(feed.url);
    await page.getByRole('button', { name: '저장' }).click();
    await expectNoA11yViolations(page);
    await page.getByRole('alertdialog').getByRole('button', { name: '바꾸기' }).click();
    await page.getByRole('button', { name: '지금 동기화' }).click();
    await expect(page.locator('.notice-error')).toContainText('피드를 찾을 수 없습니다');
    await page.getByLabel('피드 주소').fill('not a url');
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `test-results/screenshots/settings-${theme}.png`, fullPage: true });

    await searchFor(page, 'qqxqzv');
    await expect(page.locator('.empty-state')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto(preview.url({ hash: '#/article/no-such-article' }));
    await expect(viewTitle(page)).toHaveText('도움말을 찾을 수 없습니다');
    await expectNoA11yViolations(page);
  });
}
