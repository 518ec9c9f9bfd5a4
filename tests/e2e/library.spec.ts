/** The reader's library: bookmarks and recently viewed articles. */
import { expect, openApp, test, viewTitle } from './app';

test('bookmarks list what was bookmarked, newest first, and can be removed', async ({ page, preview }) => {
  await preview.center.service.setBookmarked('reset-password', true);
  await preview.center.service.setBookmarked('cannot-login', true);
  await openApp(page, preview);
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await expect(nav.getByRole('link', { name: /북마크/ }).locator('.nav-badge')).toHaveText('2');
  await nav.getByRole('link', { name: /북마크/ }).click();
  await expect(viewTitle(page)).toHaveText('북마크');
  await expect(nav.getByRole('link', { name: /북마크/ })).toHaveAttribute('aria-current', 'page');
  const rows = page.locator('.view-library .row');
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('.row-title')).toHaveText(['로그인이 되지 않을 때 확인할 사항', '비밀번호를 잊어버렸어요. 어떻게 재설정하나요?']);

  await page.getByRole('button', { name: "'로그인이 되지 않을 때 확인할 사항' 북마크 해제" }).click();
  await expect(rows).toHaveCount(1);
  await expect.poll(async () => (await preview.center.service.listBookmarks()).length).toBe(1);
  await rows.first().getByRole('link').click();
  await expect(viewTitle(page)).toHaveText('비밀번호를 잊어버렸어요. 어떻게 재설정하나요?');
  await expect(page.getByRole('button', { name: '북마크' })).toHaveAttribute('aria-pressed', 'true');
});

test('an empty bookmark list says how to add one', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/bookmarks' });
  await expect(page.getByText('북마크한 도움말이 없습니다')).toBeVisible();
  await expect(page.getByText('도움말을 읽다가 북마크 버튼을 누르면 여기에 모아 둡니다.')).toBeVisible();
});

test('recently viewed articles are listed by day and the history can be cleared', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/article/reset-password' });
  await expect(viewTitle(page)).toHaveText('비밀번호를 잊어버렸어요. 어떻게 재설정하나요?');
  await page.locator('.article-body').getByRole('link').first().click();
  await expect(page).not.toHaveURL(/reset-password$/);
  // The URL changes before the new article is shown: read its title once it is there.
  await expect(viewTitle(page)).not.toHaveText('비밀번호를 잊어버렸어요. 어떻게 재설정하나요?');
  const second = (await viewTitle(page).textContent())!;

  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '최근 본 도움말' }).click();
  await expect(viewTitle(page)).toHaveText('최근 본 도움말');
  await expect(page.getByRole('heading', { level: 2, name: '오늘' })).toBeVisible();
  await expect(page.locator('.view-library .row-title')).toHaveText([second, '비밀번호를 잊어버렸어요. 어떻게 재설정하나요?']);

  await page.getByRole('button', { name: '기록 지우기' }).click();
  const confirm = page.getByRole('alertdialog', { name: '최근 본 도움말 기록을 모두 지울까요?' });
  await expect(confirm.getByRole('button', { name: '모두 지우기' })).toBeFocused();
  await confirm.getByRole('button', { name: '취소' }).click();
  await expect(page.locator('.view-library .row')).toHaveCount(2);

  await page.getByRole('button', { name: '기록 지우기' }).click();
  await page.getByRole('button', { name: '모두 지우기' }).click();
  await expect(page.getByText('아직 본 도움말이 없습니다')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '최근 본 도움말 기록을 지웠습니다' })).toBeVisible();
  expect(await preview.center.service.listHistory()).toEqual([]);
});
