/** Home: the first screen people see. */
import { expect, openApp, searchBox, test } from './app';

test('opens with the search field focused, categories with counts, popular and recent articles and the sync status', async ({ page, preview }) => {
  await openApp(page, preview);
  await expect(searchBox(page)).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: '무엇을 도와드릴까요?' })).toBeVisible();
  await expect(page.getByText(/^도움말 주제 \d+개\(플랫폼별 문서 \d+개\)를 인터넷 연결 없이도 바로 찾아볼 수 있습니다\.$/)).toBeVisible();

  const home = await preview.center.service.getHome('ko');
  const cards = page.locator('.category-card');
  await expect(cards).toHaveCount(home.categories.filter((c) => c.parent === null).length);
  const chats = cards.filter({ hasText: '채팅' }).first();
  const chatCount = home.categories.find((c) => c.path === '채팅')!.topicCount;
  await expect(chats).toContainText(`${chatCount}개`);

  const popular = page.getByRole('region', { name: '자주 찾는 도움말' }).getByRole('link');
  await expect(popular).toHaveCount(home.popular.length);
  await expect(popular.first()).toContainText(home.popular[0]!.title);
  const recent = page.getByRole('region', { name: '최근 업데이트' }).getByRole('link');
  await expect(recent.first()).toContainText(home.recent[0]!.title);

  // Sync status at a glance: the bundled help center was just imported.
  await expect(page.locator('.home-sync')).toHaveText('방금 동기화함');
  await expect(page.getByRole('link', { name: /도움말 동기화 상태: 방금 동기화함/ })).toBeVisible();
});

test('a category opens its articles, one per topic, as many as its card says', async ({ page, preview }) => {
  await openApp(page, preview);
  const card = page.locator('.category-card').filter({ hasText: '계정' }).first();
  const count = Number(/(\d+)개/.exec((await card.locator('.category-card-count').textContent())!)![1]);
  await card.click();
  await expect(page).toHaveURL(/#\/category\/%EA%B3%84%EC%A0%95$/);
  await expect(page.getByRole('heading', { level: 1, name: '계정' })).toBeFocused();
  await expect(page.locator('.view-subtitle')).toHaveText(`주제 ${count}개`);
  const rows = page.locator('.view-category .list .row');
  await expect(rows).toHaveCount(count);
  // One row per topic: the Windows version of a topic that exists for every platform.
  await expect(page.locator('.view-category .list').getByText('톡플러스에서 로그아웃하려면 어떻게 하나요?')).toHaveCount(1);
  await expect(rows.filter({ hasText: '톡플러스에서 로그아웃하려면' }).locator('.tag-platform')).toHaveText('Windows');

  // Sub-categories narrow it down; the sidebar marks where we are.
  await page.locator('.view-category .chip').filter({ hasText: '로그인' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '현재 위치' }).getByRole('link', { name: '계정' })).toBeVisible();
  await expect(page.locator('.sidebar .nav-item.is-within')).toContainText('계정');
});

test('quick searches on home run the search', async ({ page, preview }) => {
  await openApp(page, preview);
  const chip = page.locator('.quick-searches button').first();
  const tag = (await chip.textContent())!.trim();
  await chip.click();
  await expect(searchBox(page)).toHaveValue(tag);
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', tag);
  await expect(page.locator('.results > li').first()).toBeVisible();
});
