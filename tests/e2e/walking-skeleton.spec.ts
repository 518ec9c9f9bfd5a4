/**
 * The slice end to end in Chromium against the real preview: type a Korean query, see the
 * count and results, open an article, follow a cross-link.
 */
import { expect, expectNoA11yViolations, test } from './fixtures';

test('search in Korean, open an article, follow its cross-link', async ({ page, preview }) => {
  await page.goto(preview.url());
  const search = page.getByRole('combobox', { name: '도움말 검색' });
  await expect(search).toBeFocused();
  await search.pressSequentially('메시지 삭제');

  await expect(page.getByText(/^총 \d+건$/)).toBeVisible();
  const results = page.locator('.results > li');
  await expect(results.first()).toBeVisible();
  await expect(results.first()).toContainText('메시지');
  await expectNoA11yViolations(page);

  // The suggestions (the same first results) drop over the list: close them, as a person would.
  await search.press('Escape');
  await expect(page.getByRole('listbox', { name: '추천 도움말' })).toBeHidden();
  await results.first().locator('.result-link').click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const firstTitle = await heading.textContent();

  const crossLink = page.locator('.article-body a[href^="doum://article/"]').first();
  await expect(crossLink).toBeVisible();
  const target = (await crossLink.getAttribute('href'))!.replace('doum://article/', '');
  await crossLink.click();
  await expect(page).toHaveURL(new RegExp(`#/article/${target}$`));
  await expect(heading).not.toHaveText(firstTitle!);
  await page.screenshot({ path: 'test-results/screenshots/walking-skeleton-article.png', fullPage: true });
});
