/** Keyboard only: every journey works without a pointer, with each OS's own shortcuts. */
import { expect, openApp, resultRows, searchBox, test, viewTitle } from './app';

test('Ctrl+K, arrows through results, Enter opens, Esc stays on the article, Alt+← goes back to the same result (Windows)', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+KeyK');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('비밀번호');
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '비밀번호');
  await expect(page.getByRole('listbox', { name: '추천 도움말' })).toBeVisible();
  await page.keyboard.press('Escape'); // closes the suggestions
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(searchBox(page)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  const links = resultRows(page).locator('.result-link');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  const title = (await links.nth(1).textContent())!;
  await page.keyboard.press('Enter');
  await expect(viewTitle(page)).toHaveText(title);
  await expect(viewTitle(page)).toBeFocused();

  await page.keyboard.press('Escape'); // never leaves an article
  await expect(viewTitle(page)).toHaveText(title);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.view-search')).toBeVisible();
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(searchBox(page)).toBeFocused();

  // Alt+← and Alt+→ walk the history.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/article\//);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.view-search')).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page).toHaveURL(/#\/article\//);
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(viewTitle(page)).toHaveText('무엇을 도와드릴까요?');
});

test('⌘K, ⌘[ and ⌘], ⌘+ and ⌘− on macOS, with ⌘ labels', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos' });
  await expect(page.locator('.search-shortcut')).toHaveCount(0); // the field has focus on open
  await page.getByRole('link', { name: '북마크' }).focus();
  await expect(page.locator('.search-shortcut')).toHaveText('⌘K');
  await expect(page.getByRole('button', { name: '뒤로' })).toHaveAttribute('title', '뒤로 (⌘[)');
  await page.keyboard.press('Meta+KeyK');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('로그아웃');
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '로그아웃');
  await page.keyboard.press('Enter'); // to the first result
  await expect(resultRows(page).locator('.result-link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/article\//);

  const body = page.locator('.article-body');
  const size = async (): Promise<number> => parseFloat(await body.evaluate((el) => getComputedStyle(el).fontSize));
  const base = await size();
  await page.keyboard.press('Meta+Equal');
  await expect.poll(size).toBeGreaterThan(base);
  await page.keyboard.press('Meta+Minus');
  await page.keyboard.press('Meta+Minus');
  await expect.poll(size).toBeLessThan(base);
  await page.keyboard.press('Meta+Digit0');
  await expect.poll(size).toBe(base);

  await page.keyboard.press('Meta+BracketLeft');
  await expect(page.locator('.view-search')).toBeVisible();
  await page.keyboard.press('Meta+BracketRight');
  await expect(page).toHaveURL(/#\/article\//);
  // "/" outside a text field goes to the search field too.
  await page.locator('main h1').focus();
  await page.keyboard.press('Slash');
  await expect(searchBox(page)).toBeFocused();
  await page.locator('main h1').focus();
  await page.keyboard.press('Meta+KeyD');
  await expect(page.getByRole('button', { name: '북마크' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Meta+Comma');
  await expect(viewTitle(page)).toHaveText('설정');
});

test('the skip link leads past the title bar and sidebar to the content', async ({ page, preview }) => {
  await openApp(page, preview);
  await expect(searchBox(page)).toBeFocused();
  // Back and forward are disabled on a fresh start, so the skip link is one step back.
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: '본문 바로가기' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  await expect(page.locator('main .home-sync')).toBeFocused();
});

test('everything in the sidebar and settings is reachable and usable with the keyboard', async ({ page, preview }) => {
  await openApp(page, preview);
  // Tab from the field through the title bar into the sidebar, then open Settings with Enter.
  const settings = page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정', exact: true });
  for (let i = 0; i < 40 && !(await settings.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(settings).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(viewTitle(page)).toHaveText('설정');

  const toggle = page.getByRole('switch', { name: '동기화한 뒤 알림 보내기' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  const dark = page.getByRole('radio', { name: '다크' });
  await page.getByRole('radio', { name: '시스템' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dark).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Esc outside a text field goes back.
  await page.keyboard.press('Escape');
  await expect(viewTitle(page)).toHaveText('무엇을 도와드릴까요?');
});
