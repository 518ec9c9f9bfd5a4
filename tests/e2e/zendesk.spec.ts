/**
 * A Zendesk help center as found in the wild, synced through Settings: the records it filed
 * as uncategorised or skipped are said and listed; a Japanese article is found by a word inside
 * its text; an embedded video is a visible link; links to articles that were not synced point
 * at the help center; the files attached to an article are listed under it and download.
 */
import { readFileSync } from 'node:fs';
import { startZendeskServer, WILD_PDF, wildZendeskData, zdAttachment, type ZendeskServer } from '../support/zendesk-server';
import { expect, expectNoA11yViolations, openApp, searchFor, setFeedUrl, test, viewTitle } from './app';

let zendesk: ZendeskServer;

/** What a hostile help center could attach: a picture that is really a script. */
const HOSTILE_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'pwned\'"><script>document.title="pwned"</script></svg>');
const HOSTILE_PATH = '/hc/article_attachments/9003/report.svg';

test.beforeEach(async () => {
  const data = wildZendeskData();
  data.files![HOSTILE_PATH] = HOSTILE_SVG;
  data.attachments!.push(zdAttachment(9003, 5001, 'report.svg', HOSTILE_PATH, 'image/svg+xml', HOSTILE_SVG.length));
  zendesk = await startZendeskServer(data, { pagination: 'offset' });
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

test('lists the files attached to an article under it, and each downloads as a file, never shown in the app', async ({ page, preview }) => {
  // One more file, gone from the help center: listed as a link to its source, and said.
  zendesk.data.attachments!.push(zdAttachment(9004, 5001, 'old-checklist.docx', '/hc/article_attachments/9004/old-checklist.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 5000));
  await openApp(page, preview);
  await setFeedUrl(page, `zendesk:${zendesk.url}`);
  await page.getByRole('button', { name: '지금 동기화' }).click();
  await expect(page.locator('.notice-success')).toHaveText(/동기화를 마쳤습니다/);
  // The article exists in three locales that share their attachments.
  await expect(page.locator('.sync-notes')).toContainText('첨부 파일 3개는 저장하지 못해 도움말 센터의 원래 주소로 연결했습니다.');

  await page.goto(preview.url({ hash: '#/article/zd-en-us-5001' }));
  await expect(viewTitle(page)).toHaveText('Fly your first drone');
  const list = page.getByRole('region', { name: '첨부 파일' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  const gone = list.getByRole('link', { name: /old-checklist\.docx/ });
  await expect(gone).toHaveAttribute('href', `${zendesk.url}/hc/article_attachments/9004/old-checklist.docx`);
  await expect(gone).toContainText('4.9 KB · Word');
  await expect(gone).toContainText('도움말 센터에서 열기');
  const pdf = list.getByRole('link', { name: /Flight manual \(EN\)\.pdf/ });
  await expect(pdf).toContainText(`${WILD_PDF.length} B · PDF`);
  await expect(list.getByRole('link', { name: /controller-layout\.png/ })).toContainText('PNG');
  await expectNoA11yViolations(page);

  // By keyboard: the link takes focus and Enter saves the file.
  await pdf.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('Flight manual (EN).pdf');
  expect(readFileSync((await download.path())!)).toEqual(WILD_PDF);

  // The route answers with the file's bytes, as an attachment (token-checked: the page's cookie).
  const href = (await pdf.getAttribute('href'))!;
  const answer = await page.request.get(new URL(href, page.url()).href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-disposition']).toBe(`attachment; filename="Flight manual (EN).pdf"; filename*=UTF-8''Flight%20manual%20%28EN%29.pdf`);
  expect(answer.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await answer.body())).toEqual(WILD_PDF);
  expect((await fetch(new URL(href, page.url()).href)).status).toBe(401);

  // A hostile SVG is bytes to save, never a page of the app's origin.
  const svg = list.getByRole('link', { name: /report\.svg/ });
  const svgAnswer = await page.request.get(new URL((await svg.getAttribute('href'))!, page.url()).href);
  expect(svgAnswer.headers()['content-type']).toBe('application/octet-stream');
  expect(svgAnswer.headers()['content-disposition']).toMatch(/^attachment; filename="report.svg"/);
  expect(svgAnswer.headers()['content-security-policy']).toContain('sandbox');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), svg.click()]);
  expect(svgDownload.suggestedFilename()).toBe('report.svg');
  await expect(viewTitle(page)).toHaveText('Fly your first drone');
  expect(await page.title()).not.toBe('pwned');
});
