/**
 * The results page for queries typed the way people type (issue 10), in both looks: a platform
 * word switches the chip and says so, the host OS never hides a topic, a partial answer says
 * so, and a search that found nothing offers a way on. axe-core on each.
 */
import type { Locator, Page } from '@playwright/test';
import { closeSuggestions, expect, expectNoA11yViolations, openApp, resultRows, searchFor, test, totalShown } from './app';

const LOOKS = [
  // The other desktop's install article, named by its platform word; a topic only another OS has.
  { os: 'windows', query: '맥에서 설치', platform: 'macOS', title: 'Mac에 톡플러스를 설치하려면 어떻게 하나요?', otherOnly: '베타 설치', otherTag: 'Linux' },
  { os: 'macos', query: '윈도우 설치', platform: 'Windows', title: 'Windows PC에 톡플러스를 설치하려면 어떻게 하나요?', otherOnly: '트레이 아이콘', otherTag: 'Windows' },
] as const;

const chips = (page: Page): Locator => page.getByRole('list', { name: '플랫폼' }).getByRole('button');

for (const look of LOOKS) {
  test(`${look.os}: a platform word in the query switches the chip, says so, and the suggestions agree with the results`, async ({ page, preview }) => {
    await openApp(page, preview, { os: look.os });
    await searchFor(page, look.query);
    await expect(resultRows(page).first().locator('.result-title')).toHaveText(look.title);
    const suggestions = page.getByRole('listbox', { name: '추천 도움말' });
    await expect(suggestions.getByRole('option').first()).toContainText(look.title);
    // Same query, same order: the list under the box is the first results.
    const listed = await suggestions.locator('.suggestion-title').allTextContents();
    const shown = await resultRows(page).locator('.result-title').allTextContents();
    expect(listed).toEqual(shown.slice(0, listed.length));
    await closeSuggestions(page);
    await expect(chips(page).filter({ hasText: look.platform })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(`${look.platform} 도움말을 보여 드려요.`)).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: '모든 플랫폼 보기' }).click();
    await expect(chips(page).filter({ hasText: '전체' })).toHaveAttribute('aria-pressed', 'true');
    await expect(resultRows(page).first().locator('.result-title')).toHaveText(look.title);
  });

  test(`${look.os}: the host OS hides nothing by default; a picked chip says how many it hides`, async ({ page, preview }) => {
    await openApp(page, preview, { os: look.os });
    await searchFor(page, look.otherOnly);
    await closeSuggestions(page);
    await expect(chips(page).filter({ hasText: '전체' })).toHaveAttribute('aria-pressed', 'true');
    await expect(resultRows(page).locator('.tag-platform').filter({ hasText: look.otherTag }).first()).toBeVisible();
    const all = await totalShown(page);
    await expectNoA11yViolations(page);

    await chips(page).filter({ hasText: '이 컴퓨터' }).click();
    await expect(page).toHaveURL(new RegExp(`platform=${look.os}`));
    await expect.poll(() => totalShown(page)).toBeLessThan(all);
    const hidden = all - (await totalShown(page));
    await expect(page.getByText(`다른 플랫폼용 ${hidden}건은 숨겼어요.`)).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test(`${look.os}: a query no article covers says it found no exact answer, with popular articles and the contact link`, async ({ page, preview }) => {
    await openApp(page, preview, { os: look.os });
    await searchFor(page, '대출 이자 계산');
    await closeSuggestions(page);
    await expect(page.getByRole('status').filter({ hasText: "'대출 이자 계산'에 딱 맞는 답은 찾지 못했어요." })).toBeVisible();
    await expect(resultRows(page).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: /에서 자주 찾는 도움말$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '고객센터에 문의하기' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test(`${look.os}: a search that finds nothing offers popular articles and the contact link; a compound is read as its words`, async ({ page, preview }) => {
    await openApp(page, preview, { os: look.os });
    await searchFor(page, 'qqxqzv');
    await expect(page.getByText("'qqxqzv'에 대한 도움말을 찾지 못했습니다")).toBeVisible();
    await expect(page.locator('.empty-popular .list > li').first()).toBeVisible();
    await expect(page.getByRole('button', { name: '고객센터에 문의하기' })).toBeVisible();
    await expectNoA11yViolations(page);

    await searchFor(page, '다크모드');
    await expect(page.locator('.did-you-mean').getByRole('button', { name: '다크 모드' })).toBeVisible();
    await expect(resultRows(page).first().locator('.result-title')).toHaveText('다크 모드나 테마를 바꾸려면 어떻게 하나요?');
  });
}
