/**
 * Context help in the real preview over the sample help center: another app opens Doum at the
 * help for the screen a person is on (`#/context/<id>`, the route of doum://context/<id> and
 * --context) — one article under a small "이 화면의 도움말" header, a list for a screen with
 * several, most specific first, and a search for an unknown screen that says so.
 */
import { expect, expectNoA11yViolations, openApp, test, viewTitle } from './app';

test('a screen with one article opens it, the host OS version, under "이 화면의 도움말"', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos', hash: '#/context/settings.display.theme' });
  await expect(page).toHaveURL(/#\/article\/dark-mode-macos\?context=settings\.display\.theme$/);
  await expect(viewTitle(page)).toHaveText('다크 모드나 테마를 바꾸려면 어떻게 하나요?');
  await expect(viewTitle(page)).toBeFocused();
  const header = page.getByRole('complementary', { name: '이 화면의 도움말' });
  await expect(header).toContainText('settings › display › theme');
  // The only article for the screen: no other help to list.
  await expect(header.getByRole('list')).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test('a screen with several articles lists them, most specific first, and each keeps the screen', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows', hash: '#/context/settings.display' });
  await expect(viewTitle(page)).toHaveText('settings › display');
  await expect(viewTitle(page)).toBeFocused();
  await expect(page.locator('.view-eyebrow')).toHaveText('이 화면의 도움말');
  const rows = page.locator('.view-context .list .row-title');
  await expect(rows).toHaveText(['다크 모드나 테마를 바꾸려면 어떻게 하나요?', '채팅방 글자 크기를 조절하려면 어떻게 하나요?', '화면 설정에서는 무엇을 바꿀 수 있나요?']);
  await expectNoA11yViolations(page);

  // Keyboard only: the second entry opens with Enter.
  await page.getByRole('link', { name: /채팅방 글자 크기를 조절하려면/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/article\/font-size-windows\?context=settings\.display$/);
  await expect(viewTitle(page)).toBeFocused();
  const header = page.getByRole('complementary', { name: '이 화면의 도움말' });
  await expect(header.getByRole('list', { name: '이 화면의 다른 도움말' }).getByRole('link')).toHaveText(['다크 모드나 테마를 바꾸려면 어떻게 하나요?', '화면 설정에서는 무엇을 바꿀 수 있나요?']);
  await expectNoA11yViolations(page);

  await header.getByRole('link', { name: '화면 설정에서는 무엇을 바꿀 수 있나요?' }).click();
  await expect(page).toHaveURL(/#\/article\/display-settings\?context=settings\.display$/);
  await page.goBack();
  await page.goBack();
  await expect(viewTitle(page)).toHaveText('settings › display');
});

test('an unknown screen shows what a search for its words found, and says so', async ({ page, preview }) => {
  await openApp(page, preview, { hash: `#/context/billing.coupons?q=${encodeURIComponent('톡페이 환불')}` });
  await expect(viewTitle(page)).toHaveText('이 화면의 도움말을 찾지 못했습니다');
  await expect(page.getByRole('status').filter({ hasText: "'billing › coupons' 화면에 연결된 도움말이 없어 '톡페이 환불'(으)로 검색한 결과를 보여 드립니다." })).toBeVisible();
  await expect(page.locator('.view-context .list .row-title').first()).toHaveText('톡페이로 결제한 상품을 환불받으려면 어떻게 하나요?');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: /검색 결과 모두 보기/ }).click();
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '톡페이 환불');
});

test('a context handed over by a second launch opens in the running window', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  preview.center.service.emit('navigate', { kind: 'context', id: 'chat.delete-message', platform: 'android' });
  await expect(page).toHaveURL(/#\/article\/delete-message-android\?context=chat\.delete-message$/);
  await expect(viewTitle(page)).toHaveText('채팅방에서 메시지를 삭제하려면 어떻게 하나요?');
  await expect(page.getByRole('complementary', { name: '이 화면의 도움말' })).toContainText('chat › delete message');
});

test('the screen list and the article header pass axe-core in the dark theme too', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos', theme: 'dark', hash: '#/context/settings.display' });
  await expect(viewTitle(page)).toHaveText('settings › display');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: /다크 모드나 테마를 바꾸려면/ }).click();
  await expect(page.getByRole('complementary', { name: '이 화면의 도움말' }).getByRole('link')).toHaveCount(2);
  await expectNoA11yViolations(page);
});
