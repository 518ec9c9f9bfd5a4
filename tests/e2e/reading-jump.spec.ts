/**
 * Jump to the match: an article opened from a search result scrolls to the first passage with
 * the words the search matched and highlights them briefly (instantly, without smooth
 * scrolling, for people who prefer reduced motion); Back returns to the same result — the same
 * list, scrolled where it was, with focus on that result.
 */
import type { Page } from '@playwright/test';
import { closeSuggestions, DEEP_PASSAGE, expect, expectNoA11yViolations, GUIDE_ID, openApp, resultRows, searchBox, searchFor, shot, test, viewTitle } from './reading';

const jumpHighlights = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...((CSS.highlights.get('doum-jump') as Set<Range> | undefined) ?? [])].map((r) => r.toString()));

/** Records how the page asked to scroll elements into view. */
async function recordScrolls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { scrolls: string[] }).scrolls = calls;
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      calls.push(typeof options === 'object' ? (options.behavior ?? 'auto') : 'auto');
      original.call(this, options);
    };
  });
}
const scrollBehaviours = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { scrolls: string[] }).scrolls);

test('opening a result scrolls to the passage it matched and highlights its words briefly', async ({ page, preview }) => {
  await page.clock.install();
  await recordScrolls(page);
  await openApp(page, preview, { os: 'windows' });
  await searchFor(page, '방해 금지');
  await closeSuggestions(page);
  const row = resultRows(page).filter({ hasText: '다크 모드를 켜고' });
  await expect(row.locator('.snippet mark').first()).toBeVisible();
  await row.getByRole('link').first().click();

  await expect(viewTitle(page)).toHaveText(/다크 모드를 켜고/);
  const passage = page.locator('.article-body p').filter({ hasText: DEEP_PASSAGE });
  await expect(passage).toBeInViewport();
  await expect.poll(() => jumpHighlights(page)).toEqual(['방해', '금지']);
  expect(await scrollBehaviours(page)).toEqual(['smooth']);
  await expectNoA11yViolations(page);
  await shot(page, 'reading-windows-light-jump');

  // Briefly: gone after a few seconds.
  await page.clock.runFor(5000);
  await expect.poll(() => jumpHighlights(page)).toEqual([]);
  await expect(passage).toBeInViewport();
});

test('with reduced motion the jump is instant', async ({ page, preview }) => {
  await recordScrolls(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, preview, { os: 'macos', theme: 'dark' });
  await searchFor(page, '방해 금지');
  await closeSuggestions(page);
  await resultRows(page).filter({ hasText: '다크 모드를 켜고' }).getByRole('link').first().click();
  await expect(page.locator('.article-body p').filter({ hasText: DEEP_PASSAGE })).toBeInViewport();
  expect(await scrollBehaviours(page)).toEqual(['auto']);
  await expect.poll(() => jumpHighlights(page)).toEqual(['방해', '금지']);
  await expectNoA11yViolations(page);
  await shot(page, 'reading-macos-dark-jump');
});

test('an article opened any other way starts at its top', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  await searchFor(page, '방해 금지');
  await expect(resultRows(page).first()).toBeVisible();
  // Through the address, not the result: no jump.
  await page.goto(preview.url({ hash: `#/article/${GUIDE_ID}` }));
  await expect(viewTitle(page)).toBeFocused();
  expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await jumpHighlights(page)).toEqual([]);
});

test('Back returns to the same result: same list, same scroll, focus on that result', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  await searchFor(page, '대화 백업');
  await expect(page.locator('.result-count')).toContainText('총 24건');
  // Walk down the results by keyboard to the 20th and open it.
  await searchBox(page).press('Escape');
  await resultRows(page).first().getByRole('link').first().focus();
  for (let i = 1; i < 20; i++) await page.keyboard.press('ArrowDown');
  const opened = resultRows(page).nth(19).locator('.result-link');
  await expect(opened).toBeFocused();
  const openedId = await opened.getAttribute('data-id');
  const scrolled = await page.locator('#main').evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/article/${openedId}$`));
  await expect(viewTitle(page)).toBeFocused();

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '대화 백업');
  await expect(resultRows(page).nth(19).locator('.result-link')).toBeFocused();
  await expect(page.locator('.result-link:focus')).toHaveAttribute('data-id', openedId!);
  expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBe(scrolled);
  await expect(searchBox(page)).toHaveValue('대화 백업');
});
