/** Reading an article: versions, links, related articles, feedback, bookmark, copy, print, text size. */
import { closeSuggestions, expect, openApp, resultRows, searchFor, test, viewTitle } from './app';

test('opens the host OS version with platform tabs, and switches versions', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos' });
  await searchFor(page, '로그아웃');
  await closeSuggestions(page);
  await resultRows(page).filter({ hasText: '톡플러스에서 로그아웃하려면' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/article\/logout-macos$/);
  await expect(viewTitle(page)).toHaveText('톡플러스에서 로그아웃하려면 어떻게 하나요?');
  await expect(viewTitle(page)).toBeFocused();

  const tabs = page.getByRole('tablist', { name: '플랫폼별 도움말' }).getByRole('tab');
  await expect(tabs).toHaveText(['macOS', 'Android', 'iOS', 'Windows']);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('macOS에서 로그아웃하기');

  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/article\/logout-android$/);
  await expect(page.getByRole('tab', { name: 'Android' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Android' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.article-meta .tag-platform')).toHaveText('Android');
  // Switching versions does not add history: back returns to the results.
  await page.goBack();
  await expect(page.locator('.view-search')).toBeVisible();
});

test('a common article has no tabs; breadcrumb, tags and date are shown', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/article/cannot-login' });
  await expect(viewTitle(page)).toHaveText('로그인이 되지 않을 때 확인할 사항');
  await expect(page.getByRole('tablist')).toHaveCount(0);
  const breadcrumb = page.getByRole('navigation', { name: '현재 위치' });
  await expect(breadcrumb.getByRole('link')).toHaveText(['홈', '계정', '로그인']);
  await expect(page.locator('.article-meta .tags .tag')).toHaveText(['톡플러스 계정', '계정 › 로그인', '공통']);
  await expect(page.locator('.article-date')).toHaveText('2024년 5월 5일 업데이트');
  await breadcrumb.getByRole('link', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();
});

test('cross-links open inside the app; external links go out only through openExternal', async ({ page, preview }) => {
  await page.addInitScript(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = ((url: string) => {
      (window as unknown as { opened: string[] }).opened.push(url);
      return null;
    }) as typeof window.open;
  });
  await openApp(page, preview, { hash: '#/article/cannot-login' });
  const body = page.locator('.article-body');

  const external = body.locator('a[data-external]').first();
  await expect(external).toHaveAttribute('href', 'https://www.talkplus.example/support/contact');
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(external).toContainText('(브라우저에서 열림)');
  await external.click();
  await expect.poll(() => preview.opened).toEqual(['https://www.talkplus.example/support/contact']);
  await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['https://www.talkplus.example/support/contact']);
  await expect(page).toHaveURL(/#\/article\/cannot-login$/);

  await body.getByRole('link', { name: '비밀번호 재설정' }).click();
  await expect(page).toHaveURL(/#\/article\/reset-password$/);
  await expect(viewTitle(page)).toHaveText('비밀번호를 잊어버렸어요. 어떻게 재설정하나요?');
  await page.goBack();
  await expect(viewTitle(page)).toHaveText('로그인이 되지 않을 때 확인할 사항');
});

test('lists related articles that open in the app', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/article/logout-windows' });
  const article = (await preview.center.service.getArticle('logout-windows', { platform: 'windows' }))!;
  const related = page.getByRole('region', { name: '함께 보면 좋은 도움말' }).getByRole('link');
  await expect(related).toHaveText(article.related.map((r) => new RegExp(r.title.replace(/[?.()]/g, '\\$&'))));
  await related.first().click();
  await expect(page).toHaveURL(new RegExp(`#/article/${article.related[0]!.id}$`));
});

test('"도움이 되었나요?" is stored on this computer', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/article/reset-password' });
  const feedback = page.getByRole('region', { name: '도움이 되었나요?' });
  await expect(feedback.getByRole('status')).toHaveText('답은 이 컴퓨터에만 저장되며 어디에도 보내지 않습니다.');
  await feedback.getByRole('button', { name: '네' }).click();
  await expect(feedback.getByRole('status')).toHaveText('도움이 되었다니 다행입니다. 답은 이 컴퓨터에만 저장했습니다.');
  await expect(feedback.getByRole('button', { name: '네' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await preview.center.service.getFeedback('reset-password'))?.helpful).toBe(true);

  await page.reload();
  await expect(page.getByRole('region', { name: '도움이 되었나요?' }).getByRole('button', { name: '네' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('region', { name: '도움이 되었나요?' }).getByRole('button', { name: '아니요' }).click();
  await expect.poll(async () => (await preview.center.service.getFeedback('reset-password'))?.helpful).toBe(false);
});

test('bookmark, copy link, print and text size', async ({ page, preview, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printed = 'yes';
    };
  });
  await openApp(page, preview, { hash: '#/article/reset-password' });
  const tools = page.getByRole('toolbar', { name: '도움말 도구' });

  const bookmark = tools.getByRole('button', { name: '북마크' });
  await expect(bookmark).toHaveAttribute('aria-pressed', 'false');
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: '북마크에 추가했습니다' })).toBeVisible();
  expect((await preview.center.service.listBookmarks()).map((b) => b.articleId)).toEqual(['reset-password']);

  await tools.getByRole('button', { name: '링크 복사' }).click();
  await expect(page.getByRole('status').filter({ hasText: '링크를 복사했습니다' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('doum://article/reset-password');

  await tools.getByRole('button', { name: '인쇄' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');

  const body = page.locator('.article-body');
  const size = async (): Promise<number> => parseFloat(await body.evaluate((el) => getComputedStyle(el).fontSize));
  const before = await size();
  await tools.getByRole('button', { name: '글자 크게' }).click();
  await expect(tools.locator('.text-size-value')).toHaveText('110%');
  expect(await size()).toBeCloseTo(before * 1.1, 1);
  await expect.poll(async () => (await preview.center.service.getSettings()).textScale).toBe(1.1);
  await tools.getByRole('button', { name: '글자 작게' }).click();
  await tools.getByRole('button', { name: '글자 작게' }).click();
  await expect(tools.locator('.text-size-value')).toHaveText('90%');
  await page.reload();
  await expect(page.locator('.text-size-value')).toHaveText('90%');
});

test('an unknown article says so and offers a way home', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/article/no-such-article' });
  await expect(page.getByRole('heading', { level: 1, name: '도움말을 찾을 수 없습니다' })).toBeVisible();
  await page.getByRole('link', { name: '홈' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: '무엇을 도와드릴까요?' })).toBeVisible();
});
