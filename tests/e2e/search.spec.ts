/** Search results: what the web help center shows, and what Doum adds. */
import { closeSuggestions, expect, openApp, resultCount, resultRows, searchBox, searchFor, test, totalShown } from './app';

test('shows the total, one row per topic with [service][category][platform] tags, highlighted matches and the other platforms', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'macos' });
  await searchFor(page, '메시지 삭제');
  await expect(resultCount(page)).toHaveText(/^총 \d+건$/);
  const rows = resultRows(page);
  expect(await rows.count()).toBe(await totalShown(page));

  const first = rows.first();
  await expect(first.locator('.tag-service')).not.toBeEmpty();
  await expect(first.locator('.tag-category')).toContainText('›');
  await expect(first.locator('.tag-platform')).toHaveText(/macOS|공통/);
  await expect(first.locator('mark').first()).toBeVisible();
  const marked = await first.locator('mark').allTextContents();
  expect(marked.some((text) => /메시지|삭제/.test(text))).toBe(true);

  // One row per topic: the macOS version is shown, the others are badges that open them.
  const titles = await rows.locator('.result-title').allTextContents();
  expect(new Set(titles).size).toBe(titles.length);
  const deleteRow = rows.filter({ hasText: '채팅방에서 메시지를 삭제하려면' });
  await expect(deleteRow.locator('.tag-platform')).toHaveText('macOS');
  await expect(deleteRow.locator('.variants .badge')).toHaveText([/^Android/, /^iOS/, /^Windows/]);
  await deleteRow.getByRole('link', { name: 'Android 버전 보기' }).click();
  await expect(page).toHaveURL(/#\/article\/delete-message-android$/);
  await expect(page.getByRole('tab', { name: 'Android', selected: true })).toBeVisible();
});

test('platform chips: none filters by default (the host OS variant comes first), a picked one filters to what applies on it', async ({ page, preview }) => {
  await openApp(page, preview, { os: 'windows' });
  await searchFor(page, '알림');
  // The suggestions drop over the filters until closed.
  await expect(page.getByRole('listbox', { name: '추천 도움말' })).toBeVisible();
  await searchBox(page).press('Escape');
  const chips = page.getByRole('list', { name: '플랫폼' }).getByRole('button');
  await expect(chips.filter({ hasText: '전체' })).toHaveAttribute('aria-pressed', 'true');
  await expect(resultRows(page).locator('.tag-platform').first()).toHaveText(/Windows|공통/);
  const everywhere = await totalShown(page);

  await chips.filter({ hasText: 'Windows' }).click();
  await expect(chips.filter({ hasText: 'Windows' })).toHaveAttribute('aria-pressed', 'true');
  const onWindows = await totalShown(page);
  expect(onWindows).toBeLessThanOrEqual(everywhere);
  for (const platform of await resultRows(page).locator('.tag-platform').allTextContents()) expect(['Windows', '공통']).toContain(platform);

  await chips.filter({ hasText: 'Android' }).click();
  await expect(chips.filter({ hasText: 'Android' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/platform=android/);
  await expect(resultRows(page).locator('.tag-platform').first()).toHaveText(/Android|공통/);
  for (const platform of await resultRows(page).locator('.tag-platform').allTextContents()) expect(['Android', '공통']).toContain(platform);

  await chips.filter({ hasText: '전체' }).click();
  await expect(chips.filter({ hasText: '전체' })).toHaveAttribute('aria-pressed', 'true');
  expect(await totalShown(page)).toBeGreaterThanOrEqual(onWindows);
  // Each chip shows how many results it would leave.
  await expect(chips.filter({ hasText: '전체' }).locator('.chip-count')).toHaveText(String(await totalShown(page)));
});

test('filters by category and sorts by most recent', async ({ page, preview }) => {
  await openApp(page, preview);
  await searchFor(page, '설정');
  const all = await totalShown(page);
  const category = page.getByRole('combobox', { name: '카테고리' });
  const option = (await category.locator('option').allTextContents()).find((text) => text.startsWith('설정 ('))!;
  const expected = Number(/\((\d+)\)/.exec(option)![1]);
  await category.selectOption({ label: option });
  await expect(page).toHaveURL(/category=/);
  await expect.poll(() => totalShown(page)).toBe(expected);
  expect(expected).toBeLessThan(all);
  for (const tag of await resultRows(page).locator('.tag-category').allTextContents()) expect(tag.startsWith('설정')).toBe(true);

  await page.getByRole('combobox', { name: '정렬' }).selectOption('recent');
  await expect(page).toHaveURL(/sort=recent/);
  // The rows follow once the sorted answer arrives.
  await expect
    .poll(async () => {
      const ids = await resultRows(page).locator('.result-link').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.id!));
      const dates = await Promise.all(ids.map(async (id) => (await preview.center.service.getArticle(id))!.updatedAt));
      return dates.join() === [...dates].sort().reverse().join();
    })
    .toBe(true);
});

test('suggests articles while typing; choosing one opens it', async ({ page, preview }) => {
  await openApp(page, preview);
  await searchBox(page).pressSequentially('로그아');
  const suggestions = page.getByRole('listbox', { name: '추천 도움말' });
  await expect(suggestions.getByRole('option').first()).toBeVisible();
  await expect(suggestions.getByRole('option').first()).toContainText('로그아');
  await searchBox(page).press('ArrowDown');
  await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', /.+/);
  const title = (await suggestions.getByRole('option').first().locator('.suggestion-title').textContent())!;
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('offers "did you mean" for a query typed in the wrong keyboard layout', async ({ page, preview }) => {
  await openApp(page, preview);
  await searchFor(page, 'tlsrh');
  await closeSuggestions(page);
  const hint = page.locator('.did-you-mean');
  await expect(hint).toContainText('혹시 이것을 찾으셨나요?');
  await hint.getByRole('button', { name: '신고' }).click();
  await expect(searchBox(page)).toHaveValue('신고');
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', '신고');
  await expect(resultRows(page).first().locator('mark').first()).toBeVisible();
});

test('explains an empty result and offers a way out of filters that hide results', async ({ page, preview }) => {
  await openApp(page, preview);
  await searchFor(page, 'qqxqzv');
  await expect(page.getByText("'qqxqzv'에 대한 도움말을 찾지 못했습니다")).toBeVisible();
  await expect(page.getByText('초성만 입력해도 찾을 수 있습니다. 예: ㅅㄱ → 신고')).toBeVisible();
  await expect(page.getByRole('link', { name: '카테고리에서 찾아보기' })).toBeVisible();

  // Filters that leave nothing say how much they hide, and lift with one click.
  await searchFor(page, '메시지 삭제');
  await closeSuggestions(page);
  const category = page.getByRole('combobox', { name: '카테고리' });
  const messages = (await category.locator('option').allTextContents()).find((o) => o.includes('채팅 › 메시지'))!;
  await category.selectOption({ label: messages });
  await page.getByRole('list', { name: '플랫폼' }).getByRole('button', { name: /^공통/ }).click();
  await expect(resultRows(page)).toHaveCount(0);
  await expect(page.getByText(/다른 플랫폼이나 카테고리에 \d+건이 더 있습니다/)).toBeVisible();
  await page.getByRole('button', { name: '조건 없이 다시 찾기' }).click();
  await expect(resultRows(page).first()).toBeVisible();
  await expect(page.getByRole('list', { name: '플랫폼' }).getByRole('button', { name: /^전체/ })).toHaveAttribute('aria-pressed', 'true');
});

test('keeps every keystroke and shows the results of the last query, never a stale one', async ({ page, preview }) => {
  await openApp(page, preview);
  const query = '채팅방 메시지 알림 끄기';
  await searchBox(page).pressSequentially(query, { delay: 0 });
  await expect(searchBox(page)).toHaveValue(query);
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', query);
  // The results on screen are the core's answer to the whole query.
  const expected = await preview.center.service.search({ text: query, platform: 'windows', uiLocale: 'ko', limit: 200, followNamedPlatform: true });
  await expect(resultRows(page).first().locator('.result-title')).toHaveText(expected.results[0]!.title);
  // Back leaves the search for where it started, and forward brings the query back.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '무엇을 도와드릴까요?' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('');
  await page.goForward();
  await expect(searchBox(page)).toHaveValue(query);
});
