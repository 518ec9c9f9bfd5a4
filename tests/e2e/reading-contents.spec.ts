/**
 * Contents and section links: an article with three or more headings lists them beside the
 * text on wide windows and folded above it on narrow ones; every heading has an anchor derived
 * from its text; an entry scrolls to its heading; "copy link" copies doum://article/<id>#<section>;
 * a section in a link or an address opens the article there, and a hostile one is ignored.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, GUIDE_ID, openApp, SHORT_ID, shot, test, viewTitle } from './reading';

const HEADINGS = ['설정 화면 열기', '다크 모드 켜기', 'Mac에서', '문제가 계속될 때'];
const contents = (page: Page) => page.getByRole('navigation', { name: '목차' });
const inView = (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const main = document.getElementById('main')!.getBoundingClientRect();
    return box.top >= main.top - 1 && box.bottom <= main.bottom + 1;
  });

test('every heading has a stable anchor from its text, Korean included', async ({ page, preview }) => {
  await openApp(page, preview, { hash: `#/article/${GUIDE_ID}` });
  await expect(page.locator('.article-body :is(h2, h3)')).toHaveText(HEADINGS);
  expect(await page.locator('.article-body :is(h2, h3)').evaluateAll((hs) => hs.map((h) => h.id))).toEqual([
    'section-설정-화면-열기',
    'section-다크-모드-켜기',
    'section-mac에서',
    'section-문제가-계속될-때',
  ]);
  // Two headings: anchors, but no contents.
  await page.goto(preview.url({ hash: `#/article/${SHORT_ID}` }));
  await expect(viewTitle(page)).toHaveText('짧은 안내');
  expect(await page.locator('.article-body h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(['section-첫째', 'section-둘째']);
  await expect(contents(page)).toHaveCount(0);
  await expect(page.locator('.toc')).toHaveCount(0);
});

test('wide window: contents beside the text; an entry scrolls to its heading; copy link copies the section link', async ({ page, preview, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, preview);
  await page.getByRole('link', { name: /설정/ }).first().click();
  await page.getByRole('link', { name: /다크 모드를 켜고/ }).click();
  await expect(viewTitle(page)).toHaveText(/다크 모드를 켜고/);
  const nav = contents(page);
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(HEADINGS);
  const navBox = (await nav.boundingBox())!;
  const bodyBox = (await page.locator('.article-body').boundingBox())!;
  expect(navBox.x).toBeGreaterThanOrEqual(bodyBox.x + bodyBox.width);

  await nav.getByRole('link', { name: '문제가 계속될 때' }).click();
  await expect(page).toHaveURL(/#\/article\/dark-mode-guide\?section=%EB%AC%B8%EC%A0%9C%EA%B0%80-%EA%B3%84%EC%86%8D%EB%90%A0-%EB%95%8C$/);
  const heading = page.locator('#section-문제가-계속될-때');
  await expect(heading).toBeFocused();
  await expect.poll(() => inView(page, '#section-문제가-계속될-때')).toBe(true);
  // The contents stay in view beside the text while it scrolls.
  await expect(nav).toBeInViewport();

  await nav.getByRole('button', { name: "'다크 모드 켜기' 링크 복사" }).click();
  await expect(page.getByRole('status').filter({ hasText: '이 부분의 링크를 복사했습니다' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('doum://article/dark-mode-guide#다크-모드-켜기');

  // Back leaves the article for the category (the entries replace the address, adding no history).
  await page.goBack();
  await expect(viewTitle(page)).toHaveText('설정');
});

test('narrow window: contents folded above the text, opened and used by keyboard', async ({ page, preview }) => {
  await page.setViewportSize({ width: 900, height: 760 });
  await openApp(page, preview, { hash: `#/article/${GUIDE_ID}` });
  const summary = page.locator('.toc-folded > summary');
  await expect(summary).toHaveText('목차 (4)');
  const summaryBox = (await summary.boundingBox())!;
  const bodyBox = (await page.locator('.article-body').boundingBox())!;
  expect(summaryBox.y + summaryBox.height).toBeLessThanOrEqual(bodyBox.y);
  await expect(contents(page)).toBeHidden();

  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(contents(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(contents(page).getByRole('link', { name: '설정 화면 열기' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(contents(page).getByRole('link', { name: '다크 모드 켜기' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#section-다크-모드-켜기')).toBeFocused();
  await expect.poll(() => inView(page, '#section-다크-모드-켜기')).toBe(true);
});

test('a doum:// section link and a section in the address open the article at that heading', async ({ page, preview }) => {
  await openApp(page, preview);
  preview.center.service.emit('navigate', { kind: 'article', id: GUIDE_ID, section: '문제가-계속될-때' });
  await expect(page).toHaveURL(/#\/article\/dark-mode-guide\?section=/);
  await expect(page.locator('#section-문제가-계속될-때')).toBeFocused();
  await expect.poll(() => inView(page, '#section-문제가-계속될-때')).toBe(true);

  // A fresh start on an address with a section (NFD and upper case are folded like the parser does).
  await page.goto(preview.url({ hash: `#/article/${GUIDE_ID}?section=${encodeURIComponent('MAC에서'.normalize('NFD'))}` }));
  await expect(page.locator('#section-mac에서')).toBeFocused();
  await expect.poll(() => inView(page, '#section-mac에서')).toBe(true);
});

test('a hostile or unknown section opens the article at its top and changes nothing else', async ({ page, preview }) => {
  for (const section of ['<img src=x onerror=alert(1)>', 'a b', '..%2F..%2Fsettings', '%E0%A4', 'no-such-heading']) {
    await page.goto(preview.url({ hash: `#/article/${GUIDE_ID}?section=${section}` }));
    await expect(viewTitle(page)).toHaveText(/다크 모드를 켜고/);
    await expect(viewTitle(page)).toBeFocused();
    expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBe(0);
  }
});

for (const [os, theme, width] of [
  ['macos', 'light', 1440],
  ['windows', 'dark', 1440],
  ['macos', 'dark', 900],
  ['windows', 'light', 900],
] as const) {
  test(`${os}, ${theme}, ${width}px: contents have no axe-core violations`, async ({ page, preview }) => {
    await page.setViewportSize({ width, height: 860 });
    await openApp(page, preview, { os, theme, hash: `#/article/${GUIDE_ID}` });
    if (width < 1240) await page.locator('.toc-folded > summary').click();
    await expect(contents(page)).toBeVisible();
    await expectNoA11yViolations(page);
    await shot(page, `reading-${os}-${theme}-contents-${width}`);
  });
}
