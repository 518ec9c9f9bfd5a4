/**
 * Find in the article: Ctrl/⌘+F opens the bar, matches are counted and highlighted (NFC and
 * case folded), Enter / Shift+Enter / F3 / Shift+F3 move between them, the current one is
 * scrolled to, and Esc closes the bar — only the bar. Elsewhere Ctrl/⌘+F is the search field.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, GUIDE_ID, openApp, searchBox, shot, test, viewTitle } from './reading';

const findBar = (page: Page) => page.getByRole('search', { name: '문서에서 찾기' });
const findField = (page: Page) => findBar(page).getByRole('textbox', { name: '문서에서 찾을 내용' });
const findCount = (page: Page) => findBar(page).locator('.find-count');
/** What the highlights paint: every match's text, and the current one's. */
const painted = (page: Page) =>
  page.evaluate(() => {
    const texts = (name: string): string[] => [...((CSS.highlights.get(name) as Set<Range> | undefined) ?? [])].map((r) => r.toString());
    return { all: texts('doum-find'), current: texts('doum-find-current') };
  });
/** Occurrences of a word in the article's text, counted independently of the app. */
const occurrences = (page: Page, word: string) =>
  page.locator('.article-body').evaluate((el, w) => el.textContent!.normalize('NFC').toLowerCase().split(w).length - 1, word);

test('Ctrl+F finds in the article: count, highlights, Enter / Shift+Enter / F3, wrap-around', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows', hash: `#/article/${GUIDE_ID}` });
  await page.keyboard.press('Control+f');
  await expect(findField(page)).toBeFocused();
  await expect(searchBox(page)).not.toBeFocused();

  await findField(page).fill('다크 모드');
  const total = await occurrences(page, '다크 모드');
  expect(total).toBe(2);
  await expect(findCount(page)).toHaveText(`1/${total}`);
  expect(await painted(page)).toEqual({ all: ['다크 모드', '다크 모드'], current: ['다크 모드'] });

  await page.keyboard.press('Enter');
  await expect(findCount(page)).toHaveText(`2/${total}`);
  await page.keyboard.press('Enter');
  await expect(findCount(page)).toHaveText(`1/${total}`);
  await page.keyboard.press('Shift+Enter');
  await expect(findCount(page)).toHaveText(`2/${total}`);
  await page.keyboard.press('F3');
  await expect(findCount(page)).toHaveText(`1/${total}`);
  await page.keyboard.press('Shift+F3');
  await expect(findCount(page)).toHaveText(`2/${total}`);
  await findBar(page).getByRole('button', { name: '이전 결과' }).click();
  await expect(findCount(page)).toHaveText(`1/${total}`);
  await findBar(page).getByRole('button', { name: '다음 결과' }).click();
  await expect(findCount(page)).toHaveText(`2/${total}`);
});

test('matching ignores case and Unicode normalisation; a match across formatting is found', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos', hash: `#/article/${GUIDE_ID}` });
  await page.keyboard.press('Meta+f');
  await expect(findField(page)).toBeFocused();

  // "Dark Mode" and "dark mode" both, typed in capitals.
  await findField(page).fill('DARK MODE');
  await expect(findCount(page)).toHaveText('1/2');
  expect((await painted(page)).all).toEqual(['Dark Mode', 'dark mode']);

  // 설정 typed as separate jamo (NFD) finds the composed syllables: as many as typed composed.
  const composed = await occurrences(page, '설정');
  expect(composed).toBeGreaterThan(3);
  await findField(page).fill('설정'.normalize('NFD'));
  await expect(findCount(page)).toHaveText(`1/${composed}`);
  await findField(page).fill('설정');
  await expect(findCount(page)).toHaveText(`1/${composed}`);

  // Across <strong>: "화면 메뉴에서" spans the bold word and the text after it.
  await findField(page).fill('화면 메뉴에서');
  await expect(findCount(page)).toHaveText('1/1');
  expect((await painted(page)).current).toEqual(['화면 메뉴에서']);

  await findField(page).fill('없는 말입니다');
  await expect(findCount(page)).toHaveText('결과 없음');
  await expect(findBar(page).getByRole('button', { name: '다음 결과' })).toBeDisabled();
  expect(await painted(page)).toEqual({ all: [], current: [] });
});

test('the current match is scrolled into view', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows', hash: `#/article/${GUIDE_ID}` });
  expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBe(0);
  await page.keyboard.press('Control+f');
  await findField(page).fill('방해 금지');
  await expect(findCount(page)).toHaveText('1/1');
  await expect(page.locator('.article-body p').filter({ hasText: '방해 금지' })).toBeInViewport();
  // The bar stays on screen while the article scrolls under it.
  await expect(findBar(page)).toBeInViewport();
});

test('Esc closes the find bar and only that: same article, focus back, highlights gone', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows', hash: `#/article/${GUIDE_ID}` });
  await expect(viewTitle(page)).toBeFocused();
  await page.keyboard.press('Control+f');
  await findField(page).fill('설정');
  await expect(findCount(page)).toHaveText(/^1\//);
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  await expect(viewTitle(page)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/article/${GUIDE_ID}$`));
  expect(await painted(page)).toEqual({ all: [], current: [] });

  // Opened again: the last text is kept and selected; Esc from the article (not the bar) closes it too.
  await page.keyboard.press('Control+f');
  await expect(findField(page)).toHaveValue('설정');
  expect(await findField(page).evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe(2);
  await page.locator('.article-body p').first().click();
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/article/${GUIDE_ID}$`));
  // With the bar closed, Esc still never leaves the article (nothing else is open).
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/article/${GUIDE_ID}$`));
});

test('Ctrl/⌘+F outside an article, and the menu command, reach the search field or the find bar', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  await page.locator('main h1').first().focus();
  await page.keyboard.press('Control+f');
  await expect(searchBox(page)).toBeFocused();
  // The Electron menu's Find in Article… sends { kind: 'find' }.
  await page.goto(preview.url({ hash: `#/article/${GUIDE_ID}` }));
  await expect(viewTitle(page)).toBeFocused();
  preview.center.service.emit('navigate', { kind: 'find' });
  await expect(findField(page)).toBeFocused();
});

for (const [os, theme] of [
  ['macos', 'light'],
  ['windows', 'dark'],
  ['macos', 'dark'],
  ['windows', 'light'],
] as const) {
  test(`${os}, ${theme}: the find bar has no axe-core violations`, async ({ page, preview }) => {
    await openApp(page, preview, { os, theme, hash: `#/article/${GUIDE_ID}` });
    await page.keyboard.press(os === 'macos' ? 'Meta+f' : 'Control+f');
    await findField(page).fill('다크 모드');
    await expect(findCount(page)).toHaveText('1/2');
    await page.keyboard.press('Enter');
    await expect(findCount(page)).toHaveText('2/2');
    await expectNoA11yViolations(page);
    await shot(page, `reading-${os}-${theme}-find`);
    await findField(page).fill('없는 말입니다');
    await expect(findCount(page)).toHaveText('결과 없음');
    await expectNoA11yViolations(page);
  });
}
