/**
 * Every screen tells the truth (issue 14): counts that say what they count, history one row
 * per topic, links to the reader's platform, Esc that never leaves an article, a cancelled
 * sync that is not a failure, feedback that asks what was missing and says where it goes,
 * messages in the UI language, dates in order, and the small things. Each test replays what
 * a new user saw; screenshots of the changed views go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FeedbackReport } from '../../shared/feedback';
import { expect, expectNoA11yViolations, openApp, searchBox, test, viewTitle } from './app';

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `test-results/screenshots/truth-${name}.png` });

/** The numbers the sidebar shows next to the categories. */
async function sidebarCounts(page: Page): Promise<number[]> {
  return (await page.locator('.sidebar .nav-count [aria-hidden="true"]').allTextContents()).map(Number);
}

test.describe('1. counts', () => {
  test('ko: Home, the sidebar, a category and Settings count topics or articles, and say which', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'macos' });
    const home = await preview.center.service.getHome('ko');
    const stats = preview.center.content.stats();
    expect(home.counts).toEqual({ articles: stats.byLocale.ko!.articles, topics: stats.byLocale.ko!.topics });
    await expect(page.locator('.home-subtitle')).toHaveText(`도움말 주제 ${home.counts.topics}개(플랫폼별 문서 ${home.counts.articles}개)를 인터넷 연결 없이도 바로 찾아볼 수 있습니다.`);
    // The sidebar's topics add up to Home's, and a screen reader hears what they are.
    const counts = await sidebarCounts(page);
    expect(counts).toHaveLength(stats.byLocale.ko!.categories);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(home.counts.topics);
    await expect(page.locator('.sidebar .nav-count .visually-hidden').first()).toHaveText(`주제 ${counts[0]}개`);
    await expect(page.locator('.category-card-count').first()).toHaveText(`주제 ${counts[0]}개`);
    await expectNoA11yViolations(page);
    await shot(page, 'counts-home-ko');

    await page.locator('.sidebar .nav-item').filter({ hasText: '계정' }).first().click();
    const rows = page.locator('.view-category .list .row');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('.view-subtitle')).toHaveText(`주제 ${await rows.count()}개`);

    await page.getByRole('link', { name: '설정', exact: true }).click();
    await expect(page.locator('.sync-facts')).toContainText(`모든 언어의 문서 ${stats.articles}개`);
  });

  test.describe('in English', () => {
    test.use({ locale: 'en-US' });
    test('en: Home counts English topics and articles, not every language', async ({ page, preview }) => {
      await openApp(page, preview, { os: 'windows' });
      const { en } = preview.center.content.stats().byLocale;
      await expect(page.locator('.home-subtitle')).toHaveText(`Search ${en!.topics} help topics (${en!.articles} articles across platforms) instantly, even offline.`);
      expect((await sidebarCounts(page)).reduce((a, b) => a + b, 0)).toBe(en!.topics);
      await expect(page.locator('.category-card-count').first()).toHaveText(/^\d+ topics?$/);
      await expectNoA11yViolations(page);
      await shot(page, 'counts-home-en');
    });
  });
});

test('2. history: one row per topic, the variant read last with its platform', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows', hash: '#/article/manage-login-devices-macos' });
  await expect(page.locator('.article-body')).toBeVisible();
  await page.getByRole('tab', { name: 'Windows' }).click();
  await expect(page).toHaveURL(/manage-login-devices-windows/);
  await page.goto(preview.url({ os: 'windows', hash: '#/article/cannot-login' }));
  await expect(page.locator('.article-body')).toBeVisible();
  await page.getByRole('link', { name: '최근 본 도움말' }).click();
  const rows = page.locator('.view-library .row');
  await expect(rows).toHaveCount(2);
  const devices = rows.filter({ has: page.locator('[data-id="manage-login-devices-windows"]') });
  await expect(devices).toHaveCount(1);
  await expect(devices.locator('.tag-platform')).toHaveText('Windows');
  await expectNoA11yViolations(page);
  await shot(page, 'history');
});

for (const os of ['macos', 'windows'] as const) {
  test(`3. ${os}: cross-links and related articles open the reader's platform variant, with its tag`, async ({ page, preview }) => {
    const label = os === 'macos' ? 'macOS' : 'Windows';
    await openApp(page, preview, { os, hash: '#/article/reset-password' });
    const link = page.locator('.article-body a', { hasText: '로그인 기기 확인하기' });
    await expect(link).toHaveAttribute('href', `doum://article/manage-login-devices-${os}`);
    for (const tag of await page.locator('.related .tag-platform').allTextContents()) expect(['공통', label]).toContain(tag);
    await expectNoA11yViolations(page);
    await shot(page, `links-${os}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/article/manage-login-devices-${os}$`));
    await expect(page.getByRole('tab', { selected: true })).toHaveText(label);
  });
}

test.describe('4. Esc', () => {
  test('windows: / then Esc in the empty box stays on the article and gives the focus back', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'windows', hash: '#/settings' });
    await page.goto(preview.url({ os: 'windows', hash: '#/article/reset-password' }));
    await expect(page.locator('.article-body')).toBeVisible();
    const bookmark = page.getByRole('button', { name: /북마크/ });
    await bookmark.focus();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/article\/reset-password$/);
    await expect(bookmark).toBeFocused();
    // Outside the field too: Esc never takes a reader away from the article.
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/article\/reset-password$/);
  });

  test('macos: ⌘K, a query, then Esc closes the suggestions, clears the text, and leaves the search for the article', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'macos', hash: '#/article/reset-password' });
    await expect(page.locator('.article-body')).toBeVisible();
    await page.keyboard.press('Meta+KeyK');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type('비밀번호');
    await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '비밀번호');
    const box = searchBox(page);
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await expectNoA11yViolations(page);

    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('비밀번호');
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await expect(page.locator('.view-search')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/article\/reset-password$/);
    await expect(viewTitle(page)).toBeFocused();
  });
});

for (const os of ['macos', 'windows'] as const) {
  test(`5. ${os}: a cancelled sync is neutral, and the sidebar and Settings agree`, async ({ page, preview, serveFeed }) => {
    const feed = await serveFeed([{ id: 'only-article', title: '하나뿐인 문서' }]);
    feed.server.fail('manifest.json', { kind: 'hang' });
    await preview.center.service.setSettings({ feedUrl: feed.url });
    await openApp(page, preview, { os, hash: '#/settings' });
    await page.getByRole('button', { name: '지금 동기화' }).click();
    await page.getByRole('button', { name: '취소', exact: true }).click();
    await expect(page.locator('.sync-cancelled-notice')).toHaveText('동기화를 취소했습니다. 지금 가진 도움말은 그대로입니다.');
    await expect(page.locator('.sync-panel .notice-error')).toHaveCount(0);
    await expect(page.locator('.sidebar .sync-indicator')).toHaveText('취소함');
    await expect(page.locator('.sidebar .sync-indicator')).not.toHaveClass(/sync-error/);
    await expectNoA11yViolations(page);
    await shot(page, `sync-cancelled-${os}`);
    // After a reload (status from the core only), the same state on both.
    await page.reload();
    await expect(page.locator('.sidebar .sync-indicator')).toHaveText('취소함');
    await expect(page.locator('.sync-cancelled-notice')).toBeVisible();
  });
}

for (const os of ['macos', 'windows'] as const) {
  test(`6. ${os}: "아니요" asks what was missing, says where it goes, and the answers export from Settings; toasts stay in a corner`, async ({ page, preview }) => {
    await openApp(page, preview, { os, hash: '#/article/reset-password' });
    await page.getByRole('button', { name: '아니요' }).click();
    await expect(page.getByRole('group', { name: '무엇이 부족했나요?' })).toBeVisible();
    await expect(page.locator('.feedback-status')).not.toContainText('더 나은 도움말을 만드는 데');
    await page.getByRole('radio', { name: '내 화면과 달라요' }).check();
    await page.getByLabel('더 적고 싶은 내용 (선택)').fill('메뉴 이름이 달라요');
    await expectNoA11yViolations(page);
    await shot(page, `feedback-form-${os}`);
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await expect(page.locator('.feedback-status')).toContainText('이 컴퓨터에 저장했습니다');
    const stored = await preview.center.service.getFeedback('reset-password');
    expect(stored).toMatchObject({ helpful: false, reason: 'screen-differs', note: '메뉴 이름이 달라요' });

    // Two toasts at once: stacked in the bottom-right corner, over none of the controls.
    await page.getByRole('button', { name: /북마크/ }).click();
    await page.getByRole('button', { name: /링크 복사/ }).click();
    const toasts = page.locator('.toaster .toast');
    await expect(toasts).toHaveCount(2);
    await expect(page.locator('.toaster')).toHaveAttribute('aria-live', 'polite');
    const viewport = page.viewportSize()!;
    const boxes = await toasts.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.right).toBeGreaterThan(viewport.width - 40);
      expect(box.bottom).toBeLessThanOrEqual(viewport.height);
    }
    const covered = await page.evaluate(() => {
      const toastRects = [...document.querySelectorAll('.toast')].map((t) => t.getBoundingClientRect());
      return [...document.querySelectorAll<HTMLElement>('main button, main a, main input, main textarea')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return toastRects.some((t) => r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top);
        })
        .map((el) => el.textContent?.trim() || el.tagName);
    });
    expect(covered).toEqual([]);
    await shot(page, `toasts-${os}`);

    await page.getByRole('link', { name: '설정', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '의견 내보내기' }).click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeedbackReport;
    expect(report.entries).toEqual([expect.objectContaining({ articleId: 'reset-password', reason: 'screen-differs', note: '메뉴 이름이 달라요' })]);
    await expect(page.getByText('“도움이 되었나요?”에 남긴 답은 이 컴퓨터에만 있습니다.', { exact: false })).toBeVisible();
  });
}

test.describe('7. language', () => {
  test('ko: a failed sync speaks Korean, with the technical detail only behind 자세히', async ({ page, preview, serveFeed }) => {
    const feed = await serveFeed([{ id: 'only-article', title: '하나뿐인 문서' }]);
    feed.server.fail('manifest.json', { kind: 'status', status: 404 });
    await preview.center.service.setSettings({ feedUrl: feed.url });
    await openApp(page, preview, { os: 'macos', hash: '#/settings' });
    await page.getByRole('button', { name: '지금 동기화' }).click();
    const notice = page.locator('.sync-panel .notice-error');
    await expect(notice).toContainText('피드를 찾을 수 없습니다');
    const detail = notice.locator('.technical');
    await expect(detail).toBeHidden();
    await notice.getByText('자세히').click();
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('HTTP 404');
    await expect(page.locator('.sidebar .sync-indicator')).toHaveText('동기화하지 못함');
    await expectNoA11yViolations(page);
    await shot(page, 'error-detail-ko');
  });

  test.describe('with an English browser', () => {
    test.use({ locale: 'en-US' });
    test('en: with language "system" the preview follows the browser, whatever the server\'s locale', async ({ page, preview }) => {
      expect((await preview.center.service.getAppInfo()).systemLocale).toBe('ko-KR');
      await openApp(page, preview, { os: 'windows' });
      await expect(viewTitle(page)).toHaveText('How can we help?');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectNoA11yViolations(page);
    });
  });
});

test.describe('8. order and detail', () => {
  test.describe('in English', () => {
    test.use({ locale: 'en-US' });
    test('en: "Recently updated" runs newest first by date', async ({ page, preview }) => {
      await openApp(page, preview, { os: 'windows' });
      const times = await page.getByRole('region', { name: 'Recently updated' }).locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
      expect(times.length).toBeGreaterThan(1);
      const values = times.map((t) => Date.parse(t));
      expect(values).toEqual([...values].sort((a, b) => b - a));
    });
  });

  test('ko: results sorted by 최신순 show their dates, newest first', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'windows', hash: '#/search?q=%EB%A9%94%EC%8B%9C%EC%A7%80&sort=recent' });
    const dates = page.locator('.results .result-date');
    await expect(dates.first()).toBeVisible();
    await expect(dates.first()).toContainText('업데이트');
    const values = (await dates.evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!))).map((t) => Date.parse(t));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await expectNoA11yViolations(page);
    await shot(page, 'search-recent');
  });

  for (const os of ['macos', 'windows'] as const) {
    test(`${os}: the 설정 category lists the host OS's variants before other platforms'`, async ({ page, preview }) => {
      await openApp(page, preview, { os, hash: `#/category/${encodeURIComponent('설정')}` });
      const rows = page.locator('.view-category .list .row-link');
      await expect(rows.first()).toBeVisible();
      const ids = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id!));
      const other = os === 'macos' ? 'windows' : 'macos';
      expect(ids.indexOf(`keyboard-shortcuts-${os}`)).toBeLessThan(ids.indexOf(`keyboard-shortcuts-${other}`));
      const platforms = await page.locator('.view-category .list .tag-platform').allTextContents();
      const firstOther = platforms.findIndex((p) => p !== '공통' && p !== (os === 'macos' ? 'macOS' : 'Windows'));
      expect(platforms.slice(firstOther).every((p) => p !== '공통' && p !== (os === 'macos' ? 'macOS' : 'Windows'))).toBe(true);
      await shot(page, `category-${os}`);
    });
  }
});

test.describe('9. small things', () => {
  test('the hidden skip link leaves no shadow, and shows one when focused', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'windows', hash: '#/settings' });
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');
    await skip.focus();
    expect(await skip.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
  });

  test.describe('at 800×600', () => {
    test.use({ viewport: { width: 800, height: 600 } });
    for (const os of ['macos', 'windows'] as const) {
      test(`${os}: the sidebar shows that it scrolls when categories are below the fold, and nothing hides under its footer`, async ({ page, preview }) => {
        await openApp(page, preview, { os });
        const scroller = page.locator('.sidebar-scroll');
        await expect(page.locator('.sidebar .nav-categories .nav-item').first()).toBeVisible();
        const overflows = await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
        // Windows' taller rows overflow at 800×600; macOS's fit (then nothing may claim more).
        expect(overflows).toBe(os === 'windows');
        await expect(scroller).toHaveAttribute('data-more-below', String(overflows));
        await shot(page, `sidebar-800-${os}`);
        if (overflows) {
          expect(await scroller.evaluate((el) => getComputedStyle(el).maskImage)).toContain('linear-gradient');
          await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          await expect(scroller).toHaveAttribute('data-more-below', 'false');
        }
        const last = (await page.locator('.sidebar .nav-categories .nav-item').last().boundingBox())!;
        const footer = (await page.locator('.sidebar-footer').boundingBox())!;
        expect(last.y + last.height).toBeLessThanOrEqual(footer.y + 1);
      });
    }
  });

  test('Settings in the preview: start at login is off with the reason, and a saved feed shows as the source at once', async ({ page, preview, serveFeed }) => {
    const feed = await serveFeed([{ id: 'only-article', title: '하나뿐인 문서' }]);
    await openApp(page, preview, { os: 'macos', hash: '#/settings' });
    const login = page.getByRole('switch', { name: '로그인할 때 도움 열기' });
    await expect(login).toBeDisabled();
    await expect(login).toHaveAccessibleDescription('브라우저 미리보기에서는 쓸 수 없습니다. 데스크톱 앱에서 켜세요.');
    await expect(page.locator('.sync-source')).toHaveText('앱에 들어 있는 도움말');
    await page.getByLabel('피드 주소').fill(feed.url);
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '바꾸기' }).click();
    await expect(page.locator('.sync-source')).toHaveText(new URL(feed.url).href);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: 'test-results/screenshots/truth-settings.png', fullPage: true });
  });

  test('the search box is an ARIA combobox that owns its suggestions', async ({ page, preview }) => {
    await openApp(page, preview, { os: 'windows' });
    const box = page.getByRole('combobox', { name: '도움말 검색' });
    await expect(box).toHaveAttribute('aria-autocomplete', 'list');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    const list = await box.getAttribute('aria-controls');
    await expect(page.locator(`[id="${list}"]`)).toHaveAttribute('role', 'listbox');
    await expectNoA11yViolations(page);
    await box.fill('알림');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(`[id="${list}"] [role="option"]`).first()).toBeVisible();
    await expect(box).not.toHaveAttribute('aria-activedescendant', /.+/);
    await page.keyboard.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-activedescendant', `${list}-0`);
    await expectNoA11yViolations(page);
  });
});
