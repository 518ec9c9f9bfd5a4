/**
 * A Zendesk help center as found in the wild, synced through Settings: the records it filed
 * as uncategorised or skipped are said and listed; a Japanese article is found by a word inside
 * its text; an embedded video is a visible link; links to articles that were not synced point
 * at the help center.
 */
import { startZendeskServer, wildZendeskData, type ZendeskServer } from '../support/zendesk-server';
import { expect, expectNoA11yViolations, openApp, searchFor, setFeedUrl, test, viewTitle } from './app';

let zendesk: ZendeskServer;

test.beforeEach(async () => {
  zendesk = await startZendeskServer(wildZendeskData(), { pagination: 'offset' });
});

test.afterEach(async () => {
  await zendesk.close();
});

test('syncs a real-shaped Zendesk help center and says what it filed as uncategorised or skipped', async ({ page, preview }) => {
  await openApp(page, preview);
  await setFeedUrl(page, `zendesk:${zendesk.url}`);
  await page.getByRole('button', { name: '지금 동기화' }).click();

  await expect(page.locator('.notice-success')).toHaveText(/동기화를 마쳤습니다\. 새 도움말 5개/);
  const notes = page.locator('.sync-notes');
  await expect(notes).toContainText('분류가 없는 도움말 2개는 미분류로 가져왔고, 쓸 수 없는 도움말 2개는 건너뛰었습니다.');
  await notes.getByText('어떤 도움말인지 보기').click();
  await expect(notes.locator('li')).toHaveCount(4);
  await expect(notes.locator('li').first()).toContainText('Zendesk article 5005 (en-us): section_id');
  await expectNoA11yViolations(page);

  await searchFor(page, '初心者モード');
  await expect(page.locator('.results > li')).toHaveCount(1);
  await expect(page.locator('.results > li').first()).toContainText('ドローンの初心者モード');
  await expect(page.locator('.results > li mark').first()).toHaveText('初心者モード');
  await page.locator('.results > li a').first().click();
  await expect(viewTitle(page)).toHaveText('ドローンの初心者モード');
  await expect(page.getByRole('link', { name: '動画を見る' })).toHaveAttribute('href', 'https://cdn.example.com/videos/intro.mp4');

  await page.goto(preview.url({ hash: '#/article/zd-en-us-5001' }));
  await expect(viewTitle(page)).toHaveText('Fly your first drone');
  await expect(page.getByRole('link', { name: 'Watch the video' })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=Xy12_ab');
  await expect(page.getByRole('link', { name: 'the old guide' })).toHaveAttribute('href', `${zendesk.url}/hc/en-us/articles/203660196-Legacy`);
});
