/** Settings and sync, through the UI, persisted through the HelpApi. */
import type { TestArticle } from '../support/content';
import { expect, expectNoA11yViolations, openApp, searchBox, searchFor, setFeedUrl, test, viewTitle } from './app';

const FEED_ARTICLES: TestArticle[] = Array.from({ length: 40 }, (_, i) => ({
  id: `feed-article-${i}`,
  title: i === 0 ? '동기화로 받은 새 도움말: 오로라 테마 켜기' : `동기화로 받은 도움말 ${i}번`,
  category: i % 2 ? '설정/화면' : '채팅/메시지',
  tags: ['동기화'],
  body: `동기화 테스트 문서 ${i}. ${'본문 내용을 채우는 문장입니다. '.repeat(20)}`,
}));

test('checks the feed URL as it is typed', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/settings' });
  const field = page.getByLabel('피드 주소');
  const save = page.getByRole('button', { name: '저장' });
  await expect(field).toHaveValue('');
  await expect(page.getByText('비워 두면 앱에 들어 있는 도움말을 씁니다', { exact: false })).toBeVisible();

  await field.fill('ftp://help.example.com/feed');
  await expect(page.getByRole('alert')).toHaveText('피드 주소가 올바르지 않습니다. http:// 또는 https://로 시작하는 주소나 이 컴퓨터의 폴더 경로를 입력하세요.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();

  await field.fill('https://help.example.com/feed');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A security setting: a confirm step first, and Cancel changes nothing.
  await save.click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('피드 주소는 Doum이 믿을 도움말을 정합니다');
  await confirm.getByRole('button', { name: '취소' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await preview.center.service.getSettings()).feedUrl).toBeNull();
  await save.click();
  await confirm.getByRole('button', { name: '바꾸기' }).click();
  await expect(page.getByRole('status').filter({ hasText: '피드 주소를 저장했습니다' })).toBeVisible();
  await expect.poll(async () => (await preview.center.service.getSettings()).feedUrl).toBe('https://help.example.com/feed');

  await field.fill('');
  await field.press('Enter');
  await confirm.getByRole('button', { name: '바꾸기' }).click();
  await expect.poll(async () => (await preview.center.service.getSettings()).feedUrl).toBeNull();
});

test('explains a refused feed address in Korean, with its English detail only behind 자세히', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/settings' });
  const field = page.getByLabel('피드 주소');
  // The field checks with the core's own rule (shared/feed-location.ts) as it is typed, and
  // words the refusal by the reason the core would give: Zendesk needs https.
  await field.fill('zendesk:http://help.example.com');
  await expect(page.getByRole('button', { name: '저장' })).toBeDisabled();

  const headline = page.locator('#feed-url-error');
  await expect(headline).toHaveText('Zendesk 도움말 센터는 https:// 주소로만 받을 수 있습니다. 주소를 https://로 바꾸세요.');
  await expect(headline).toHaveAttribute('role', 'alert');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /feed-url-error/);
  const detail = page.locator('.feed-url .error-detail .technical');
  await expect(detail).toBeHidden();
  await page.locator('.feed-url').getByText('자세히').click();
  await expect(detail).toHaveText('a Zendesk help center must be an https:// address');
  await expect(headline).not.toContainText('must be');
  expect((await preview.center.service.getSettings()).feedUrl).toBeNull();
  await expectNoA11yViolations(page);

  // Editing the address clears the refusal.
  await field.fill('https://help.example.com/feed');
  await expect(headline).toHaveCount(0);
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-US' });

  test('explains the same refusal in English, the detail still behind Details', async ({ page, preview }) => {
    await openApp(page, preview, { hash: '#/settings' });
    await page.getByLabel('Feed URL').fill('zendesk:http://help.example.com');
    await expect(page.locator('#feed-url-error')).toHaveText('A Zendesk help center can only be synced over https://. Change the address to https://.');
    await expect(page.locator('.feed-url .error-detail .technical')).toBeHidden();
    await page.locator('.feed-url').getByText('Details').click();
    await expect(page.locator('.feed-url .error-detail .technical')).toHaveText('a Zendesk help center must be an https:// address');
  });
});

test('syncs now from a feed server with live progress, then finds the new articles', async ({ page, preview, serveFeed }) => {
  const feed = await serveFeed(FEED_ARTICLES);
  // Hold the snapshot back until the progress has been seen (a fixed delay raced a busy machine).
  let release: () => void = () => undefined;
  feed.server.fail('snapshot-1.json', { kind: 'gate', until: new Promise<void>((resolve) => (release = resolve)) });
  await openApp(page, preview);
  await setFeedUrl(page, feed.url);

  await page.getByRole('button', { name: '지금 동기화' }).click();
  const progress = page.getByRole('progressbar', { name: '동기화 진행률' });
  await expect(progress).toBeVisible();
  await expect(page.locator('.sync-phase')).toHaveText('도움말을 내려받는 중');
  await expect(page.locator('.sync-amount')).toHaveText(/^0 B \/ [\d.]+ KB$/);
  await expect(page.getByRole('link', { name: /도움말 동기화 상태: 동기화 중/ })).toBeVisible();
  release();

  await expect(page.locator('.notice-success')).toHaveText(/동기화를 마쳤습니다\. 새 도움말 40개/);
  await expect(progress).toHaveCount(0);
  await expect(page.locator('.sync-source')).toContainText(feed.url);
  await expect(page.locator('.sync-facts')).toContainText('모든 언어의 문서 40개');
  await expect(page.locator('.sync-facts')).toContainText('방금');
  await expect(page.getByRole('link', { name: '도움말 동기화 상태: 방금 동기화함' })).toBeVisible();

  // The new content is in the search index and the sidebar.
  await searchFor(page, '오로라 테마');
  await expect(page.locator('.results > li').first()).toContainText('동기화로 받은 새 도움말: 오로라 테마 켜기');
  await expect(page.locator('.sidebar .nav-item').filter({ hasText: '설정' }).locator('.nav-count [aria-hidden="true"]')).toHaveText('20');
});

test('explains a failed sync in plain words and keeps the help articles', async ({ page, preview, serveFeed }) => {
  const feed = await serveFeed(FEED_ARTICLES.slice(0, 3));
  feed.server.fail('manifest.json', { kind: 'status', status: 404 });
  await openApp(page, preview);
  await setFeedUrl(page, feed.url);
  await page.getByRole('button', { name: '지금 동기화' }).click();

  const error = page.locator('.notice-error');
  await expect(error).toContainText('마지막 오류');
  await expect(error).toContainText('피드를 찾을 수 없습니다. 피드 주소가 맞는지 확인하세요.');
  await expect(error).toContainText('지금 가진 도움말은 그대로 쓸 수 있습니다.');
  await error.getByText('자세히').click();
  await expect(error.locator('.technical')).toBeVisible();
  await expect(page.getByRole('link', { name: '도움말 동기화 상태: 동기화하지 못함' })).toBeVisible();

  // The last good copy is still there.
  await expect(page.locator('.sync-facts')).toContainText('모든 언어의 문서 208개');
  await searchFor(page, '메시지 삭제');
  await expect(page.locator('.results > li').first()).toBeVisible();
});

test('saves each setting through the HelpApi and applies theme and language at once', async ({ page, preview }) => {
  await openApp(page, preview, { hash: '#/settings' });
  await expect(viewTitle(page)).toHaveText('설정');

  await page.getByLabel('자동 동기화').selectOption({ label: '매일' });
  // A browser cannot start at login: the preview says so instead of taking the choice.
  await expect(page.getByRole('switch', { name: '로그인할 때 도움 열기' })).toBeDisabled();
  await page.getByRole('switch', { name: '동기화한 뒤 알림 보내기' }).click();
  await page.getByRole('radiogroup', { name: '테마' }).getByRole('radio', { name: '다크' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('글자 크기').selectOption({ label: '120%' });
  await expect.poll(async () => preview.center.service.getSettings()).toMatchObject({
    syncIntervalHours: 24,
    startAtLogin: false,
    notifyOnSync: true,
    theme: 'dark',
    textScale: 1.2,
  });

  await page.getByLabel('언어').selectOption('en');
  await expect(viewTitle(page)).toHaveText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Bookmarks' })).toBeVisible();
  // Categories follow the language: the English help center's.
  await expect(page.locator('.sidebar')).toContainText('Chats');

  await page.reload();
  await expect(viewTitle(page)).toHaveText('Settings');
  await expect(page.getByLabel('Automatic sync')).toHaveValue('24');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Language').selectOption('system');
  await expect(viewTitle(page)).toHaveText('설정');
});

test('records the global shortcut from a key press, shown the way the OS writes it', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos', hash: '#/settings' });
  const row = page.locator('.setting-row').filter({ hasText: '전역 단축키' });
  await expect(row.locator('kbd')).toHaveText('⇧⌘H'); // Apple's order: ⌃⌥⇧⌘
  await row.getByRole('button', { name: '변경' }).click();
  await expect(row.locator('kbd')).toHaveText('새 키 조합을 누르세요 (Esc: 취소)');
  await page.keyboard.press('KeyJ');
  await expect(row.getByRole('alert')).toHaveText('⌘ 키와 함께 다른 키를 눌러 주세요.');
  await page.keyboard.press('Meta+Alt+KeyJ');
  await expect(row.locator('kbd')).toHaveText('⌥⌘J');
  await expect.poll(async () => (await preview.center.service.getSettings()).globalShortcut).toBe('CommandOrControl+Alt+J');

  await row.getByRole('button', { name: '끄기' }).click();
  await expect(row.locator('kbd')).toHaveText('사용 안 함');
  await expect.poll(async () => (await preview.center.service.getSettings()).globalShortcut).toBe('');
});

test('follows what the shell asks for: navigate events and settings changed elsewhere', async ({ page, preview }) => {
  await openApp(page, preview);
  const service = preview.center.service;
  // The event stream connects right after start-up; repeat the event until it lands.
  await expect(async () => {
    service.emit('navigate', { kind: 'article', id: 'reset-password' });
    await expect(viewTitle(page)).toHaveText('비밀번호를 잊어버렸어요. 어떻게 재설정하나요?', { timeout: 500 });
  }).toPass();

  service.emit('navigate', { kind: 'search', query: '알림 끄기' });
  await expect(searchBox(page)).toHaveValue('알림 끄기');
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '알림 끄기');

  service.emit('navigate', { kind: 'settings' });
  await expect(viewTitle(page)).toHaveText('설정');
  service.emit('navigate', { kind: 'focus-search' });
  await expect(searchBox(page)).toBeFocused();
  service.emit('navigate', { kind: 'home' });
  await expect(viewTitle(page)).toHaveText('무엇을 도와드릴까요?');

  await service.setSettings({ theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test.describe('with an administrator’s policy', () => {
  test.use({ policy: { feedUrl: 'https://help.example.com/feed' } });

  test('shows the feed URL locked, "관리자가 설정함", with nothing to save', async ({ page, preview }) => {
    await openApp(page, preview, { hash: '#/settings' });
    const field = page.getByLabel('피드 주소');
    await expect(field).toHaveValue('https://help.example.com/feed');
    await expect(field).toHaveAttribute('readonly', '');
    await expect(page.getByText('관리자가 설정함', { exact: true })).toBeVisible();
    await expect(page.getByText('관리자의 정책으로 정해져 있어 바꿀 수 없습니다', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: '저장' })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
});
